#!/usr/bin/env bash
# Where the open model's CPU goes: a perf profile of `stackbench load -R` (each request at its own
# time) against one nginx worker, as bench/loadgen-vs-wrk.sh runs it (generator on CPU 0, nginx on
# CPU 1, -t 1 -c 100, 3 s warm-up, 10 s window). perf records the generator's threads with call
# graphs for 5 s from 5 s after the start (inside the window); the generator's CPU ticks over those
# 5 s are printed beside it. Needs perf (linux-perf) and root or perf_event_paranoid <= 1.
# Run it under the machine's benchmark lock: flock /work/bench.lock bench/loadgen-open-profile.sh ROOT OUT
#
# Usage: bench/loadgen-open-profile.sh ROOT OUTDIR [extra stackbench load options]   (env: RATE=20000)
# Then: perf report -i OUTDIR/perf.data --children --sort sym
set -euo pipefail
root=$1; out=$2; shift 2
work=$(mktemp -d /tmp/stackbench-profile.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed "s#__DIR__#$work#g; s#__PORT__#$port#g" "$root/bench/nginx.conf" > "$work/nginx.conf"
taskset -c 1 nginx -c "$work/nginx.conf" -p "$work" -e "$work/error.log" &
ng=$!
trap 'kill $ng 2>/dev/null; wait $ng 2>/dev/null; rm -rf $work' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
mkdir -p "$out"
STACKBENCH_JAVA_OPTS="-Xms512m -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+PreserveFramePointer ${PROF_OPTS:-}" taskset -c 0 "$root/stackbench" load -t 1 -c 100 -R ${RATE:-20000} -d 10s --warmup 3s --json "$out/sb.json" "$@" "http://127.0.0.1:$port/" > "$out/sb.out" 2>&1 &
pid=$!
sleep 5
t0=$(awk '{print $14+$15}' /proc/$pid/stat)
perf record -F 2000 -g -o "$out/perf.data" -p $pid -- sleep 5 2> "$out/perf-record.err" || true
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "ticks in 5s: $((t1-t0))" > "$out/ticks.txt"
wait $pid
cat "$out/sb.out"
