"""A tiny stand-in contestant for the lab's tests: API spec v1 without a database (users are
computed from the id), on 127.0.0.1:$PORT. Options:
  --wrong-body  answers /json with {"message":"Hello"} (verify must fail it)
  --escapee     forks a child that leaves the process group and ignores SIGTERM (stop must still kill it)
  --fail-after N   answers every request after the first N with 500 (a server going bad mid-run)
  --die-after N    kills itself with SIGKILL on request N+1 (a crash mid-run)
  --burner      writes three lines to stderr at start, and also answers
                /burn?ms=N         a child process burns N ms of CPU time and exits; answered once it has
                /hold?mb=N         keeps N MiB of touched memory
                /hold-forked?mb=N  the same, then forks a child that shares those pages and sleeps
                /daemon            double-forks a child that leaves the session and sleeps; answers its pid
                /exit?code=N       writes "burner: exiting with N" to stderr and exits with code N
  --ws-delay-ms N    also serves GET /ws (spec v2 broadcast): every text message is sent to every open /ws
                     connection N ms after it arrived (a known delivery delay); pings answered, closes echoed
  --die-after-ws N   with --ws-delay-ms: kills itself with SIGKILL on the (N+1)th /ws message (a crash mid-fan-out)
  --cpu-holds-loop-ms N  /cpu holds one lock for N ms after counting, and /json waits for that lock: an
                     event loop that /cpu blocks
  --cpu-sleeps-ms N  /cpu waits N ms after counting without holding anything: /cpu that blocks nothing
"""
import base64, hashlib, heapq, json, os, re, signal, struct, subprocess, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WRONG = "--wrong-body" in sys.argv
BURNER = "--burner" in sys.argv
HELD = []

def count_option(name):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else None

FAIL_AFTER = count_option("--fail-after")
WS_DELAY_MS = count_option("--ws-delay-ms")
CPU_HOLDS_MS = count_option("--cpu-holds-loop-ms")
CPU_SLEEPS_MS = count_option("--cpu-sleeps-ms")
DIE_AFTER_WS = count_option("--die-after-ws")
DEAF_AFTER = count_option("--deaf-after")
ws_messages = 0
LOOP = threading.Lock()
DIE_AFTER = count_option("--die-after")
served = 0

def primes(n):
    count = 0
    for k in range(2, n + 1):
        d, prime = 2, True
        while d * d <= k:
            if k % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count

def int_param(query, name, lo, hi):
    m = re.fullmatch(name + r"=(-?\d+)", query or "")
    if not m or not lo <= int(m.group(1)) <= hi:
        return None
    return int(m.group(1))

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body are two writes: without TCP_NODELAY the body waits for a delayed ACK (40 ms)
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def reply(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        global served
        served += 1
        if DIE_AFTER is not None and served > DIE_AFTER:
            os.kill(os.getpid(), signal.SIGKILL)
        if DEAF_AFTER is not None and served > DEAF_AFTER:
            time.sleep(3600)  # stops answering, alive: as a server whose accept queue is full of old requests
        if FAIL_AFTER is not None and served > FAIL_AFTER:
            return self.reply(500, {"error": "failing on purpose"})
        path, _, query = self.path.partition("?")
        if path == "/ws" and WS_DELAY_MS is not None:
            return self.websocket()
        if path == "/json":
            if CPU_HOLDS_MS is not None:
                with LOOP:
                    pass
            return self.reply(200, {"message": "Hello" if WRONG else "Hello, World!"})
        m = re.fullmatch(r"/api/users/(.*)", path)
        if m:
            if not re.fullmatch(r"-?\d+", m.group(1)):
                return self.reply(400, {"error": "id must be an integer"})
            i = int(m.group(1))
            if 1 <= i <= 10000:
                return self.reply(200, {"id": i, "name": "User %d" % i, "email": "user%d@example.com" % i})
            return self.reply(404, {"error": "User not found"})
        if path == "/io":
            ms = int_param(query, "ms", 0, 10000)
            if ms is None:
                return self.reply(400, {"error": "ms must be an integer in 0..10000"})
            time.sleep(ms / 1000)
            return self.reply(200, {"waitedMs": ms})
        if path == "/cpu":
            n = int_param(query, "n", 1, 1000000)
            if n is None:
                return self.reply(400, {"error": "n must be an integer in 1..1000000"})
            if CPU_HOLDS_MS is not None:
                with LOOP:
                    count = primes(n)
                    time.sleep(CPU_HOLDS_MS / 1000)
                return self.reply(200, {"n": n, "primes": count})
            count = primes(n)
            if CPU_SLEEPS_MS is not None:
                time.sleep(CPU_SLEEPS_MS / 1000)
            return self.reply(200, {"n": n, "primes": count})
        if BURNER:
            return self.burner(path, query)
        return self.reply(404, {"error": "not found"})

    def websocket(self):
        key = self.headers.get("Sec-WebSocket-Key", "")
        accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
        self.send_response(101)
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept)
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        peer = Peer(self.connection)
        with PEERS_LOCK:
            PEERS.add(peer)
        try:
            while True:
                opcode, payload = read_frame(self.rfile)
                if opcode is None or opcode == 8:
                    if opcode == 8:
                        peer.send(8, payload[:2])
                    return
                if opcode == 9:
                    peer.send(10, payload)
                elif opcode == 1:
                    global ws_messages
                    ws_messages += 1
                    if DIE_AFTER_WS is not None and ws_messages > DIE_AFTER_WS:
                        os.kill(os.getpid(), signal.SIGKILL)
                    BROADCASTS.put(time.monotonic() + WS_DELAY_MS / 1000, payload)
        finally:
            with PEERS_LOCK:
                PEERS.discard(peer)

    def burner(self, path, query):
        if path == "/burn":
            ms = int_param(query, "ms", 1, 60000)
            burn = "import time\nend = time.process_time() + %f\nwhile time.process_time() < end: pass" % (ms / 1000)
            subprocess.run([sys.executable, "-c", burn], check=True)
            return self.reply(200, {"burnedMs": ms})
        if path in ("/hold", "/hold-forked"):
            mb = int_param(query, "mb", 1, 4096)
            HELD.append(b"\x01" * (mb << 20))
            if path == "/hold-forked" and os.fork() == 0:
                time.sleep(600)
                os._exit(0)
            return self.reply(200, {"heldMb": mb})
        if path == "/exit":
            code = int_param(query, "code", 0, 255)
            print("burner: exiting with %d" % code, file=sys.stderr, flush=True)
            os._exit(code)
        if path == "/daemon":
            r, w = os.pipe()
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.write(w, str(os.getpid()).encode())
                    os.close(w)
                    time.sleep(600)
                os._exit(0)
            os.close(w)
            pid = int(os.read(r, 32))
            os.close(r)
            return self.reply(200, {"pid": pid})
        return self.reply(404, {"error": "not found"})

def read_exactly(f, n):
    data = f.read(n)
    return data if data is not None and len(data) == n else None

def read_frame(f):
    """One client frame (masked, unfragmented): (opcode, payload), or (None, None) at EOF."""
    head = read_exactly(f, 2)
    if head is None:
        return None, None
    opcode, length = head[0] & 0x0F, head[1] & 0x7F
    if length == 126:
        length = struct.unpack(">H", read_exactly(f, 2))[0]
    elif length == 127:
        length = struct.unpack(">Q", read_exactly(f, 8))[0]
    mask = read_exactly(f, 4) if head[1] & 0x80 else b"\0\0\0\0"
    data = read_exactly(f, length) if length else b""
    if mask is None or data is None:
        return None, None
    return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

class Peer:
    def __init__(self, sock):
        self.sock, self.lock = sock, threading.Lock()

    def send(self, opcode, payload):
        n = len(payload)
        head = bytes([0x80 | opcode, n]) if n < 126 else bytes([0x80 | opcode, 126]) + struct.pack(">H", n)
        try:
            with self.lock:
                self.sock.sendall(head + payload)
        except OSError:
            pass

class Broadcasts:
    """Sends each message to every peer at its due time, on one thread, in due order."""
    def __init__(self):
        self.heap, self.cond, self.seq = [], threading.Condition(), 0

    def put(self, due, payload):
        with self.cond:
            self.seq += 1
            heapq.heappush(self.heap, (due, self.seq, payload))
            self.cond.notify()

    def run(self):
        while True:
            with self.cond:
                while not self.heap or self.heap[0][0] > time.monotonic():
                    self.cond.wait(None if not self.heap else self.heap[0][0] - time.monotonic())
                _, _, payload = heapq.heappop(self.heap)
            with PEERS_LOCK:
                peers = list(PEERS)
            for p in peers:
                p.send(1, payload)

PEERS, PEERS_LOCK, BROADCASTS = set(), threading.Lock(), Broadcasts()
if WS_DELAY_MS is not None:
    threading.Thread(target=BROADCASTS.run, daemon=True).start()

if "--escapee" in sys.argv and os.fork() == 0:
    os.setpgid(0, 0)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(600)
    os._exit(0)

if BURNER:
    for i in (1, 2, 3):
        print("burner: line %d" % i, file=sys.stderr, flush=True)

print("serving on port %s as pid %d with %s workers, %s cpus, %s" % (os.environ["PORT"], os.getpid(), os.environ.get("WORKERS"),
      os.environ.get("CPUS"), os.environ.get("GREETING")), flush=True)
# a thread per connection: a verifier's idle keep-alive connection must not block the load's
# a listen backlog of 5 (the default) drops the SYNs of a burst of connects (subscribers, a growing pool):
# each then waits a second for its retry
ThreadingHTTPServer.request_queue_size = 1024
server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
server.daemon_threads = True
server.serve_forever()
