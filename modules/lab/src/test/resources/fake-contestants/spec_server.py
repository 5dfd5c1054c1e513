"""A tiny stand-in contestant for the lab's tests: API spec v1 without a database (users are
computed from the id), on 127.0.0.1:$PORT. Options:
  --wrong-body  answers /json with {"message":"Hello"} (verify must fail it)
  --escapee     forks a child that leaves the process group and ignores SIGTERM (stop must still kill it)
  --fail-after N   answers every request after the first N with 500 (a server going bad mid-run)
  --die-after N    kills itself with SIGKILL on request N+1 (a crash mid-run)
"""
import json, os, re, signal, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WRONG = "--wrong-body" in sys.argv

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
        return self.reply(404, {"error": "not found"})

if "--escapee" in sys.argv and os.fork() == 0:
    os.setpgid(0, 0)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(600)
    os._exit(0)

print("serving on port %s as pid %d with %s workers, %s cpus, %s" % (os.environ["PORT"], os.getpid(), os.environ.get("WORKERS"),
      os.environ.get("CPUS"), os.environ.get("GREETING")), flush=True)
# a thread per connection: a verifier's idle keep-alive connection must not block the load's
server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
server.daemon_threads = True
server.serve_forever()
