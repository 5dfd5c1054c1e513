#!/usr/bin/env bash
# WebSocket fan-out receive capacity of the generator: how many small messages per second
# `stackbench load --pattern fanout` receives on one pinned CPU, and its CPU per message.
#
# Server: the Netty broadcast server of the loadgen tests (WsStubServer, Netty's WebSocket server
# codec, one event loop) pinned to SERVER_CPU; it forwards every frame the publisher sends to every
# other connection and flushes each subscriber once per read. Generator: `stackbench load`
# pinned to GEN_CPU with one event loop, SUBSCRIBERS connections and its publisher (a WebSocket
# connection, part of the generator's CPU) sending RATE messages/s of SIZE bytes; each run has a
# 3 s warm-up, then DURATION measured seconds. Reported per run, from the run's --json: deliveries
# received per second, missing deliveries, latency p50/p99 (intended publish -> receive), and
# the generator's CPU microseconds per message received (process CPU over the measured interval,
# JIT and GC included), and the server's CPU microseconds per delivery (from /proc/<pid>/stat over
# a window inside the measured interval). Then the median over ROUNDS runs per level, with the
# rate one CPU would sustain at the generator's CPU per message (1 / CPU per message): on a
# machine shared with other work the received rate is bounded by the CPU each side gets, the
# CPU per message much less so.
#
# Usage: bench/ws-fanout.sh    (env: GEN_CPU=0 SERVER_CPU=1 SUBSCRIBERS=100 RATES="1000 3000 5000" SIZE=64 DURATION=10 ROUNDS=3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN_CPU=${GEN_CPU:-0}
SERVER_CPU=${SERVER_CPU:-1}
SUBSCRIBERS=${SUBSCRIBERS:-100}
RATES=${RATES:-"1000 3000 5000"}
SIZE=${SIZE:-64}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
PY=/usr/bin/python3

[ "$(nproc)" -ge 2 ] || { echo "ws-fanout: needs 2 CPUs (generator and server on different CPUs), this machine has $(nproc)" >&2; exit 3; }
command -v taskset >/dev/null || { echo "ws-fanout: 'taskset' is missing; install it with: apt-get install util-linux" >&2; exit 3; }

work=$(mktemp -d /tmp/stackbench-ws-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/stackbench" --version >/dev/null   # builds the jar once, outside the measurements
(cd "$root" && mvn -B -q -o -pl modules/loadgen test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >"$work/build.log" 2>&1) \
  || { echo "ws-fanout: building the test server failed; see $work/build.log" >&2; tail -20 "$work/build.log" >&2; exit 70; }
cp="$root/modules/loadgen/target/test-classes:$root/modules/loadgen/target/classes:$(cat "$work/cp.txt")"

taskset -c "$SERVER_CPU" java -Xms256m -Xmx1g -Dio.netty.leakDetection.level=disabled -cp "$cp" \
    dev.stackbench.loadgen.ws.WsStubServer 0 1 >"$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q '^listening' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n "s/^listening \([^ ]*\).*/\1/p" "$work/server.out")
[ -n "$url" ] || { echo "ws-fanout: the broadcast server did not start:" >&2; cat "$work/server.out" >&2; exit 3; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz=$(getconf CLK_TCK)
window=$((DURATION - 3)); [ "$window" -ge 1 ] || { echo "ws-fanout: DURATION must be >= 4 s" >&2; exit 2; }
results="$work/results.tsv"
: >"$results"
echo "ws-fanout: $SUBSCRIBERS subscribers, $SIZE-byte messages, ${DURATION}s (+3s warm-up), $ROUNDS rounds; generator on CPU $GEN_CPU, server on CPU $SERVER_CPU ($url)" >&2
for round in $(seq "$ROUNDS"); do
  for rate in $RATES; do
    STACKBENCH_JAVA_OPTS="-Xms512m -Xmx1g" taskset -c "$GEN_CPU" "$root/stackbench" load --pattern fanout -R "$rate" \
        -c "$SUBSCRIBERS" -t 1 --message-size "$SIZE" -d "${DURATION}s" --warmup 3s --timeout 5s --json "$work/run.json" "$url" >"$work/run.out" 2>&1 &
    gen_pid=$!
    # the server's CPU over a window inside the measured interval (start-up, connecting and warm-up excluded)
    sleep 5; s0=$(ticks "$server_pid"); sleep "$window"; s1=$(ticks "$server_pid")
    wait "$gen_pid" || { echo "generator failed:" >&2; cat "$work/run.out" >&2; exit 1; }
    line=$($PY - "$work/run.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1])); r = d["result"]; g = d["generator"]
print("\t".join(str(x) for x in (r["receivedPerSecond"], r["missing"], r["latencyMicros"]["p50"], r["latencyMicros"]["p99"],
      r["cpuMicrosPerMessage"], g["processCpuUtilization"], int(g["bound"]))))
PYEOF
)
    line="$line\t$((s1 - s0))"
    echo -e "$rate\t$round\t$line" >>"$results"
    echo "  round $round, publish $rate msg/s: $(echo "$line" | cut -f1) deliveries/s" >&2
  done
done

$PY - "$results" "$SUBSCRIBERS" "$hz" "$window" <<'PYEOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
subs, hz, window = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
def server_us(r):
    return float(r[9]) / hz * 1e6 / (float(r[2]) * window) if float(r[2]) > 0 else float("nan")
print(f"\n  {'publish/s':>9} {'target/s':>9} {'round':>5} {'received/s':>11} {'missing':>9} {'p50 us':>10} {'p99 us':>10} "
      f"{'gen us/msg':>10} {'gen CPU':>7} {'srv us/msg':>10} bound")
for r in rows:
    rate, rnd, recv, miss, p50, p99, cpu, util, bound = r[:9]
    print(f"  {int(rate):>9,} {int(rate)*subs:>9,} {rnd:>5} {float(recv):>11,.0f} {int(miss):>9,} {int(p50):>10,} {int(p99):>10,} "
          f"{float(cpu):>10.2f} {float(util)*100:>6.0f}% {server_us(r):>10.2f} {'yes' if bound == '1' else 'no'}")
print()
for rate in sorted({int(r[0]) for r in rows}):
    rs = [r for r in rows if int(r[0]) == rate]
    print(f"  median at {rate:,} msg/s x {subs} subscribers: {statistics.median(float(r[2]) for r in rs):,.0f} deliveries/s received, "
          f"{statistics.median(float(r[6]) for r in rs):.2f} us generator CPU per message, p99 {statistics.median(int(r[5]) for r in rs):,} us, "
          f"missing {statistics.median(int(r[3]) for r in rs):,.0f}; server {statistics.median(server_us(r) for r in rs):.2f} us CPU per delivery; "
          f"generator capacity at its CPU per message: {1e6 / max(1e-9, statistics.median(float(r[6]) for r in rs)):,.0f} messages/s of one CPU")
PYEOF
echo
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
