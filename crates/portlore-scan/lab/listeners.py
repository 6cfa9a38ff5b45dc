#!/usr/bin/env python3
"""Lab listeners: open N random TCP ports (seeded) and write the ground truth once every
port is bound. Runs inside the lab namespace.

MODE greet:   send "LAB-<port>" and close (the default).
MODE silent:  accept and say nothing; close when the peer does.
MODE hostile: each port misbehaves in one of five ways, by its index in the truth file:
              endless banner, binary garbage, plaintext answer to anything (TLS included),
              accept-then-close, trickle one byte a second.

usage: listeners.py TRUTH_FILE N SEED ADDR [EXCLUDE_START-EXCLUDE_END] [MODE]
"""
import json, os, random, selectors, signal, socket, sys, threading, time

truth_path, count, seed, addr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lo, hi = (0, -1)
if len(sys.argv) > 5 and sys.argv[5]:
    lo, hi = map(int, sys.argv[5].split("-"))
mode = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else "greet"
HOSTILE = ["endless", "garbage", "plaintext", "close", "trickle"]

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
    s.listen(4096)
    s.setblocking(False)
    opened.append((port, s))

ports = sorted(p for p, _ in opened)
behaviour = {p: HOSTILE[i % len(HOSTILE)] for i, p in enumerate(ports)}
for port, s in opened:
    sel.register(s, selectors.EVENT_READ, ("listen", port))
tmp = truth_path + ".tmp"
with open(tmp, "w") as f:
    json.dump({"addr": addr, "open": ports, "filtered": [lo, hi] if hi >= lo else None,
               "mode": mode, "behaviour": behaviour if mode == "hostile" else None,
               "pid": os.getpid()}, f)
os.rename(tmp, truth_path)
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))


def hostile(conn, kind):
    try:
        conn.setblocking(True)
        conn.settimeout(30)
        if kind == "endless":
            chunk = b"BANNER " * 1000
            for _ in range(2000):
                conn.sendall(chunk)
        elif kind == "garbage":
            r = random.Random(7)
            conn.sendall(bytes(r.randrange(256) for _ in range(600)))
            time.sleep(5)
        elif kind == "plaintext":
            conn.recv(4096)
            conn.sendall(b"PLAINTEXT ONLY, NO TLS HERE\r\n")
            time.sleep(2)
        elif kind == "close":
            pass
        elif kind == "trickle":
            for _ in range(30):
                conn.sendall(b"t")
                time.sleep(1)
    except OSError:
        pass
    finally:
        conn.close()


while True:
    for key, _ in sel.select():
        what, data = key.data
        if what == "conn":
            try:
                if not key.fileobj.recv(4096):
                    raise OSError
            except OSError:
                sel.unregister(key.fileobj)
                key.fileobj.close()
            continue
        try:
            conn, _ = key.fileobj.accept()
        except OSError:
            continue
        if mode == "silent":
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, ("conn", data))
        elif mode == "hostile":
            threading.Thread(target=hostile, args=(conn, behaviour[data]), daemon=True).start()
        else:
            try:
                conn.setblocking(False)
                conn.send(b"LAB-%d\r\n" % data)
            except OSError:
                pass
            conn.close()
