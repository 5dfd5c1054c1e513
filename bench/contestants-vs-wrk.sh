#!/usr/bin/env bash
# Stackbench against Debian's wrk on the same running contestants, interleaved.
#
# `stackbench serve` starts the contestants as a run does (pinned to SERVER_CPUS, the private
# PostgreSQL, verified). Then ROUNDS rounds: in each, every contestant is loaded by each of TOOLS,
# contestants in a shuffled order and the tools in a shuffled order per contestant, each tool
# pinned to GEN_CPU with one thread and CONNECTIONS connections on /json, measured for DURATION
# seconds after a WARMUP-second warm-up in the same process, by bench/wrk-gap-probe.py:
#   - Stackbench: its own window (opened once its connections are up, after the warm-up) and count;
#   - wrk: the same window in one wrk run: [first response + WARMUP, + DURATION), counted from the
#     bytes wrk read (wrk's own Requests/sec divides by its whole run, which includes opening the
#     connections and the ramp: 2026-12-02-wrk-gap.txt). wrk's own figure is printed too.
#   - h2load (only when TOOLS names it; nghttp2's load tool in HTTP/1.1 mode, a third tool that is
#     neither of the two compared): the same window as wrk's, from the bytes it read; not on a
#     contestant that answers `Connection: close` (django), since h2load does not reconnect then.
#   - for each, the contestant's cgroup CPU over that window (as root): CPU per response and
#     responses per server CPU-second. On a shared machine the contestant's CPU share moves with the
#     other tenants from one trial to the next; throughput per server CPU-second says whether the
#     server did the same work per response under each tool.
# Printed: every measurement, then bench/pool-contestants-vs-wrk.py's summary of them: per
# contestant each tool's ratios to wrk (geometric mean of the per-round ratios, 95% t-interval on
# their logs) of throughput (wrk's steady window), of throughput against wrk's own figure, and of
# responses per server CPU-second, and Stackbench/h2load when h2load ran; and the three seed ratios
# (Fastify/Express, Express/FastAPI, FastAPI/Django) as each tool measured them, paired by round.
#
# Targets (issue 12): Stackbench/wrk throughput within +-5% for the keep-alive servers; each seed
# ratio within +-10% of wrk's.
#
# Usage: bench/contestants-vs-wrk.sh
#   env: CONTESTANTS="fastify express fastapi django" CONNECTIONS=1000 DURATION=5 WARMUP=1 ROUNDS=6
#        GEN_CPU=0 SERVER_CPUS=1 SEED=<random> TOOLS="wrk stackbench" (or "wrk stackbench h2load")
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
TOOLS=${TOOLS:-"wrk stackbench"}   # add h2load (Debian's nghttp2-client, --h1) for a third, independent tool
PY=/usr/bin/python3

# shellcheck source=bench/need.sh
. "$root/bench/need.sh"
need wrk wrk
case " $TOOLS " in *" h2load "*) need h2load nghttp2-client ;; esac
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
declare -A url closes
for c in $CONTESTANTS; do
  u=$(awk -v c="$c" '$1 == c && $2 ~ /^http:/ {print $2}' "$work/serve.log")
  [ -n "$u" ] || { echo "contestants-vs-wrk: $c is not served:" >&2; cat "$work/serve.log" >&2; exit 3; }
  url[$c]="$u/json"
  # h2load does not reconnect when a server closes the connection after a response: it hangs
  headers=$(curl -s -D - -o /dev/null "$u/json" || true)
  if grep -qi '^connection: *close' <<< "$headers"; then closes[$c]=1; fi
done

echo "contestants-vs-wrk: $CONTESTANTS; tools $TOOLS; $CONNECTIONS connections, ${DURATION}s after ${WARMUP}s, $ROUNDS rounds (seed $SEED);" \
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
    # shellcheck disable=SC2086
    tools=$(printf '%s\n' $TOOLS | $PY -c "import random,sys; r=random.Random($RANDOM); l=sys.stdin.read().split(); r.shuffle(l); print(' '.join(l))")
    for tool in $tools; do
      if [ "$tool" = h2load ] && [ -n "${closes[$c]:-}" ]; then continue; fi
      read -r rps own share us toolcpu toolrun srvrun <<< "$(probe "$tool" "$c" "${url[$c]}")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$c" "$tool" "$rps" "$own" "$share" "$us" "$toolcpu" "$toolrun" "$srvrun" | tee -a "$results"
    done
  done
done

echo
"$PY" "$root/bench/pool-contestants-vs-wrk.py" "$results"
echo
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, Linux $(uname -r)," \
     "$(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
