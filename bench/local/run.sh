#!/usr/bin/env bash
# Benchmark of `portlore local --all` against `ss -tanp` and `lsof -nP -i`, over 10,000
# listening and 10,000 established loopback sockets in a network namespace of our own.
#
#   sudo bench/local/run.sh [path/to/portlore]
#
# Needs root (ip netns), python3, hyperfine and GNU time (/usr/bin/time). The farm is
# spread over PROCS processes so none exceeds the 20,000 open-file limit. With
# PORTLORE_TEST_REGISTRY set, portlore judges with the full IANA registry installed.
set -euo pipefail

BIN=${1:-target/release/portlore}
BIN=$(readlink -f "$BIN")
NS=portlore-bench-$$
PROCS=${PROCS:-5}
LISTEN=${LISTEN:-10000}
ESTAB=${ESTAB:-10000}          # established sockets: ESTAB/2 connections, both ends
RUNS=${RUNS:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$(mktemp -d)

for tool in ip python3 hyperfine ss lsof /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "no portlore binary at $BIN (cargo build --release -p portlore)" >&2; exit 2; }

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$DATA"
}
trap cleanup EXIT

ip netns add "$NS"
ip -n "$NS" link set lo up

export PORTLORE_DATA_DIR=$DATA NO_COLOR=1
if [ -n "${PORTLORE_TEST_REGISTRY:-}" ]; then
    "$BIN" update --from "$PORTLORE_TEST_REGISTRY" >/dev/null
    echo "registry: installed from $PORTLORE_TEST_REGISTRY"
else
    echo "registry: none (curated facts only)"
fi

per_listen=$((LISTEN / PROCS))
per_conn=$((ESTAB / 2 / PROCS))
fifo_dir=$(mktemp -d)
for i in $(seq 0 $((PROCS - 1))); do
    base=$((10000 + i * per_listen))
    mkfifo "$fifo_dir/$i"
    ip netns exec "$NS" python3 "$HERE/farm.py" "$base" "$per_listen" "$per_conn" >"$fifo_dir/$i" &
    pids+=($!)
done
for i in $(seq 0 $((PROCS - 1))); do
    read -r line <"$fifo_dir/$i"
    [ "$line" = ready ] || { echo "farm $i failed" >&2; exit 1; }
done
rm -rf "$fifo_dir"

inns() { ip netns exec "$NS" "$@"; }
echo "sockets in $NS: $(inns ss -tanH | wc -l) TCP ($(inns ss -tlnH | wc -l) listening, $(inns ss -tnH state established | wc -l) established)"
echo "portlore rows:  $(inns "$BIN" local --all --csv | tail -n +2 | wc -l)"
echo "ss rows:        $(inns ss -tanpH | wc -l)"
echo "lsof rows:      $(inns lsof -nP -i | tail -n +2 | wc -l)"
echo

inns hyperfine -N --warmup 3 --runs "$RUNS" \
    --export-markdown "$DATA/fast.md" \
    "$BIN local --all" "$BIN local --all --json" "ss -tanp"
inns hyperfine -N --warmup 1 --runs 3 --export-markdown "$DATA/lsof.md" "lsof -nP -i"
echo
cat "$DATA/fast.md" "$DATA/lsof.md"
echo
for cmd in "$BIN local --all" "ss -tanp" "lsof -nP -i"; do
    rss=$(inns /usr/bin/time -v $cmd 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
    echo "peak RSS  $cmd: ${rss} KiB"
done
