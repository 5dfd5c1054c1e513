#!/usr/bin/env bash
# The rounds of 2026-12-02-wrk-gap.txt: ROUNDS rounds over fastify, express and fastapi served by a running
# `stackbench serve --server-cpus 1 fastify express fastapi` (its JVM's pid is SERVE_PID), contestants and
# tools shuffled per round, one bench/wrk-gap-probe.py trial each; JSON lines to OUT.
# usage: bench/wrk-gap-rounds.sh ROUNDS OUT SERVE_PID PORT_FASTIFY PORT_EXPRESS PORT_FASTAPI [probe options, e.g. --perf]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ulimit -n 20000 2>/dev/null || true
rounds=$1 out=$2 serve=$3
declare -A port=([fastify]=$4 [express]=$5 [fastapi]=$6)
shift 6
for r in $(seq "$rounds"); do
  for c in $(printf '%s\n' fastify express fastapi | shuf); do
    cg=$(basename "$(ls -d /sys/fs/cgroup/cpuacct/stackbench-"$c"-"$serve"-* | head -1)")
    for t in $(printf '%s\n' wrk stackbench | shuf); do
      line=$(python3 "$root/bench/wrk-gap-probe.py" "$t" "http://127.0.0.1:${port[$c]}/json" "$cg" "$@")
      echo "{\"round\": $r, \"contestant\": \"$c\", \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", \"probe\": $line}" >> "$out"
    done
  done
done
