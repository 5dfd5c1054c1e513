#!/usr/bin/env python3
"""Pools the paired rounds of several bench/contestants-vs-wrk.sh outputs.

One run's 6-8 rounds give each Stackbench/wrk ratio an interval of about +-8-15% on this machine
kind: a single round's pair can differ by 20% either way, because the contestant's speed moves
between the two back-to-back trials. Runs on different days differ in level (the machine's speed),
but a ratio is taken within a round, so the level cancels; the per-round ratios of all the runs
are then one sample of the same quantity, and pooling them narrows the interval by the square root
of the rounds. Printed per contestant and per seed ratio: each run's estimate, and the pooled
geometric mean with its 95% t-interval on the logs (the same estimator as the script's own), and
whether the pooled interval lies inside the target band (+-5% for the throughput, +-10% for the
seed ratios) or outside it or across its edge.

usage: bench/pool-contestants-vs-wrk.py OUTPUT...   (files as the script prints them; rows are
       "round contestant tool req/s ...", tab-separated)
"""
import math, statistics, sys
from collections import defaultdict

SEEDS = (('fastify', 'express'), ('express', 'fastapi'), ('fastapi', 'django'))
KEEP_ALIVE = ('fastify', 'express', 'fastapi')  # django closes every connection: not held to the +-5% target


def t95(df):
    """Two-sided 95% Student t quantile (df >= 1)."""
    table = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
             10: 2.228, 12: 2.179, 15: 2.131, 20: 2.086, 25: 2.060, 30: 2.042, 40: 2.021, 60: 2.000}
    return table.get(df) or table[max(k for k in table if k <= df)]


def geo(ratios):
    logs = [math.log(r) for r in ratios if r > 0]
    n = len(logs)
    m = statistics.fmean(logs)
    h = t95(n - 1) * statistics.stdev(logs) / math.sqrt(n) if n > 1 else float('nan')
    return math.exp(m), math.exp(m - h), math.exp(m + h), n


def read(path):
    """{(contestant, tool): {round: req/s}} of one output."""
    v = defaultdict(dict)
    for line in open(path):
        f = line.rstrip('\n').split('\t')
        if len(f) >= 4 and f[0].isdigit() and f[2] in ('wrk', 'stackbench'):
            v[(f[1], f[2])][int(f[0])] = float(f[3])
    return v


def paired(a, b):
    return [a[r] / b[r] for r in sorted(set(a) & set(b)) if a[r] > 0 and b[r] > 0]


def verdict(lo, hi, band):
    if 1 - band <= lo and hi <= 1 + band:
        return f"inside +-{band:.0%}"
    if hi < 1 - band or lo > 1 + band:
        return f"outside +-{band:.0%}"
    return f"across the +-{band:.0%} edge"


def show(label, per_run, band):
    pooled = [r for rs in per_run for r in rs]
    est, lo, hi, n = geo(pooled)
    runs = '  '.join(f"{geo(rs)[0]:.3f}x ({len(rs)})" for rs in per_run if rs)
    print(f"  {label:18} runs: {runs:44} pooled {est:.3f}x [{lo:.3f}, {hi:.3f}] n={n}  {verdict(lo, hi, band)}")


def main(paths):
    runs = [read(p) for p in paths]
    names = sorted({c for v in runs for (c, _) in v}, key=lambda c: (c not in KEEP_ALIVE, c))
    print(f"pooled over {len(paths)} runs: " + ', '.join(paths))
    print("Stackbench / wrk throughput per contestant (per-round ratios; geometric mean, 95% t-interval on the logs)")
    for c in names:
        show(c, [paired(v[(c, 'stackbench')], v[(c, 'wrk')]) for v in runs], 0.05 if c in KEEP_ALIVE else 0.10)
    print("Seed ratios: Stackbench's relative to wrk's, per round ((a/b by Stackbench) / (a/b by wrk))")
    for a, b in SEEDS:
        per_run = []
        for v in runs:
            sa, sb, wa, wb = v[(a, 'stackbench')], v[(b, 'stackbench')], v[(a, 'wrk')], v[(b, 'wrk')]
            common = sorted(set(sa) & set(sb) & set(wa) & set(wb))
            per_run.append([(sa[r] / sb[r]) / (wa[r] / wb[r]) for r in common if min(sa[r], sb[r], wa[r], wb[r]) > 0])
        if any(per_run):
            show(f"{a}/{b}", per_run, 0.10)


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
