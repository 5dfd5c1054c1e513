#!/usr/bin/env python3
"""One trial of wrk, h2load or `stackbench load` against a served contestant, watched from outside.

Every 20 ms it samples the tool's CPU (utime+stime of all its threads), the contestant's cgroup CPU
(cpuacct.usage) and, for wrk and h2load, its /proc/<pid>/io rchar (bytes the tool read(); on
loopback, the responses; Netty's reads do not show there). The tools are measured over the same
kind of window:
  - Stackbench: its own measured window (from the interval log's BaseTime) and its own count;
  - wrk: [first response + warm-up, + duration) of one wrk run lasting warm-up + duration + 2 s,
    responses = bytes read in it / bytes per response (wrk's total bytes / responses, from a done()
    hook: nothing per request). wrk's own Requests/sec (its whole run, connecting included) is kept.
  - h2load (nghttp2's, `--h1`: HTTP/1.1 keep-alive, one thread, closed model like wrk): the same
    window from its rchar, in one run of `--warm-up-time warm-up -D duration + 2`; bytes per
    response from its own totals (traffic / requests done); its own req/s (its main phase) is kept.
Over that window: the rate, the contestant's CPU share and CPU per response, the tool's CPU share
(pinned to one CPU: 1.0 = saturated); for wrk and h2load, when its read rate first reaches 90% of the window's.
Also the times the tool's and the contestant's threads were scheduled in, per response (wake-ups).
Optionally `perf stat` counts the contestant's syscalls for 2 s inside the window (--perf).
Kernel TCP counters (nstat, machine-wide: other agents add to them) are taken before and after.

Prints one JSON object.
usage: wrk-gap-probe.py TOOL URL CGROUP [--connections N] [--duration S] [--warmup S] [--perf]
  TOOL: wrk | h2load | stackbench;  CGROUP: the contestant's directory under /sys/fs/cgroup/cpuacct, or - for none
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICK = os.sysconf('SC_CLK_TCK')
NSTAT = ('TcpExtListenOverflows', 'TcpExtListenDrops', 'TcpExtSyncookiesSent', 'TcpExtTCPSynRetrans',
         'TcpExtTCPTimeouts', 'TcpActiveOpens', 'TcpPassiveOpens')
SYSCALLS = ('raw_syscalls:sys_enter', 'syscalls:sys_enter_epoll_wait', 'syscalls:sys_enter_epoll_pwait',
            'syscalls:sys_enter_read', 'syscalls:sys_enter_write', 'syscalls:sys_enter_writev',
            'syscalls:sys_enter_accept4', 'syscalls:sys_enter_epoll_ctl')


def nstat():
    out = subprocess.run(['nstat', '-az'], capture_output=True, text=True).stdout
    v = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] in NSTAT:
            v[parts[0]] = int(parts[1])
    return v


def read_int(path):
    with open(path) as f:
        return int(f.read().split()[0])


def rchar(pid):
    with open(f'/proc/{pid}/io') as f:
        for line in f:
            if line.startswith('rchar:'):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def sched_tasks(tids):
    """{tid: (on-CPU ns, run-queue wait ns, times scheduled in)} from /proc/<tid>/schedstat."""
    out = {}
    for tid in tids:
        try:
            with open(f'/proc/{tid}/schedstat') as f:
                cpu, wait, slices = f.read().split()[:3]
            out[tid] = (int(cpu), int(wait), int(slices))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return out


def nearest(sched, lo, hi):
    """The sched samples nearest wall times lo and hi."""
    return min(sched, key=lambda x: abs(x[0] - lo)), min(sched, key=lambda x: abs(x[0] - hi))


def busiest(sched, lo, hi):
    """The thread with the most CPU between the sched samples nearest lo and hi: (cpu share, wait share)."""
    a, b = nearest(sched, lo, hi)
    span = b[0] - a[0]
    best = (0, 0)
    for tid, (cpu, wait, _) in b[1].items():
        if tid in a[1]:
            d = ((cpu - a[1][tid][0]) / 1e9 / span, (wait - a[1][tid][1]) / 1e9 / span)
            best = max(best, d)
    return [round(best[0], 3), round(best[1], 3)]


def slices(sched, lo, hi):
    """Times the process's threads were scheduled in (wake-ups and preemptions) between the samples nearest lo and hi."""
    a, b = nearest(sched, lo, hi)
    return sum(v[2] - a[1][tid][2] for tid, v in b[1].items() if tid in a[1])


def at(samples, t, key):
    """Linear interpolation of samples[key] at wall time t."""
    prev = samples[0]
    for s in samples:
        if s['t'] >= t:
            if s['t'] == prev['t']:
                return s[key]
            f = (t - prev['t']) / (s['t'] - prev['t'])
            return prev[key] + f * (s[key] - prev[key])
        prev = s
    return samples[-1][key]


def main():
    p = argparse.ArgumentParser()
    p.add_argument('tool')
    p.add_argument('url')
    p.add_argument('cgroup')
    p.add_argument('--connections', type=int, default=1000)
    p.add_argument('--duration', type=float, default=5)
    p.add_argument('--warmup', type=float, default=1)
    p.add_argument('--gen-cpu', default='0')
    p.add_argument('--perf', action='store_true')
    a = p.parse_args()
    cg = f'/sys/fs/cgroup/cpuacct/{a.cgroup}'
    has_cg = a.cgroup != '-' and os.path.isfile(f'{cg}/cpuacct.usage')  # '-': no cgroup (not root)
    work = tempfile.mkdtemp(prefix='wrkgap-')
    if a.tool == 'wrk':
        # wrk's -d covers connecting too; it runs warm-up + duration + 2 s so that the same window
        # as Stackbench's (after the warm-up, `duration` long) fits inside with a second to spare
        script = os.path.join(work, 'done.lua')
        with open(script, 'w') as f:
            f.write('done = function(s, l, r) io.write(string.format("SUMMARY %d %d %d\\n", '
                    's.requests, s.bytes, s.duration)) end\n')
        total = a.warmup + a.duration + 2
        cmd = ['taskset', '-c', a.gen_cpu, 'wrk', '-t1', f'-c{a.connections}', f'-d{int(round(total))}s',
               '-s', script, a.url]
    elif a.tool == 'h2load':
        cmd = ['taskset', '-c', a.gen_cpu, 'h2load', '--h1', '-t1', f'-c{a.connections}',
               f'--warm-up-time={a.warmup:g}', f'-D{a.duration + 2:g}', a.url]
    else:
        out_json = os.path.join(work, 'sb.json')
        cmd = ['taskset', '-c', a.gen_cpu, os.path.join(ROOT, 'stackbench'), 'load', '-t', '1',
               '-c', str(a.connections), '-d', f'{a.duration:g}s', '--warmup', f'{a.warmup:g}s',
               '--json', out_json, '--hlog', os.path.join(work, 'sb.hlog'), a.url]
    before = nstat()
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    samples = []
    out = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))
    reader.start()
    perf = None
    tool_sched, server_sched = [], []
    load_at = None
    deadline = t0 + a.warmup + a.duration + 30  # a tool that never ends (h2load against a closing server) is stopped
    while proc.poll() is None:
        if time.time() > deadline:
            proc.kill()
            reader.join()
            shutil.rmtree(work, ignore_errors=True)
            sys.exit(f"wrk-gap-probe: {a.tool} still running {deadline - t0:.0f} s after it started; stopped it")
        if len(samples) % 5 == 0:
            now = time.time()
            try:
                tool_sched.append((now, sched_tasks(os.listdir(f'/proc/{proc.pid}/task'))))
            except FileNotFoundError:
                pass
            if has_cg:
                server_sched.append((now, sched_tasks(open(f'{cg}/tasks').read().split())))
        try:
            samples.append({'t': time.time(), 'rchar': rchar(proc.pid), 'cpu': cpu_seconds(proc.pid),
                            'server': read_int(f'{cg}/cpuacct.usage') / 1e9 if has_cg else 0})
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
        if a.perf and has_cg and perf is None and load_at is None and samples and samples[-1]['server'] > samples[0]['server'] + 0.05:
            load_at = samples[-1]['t']  # the contestant started working: the tool's connections are up
        if a.perf and perf is None and load_at is not None and time.time() > load_at + a.warmup + 0.5:
            pids = open(f'{cg}/tasks').read().split()
            perf_span = (time.time(), time.time() + 2)
            perf = subprocess.Popen(['perf', 'stat', '-x', ',', '-e', ','.join(SYSCALLS), '-t', ','.join(pids),
                                     '--', 'sleep', '2'], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(0.02)
    reader.join()
    after = nstat()
    text = out[0] if out else ''
    r = {'tool': a.tool, 'url': a.url, 'connections': a.connections}
    if a.tool in ('wrk', 'h2load'):
        if a.tool == 'wrk':
            m = re.search(r'SUMMARY (\d+) (\d+) (\d+)', text)
            requests, nbytes, dur_us = (int(x) for x in m.groups())
            r['tool_rps'] = requests / (dur_us / 1e6)   # wrk's own: its whole run, connecting included
        else:
            requests = int(re.search(r'requests: \d+ total, \d+ started, (\d+) done', text).group(1))
            nbytes = int(re.search(r'traffic: \S+ \((\d+)\) total', text).group(1))
            r['tool_rps'] = float(re.search(r'finished in \S+, ([0-9.]+) req/s', text).group(1))  # its main phase
        r['tool_requests'] = requests
        per_response = nbytes / requests
        # the same window as Stackbench's: from the first response (connections opening) + warm-up
        first = next(s['t'] for s in samples if s['rchar'] >= samples[0]['rchar'] + per_response)
        lo, hi = first + a.warmup, first + a.warmup + a.duration
        n = (at(samples, hi, 'rchar') - at(samples, lo, 'rchar')) / per_response
        r['bytes_per_response'] = round(per_response, 2)
        # ramp: the first 100 ms step whose read rate reaches 90% of the window's rate
        for i in range(len(samples) - 2):
            s0, s2 = samples[i], samples[i + 2]
            if s2['t'] > s0['t'] and (s2['rchar'] - s0['rchar']) / per_response / (s2['t'] - s0['t']) >= 0.9 * n / a.duration:
                r['ramp90_s'] = round(s0['t'] - t0, 3)
                break
    else:
        res = json.load(open(out_json))['result']
        r['tool_rps'] = res['requestsPerSecond']
        r['tool_requests'] = res['requests']
        r['bytes_per_response'] = round(res['bytesRead'] / max(1, res['requests']), 2)
        # the interval log's BaseTime is the measured window's wall-clock start
        lo = float(re.search(r'BaseTime: ([0-9.]+)', open(os.path.join(work, 'sb.hlog')).read()).group(1))
        hi = lo + a.duration
        n = res['requests']
        first = lo - a.warmup
    r['first_response_s'] = round(first - t0, 3)
    r['window_s'] = [round(lo - t0, 3), round(hi - t0, 3)]
    r['rps'] = round(n / a.duration, 1)
    srv = at(samples, hi, 'server') - at(samples, lo, 'server')
    r['server_cpu_share'] = round(srv / a.duration, 4) if has_cg else None
    r['server_cpu_us_per_response'] = round(srv / n * 1e6, 2) if n and has_cg else None
    r['tool_cpu_share'] = round((at(samples, hi, 'cpu') - at(samples, lo, 'cpu')) / a.duration, 4)
    # the busiest thread's [CPU share, run-queue wait share] over the window: CPU + wait near 1 means
    # it was runnable all the time (bound by the CPU it got); well under 1 means it waited for the other side
    if len(tool_sched) > 1:
        r['tool_busiest_thread_cpu_wait'] = busiest(tool_sched, lo, hi)
    if len(server_sched) > 1:
        r['server_busiest_thread_cpu_wait'] = busiest(server_sched, lo, hi)
    # times scheduled in per response: each is a wake-up (or a preemption), and on loopback the waker pays for it
    # (the tool's wake-ups mostly in the server's sends, the server's in the tool's)
    if len(tool_sched) > 1 and n:
        r['tool_slices_per_response'] = round(slices(tool_sched, lo, hi) / n, 4)
    if len(server_sched) > 1 and n:
        r['server_slices_per_response'] = round(slices(server_sched, lo, hi) / n, 4)
    r['nstat_delta'] = {k: after.get(k, 0) - before.get(k, 0) for k in NSTAT}
    if perf is not None:
        _, err = perf.communicate()
        counts = {}
        for line in err.splitlines():
            f = line.split(',')
            if len(f) > 2 and f[0].strip().isdigit():
                counts[f[2].split(':')[-1]] = int(f[0])
        r['server_syscalls_2s'] = counts
        r['perf_span_s'] = [round(perf_span[0] - t0, 2), round(perf_span[1] - t0, 2)]
        # responses in those 2 s: the window's rate (steady state)
        if counts.get('sys_enter'):
            r['server_syscalls_per_response'] = {k: round(v / (r['rps'] * 2), 3) for k, v in counts.items()}
    r['tool_rps'] = round(r['tool_rps'], 1)
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(r))


if __name__ == '__main__':
    main()
