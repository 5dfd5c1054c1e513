#!/usr/bin/env bash
# Generator efficiency: `stackbench load` against wrk, on the same pinned CPU, same target.
#
# Target: one nginx worker on TARGET_CPU answering a 14-byte body from memory (bench/nginx.conf).
# Each tool runs pinned (taskset) to GEN_CPU with one thread and CONNECTIONS connections,
# alternating wrk / stackbench ROUNDS times. Reported per run: achieved requests/s, and the
# generator's CPU seconds per 100k requests, from /proc/<pid>/stat (utime + stime) sampled over
# a 7 s window inside each tool's steady state (so neither JVM start-up nor connecting counts),
# divided by the requests of that window (the tool's own average rate x 7 s).
# Then the open model at RATE req/s: stackbench -R against wrk paced by a per-connection delay
# (bench/wrk-paced.lua), p50/p99 side by side.
# Also per run, over the same window: wake-ups per request of the tool (voluntary context switches
# of all its threads, /proc/<pid>/task/*/status) and of nginx's worker, the kernel cost that a
# precisely timed send pays and a batched one shares.
# Ratios: each round pairs the tools back to back; the summary gives the median of the per-round
# ratios and, from 6 rounds on, [min, max] of them, a distribution-free interval for that median
# (sign test: coverage 1 - 2 x 0.5^rounds, 96.9% at 6 rounds; fewer rounds give only the range).
#
# Usage: bench/loadgen-vs-wrk.sh        (env: GEN_CPU=0 TARGET_CPU=1 CONNECTIONS=100 DURATION=10 ROUNDS=6 RATE=20000
#                                        MODELS="closed open" RESOLUTIONS="0 1ms")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN_CPU=${GEN_CPU:-0}
TARGET_CPU=${TARGET_CPU:-1}
CONNECTIONS=${CONNECTIONS:-100}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-6}
RATE=${RATE:-20000}
MODELS=${MODELS:-closed open}
RESOLUTIONS=${RESOLUTIONS:-0 1ms}   # open model: --resolution of each Stackbench run (0: each request at its own time)
WINDOW=7
PY=/usr/bin/python3

# shellcheck source=bench/need.sh
. "$root/bench/need.sh"
need wrk wrk
need nginx nginx-light
[ "$(nproc)" -ge 2 ] || { echo "loadgen-vs-wrk: needs 2 CPUs (generator and target on different CPUs), this machine has $(nproc)" >&2; exit 3; }

work=$(mktemp -d /tmp/stackbench-bench.XXXXXX)
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/stackbench" --version >/dev/null   # builds the jar once, outside the measurements

port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed "s#__DIR__#$work#g; s#__PORT__#$port#g" "$root/bench/nginx.conf" > "$work/nginx.conf"
taskset -c "$TARGET_CPU" nginx -c "$work/nginx.conf" -p "$work" -e "$work/error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/" >/dev/null || { echo "nginx did not start; see $work/error.log" >&2; exit 3; }
url="http://127.0.0.1:$port/"
nginx_worker=$(pgrep -P "$nginx_pid" | head -1)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
wakeups() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {s += $2} END {print s + 0}'; }

# run_measured NAME START_SECONDS CMD...: runs CMD in the background, samples its CPU ticks and the
# wake-ups of it and of nginx's worker at START_SECONDS and START_SECONDS+WINDOW after launch, waits;
# prints "cpu_ticks wakeups nginx_wakeups", each in the window.
run_measured() {
  local out=$1 start=$2; shift 2
  "$@" >"$out" 2>&1 &
  local pid=$! t0 t1 w0 w1 n0 n1
  sleep "$start"; t0=$(ticks $pid); w0=$(wakeups $pid); n0=$(wakeups "$nginx_worker")
  sleep "$WINDOW"; t1=$(ticks $pid); w1=$(wakeups $pid); n1=$(wakeups "$nginx_worker")
  wait $pid || { echo "generator failed: $*" >&2; cat "$out" >&2; exit 1; }
  echo "$((t1 - t0)) $((w1 - w0)) $((n1 - n0))"
}

hz=$(getconf CLK_TCK)
results="$work/results.tsv"
: >"$results"
sb_java_opts="-Xms512m -Xmx1g"
echo "loadgen-vs-wrk: $CONNECTIONS connections, ${DURATION}s, $ROUNDS rounds of: $MODELS; generator on CPU $GEN_CPU, nginx on CPU $TARGET_CPU; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq "$ROUNDS"); do
  case " $MODELS " in *" closed "*) ;; *) break ;; esac
  # closed model, alternating
  ticks_w=$(run_measured "$work/wrk.out" 2 taskset -c "$GEN_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$url")
  rate_w=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
  echo -e "closed\twrk\t$round\t$rate_w\t${ticks_w// /\\t}" >>"$results"
  ticks_s=$(STACKBENCH_JAVA_OPTS="$sb_java_opts" run_measured "$work/sb.out" 5 taskset -c "$GEN_CPU" "$root/stackbench" load \
      -t 1 -c "$CONNECTIONS" -d "${DURATION}s" --warmup 3s --json "$work/sb.json" "$url")
  rate_s=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["requestsPerSecond"])' "$work/sb.json")
  echo -e "closed\tstackbench\t$round\t$rate_s\t${ticks_s// /\\t}" >>"$results"
  echo "  round $round closed: wrk $rate_w req/s, stackbench $rate_s req/s" >&2
done
# wrk's delay runs after each response, so take about a millisecond off for the response itself
delay_ms=$((CONNECTIONS * 1000 / RATE - 1)); [ "$delay_ms" -ge 1 ] || delay_ms=1
for round in $(seq "$ROUNDS"); do
  case " $MODELS " in *" open "*) ;; *) break ;; esac
  ticks_w=$(WRK_DELAY_MS=$delay_ms run_measured "$work/wrko.out" 2 taskset -c "$GEN_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" \
      -s "$root/bench/wrk-paced.lua" "$url")
  line=$(grep '^PARSE' "$work/wrko.out")
  rate_w=$($PY -c 'import sys; d=dict(kv.split("=") for kv in sys.argv[1].split()[1:]); print(int(d["requests"])/(int(d["duration_us"])/1e6))' "$line")
  p50_w=$(echo "$line" | sed 's/.*p50_us=\([0-9]*\).*/\1/'); p99_w=$(echo "$line" | sed 's/.*p99_us=\([0-9]*\).*/\1/')
  echo -e "open\twrk\t$round\t$rate_w\t${ticks_w// /\\t}\t$p50_w\t$p99_w" >>"$results"
  summary="  round $round open at $RATE/s: wrk p99 ${p99_w}us"
  for res in $RESOLUTIONS; do
    if [ "$res" = 0 ]; then tool=stackbench; else tool="stackbench-$res"; fi
    ticks_s=$(STACKBENCH_JAVA_OPTS="$sb_java_opts" run_measured "$work/sbo.out" 5 taskset -c "$GEN_CPU" "$root/stackbench" load \
        -t 1 -c "$CONNECTIONS" -R "$RATE" --resolution "$res" -d "${DURATION}s" --warmup 3s --json "$work/sbo.json" "$url")
    read -r rate_s p50_s p99_s < <($PY -c 'import json,sys; r=json.load(open(sys.argv[1]))["result"]; print(r["requestsPerSecond"], r["latencyMicros"]["p50"], r["latencyMicros"]["p99"])' "$work/sbo.json")
    echo -e "open\t$tool\t$round\t$rate_s\t${ticks_s// /\\t}\t$p50_s\t$p99_s" >>"$results"
    summary="$summary, $tool p99 ${p99_s}us"
  done
  echo "$summary" >&2
done

$PY - "$results" "$hz" "$WINDOW" <<'PYEOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
hz, window = float(sys.argv[2]), float(sys.argv[3])
# row: model tool round rate ticks wakeups nginx_wakeups [p50 p99]
def cpu100k(r):
    return (float(r[4]) / hz) / (float(r[3]) * window) * 100000 if float(r[3]) > 0 else float("nan")
def per_req(r, i):
    return float(r[i]) / (float(r[3]) * window) if float(r[3]) > 0 else float("nan")
def interval(values):
    """median and, from 6 values on, [min, max] with its sign-test coverage for the median"""
    m = statistics.median(values)
    n = len(values)
    if n >= 6:
        return f"{m:.2f}x ({min(values):.2f}x-{max(values):.2f}x, {100 * (1 - 2 * 0.5 ** n):.1f}% interval)"
    return f"{m:.2f}x (range {min(values):.2f}x-{max(values):.2f}x over {n} rounds: too few for an interval)"
for model in ("closed", "open"):
    if not any(r[0] == model for r in rows):
        continue
    print(f"\n{model} model" + (" (wrk paced by a per-connection delay, latency from the actual send; stackbench open model, "
          "latency from the intended send time, each request at its own time (stackbench) or grouped in windows of the resolution (stackbench-RES))" if model == "open" else ""))
    head = f"  {'tool':<14} {'round':>5} {'req/s':>11} {'CPU-s/100k req':>15} {'wake-ups/req':>12} {'nginx w/req':>11}"
    if model == "open":
        head += f" {'p50 us':>8} {'p99 us':>8}"
    print(head)
    med = {}
    by_round = {}
    tools = list(dict.fromkeys(r[1] for r in rows if r[0] == model))
    for tool in ["wrk"] + [t for t in tools if t != "wrk"]:
        rs = [r for r in rows if r[0] == model and r[1] == tool]
        if not rs:
            continue
        for r in rs:
            line = f"  {tool:<14} {r[2]:>5} {float(r[3]):>11,.0f} {cpu100k(r):>15.3f} {per_req(r, 5):>12.3f} {per_req(r, 6):>11.3f}"
            if model == "open":
                line += f" {int(r[7]):>8} {int(r[8]):>8}"
            print(line)
            by_round.setdefault(tool, {})[r[2]] = r
        med[tool] = (statistics.median(float(r[3]) for r in rs), statistics.median(cpu100k(r) for r in rs),
                     statistics.median(int(r[7]) for r in rs) if model == "open" else 0,
                     statistics.median(int(r[8]) for r in rs) if model == "open" else 0,
                     statistics.median(per_req(r, 5) for r in rs), statistics.median(per_req(r, 6) for r in rs))
    w = med["wrk"]
    for tool in [t for t in tools if t != "wrk"]:
        if tool not in med:
            continue
        s = med[tool]
        pairs = [(by_round[tool][k], by_round["wrk"][k]) for k in sorted(by_round[tool], key=int) if k in by_round["wrk"]]
        rate_ratios = [float(a[3]) / float(b[3]) for a, b in pairs]
        cpu_ratios = [cpu100k(a) / cpu100k(b) for a, b in pairs]
        print(f"  median {tool:<14} {s[0]:>9,.0f} req/s {s[1]:.3f} CPU-s/100k, {s[4]:.3f} wake-ups/req (nginx {s[5]:.3f})"
              f" | wrk {w[0]:,.0f} req/s {w[1]:.3f} CPU-s/100k, {w[4]:.3f} wake-ups/req (nginx {w[5]:.3f})")
        print(f"    ratio {tool}/wrk, per round: requests/s {interval(rate_ratios)}, CPU per request {interval(cpu_ratios)}" +
              (f"; p50 {s[2]:.0f} vs {w[2]:.0f} us, p99 {s[3]:.0f} vs {w[3]:.0f} us" if model == "open" else ""))
PYEOF
echo
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, load average at the end $(cut -d' ' -f1-3 /proc/loadavg), $(uname -sr), $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), nginx $(nginx -v 2>&1 | cut -d/ -f2)"
