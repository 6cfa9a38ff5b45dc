#!/usr/bin/env bash
# Identification benchmark, portlore beside nmap in one run (issue 13). Needs root.
# Case 1: a namespace lab with 200 listeners that never send a banner and 1,000 ports
#         dropped by nftables (40000-40999); -p- with identification, then discovery only.
# Case 2: the real services on this machine's loopback (.ci/services starts them).
# Traffic goes only to the lab namespaces this script creates (198.18.0.0/15) and to
# 127.0.0.1. nmap is run as a binary only; none of its data files is read here.
#
# usage: bench/scan/identify.sh [PORTLORE_BIN]   (default: the release build of portlore)
#   RUNS=N repeats each case; NMAP_SV_LAB=0 / NMAP_SV_SVC=0 skip nmap -sV on the lab / the
#   loopback services (minutes each); NMAP_SV_TIMEOUT bounds nmap -sV on the lab (900 s).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lab="$root/crates/portlore-scan/lab/lab.sh"
portlore=${1:-${CARGO_TARGET_DIR:-$root/target}/release/portlore}
runs=${RUNS:-1}
ratio=""
name=plident
id=78
addr=198.18.$id.2
services=${SERVICES:-1883,3306,4222,5432,5672,6379,25672,4369}
trap '"$lab" down $name >/dev/null 2>&1 || true' EXIT
now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
secs() { printf '%.2f' "$(echo "$2 - $1" | bc)"; }

# stats FILE -> "portscan_s identify_s" from portlore's JSON Lines summary
stats() {
  python3 - "$1" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("type") == "summary":
        s = r["stats"]
        print(f'{s["portscan_ms"]/1000:.2f} {s["identify_ms"]/1000:.2f}')
PY
}

# named FILE -> "named/total" and the names, from portlore's JSON Lines
named() {
  python3 - "$1" <<'PY'
import json, sys
ports = [json.loads(l) for l in open(sys.argv[1])]
ports = [p for p in ports if p.get("type") == "port"]
ok = [p for p in ports if (p.get("service") or {}).get("status") == "identified"]
print(f"{len(ok)}/{len(ports)}", " ".join(
    f'{p["port"]}={p["service"]["name"]}:{p["service"].get("product") or "-"}:{p["service"].get("version") or "-"}'
    for p in ports))
PY
}

# exact FILE TRUTH TOOL -> "found missed false statuses" against the lab's ground truth
exact() {
  python3 - "$1" "$2" "$3" <<'PY'
import collections, json, re, sys
path, truth, tool = sys.argv[1:]
want = set(json.load(open(truth))["open"])
if tool == "portlore":
    recs = [json.loads(l) for l in open(path)]
    ports = [r for r in recs if r.get("type") == "port"]
    got = {r["port"] for r in ports}
    st = collections.Counter((r.get("service") or {}).get("status", "-") for r in ports)
else:
    found = re.findall(r'(\d+)/open/tcp//([^/]*)/', open(path).read())
    got = {int(p) for p, _ in found}
    st = collections.Counter(n or "-" for _, n in found)
print(len(got), len(want - got), len(got - want), ",".join(f"{k}:{v}" for k, v in sorted(st.items())) or "-")
PY
}

nmap_named() { # FILE (-oG) -> "named/total" and what nmap said (service:version field)
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
# -oG port fields: port/state/protocol/owner/service/rpc/version/
ports = re.findall(r'(\d+)/open/tcp//([^/]*)//([^/]*)/', text)
ok = [p for p in ports if p[1] and p[1] not in ("unknown", "tcpwrapped") and not p[1].endswith("?")]
print(f"{len(ok)}/{len(ports)}", " ".join(f"{p}={n or '-'}:{v or '-'}" for p, n, v in ports))
PY
}

echo "portlore: $portlore; nmap: $(nmap --version | head -1)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%FT%TZ)"
echo

truth=$("$lab" up $name $id 200 7 40000-40999 silent)
want=$(python3 -c "import json;print(len(json.load(open('$truth'))['open']))")
echo "## lab: $want silent listeners + 1,000 dropped ports, all 65,535 ports"
echo '| tool | run | load | wall s | find s | identify s | open found | missed | false | statuses |'
echo '|---|---|---|---|---|---|---|---|---|---|'
for i in $(seq 1 "$runs"); do
  out=/tmp/plident-pl.jsonl
  l=$(load); t0=$(now)
  ip netns exec $name-scan "$portlore" scan "$addr" -p- -T aggressive --json --no-progress >"$out" || true
  t1=$(now)
  read -r find ident < <(stats "$out")
  read -r n miss false st < <(exact "$out" "$truth" portlore)
  echo "| portlore scan -p- -T4 | $i | $l | $(secs "$t0" "$t1") | $find | $ident | $n | $miss | $false | $st |"
  out=/tmp/plident-pl-ns.jsonl
  l=$(load); t0=$(now)
  ip netns exec $name-scan "$portlore" scan "$addr" -p- -T aggressive --no-service --json --no-progress >"$out" || true
  t1=$(now)
  pl_disc=$(secs "$t0" "$t1")
  read -r n miss false st < <(exact "$out" "$truth" portlore)
  echo "| portlore scan -p- -T4 --no-service | $i | $l | $pl_disc | $pl_disc | - | $n | $miss | $false | - |"
  out=/tmp/plident-nmap-st.gnmap
  l=$(load); t0=$(now)
  ip netns exec $name-scan nmap -sT -p- -T4 -Pn -n -oG "$out" "$addr" >/dev/null
  t1=$(now)
  nmap_disc=$(secs "$t0" "$t1")
  read -r n miss false st < <(exact "$out" "$truth" nmap)
  echo "| nmap -sT -p- -T4 | $i | $l | $nmap_disc | $nmap_disc | - | $n | $miss | $false | - |"
  ratio="$ratio $(printf '%.2f' "$(echo "$pl_disc / $nmap_disc" | bc -l)")"
  if [[ ${NMAP_SV_LAB:-1} == 1 ]]; then
    out=/tmp/plident-nmap-sv.gnmap
    l=$(load); t0=$(now)
    # Bounded: nmap -sV probes every silent port for a long time.
    timeout "${NMAP_SV_TIMEOUT:-900}" ip netns exec $name-scan nmap -sT -sV -p- -T4 -Pn -n -oG "$out" "$addr" >/dev/null || echo "(nmap -sV stopped after ${NMAP_SV_TIMEOUT:-900} s)"
    t1=$(now)
    read -r n miss false st < <(exact "$out" "$truth" nmap)
    echo "| nmap -sT -sV -p- -T4 | $i | $l | $(secs "$t0" "$t1") | - | - | $n | $miss | $false | $st |"
  fi
done
echo
echo "discovery ratio portlore/nmap (goal <= 0.70):$ratio"
"$lab" down $name
echo

echo "## loopback services: 127.0.0.1 -p $services"
echo '| tool | run | load | wall s | named | what |'
echo '|---|---|---|---|---|---|'
for i in $(seq 1 "$runs"); do
  out=/tmp/plident-svc.jsonl
  l=$(load); t0=$(now)
  "$portlore" scan 127.0.0.1 -p "$services" --json --no-progress >"$out" || true
  t1=$(now)
  read -r n what < <(named "$out")
  echo "| portlore scan | $i | $l | $(secs "$t0" "$t1") | $n | $what |"
  [[ ${NMAP_SV_SVC:-1} == 1 ]] || continue
  out=/tmp/plident-svc.gnmap
  l=$(load); t0=$(now)
  nmap -sT -sV -Pn -n -p "$services" -oG "$out" 127.0.0.1 >/dev/null
  t1=$(now)
  read -r n what < <(nmap_named "$out")
  echo "| nmap -sT -sV | $i | $l | $(secs "$t0" "$t1") | $n | $what |"
done
