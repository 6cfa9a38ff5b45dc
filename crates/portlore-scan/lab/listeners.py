#!/usr/bin/env python3
"""Lab listeners: open N random TCP ports (seeded), greet and close each connection,
and write the ground truth once every port is bound. Runs inside the lab namespace.

usage: listeners.py TRUTH_FILE N SEED ADDR [EXCLUDE_START-EXCLUDE_END]
"""
import json, os, random, selectors, signal, socket, sys

truth_path, count, seed, addr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lo, hi = (0, -1)
if len(sys.argv) > 5 and sys.argv[5]:
    lo, hi = map(int, sys.argv[5].split("-"))

rng = random.Random(seed)
sel = selectors.DefaultSelector()
opened = []
candidates = [p for p in range(1, 65536) if not (lo <= p <= hi)]
rng.shuffle(candidates)
for port in candidates:
    if len(opened) >= count:
        break
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("0.0.0.0", port))
    except OSError:
        s.close()
        continue
    s.listen(1024)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, port)
    opened.append(port)

opened.sort()
tmp = truth_path + ".tmp"
with open(tmp, "w") as f:
    json.dump({"addr": addr, "open": opened, "filtered": [lo, hi] if hi >= lo else None,
               "pid": os.getpid()}, f)
os.rename(tmp, truth_path)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
while True:
    for key, _ in sel.select():
        try:
            conn, _ = key.fileobj.accept()
        except OSError:
            continue
        try:
            conn.setblocking(False)
            conn.send(b"LAB-%d\r\n" % key.data)
        except OSError:
            pass
        conn.close()
