#!/usr/bin/env bash
# Cold-process lookup and search, side by side with the peer tools:
#   portlore 3147           vs  getent services 3147/tcp
#   portlore search file    vs  grep -i file /etc/services
# Both portlore builds are measured: the default `cargo build --release` (dynamic, PIE) and
# the release binary as shipped, `cargo release-static` (static, position-dependent).
# Usage: bench/lookup.sh [path/to/service-names-port-numbers.xml]
# Needs: hyperfine (apt). Set PORTLORE_BIN and PORTLORE_STATIC_BIN to skip the builds.
set -euo pipefail
cd "$(dirname "$0")/.."
registry=${1:-../shared/data/iana/service-names-port-numbers.xml}
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target=${CARGO_TARGET_DIR:-target}
dynamic=${PORTLORE_BIN:-}
if [ -z "$dynamic" ]; then
  cargo build --release --locked -p portlore
  dynamic=$work/portlore-dynamic
  cp "$target/release/portlore" "$dynamic"
fi
static=${PORTLORE_STATIC_BIN:-}
if [ -z "$static" ]; then
  cargo release-static
  static=$work/portlore-static
  cp "$target/release/portlore" "$static"
fi
export PORTLORE_DATA_DIR=$work/data NO_COLOR=1
"$static" update --from "$registry" >/dev/null
mkdir -p bench/out
# -i: Debian's /etc/services has no 3147, so getent reads the whole file and exits 2; that
# miss is the work a person waits for, so its exit status is not an error here.
runs=(-N -i --warmup 50 --runs 1000)
# First the page alone (PORTLORE_NO_LOCAL=1), then as a person gets it by default, with
# the "Here, on this machine" section (one netlink query). hyperfine -N runs each command
# directly, so the variable is set around the run rather than through env(1).
PORTLORE_NO_LOCAL=1 hyperfine "${runs[@]}" --export-markdown bench/out/lookup.md \
  -n 'getent services 3147/tcp' 'getent services 3147/tcp' \
  -n 'portlore 3147 (static release)' "$static 3147" \
  -n 'portlore 3147 (default build)' "$dynamic 3147"
hyperfine "${runs[@]}" --export-markdown bench/out/lookup-here.md \
  -n 'getent services 3147/tcp' 'getent services 3147/tcp' \
  -n 'portlore 3147 with Here (static release)' "$static 3147" \
  -n 'portlore 3147 with Here (default build)' "$dynamic 3147"
hyperfine "${runs[@]}" --export-markdown bench/out/search.md \
  -n 'grep -i file /etc/services' 'grep -i file /etc/services' \
  -n 'portlore search file (static release)' "$static search file" \
  -n 'portlore search file (default build)' "$dynamic search file"
cat bench/out/lookup.md bench/out/lookup-here.md bench/out/search.md
