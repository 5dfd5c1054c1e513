#!/usr/bin/env python3
"""Summarises, and pools, the paired rounds of one or more bench/contestants-vs-wrk.sh outputs.

bench/contestants-vs-wrk.sh calls it on its own rows for its summary; given several outputs it pools
them. One run's 6-8 rounds give each Stackbench/wrk ratio an interval of about +-8-15% on this
machine kind: a single round's pair can differ by 20% either way, because the contestant's speed
moves between the two back-to-back trials. Runs on different days differ in level (the machine's
speed), but a ratio is taken within a round, so the level cancels; the per-round ratios of all the
runs are then one sample of the same quantity, and pooling them narrows the interval by the square
root of the rounds.

Every ratio is the geometric mean of the per-round ratios with a 95% Student t-interval on their
logs (a round is one pair of back-to-back trials on the same running contestant). Printed:
  - per contestant and per tool other than wrk (stackbench, and h2load when the run had it):
    throughput / wrk's over the same window, / wrk's own Requests/sec, and responses per server
    CPU-second / wrk's; and Stackbench / h2load when both ran;
    with more than one output, each run's estimate too;
  - whether the interval lies inside the target band (+-5% for the keep-alive servers' throughput,
    +-10% for django's and for the seed ratios), outside it, or across its edge;
  - the seed ratios (Fastify/Express, Express/FastAPI, FastAPI/Django) as each tool measured them,
    and each tool's relative to wrk's ((a/b by the tool) / (a/b by wrk), per round);
  - the generator-bound trials (the tool's busiest thread runnable >= 90% of the window).

usage: bench/pool-contestants-vs-wrk.py OUTPUT...   (files as the script prints them; rows are
       "round contestant tool req/s own-req/s server-share server-us/response tool-share
       tool-runnable server-runnable", tab-separated; other lines are skipped)
"""
import math, statistics, sys
from collections import defaultdict

SEEDS = (('fastify', 'express'), ('express', 'fastapi'), ('fastapi', 'django'))
KEEP_ALIVE = ('fastify', 'express', 'fastapi')  # django closes every connection: not held to the +-5% target
TOOLS = ('wrk', 'stackbench', 'h2load')  # wrk is the reference


def t95(df):
    """Two-sided 95% Student t quantile (df >= 1); between table entries, the next lower df's (wider)."""
    table = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
             10: 2.228, 12: 2.179, 15: 2.131, 20: 2.086, 25: 2.060, 30: 2.042, 40: 2.021, 60: 2.000}
    return table.get(df) or table[max(k for k in table if k <= df)]


def geo(ratios):
    """(geometric mean, lower, upper, n) of positive ratios; the bounds are nan below 2 ratios."""
    logs = [math.log(r) for r in ratios if r > 0]
    n = len(logs)
    if n == 0:
        return float('nan'), float('nan'), float('nan'), 0
    m = statistics.fmean(logs)
    h = t95(n - 1) * statistics.stdev(logs) / math.sqrt(n) if n > 1 else float('nan')
    return math.exp(m), math.exp(m - h), math.exp(m + h), n


def number(text):
    return float(text) if text not in ('', 'nan') else float('nan')


class Run:
    """One output's rows: per (contestant, tool), {round: value} of each column used."""

    def __init__(self, path):
        self.path = path
        self.rps, self.own, self.per_cpu = defaultdict(dict), defaultdict(dict), defaultdict(dict)
        self.trials, self.bound = defaultdict(int), defaultdict(int)
        for line in open(path):
            f = line.rstrip('\n').split('\t')
            if len(f) < 4 or not f[0].isdigit() or f[2] not in TOOLS:
                continue
            rnd, c, tool = int(f[0]), f[1], f[2]
            self.rps[(c, tool)][rnd] = number(f[3])
            if len(f) >= 10:
                self.own[(c, tool)][rnd] = number(f[4])
                us = number(f[6])
                if us > 0:
                    self.per_cpu[(c, tool)][rnd] = 1e6 / us
                self.trials[tool] += 1
                if number(f[8]) >= 0.9:
                    self.bound[tool] += 1

    def tools(self):
        return {t for (_, t) in self.rps}


def paired(a, b):
    return [a[r] / b[r] for r in sorted(set(a) & set(b)) if a[r] > 0 and b[r] > 0]


def verdict(lo, hi, band):
    if math.isnan(lo):
        return "too few rounds for an interval"
    if 1 - band <= lo and hi <= 1 + band:
        return f"inside +-{band:.0%}"
    if hi < 1 - band or lo > 1 + band:
        return f"outside +-{band:.0%}"
    return f"across the +-{band:.0%} edge"


def show(label, per_run, band=None):
    """One line: each run's estimate when there are several, the pooled ratio, its verdict against band."""
    est, lo, hi, n = geo([r for rs in per_run for r in rs])
    if n == 0:
        return  # the tool did not run on this contestant (h2load on a server that closes connections)
    runs = ('runs: ' + '  '.join(f"{geo(rs)[0]:.3f}x ({len(rs)})" for rs in per_run if rs) + '  ') if len(per_run) > 1 else ''
    judged = f"  {verdict(lo, hi, band)}" if band else ''
    print(f"    {label:24} {runs}{est:.3f}x [{lo:.3f}, {hi:.3f}] n={n}{judged}")


def seed_ratios(run, a, b, tool):
    """Per round a/b as `tool` measured it."""
    return {r: run.rps[(a, tool)][r] / run.rps[(b, tool)][r]
            for r in set(run.rps[(a, tool)]) & set(run.rps[(b, tool)]) if run.rps[(b, tool)][r] > 0}


def main(paths):
    runs = [Run(p) for p in paths]
    tools = [t for t in TOOLS if any(t in r.tools() for r in runs)]
    others = [t for t in tools if t != 'wrk']
    names = sorted({c for r in runs for (c, _) in r.rps}, key=lambda c: (c not in KEEP_ALIVE, c))
    if len(paths) > 1:
        print(f"pooled over {len(paths)} runs: " + ', '.join(paths))
    print("Per contestant, each tool against wrk (geometric mean of per-round ratios, 95% t-interval on the logs)")
    print("  throughput: over the same window as wrk's; vs wrk's own: its Requests/sec over its whole run;")
    print("  per server CPU-s: responses per second of the contestant's CPU, each tool over its window")
    for c in names:
        medians = '  '.join(f"{t} {statistics.median(v):,.0f}" for t in tools
                            if (v := [x for r in runs for x in r.rps[(c, t)].values()]))
        print(f"  {c}: median req/s {medians}")
        band = 0.05 if c in KEEP_ALIVE else 0.10
        for t in others:
            show(f"{t}/wrk throughput", [paired(r.rps[(c, t)], r.rps[(c, 'wrk')]) for r in runs], band)
            show(f"{t}/wrk vs wrk's own", [paired(r.rps[(c, t)], r.own[(c, 'wrk')]) for r in runs])
            show(f"{t}/wrk per server CPU-s", [paired(r.per_cpu[(c, t)], r.per_cpu[(c, 'wrk')]) for r in runs])
        if 'h2load' in tools:
            show("stackbench/h2load", [paired(r.rps[(c, 'stackbench')], r.rps[(c, 'h2load')]) for r in runs], band)
    print("  generator-bound trials (busiest generator thread runnable >= 90% of the window): "
          + ', '.join(f"{t} {sum(r.bound[t] for r in runs)} of {sum(r.trials[t] for r in runs)}" for t in tools))
    print()
    print("Seed ratios as each tool measured them (paired by round), and each tool's relative to wrk's")
    for a, b in SEEDS:
        if a not in names or b not in names:
            continue
        print(f"  {a}/{b}: " + '  '.join(
            f"{t} {e:.2f}x [{lo:.2f}, {hi:.2f}]" for t in tools
            for e, lo, hi, n in [geo([x for r in runs for x in seed_ratios(r, a, b, t).values()])] if n))
        for t in others:
            per_run = []
            for r in runs:
                mine, ref = seed_ratios(r, a, b, t), seed_ratios(r, a, b, 'wrk')
                per_run.append([mine[k] / ref[k] for k in sorted(set(mine) & set(ref)) if ref[k] > 0])
            if any(per_run):
                show(f"{t}'s / wrk's", per_run, 0.10)


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
