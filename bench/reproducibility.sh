#!/usr/bin/env bash
# Reproducibility: the seed-table suite twice, back to back, and whether each run's seed ratios
# (Fastify/Express, Express/FastAPI, FastAPI/Django, paired by round, with 95% t-intervals) lie
# inside the other run's interval. Also prints the intervals' widths.
#
# Target (issue 12): every seed ratio's median lies inside the other run's interval.
#
# Usage: bench/reproducibility.sh        (env: CONTESTANTS=fastify,express,fastapi,django TRIALS=6)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONTESTANTS=${CONTESTANTS:-fastify,express,fastapi,django}
TRIALS=${TRIALS:-6}
PY=/usr/bin/python3
# the results directories are kept (their run.json and interval logs are the evidence); OUT moves them
out=${OUT:-$(mktemp -d /tmp/stackbench-repro.XXXXXX)}
mkdir -p "$out"

dirs=()
for pass in 1 2; do
  start=$SECONDS
  "$root/stackbench" run --suite seed-table --contestants "$CONTESTANTS" --trials "$TRIALS" --results "$out/results" \
      > "$out/run-$pass.log" 2>&1 || { echo "reproducibility: run $pass failed:" >&2; tail -20 "$out/run-$pass.log" >&2; exit 1; }
  dir=$(awk '/^results: / {print $2; exit}' "$out/run-$pass.log")
  "$root/stackbench" report "$dir" --format json -o "$out/report-$pass.json"
  echo "run $pass: $dir ($((SECONDS - start)) s)"
  dirs+=("$dir")
done

$PY - "$out/report-1.json" "$out/report-2.json" <<'EOF'
import json, sys
runs = [json.load(open(p)) for p in sys.argv[1:3]]
def ratios(r):
    return {(x["faster"], x["slower"]): x["measured"] for x in r["seedTable"]["ratios"] if x.get("measured")}
a, b = ratios(runs[0]), ratios(runs[1])
print()
print(f"  {'ratio':22} {'run 1':>26} {'run 2':>26}  median inside the other's interval")
ok = True
for key in a:
    if key not in b:
        continue
    x, y = a[key], b[key]
    inside = x["low"] <= y["estimate"] <= x["high"] and y["low"] <= x["estimate"] <= y["high"]
    ok &= inside
    fmt = lambda m: f"{m['estimate']:.2f}x [{m['low']:.2f}, {m['high']:.2f}] ±{(m['high'] - m['low']) / 2 / m['estimate'] * 100:.1f}%"
    print(f"  {key[0] + '/' + key[1]:22} {fmt(x):>26} {fmt(y):>26}  {'yes' if inside else 'NO'}")
for i, r in enumerate(runs, 1):
    d = r.get("drift") or {}
    t = d.get("throughputPerSecond") or {}
    if t:
        print(f"  run {i} drift reference: median {t['median']:,.0f} req/s, {t['min']:,.0f}-{t['max']:,.0f}, cv {t['cv'] * 100:.1f}% over {d['measurements']} measurements")
    for p in r.get("aaPairs") or []:
        m = p["ratio"]
        print(f"  run {i} A/A pair {p['twin']}/{p['contestant']}: {m['estimate']:.3f}x [{m['low']:.3f}, {m['high']:.3f}]"
              f" {'DIFFERS' if p['differs'] else 'contains 1'}")
    s = r.get("generatorSteal") or {}
    if s:
        print(f"  run {i} generator steal: median {s['median'] * 100:.1f}%, max {s['max'] * 100:.1f}% over {s['trials']} trials")
print()
print("every seed ratio's median lies inside the other run's interval" if ok else "NOT every seed ratio reproduced inside the other run's interval")
EOF
echo "results kept in $out"
echo "environment: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, Linux $(uname -r)"
