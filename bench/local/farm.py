#!/usr/bin/env python3
"""Holds a socket farm for bench/local/run.sh: LISTEN listeners on 127.0.0.1 from
BASE upwards, and CONN loopback connections to them (two established sockets each,
client and accepted server side). Prints "ready" and sleeps until killed."""
import socket
import sys
import time

base, listen, conn = (int(x) for x in sys.argv[1:4])
listeners = []
for port in range(base, base + listen):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(64)
    listeners.append(s)
held = []
for i in range(conn):
    target = listeners[i % len(listeners)]
    c = socket.create_connection(target.getsockname())
    a, _ = target.accept()
    held.append((c, a))
print("ready", flush=True)
while True:
    time.sleep(3600)
