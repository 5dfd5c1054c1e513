#!/usr/bin/env bash
# Generator efficiency with request mixes: `stackbench load` against wrk (with bench/wrk-mix.lua
# choosing each request), closed model, on the same pinned CPU, same nginx target as
# bench/loadgen-vs-wrk.sh. Two mixes: a weighted mix of 3 URLs (6:3:1, --request/--weight) and a
# templated path (/api/users/{random:1..10000}). Reported per run: achieved requests/s and the
# generator's CPU seconds per 100k requests over a 7 s window inside each tool's steady state
# (/proc/<pid>/stat utime + stime), alternating wrk / stackbench ROUNDS times.
#
# Usage: bench/loadgen-mix-vs-wrk.sh   (env: GEN_CPU=0 TARGET_CPU=1 CONNECTIONS=100 DURATION=10 ROUNDS=3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN_CPU=${GEN_CPU:-0}
TARGET_CPU=${TARGET_CPU:-1}
CONNECTIONS=${CONNECTIONS:-100}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WINDOW=7
PY=/usr/bin/python3
[ "$DURATION" -ge $((WINDOW + 3)) ] || { echo "loadgen-mix-vs-wrk: DURATION must be >= $((WINDOW + 3)) s (a ${WINDOW} s CPU window inside it)" >&2; exit 2; }

# shellcheck source=bench/need.sh
. "$root/bench/need.sh"
need wrk wrk
need nginx nginx-light
[ "$(nproc)" -ge 2 ] || { echo "loadgen-mix-vs-wrk: needs 2 CPUs (generator and target on different CPUs), this machine has $(nproc)" >&2; exit 3; }

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
base="http://127.0.0.1:$port"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# run_measured OUT START_SECONDS CMD...: runs CMD, samples its CPU ticks at START_SECONDS and
# START_SECONDS+WINDOW after launch; prints the ticks of that window.
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
sb_java_opts="-Xms512m -Xmx1g"
weighted=(--request 'GET /json' --weight 6 --request 'GET /a/b' --weight 3 --request 'GET /c?x=1' --weight 1)
template=(--request 'GET /api/users/{random:1..10000}')
echo "loadgen-mix-vs-wrk: $CONNECTIONS connections, ${DURATION}s, $ROUNDS rounds; generator on CPU $GEN_CPU, nginx on CPU $TARGET_CPU" >&2
for round in $(seq "$ROUNDS"); do
  for mix in weighted template; do
    ticks_w=$(WRK_MIX=$mix run_measured "$work/wrk.out" 2 taskset -c "$GEN_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" \
        -s "$root/bench/wrk-mix.lua" "$base/")
    rate_w=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
    echo -e "$mix\twrk\t$round\t$rate_w\t$ticks_w" >>"$results"
    if [ "$mix" = weighted ]; then args=("${weighted[@]}"); else args=("${template[@]}"); fi
    ticks_s=$(STACKBENCH_JAVA_OPTS="$sb_java_opts" run_measured "$work/sb.out" 5 taskset -c "$GEN_CPU" "$root/stackbench" load \
        -t 1 -c "$CONNECTIONS" -d "${DURATION}s" --warmup 3s --json "$work/sb.json" "${args[@]}" "$base")
    rate_s=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["requestsPerSecond"])' "$work/sb.json")
    echo -e "$mix\tstackbench\t$round\t$rate_s\t$ticks_s" >>"$results"
    echo "  round $round $mix: wrk $rate_w req/s, stackbench $rate_s req/s" >&2
  done
done

$PY - "$results" "$hz" "$WINDOW" <<'PYEOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
hz, window = float(sys.argv[2]), float(sys.argv[3])
def cpu100k(rate, ticks):
    return (float(ticks) / hz) / (float(rate) * window) * 100000 if float(rate) > 0 else float("nan")
for mix, title in (("weighted", "weighted mix of 3 URLs (6:3:1)"), ("template", "templated path /api/users/{random:1..10000}")):
    print(f"\nclosed model, {title}")
    print(f"  {'tool':<11} {'round':>5} {'req/s':>11} {'CPU-s/100k req':>15}")
    med = {}
    for tool in ("wrk", "stackbench"):
        rs = [r for r in rows if r[0] == mix and r[1] == tool]
        for r in rs:
            print(f"  {tool:<11} {r[2]:>5} {float(r[3]):>11,.0f} {cpu100k(r[3], r[4]):>15.3f}")
        med[tool] = (statistics.median(float(r[3]) for r in rs), statistics.median(cpu100k(r[3], r[4]) for r in rs))
    s, w = med["stackbench"], med["wrk"]
    print(f"  ratio stackbench/wrk (medians): requests/s {s[0]/w[0]:.2f}x, CPU per request {s[1]/w[1]:.2f}x")
PYEOF
echo
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), nginx $(nginx -v 2>&1 | cut -d/ -f2)"
