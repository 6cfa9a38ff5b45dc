#!/usr/bin/env bash
# Cold-process lookup and search, side by side with the peer tools:
#   portlore 3147           vs  getent services 3147/tcp
#   portlore search file    vs  grep -i file /etc/services
# Usage: bench/lookup.sh [path/to/service-names-port-numbers.xml]
# Needs: hyperfine (apt), a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
registry=${1:-../shared/data/iana/service-names-port-numbers.xml}
bin=${PORTLORE_BIN:-${CARGO_TARGET_DIR:-target}/release/portlore}
[ -x "$bin" ] || cargo build --release -p portlore
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine"; exit 1; }
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export PORTLORE_DATA_DIR=$data PORTLORE_NO_LOCAL=1 NO_COLOR=1
"$bin" update --from "$registry" >/dev/null
mkdir -p bench/out
hyperfine -N --warmup 20 --runs 300 --export-markdown bench/out/lookup.md \
  -n 'portlore 3147' "$bin 3147" \
  -n 'getent services 3147/tcp' 'getent services 3147/tcp'
hyperfine -N --warmup 20 --runs 300 --export-markdown bench/out/search.md \
  -n 'portlore search file' "$bin search file" \
  -n 'grep -i file /etc/services' 'grep -i file /etc/services'
