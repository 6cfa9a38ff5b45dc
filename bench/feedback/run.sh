#!/usr/bin/env bash
# Votes per second on SQLite and PostgreSQL under 64 concurrent clients, with p99.
#
#   bash bench/feedback/run.sh            # from the repository root
#
# Needs wrk (apt-get install wrk) and, for PostgreSQL, a server on 127.0.0.1:5432
# (trust auth; override with PORTLORE_BENCH_POSTGRES=postgres://user@host/db).
# The server under test is the real site router with the API and a real store, run
# from the api_crash test binary's serving mode in a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15s}
: "${CARGO_TARGET_DIR:=target}"
export CARGO_TARGET_DIR
bin=$(cargo test --release -p portlore-web --test api_crash --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m=json.loads(l)
    if m.get("reason")=="compiler-artifact" and m["target"]["name"]=="api_crash" and m.get("executable"): print(m["executable"])' | tail -1)
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

run() { # $1 = label, $2 = database URL
  PORTLORE_CRASH_CHILD="$2" "$bin" --exact crash_child_server --nocapture --test-threads=1 >"$work/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 100); do grep -q LISTENING "$work/out" && break; sleep 0.1; done
  addr=$(sed -n 's/.*LISTENING //p' "$work/out")
  printf '%-10s ' "$1"
  wrk -t4 -c64 -d"$DURATION" --latency -s bench/feedback/vote.lua "http://$addr" | tail -1
  kill $pid; wait $pid 2>/dev/null || true
}

run sqlite "sqlite://$work/votes.sqlite3"
pg=${PORTLORE_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}
db="portlore_bench_$$"
if psql "$pg" -qc "CREATE DATABASE $db" 2>/dev/null; then
  run postgres "${pg%/*}/$db"
  psql "$pg" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
else
  echo "postgres   skipped: no server at $pg"
fi
