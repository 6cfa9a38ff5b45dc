#!/usr/bin/env bash
# Side-by-side full-range TCP scan benchmark in a private namespace lab (needs root).
#   portlore scan -p-   vs   nmap -sT -p- -T4   vs   RustScan (no nmap hand-off)
# Case 1: every port answers (200 open, the rest closed).
# Case 2: 10,000 ports dropped by nftables (200 open outside the block, the rest closed).
# Traffic stays between two network namespaces this script creates (198.18.0.0/15).
#
# usage: bench/scan/run.sh [PORTLORE_BIN] [RUSTSCAN_BIN]
#   defaults: target/release/portlore (CARGO_TARGET_DIR honoured) and rustscan on PATH
#   or /work/tools/rustscan/bin/rustscan (cargo install rustscan --locked --root DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lab="$root/crates/portlore-scan/lab/lab.sh"
portlore=${1:-${CARGO_TARGET_DIR:-$root/target}/release/portlore}
rustscan=${2:-$(command -v rustscan || echo /work/tools/rustscan/bin/rustscan)}
runs=${RUNS:-3}
name=plbench
id=77
addr=198.18.$id.2
trap '"$lab" down $name >/dev/null 2>&1 || true' EXIT

now() { date +%s.%N; }

# count_found TOOL OUTPUT_FILE -> sorted open ports on stdout
found() {
  case $1 in
    portlore) grep '"type":"port"' "$2" | sed 's/.*"port":\([0-9]*\).*/\1/' ;;
    nmap) grep -o '[0-9]*/open/' "$2" | cut -d/ -f1 ;;
    rustscan) grep -o '\[.*\]' "$2" | tr -d '[] ' | tr ',' '\n' | grep . ;;
  esac | sort -n
}

run_case() {
  local label=$1 drop=$2
  truth=$("$lab" up $name $id 200 1 "$drop")
  python3 -c "import json;print('\n'.join(map(str,sorted(json.load(open('$truth'))['open']))))" >/tmp/plbench-truth
  echo "## $label (truth: $(wc -l </tmp/plbench-truth) open${drop:+, $drop dropped})"
  printf '| tool | run | wall s | open found | missed | false |\n|---|---|---|---|---|---|\n'
  for i in $(seq 1 "$runs"); do
    for tool in portlore portlore-sv nmap rustscan; do
      out=/tmp/plbench-$tool.out
      t0=$(now)
      case $tool in
        portlore) ip netns exec $name-scan "$portlore" scan "$addr" -p- -T aggressive --no-service --json --no-progress >"$out" || true ;;
        portlore-sv) ip netns exec $name-scan "$portlore" scan "$addr" -p- -T aggressive --json --no-progress >"$out" || true ;;
        nmap) ip netns exec $name-scan nmap -sT -p- -T4 -Pn -n -oG "$out" "$addr" >/dev/null ;;
        rustscan)
          if [[ -x $rustscan ]]; then
            ip netns exec $name-scan "$rustscan" -a "$addr" -r 1-65535 -g --ulimit 20000 >"$out" 2>/dev/null || true
          else
            echo "rustscan not built" >"$out"
          fi ;;
      esac
      t1=$(now)
      found "${tool%-sv}" "$out" >/tmp/plbench-found || true
      n=$(wc -l </tmp/plbench-found)
      missed=$(comm -23 /tmp/plbench-truth /tmp/plbench-found | wc -l)
      false=$(comm -13 /tmp/plbench-truth /tmp/plbench-found | wc -l)
      printf '| %s | %d | %.2f | %d | %d | %d |\n' "$tool" "$i" "$(echo "$t1 - $t0" | bc)" "$n" "$missed" "$false"
    done
  done
  echo
  "$lab" down $name
}

echo "portlore: $portlore; nmap: $(nmap --version | head -1); rustscan: $("$rustscan" --version 2>/dev/null || echo absent)"
echo "runs per tool: $runs; machine: $(nproc) cores; date: $(date -u +%FT%TZ)"
echo
run_case "Every port answers" ""
run_case "10,000 filtered ports" "30000-39999"
