#!/usr/bin/env bash
# Stackbench against Debian's wrk on the same running contestants, interleaved.
#
# `stackbench serve` starts the contestants as a run does (pinned to SERVER_CPUS, the private
# PostgreSQL, verified). Then ROUNDS rounds: in each, every contestant is loaded by both tools,
# contestants in a shuffled order and the two tools in a shuffled order per contestant, each tool
# pinned to GEN_CPU with one thread and CONNECTIONS connections on /json for DURATION seconds
# after a WARMUP-second run that is not recorded. Printed: every measurement, then per contestant
# the Stackbench/wrk throughput ratio (geometric mean of the per-round ratios, 95% t-interval on
# their logs), and the three seed ratios (Fastify/Express, Express/FastAPI, FastAPI/Django) as
# each tool measured them, paired by round, with the Stackbench seed ratio relative to wrk's.
#
# Targets (issue 12): Stackbench/wrk throughput within +-5% for the keep-alive servers; each seed
# ratio within +-10% of wrk's.
#
# Usage: bench/contestants-vs-wrk.sh
#   env: CONTESTANTS="fastify express fastapi django" CONNECTIONS=1000 DURATION=5 WARMUP=1 ROUNDS=6
#        GEN_CPU=0 SERVER_CPUS=1 SEED=<random>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONTESTANTS=${CONTESTANTS:-"fastify express fastapi django"}
CONNECTIONS=${CONNECTIONS:-1000}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-1}
ROUNDS=${ROUNDS:-6}
GEN_CPU=${GEN_CPU:-0}
SERVER_CPUS=${SERVER_CPUS:-1}
SEED=${SEED:-$RANDOM}
PY=/usr/bin/python3

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing wrk (apt-get)..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "contestants-vs-wrk: wrk is missing; install it with: sudo apt-get install wrk" >&2; exit 3
  fi
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d /tmp/stackbench-cvw.XXXXXX)
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/stackbench" --version >/dev/null   # builds the jar once, outside the measurements
# shellcheck disable=SC2086
"$root/stackbench" serve --server-cpus "$SERVER_CPUS" $CONTESTANTS > "$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 600); do grep -q '^serving;' "$work/serve.log" && break; kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.5; done
grep -q '^serving;' "$work/serve.log" || { echo "contestants-vs-wrk: stackbench serve did not get ready:" >&2; cat "$work/serve.log" >&2; exit 3; }
declare -A url
for c in $CONTESTANTS; do
  u=$(awk -v c="$c" '$1 == c && $2 ~ /^http:/ {print $2}' "$work/serve.log")
  [ -n "$u" ] || { echo "contestants-vs-wrk: $c is not served:" >&2; cat "$work/serve.log" >&2; exit 3; }
  url[$c]="$u/json"
done

echo "contestants-vs-wrk: $CONTESTANTS; $CONNECTIONS connections, ${DURATION}s after ${WARMUP}s, $ROUNDS rounds (seed $SEED);" \
     "tools on CPU $GEN_CPU, contestants on $SERVER_CPUS"
results="$work/results.tsv"
: > "$results"
run_wrk() { # url -> req/s
  taskset -c "$GEN_CPU" wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "$1" >/dev/null 2>&1 || true
  taskset -c "$GEN_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$1" 2>/dev/null | awk '/^Requests\/sec:/ {print $2}'
}
run_stackbench() { # url -> req/s
  taskset -c "$GEN_CPU" "$root/stackbench" load -t 1 -c "$CONNECTIONS" -d "${DURATION}s" --warmup "${WARMUP}s" --json "$work/sb.json" "$1" >/dev/null 2>&1 || true
  $PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["requestsPerSecond"])' "$work/sb.json"
}
RANDOM=$SEED
for round in $(seq "$ROUNDS"); do
  # shellcheck disable=SC2086
  order=$(printf '%s\n' $CONTESTANTS | $PY -c "import random,sys; r=random.Random($SEED+$round); l=sys.stdin.read().split(); r.shuffle(l); print(' '.join(l))")
  for c in $order; do
    if [ $((RANDOM % 2)) = 0 ]; then tools="wrk stackbench"; else tools="stackbench wrk"; fi
    for tool in $tools; do
      rps=$(run_"$tool" "${url[$c]}")
      printf '%s\t%s\t%s\t%s\n' "$round" "$c" "$tool" "${rps:-0}" | tee -a "$results"
    done
  done
done

$PY - "$results" "$CONTESTANTS" <<'EOF'
import math, sys
from collections import defaultdict
rows = [l.split('\t') for l in open(sys.argv[1]).read().split('\n') if l]
names = sys.argv[2].split()
v = defaultdict(dict)  # (contestant, tool) -> round -> rps
for rnd, c, tool, rps in rows:
    v[(c, tool)][int(rnd)] = float(rps)
# two-sided 95% Student t quantiles by degrees of freedom
T = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
     11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 20: 2.086, 30: 2.042}
def t(df):
    return T.get(df) or T[max(k for k in T if k <= df)]
def interval(ratios):
    logs = [math.log(r) for r in ratios if r > 0]
    n = len(logs)
    m = sum(logs) / n
    if n < 2:
        return math.exp(m), float('nan'), float('nan'), n
    s = math.sqrt(sum((x - m) ** 2 for x in logs) / (n - 1))
    h = t(n - 1) * s / math.sqrt(n)
    return math.exp(m), math.exp(m - h), math.exp(m + h), n
def paired(a, b):
    common = sorted(set(a) & set(b))
    return [a[r] / b[r] for r in common if b[r] > 0]
print()
print("Stackbench / wrk throughput, per contestant (geometric mean of per-round ratios, 95% t-interval)")
print(f"  {'contestant':12} {'wrk req/s':>10} {'stackbench':>11} {'ratio':>7}  95% interval       n")
for c in names:
    w, s = v[(c, 'wrk')], v[(c, 'stackbench')]
    est, lo, hi, n = interval(paired(s, w))
    med = lambda d: sorted(d.values())[len(d) // 2]
    print(f"  {c:12} {med(w):10,.0f} {med(s):11,.0f} {est:6.3f}x  [{lo:.3f}, {hi:.3f}]  {n}")
print()
print("Seed ratios as each tool measured them (paired by round), and Stackbench's relative to wrk's")
pairs = [("fastify", "express"), ("express", "fastapi"), ("fastapi", "django")]
for a, b in pairs:
    if a not in names or b not in names:
        continue
    out = []
    for tool in ("wrk", "stackbench"):
        est, lo, hi, n = interval(paired(v[(a, tool)], v[(b, tool)]))
        out.append((est, lo, hi))
    rel = interval([x / y for x, y in zip(paired(v[(a, 'stackbench')], v[(b, 'stackbench')]), paired(v[(a, 'wrk')], v[(b, 'wrk')]))])
    print(f"  {a}/{b}: wrk {out[0][0]:.2f}x [{out[0][1]:.2f}, {out[0][2]:.2f}]  stackbench {out[1][0]:.2f}x [{out[1][1]:.2f}, {out[1][2]:.2f}]"
          f"  stackbench/wrk {rel[0]:.3f} [{rel[1]:.3f}, {rel[2]:.3f}]")
EOF
echo
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, Linux $(uname -r)," \
     "$(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
