#!/usr/bin/env bash
# The scan lab: two network namespaces joined by a veth pair, nothing else.
#   NAME-scan  198.18.ID.1  (run the scanner here: ip netns exec NAME-scan …)
#   NAME-lab   198.18.ID.2  N listeners on random ports, nftables drops a port block
# 198.18.0.0/15 is the benchmarking range (RFC 2544); it exists only inside these
# namespaces, which have no route anywhere else.
#
# usage: lab.sh up NAME ID OPEN SEED [DROP_START-DROP_END] [MODE]  (writes $STATE/truth.json)
#        lab.sh down NAME
# MODE: greet (default), silent, hostile (see listeners.py), or proxied: one greeting
# listener, and nftables redirects every other TCP port to it, as a SYN proxy would.
# STATE defaults to /tmp/portlore-lab-NAME. Needs root, ip, nft and python3.
set -euo pipefail
cmd=${1:?up|down}; name=${2:?name}
state=${STATE:-/tmp/portlore-lab-$name}
here=$(cd "$(dirname "$0")" && pwd)

down() {
  if [[ -f $state/listeners.pid ]]; then kill "$(cat "$state/listeners.pid")" 2>/dev/null || true; fi
  ip netns del "$name-lab" 2>/dev/null || true
  ip netns del "$name-scan" 2>/dev/null || true
  rm -rf "$state"
}

case $cmd in
  down) down ;;
  up)
    id=${3:?id 0-255}; open=${4:?open ports}; seed=${5:?seed}; drop=${6:-}; mode=${7:-greet}
    down
    mkdir -p "$state"
    ip netns add "$name-scan"
    ip netns add "$name-lab"
    ip link add "${name:0:8}-s" netns "$name-scan" type veth peer name "${name:0:8}-l" netns "$name-lab"
    ip -n "$name-scan" addr add "198.18.$id.1/24" dev "${name:0:8}-s"
    ip -n "$name-lab" addr add "198.18.$id.2/24" dev "${name:0:8}-l"
    for ns in scan lab; do
      ip -n "$name-$ns" link set lo up
      ip -n "$name-$ns" link set "${name:0:8}-${ns:0:1}" up
    done
    if [[ -n $drop ]]; then
      ip netns exec "$name-lab" nft -f - <<NFT
table inet portlore_lab {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport ${drop/-/-} drop
  }
}
NFT
    fi
    listen_mode=$mode
    [[ $mode == proxied ]] && listen_mode=greet
    ip netns exec "$name-lab" bash -c 'ulimit -n 20000; exec "$@"' _ python3 "$here/listeners.py" \
      "$state/truth.json" "$open" "$seed" "198.18.$id.2" "$drop" "$listen_mode" >"$state/listeners.log" 2>&1 &
    echo $! >"$state/listeners.pid"
    for _ in $(seq 1 200); do
      [[ -f $state/truth.json ]] && break
      sleep 0.05
    done
    [[ -f $state/truth.json ]] || { echo "lab: listeners did not start" >&2; cat "$state/listeners.log" >&2; exit 1; }
    if [[ $mode == proxied ]]; then
      to=$(python3 -c "import json;print(json.load(open('$state/truth.json'))['open'][0])")
      ip netns exec "$name-lab" nft -f - <<NFT
table ip portlore_lab_nat {
  chain prerouting {
    type nat hook prerouting priority -100; policy accept;
    tcp dport != $to redirect to :$to
  }
}
NFT
    fi
    echo "$state/truth.json"
    ;;
  *) echo "usage: lab.sh up NAME ID OPEN SEED [DROP] | down NAME" >&2; exit 2 ;;
esac
