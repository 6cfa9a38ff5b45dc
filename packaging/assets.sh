#!/usr/bin/env bash
# Generates what the Debian package ships beside the binaries: one man page per page that
# `portlore man --list` names (gzipped, as Debian keeps them) and the bash, zsh and fish
# completions, all from the built binary, so they cannot drift from its flags.
# Usage: packaging/assets.sh [TARGET_DIR]   (default: $CARGO_TARGET_DIR or ./target)
set -euo pipefail
target="${1:-${CARGO_TARGET_DIR:-target}}"
bin="$target/release/portlore"
out="$target/release/packaging"
rm -rf "$out"
mkdir -p "$out/man" "$out/completions"
for page in $("$bin" man --list); do
  if [ "$page" = portlore ]; then
    "$bin" man >"$out/man/portlore.1"
  else
    "$bin" man "${page#portlore-}" >"$out/man/$page.1"
  fi
done
gzip -9n "$out"/man/*.1
"$bin" completions bash >"$out/completions/portlore.bash"
"$bin" completions zsh >"$out/completions/_portlore"
"$bin" completions fish >"$out/completions/portlore.fish"
echo "packaging assets in $out: $(ls "$out/man" | wc -l) man pages, 3 completion scripts"
