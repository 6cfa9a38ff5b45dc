#!/usr/bin/env bash
# Cold-process lookup and search, side by side with the peer tools:
#   portlore 3147           vs  getent services 3147/tcp
#   portlore search file    vs  grep -i file /etc/services
# By default portlore answers from the registry snapshot built into the binary, as on a
# first run with nothing installed. With a registry file as argument, the same lookups
# run once more against a store installed from it with `portlore update --from`.
# `portlore-full 3147` runs the same lookup in the binary that links everything (the
# scanner, the web server, SQLite, TLS), to show what keeping `portlore` lean buys.
# Usage: bench/lookup.sh [path/to/service-names-port-numbers.xml]
# Needs: hyperfine (apt). Builds the release binaries unless PORTLORE_BIN names `portlore`
# (with `portlore-full` beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
registry=${1:-}
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine"; exit 1; }
bin=${PORTLORE_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --locked -p portlore -p portlore-full
  bin=${CARGO_TARGET_DIR:-target}/release/portlore
fi
full=$(dirname "$bin")/portlore-full
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# An empty data directory: nothing installed, so the built-in snapshot answers.
export PORTLORE_DATA_DIR=$data NO_COLOR=1
unset PORTLORE_REGISTRY
mkdir -p bench/out
# -i: Debian's /etc/services has no 3147, so getent reads the whole file and exits 2; that
# miss is the work a person waits for, so its exit status is not an error here.
runs=(-N -i --warmup 50 --runs 1000)
"$bin" stats | head -1
# First the page alone (PORTLORE_NO_LOCAL=1), then as a person gets it by default, with
# the "Here, on this machine" section (one netlink query). hyperfine -N runs each command
# directly, so the variable is set around the run rather than through env(1).
PORTLORE_NO_LOCAL=1 hyperfine "${runs[@]}" --export-markdown bench/out/lookup.md \
  -n 'getent services 3147/tcp' 'getent services 3147/tcp' \
  -n 'portlore 3147 (built-in snapshot)' "$bin 3147" \
  -n 'portlore-full 3147 (built-in snapshot)' "$full 3147"
hyperfine "${runs[@]}" --export-markdown bench/out/lookup-here.md \
  -n 'getent services 3147/tcp' 'getent services 3147/tcp' \
  -n 'portlore 3147 with Here' "$bin 3147"
hyperfine "${runs[@]}" --export-markdown bench/out/search.md \
  -n 'grep -i file /etc/services' 'grep -i file /etc/services' \
  -n 'portlore search file' "$bin search file"
outputs=(bench/out/lookup.md bench/out/lookup-here.md bench/out/search.md)
if [ -n "$registry" ]; then
  "$bin" update --from "$registry" >/dev/null
  "$bin" stats | head -1
  PORTLORE_NO_LOCAL=1 hyperfine "${runs[@]}" --export-markdown bench/out/lookup-installed.md \
    -n 'getent services 3147/tcp' 'getent services 3147/tcp' \
    -n 'portlore 3147 (installed store)' "$bin 3147"
  outputs+=(bench/out/lookup-installed.md)
fi
cat "${outputs[@]}"
