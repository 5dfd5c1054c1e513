#!/usr/bin/env bash
# HTTPS keep-alive, closed model: `stackbench load` against wrk (Debian's, which speaks TLS through
# OpenSSL), each pinned to the same one CPU, on the same nginx target.
#
# Target: one nginx worker on TARGET_CPU answering a 14-byte body from memory over TLS with a
# self-signed EC P-256 certificate made here (bench/nginx-tls.conf). Each tool runs with one thread
# and CONNECTIONS connections for DURATION s, wrk then stackbench in each of ROUNDS rounds
# (interleaved, so drift on a shared machine hits both alike). Stackbench warms up 3 s first (its
# JIT), not counted; wrk needs none. Connections are opened before either tool measures, so the
# figures are the keep-alive rate, TLS records included, handshakes excluded.
# Printed: each round's rates and their ratio, the median ratio with its min..max over the rounds,
# each tool's CPU seconds per 100k requests (from /proc/<pid>/stat, utime + stime, over a 7 s window
# inside its steady state, divided by the requests of that window at the tool's own average rate),
# and Stackbench's TLS provider and handshake time. Target (issue 11): stackbench >= 0.9x wrk's
# rate. When nginx's one core is the limit, both tools reach about its capacity and the rate ratio
# says only that Stackbench is not the slower; the CPU per request then compares the generators.
#
# Usage: bench/https-vs-wrk.sh      (env: GEN_CPU=0 TARGET_CPU=1 CONNECTIONS=100 DURATION=10 ROUNDS=5
#                                     TLS_PROVIDER=auto, or openssl / jdk)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN_CPU=${GEN_CPU:-0}
TARGET_CPU=${TARGET_CPU:-1}
CONNECTIONS=${CONNECTIONS:-100}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-5}
TLS_PROVIDER=${TLS_PROVIDER:-auto}
PY=/usr/bin/python3

# shellcheck source=bench/need.sh
. "$root/bench/need.sh"
need wrk wrk
need nginx nginx-light
need openssl openssl
[ "$(nproc)" -ge 2 ] || { echo "https-vs-wrk: needs 2 CPUs (generator and target on different CPUs), this machine has $(nproc)" >&2; exit 3; }

work=$(mktemp -d /tmp/stackbench-https.XXXXXX)
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/stackbench" --version >/dev/null   # builds the jar once, outside the measurements

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>"$work/openssl.log"
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); h2c_port=$(free_port)
sed "s#__DIR__#$work#g; s#__TLS_PORT__#$port#g; s#__H2C_PORT__#$h2c_port#g" "$root/bench/nginx-tls.conf" > "$work/nginx.conf"
taskset -c "$TARGET_CPU" nginx -c "$work/nginx.conf" -p "$work" -e "$work/error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -skf "https://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -skf "https://127.0.0.1:$port/" >/dev/null || { echo "nginx did not start; see $work/error.log" >&2; exit 3; }
url="https://127.0.0.1:$port/"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
WINDOW=7
# run_measured OUT START CMD...: runs CMD in the background, samples its CPU ticks at START and
# START + WINDOW seconds after launch, waits; prints the ticks of the window
run_measured() {
  local out=$1 start=$2; shift 2
  "$@" >"$out" 2>&1 &
  local pid=$! t0 t1
  sleep "$start"; t0=$(ticks $pid)
  sleep "$WINDOW"; t1=$(ticks $pid)
  wait $pid || { echo "generator failed: $*" >&2; cat "$out" >&2; exit 1; }
  echo $((t1 - t0))
}
hz=$(getconf CLK_TCK)
results="$work/results.tsv"
: >"$results"
echo "https-vs-wrk: $CONNECTIONS connections, ${DURATION}s, $ROUNDS rounds; generator on CPU $GEN_CPU, nginx on CPU $TARGET_CPU; $url" >&2
for round in $(seq "$ROUNDS"); do
  ticks_w=$(run_measured "$work/wrk.out" 2 taskset -c "$GEN_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$url")
  rate_w=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
  errors_w=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.out" | tr '\n' ' ')
  ticks_s=$(STACKBENCH_JAVA_OPTS="-Xms512m -Xmx1g" run_measured "$work/sb.out" 6 taskset -c "$GEN_CPU" "$root/stackbench" load \
      --insecure --tls-provider "$TLS_PROVIDER" -t 1 -c "$CONNECTIONS" -d "${DURATION}s" --warmup 3s --json "$work/sb.json" "$url")
  read -r rate_s errors_s provider version hs_mean hs_max < <($PY -c '
import json, sys
r = json.load(open(sys.argv[1]))["result"]; c = r["connection"]; h = c["tlsHandshakeMicros"]
e = sum(v if isinstance(v, int) else sum(v.values()) for v in r["errors"].values())
print(r["requestsPerSecond"], e, c["tlsProvider"], c["tlsVersion"], round(h["meanMicros"]), h["maxMicros"])' "$work/sb.json")
  echo -e "$round\t$rate_w\t$rate_s\t$provider\t$version\t$hs_mean\t$hs_max\t$errors_s\t$ticks_w\t$ticks_s\t$errors_w" >>"$results"
  echo "  round $round: wrk $rate_w req/s${errors_w:+ ($errors_w)}, stackbench $rate_s req/s ($provider, $version, $errors_s errors)" >&2
done

$PY - "$results" "$hz" "$WINDOW" <<'PYEOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
hz, window = float(sys.argv[2]), float(sys.argv[3])
def cpu100k(rate, ticks):
    return (float(ticks) / hz) / (float(rate) * window) * 100000
print("HTTPS keep-alive, closed model, one pinned CPU each (wrk -t1; stackbench -t 1, 3 s warm-up not counted)")
print(f"  {'round':>5} {'wrk req/s':>11} {'stackbench req/s':>17} {'ratio':>7} {'CPU-s/100k wrk':>15} {'stackbench':>11}"
      "  stackbench TLS (handshake mean / max)")
ratios, cpu = [], []
for r in rows:
    w, s = float(r[1]), float(r[2])
    cw, cs = cpu100k(w, r[8]), cpu100k(s, r[9])
    ratios.append(s / w)
    cpu.append(cs / cw if cw > 0 else float("nan"))
    print(f"  {r[0]:>5} {w:>11,.0f} {s:>17,.0f} {s / w:>6.3f}x {cw:>15.3f} {cs:>11.3f}  {r[3]} {r[4]} ({int(r[5]) / 1000:.2f} ms /"
          f" {int(r[6]) / 1000:.2f} ms), {r[7]} errors{'; wrk: ' + r[10] if len(r) > 10 and r[10].strip() else ''}")
print(f"  median ratio stackbench/wrk {statistics.median(ratios):.3f}x (min {min(ratios):.3f}x, max {max(ratios):.3f}x over {len(ratios)} rounds);"
      f" median rates: wrk {statistics.median(float(r[1]) for r in rows):,.0f}, stackbench {statistics.median(float(r[2]) for r in rows):,.0f} req/s")
print(f"  median ratio of CPU per request stackbench/wrk {statistics.median(cpu):.3f}x (min {min(cpu):.3f}x, max {max(cpu):.3f}x)")
print(f"  target (issue 11): >= 0.90x: {'met' if statistics.median(ratios) >= 0.9 else 'NOT met'} by the median")
PYEOF
echo
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), nginx $(nginx -v 2>&1 | cut -d/ -f2), $(openssl version | cut -d' ' -f1-2); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: other jobs ran meanwhile)"
