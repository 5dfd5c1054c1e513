#!/usr/bin/env python3
"""The counting stub of 2026-12-02-wrk-gap.txt: an HTTP/1.1 keep-alive server on 127.0.0.1 (port printed) that
answers every request with a fixed 27-byte JSON body, writes the wall-clock time of every response it sent to
TIMES_FILE, and after SECONDS prints the first request's bytes, the most requests seen in one recv() (pipelining)
and the number of responses sent, then exits.
usage: wrk-gap-stub.py SECONDS TIMES_FILE
"""
import os, socket, sys, threading, time

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 0))
s.listen(4096)
print('port', s.getsockname()[1], flush=True)
body = b'{"message":"Hello, World!"}'
resp = b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' % (len(body), body)
state = {'first': None, 'maxper': 0, 'count': 0, 'times': []}
lock = threading.Lock()


def serve(c):
    buf = b''
    while True:
        try:
            d = c.recv(65536)
        except OSError:
            return
        if not d:
            return
        buf += d
        n = 0
        while b'\r\n\r\n' in buf:
            req, buf = buf.split(b'\r\n\r\n', 1)
            n += 1
            with lock:
                if state['first'] is None:
                    state['first'] = req + b'\r\n\r\n'
            try:
                c.sendall(resp)
            except OSError:
                return
            with lock:
                state['count'] += 1
                state['times'].append(time.time())
        with lock:
            state['maxper'] = max(state['maxper'], n)


def report():
    time.sleep(float(sys.argv[1]))
    with lock:
        print(repr(state['first']), len(state['first'] or b''), 'bytes; max requests per recv', state['maxper'],
              'responses sent', state['count'], flush=True)
        with open(sys.argv[2], 'w') as f:
            f.write('\n'.join('%.6f' % t for t in state['times']))
    os._exit(0)


threading.Thread(target=report, daemon=True).start()
while True:
    conn, _ = s.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
