#!/usr/bin/env bash
# Stackbench against Debian's wrk on the same running contestants, interleaved.
#
# `stackbench serve` starts the contestants as a run does (pinned to SERVER_CPUS, the private
# PostgreSQL, verified). Then ROUNDS rounds: in each, every contestant is loaded by both tools,
# contestants in a shuffled order and the two tools in a shuffled order per contestant, each tool
# pinned to GEN_CPU with one thread and CONNECTIONS connections on /json, measured for DURATION
# seconds after a WARMUP-second warm-up in the same process, by bench/wrk-gap-probe.py:
#   - Stackbench: its own window (opened once its connections are up, after the warm-up) and count;
#   - wrk: the same window in one wrk run: [first response + WARMUP, + DURATION), counted from the
#     bytes wrk read (wrk's own Requests/sec divides by its whole run, which includes opening the
#     connections and the ramp: 2026-12-02-wrk-gap.txt). wrk's own figure is printed too.
#   - for both, the contestant's cgroup CPU over that window (as root): CPU per response and
#     responses per server CPU-second. On a shared machine the contestant's CPU share moves with the
#     other tenants from one trial to the next; throughput per server CPU-second says whether the
#     server did the same work per response under both tools.
# Printed: every measurement, then per contestant the Stackbench/wrk ratios (geometric mean of the
# per-round ratios, 95% t-interval on their logs) of throughput (wrk steady window), of throughput
# against wrk's own figure, and of responses per server CPU-second; and the three seed ratios
# (Fastify/Express, Express/FastAPI, FastAPI/Django) as each tool measured them, paired by round.
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
  if [ -n "${PROBES:-}" ] && [ -f "$work/probes.jsonl" ]; then cp "$work/probes.jsonl" "$PROBES"; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
# the per-trial probe records (JSON lines) are kept beside the output when PROBES=FILE is set

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
     "tools on CPU $GEN_CPU, contestants on $SERVER_CPUS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "columns: round contestant tool req/s(window) tool's-own-req/s server-CPU-share server-CPU-us/response tool-CPU-share" \
     "tool-thread-runnable server-thread-runnable (busiest thread's CPU + run-queue wait, share of the window)"
results="$work/results.tsv"
: > "$results"
probe() { # tool contestant url -> "rps own_rps server_cpu_share server_us/response tool_cpu_share tool_runnable server_runnable"
  local cg
  cg=$(basename "$(ls -d /sys/fs/cgroup/cpuacct/stackbench-"$2"-"$serve_pid"-* 2>/dev/null | head -1)" 2>/dev/null)
  $PY "$root/bench/wrk-gap-probe.py" "$1" "$3" "${cg:--}" --connections "$CONNECTIONS" --duration "$DURATION" \
      --warmup "$WARMUP" --gen-cpu "$GEN_CPU" 2>/dev/null > "$work/probe.json" || { echo "0 0 nan nan nan nan nan"; return; }
  cat "$work/probe.json" >> "$work/probes.jsonl"
  # runnable: the busiest thread's CPU + run-queue wait share over the window (near 1: it never waited for the other side)
  $PY -c 'import json,sys; r=json.load(open(sys.argv[1])); f=lambda v: "nan" if v is None else v
g=lambda k: "nan" if k not in r else round(sum(r[k]), 3)
print(r["rps"], r["tool_rps"], f(r["server_cpu_share"]), f(r["server_cpu_us_per_response"]), f(r["tool_cpu_share"]),
      g("tool_busiest_thread_cpu_wait"), g("server_busiest_thread_cpu_wait"))' "$work/probe.json"
}
RANDOM=$SEED
for round in $(seq "$ROUNDS"); do
  # shellcheck disable=SC2086
  order=$(printf '%s\n' $CONTESTANTS | $PY -c "import random,sys; r=random.Random($SEED+$round); l=sys.stdin.read().split(); r.shuffle(l); print(' '.join(l))")
  for c in $order; do
    if [ $((RANDOM % 2)) = 0 ]; then tools="wrk stackbench"; else tools="stackbench wrk"; fi
    for tool in $tools; do
      read -r rps own share us toolcpu toolrun srvrun <<< "$(probe "$tool" "$c" "${url[$c]}")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$c" "$tool" "$rps" "$own" "$share" "$us" "$toolcpu" "$toolrun" "$srvrun" | tee -a "$results"
    done
  done
done

$PY - "$results" "$CONTESTANTS" <<'EOF'
import math, sys
from collections import defaultdict
rows = [l.split('\t') for l in open(sys.argv[1]).read().split('\n') if l]
names = sys.argv[2].split()
v = defaultdict(dict)    # (contestant, tool) -> round -> req/s in the window
own = defaultdict(dict)  # (contestant, tool) -> round -> the tool's own req/s
eff = defaultdict(dict)  # (contestant, tool) -> round -> responses per server CPU-second
bound = defaultdict(int)  # tool -> trials whose busiest generator thread was runnable >= 90% of the window
for rnd, c, tool, rps, own_rps, share, us, toolcpu, toolrun, srvrun in rows:
    if toolrun not in ('nan', '') and float(toolrun) >= 0.9:
        bound[tool] += 1
    v[(c, tool)][int(rnd)] = float(rps)
    own[(c, tool)][int(rnd)] = float(own_rps)
    if us not in ('nan', '') and float(us) > 0:
        eff[(c, tool)][int(rnd)] = 1e6 / float(us)
# two-sided 95% Student t quantiles by degrees of freedom
T = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
     11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 20: 2.086, 30: 2.042}
def t(df):
    return T.get(df) or T[max(k for k in T if k <= df)]
def interval(ratios):
    logs = [math.log(r) for r in ratios if r > 0]
    n = len(logs)
    if n == 0:
        return float('nan'), float('nan'), float('nan'), 0
    m = sum(logs) / n
    if n < 2:
        return math.exp(m), float('nan'), float('nan'), n
    s = math.sqrt(sum((x - m) ** 2 for x in logs) / (n - 1))
    h = t(n - 1) * s / math.sqrt(n)
    return math.exp(m), math.exp(m - h), math.exp(m + h), n
def paired(a, b):
    common = sorted(set(a) & set(b))
    return [a[r] / b[r] for r in common if b[r] > 0]
med = lambda d: sorted(d.values())[len(d) // 2] if d else float('nan')
print()
print("Stackbench / wrk per contestant (geometric mean of per-round ratios, 95% t-interval, n rounds)")
print("  throughput: wrk over the same window as Stackbench's; own: wrk's own Requests/sec (its whole run);")
print("  per server CPU-s: responses per second of the contestant's CPU, each tool over its window")
print(f"  {'contestant':12} {'wrk req/s':>10} {'stackbench':>11}  {'throughput':24}  {'vs wrk own':24}  {'per server CPU-s':24}")
for c in names:
    w, s = v[(c, 'wrk')], v[(c, 'stackbench')]
    cells = []
    for a, b in ((s, w), (s, own[(c, 'wrk')]), (eff[(c, 'stackbench')], eff[(c, 'wrk')])):
        est, lo, hi, n = interval(paired(a, b))
        cells.append(f"{est:6.3f}x [{lo:.3f}, {hi:.3f}] {n}")
    print(f"  {c:12} {med(w):10,.0f} {med(s):11,.0f}  {cells[0]:24}  {cells[1]:24}  {cells[2]:24}")
print(f"  generator-bound trials (busiest generator thread runnable >= 90% of the window): "
      f"wrk {bound['wrk']} of {sum(1 for r in rows if r[2] == 'wrk')}, stackbench {bound['stackbench']} of {sum(1 for r in rows if r[2] == 'stackbench')}")
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
