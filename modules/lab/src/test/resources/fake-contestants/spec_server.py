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
"""
import json, os, re, signal, subprocess, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WRONG = "--wrong-body" in sys.argv
BURNER = "--burner" in sys.argv
HELD = []

def count_option(name):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else None

FAIL_AFTER = count_option("--fail-after")
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
        if FAIL_AFTER is not None and served > FAIL_AFTER:
            return self.reply(500, {"error": "failing on purpose"})
        path, _, query = self.path.partition("?")
        if path == "/json":
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
            return self.reply(200, {"n": n, "primes": primes(n)})
        if BURNER:
            return self.burner(path, query)
        return self.reply(404, {"error": "not found"})

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
server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
server.daemon_threads = True
server.serve_forever()
