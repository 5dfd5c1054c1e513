#!/usr/bin/env python3
"""Which of Stackbench's JVM threads use CPU inside its measured window (Stackbench pinned to one CPU)?
usage: wrk-gap-threads.py URL WARMUP_S [DURATION_S]   (prints thread name, CPU share of the window; and the rate)
"""
import json, os, re, subprocess, sys, tempfile, time
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICK = os.sysconf('SC_CLK_TCK')
url, warmup = sys.argv[1], float(sys.argv[2])
duration = float(sys.argv[3]) if len(sys.argv) > 3 else 5
work = tempfile.mkdtemp(prefix='wrkgap-threads-')
proc = subprocess.Popen(['taskset', '-c', '0', os.path.join(ROOT, 'stackbench'), 'load', '-t', '1', '-c', '1000',
                         '-d', f'{duration:g}s', '--warmup', f'{warmup:g}s', '--json', f'{work}/sb.json',
                         '--hlog', f'{work}/sb.hlog', url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
samples = []  # (time, {tid: (name, cpu seconds)})
while proc.poll() is None:
    snap = {}
    try:
        for tid in os.listdir(f'/proc/{proc.pid}/task'):
            try:
                st = open(f'/proc/{proc.pid}/task/{tid}/stat').read()
                name = st[st.index('(') + 1:st.rindex(')')]
                f = st.rsplit(')', 1)[1].split()
                snap[tid] = (name, (int(f[11]) + int(f[12])) / TICK)
            except (FileNotFoundError, ProcessLookupError):
                pass
    except FileNotFoundError:
        break
    samples.append((time.time(), snap))
    time.sleep(0.1)
res = json.load(open(f'{work}/sb.json'))['result']
lo = float(re.search(r'BaseTime: ([0-9.]+)', open(f'{work}/sb.hlog').read()).group(1))
hi = lo + duration
a = min(samples, key=lambda s: abs(s[0] - lo))
b = min(samples, key=lambda s: abs(s[0] - hi))
span = b[0] - a[0]
use = {}
for tid, (name, cpu) in b[1].items():
    d = cpu - a[1].get(tid, (name, 0))[1]
    if d > 0:
        use[name] = use.get(name, 0) + d / span
print(f'warm-up {warmup:g}s: {res["requestsPerSecond"]:.0f} req/s; CPU share of the window by thread:',
      ', '.join(f'{n} {v:.3f}' for n, v in sorted(use.items(), key=lambda x: -x[1])))
