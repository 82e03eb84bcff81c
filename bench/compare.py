#!/usr/bin/env python3
"""Side-by-side throughput of HTTP targets, reported as ratios to a reference.

Each target is NAME=URL, all of them already running (start servers pinned to CPU 1 with
`taskset -c 1`). Rounds alternate over the targets so that machine noise hits every target alike;
the first round (--warmup long) is JIT warm-up and is discarded; the medians of the rest are compared. wrk runs
pinned to CPU 0.

  bench/compare.py --reference nginx nginx=http://127.0.0.1:8081/x.css groundup=http://127.0.0.1:8082/x.css
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

UNITS = {"": 1, "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6}


def wrk(url, connections, duration, script=None, headers=(), cpu="0"):
    """One wrk run pinned to `cpu`: requests/s, p99 latency (ms), non-2xx/3xx answers, socket errors."""
    cmd = ["taskset", "-c", cpu, "wrk", "-t1", f"-c{connections}", f"-d{duration}", "--latency"]
    for header in headers:
        cmd += ["-H", header]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def parse_wrk(out):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    count = re.search(r"(\d+) requests in", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else None,
        "p99_ms": float(p99.group(1)) * {"us": 1e-3, "ms": 1, "s": 1e3}[p99.group(2)] if p99 else None,
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": sum(int(n) for n in sock.groups()) if sock else 0,
        "read_errors": int(sock.group(2)) if sock else 0,
        "socket_detail": sock.group(0) if sock else "",
        "requests": int(count.group(1)) if count else 0,
        "output": out,
    }


def cpu_seconds(pid):
    """User + system CPU time of every thread of process `pid` so far (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_wrk(url, args, script, duration, warmup=False, pid=None):
    before = cpu_seconds(pid) if pid else None
    result = wrk(url, args.connections, duration, script, args.header, args.wrk_cpu)
    if pid and result["requests"]:
        result["cpu_us"] = (cpu_seconds(pid) - before) / result["requests"] * 1e6
    if result["rps"] is None:
        sys.exit(f"wrk printed no Requests/sec for {url}:\n{result['output']}")
    if result["socket_errors"] and not result["non2xx"] and warmup:
        # A cold JIT can miss wrk's 2 s timeout once; only measured rounds must be clean.
        print(f"  (warm-up of {url}: {result['socket_detail']})", flush=True)
    elif result["non2xx"] or result["socket_errors"]:
        sys.exit(f"{url} answered errors under load ({result['non2xx']} non-2xx, {result['socket_detail']}):\n"
                 f"{result['output']}")
    return result


def pipeline_script(depth):
    """A wrk script that sends `depth` requests per write, as TechEmpower's plaintext test does."""
    body = f"""
init = function(args)
  local r = {{}}
  for i = 1, {depth} do r[i] = wrk.format() end
  req = table.concat(r)
end
request = function() return req end
"""
    fd, path = tempfile.mkstemp(suffix=".lua")
    with os.fdopen(fd, "w") as f:
        f.write(body)
    return path


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("targets", nargs="+", help="NAME=URL")
    p.add_argument("--reference", required=True, help="the NAME every other target is divided by")
    p.add_argument("--rounds", type=int, default=5, help="measured rounds, after one warm-up round")
    p.add_argument("--duration", default="5s")
    p.add_argument("--warmup", default="10s", help="duration of the discarded first round (JIT warm-up)")
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--pipeline", type=int, default=1, help="requests per write (HTTP/1.1 pipelining)")
    p.add_argument("-H", "--header", action="append", default=[])
    p.add_argument("--wrk-cpu", default="0")
    p.add_argument("--pid", action="append", default=[], metavar="NAME=PID",
                   help="also report that server's CPU time per request (user + system, /proc/PID/stat): "
                        "steadier than requests/s on a busy machine")
    args = p.parse_args()

    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install -y wrk)")
    targets = dict(t.split("=", 1) for t in args.targets)
    if args.reference not in targets:
        sys.exit(f"--reference {args.reference} is not one of {list(targets)}")
    script = pipeline_script(args.pipeline) if args.pipeline > 1 else None

    pids = dict(t.split("=", 1) for t in args.pid)
    results = {name: [] for name in targets}
    p99 = {name: [] for name in targets}
    cpu = {name: [] for name in pids}
    for round_no in range(args.rounds + 1):
        order = list(targets.items())
        if round_no % 2:
            order.reverse()  # neither target always runs first
        for name, url in order:
            result = run_wrk(url, args, script, args.warmup if round_no == 0 else args.duration,
                             warmup=round_no == 0, pid=pids.get(name))
            if round_no > 0:
                results[name].append(result["rps"])
                if result["p99_ms"] is not None:
                    p99[name].append(result["p99_ms"])
                if "cpu_us" in result:
                    cpu[name].append(result["cpu_us"])
        label = "warm-up" if round_no == 0 else f"round {round_no}"
        print(f"{label}: " + ", ".join(f"{n} {r[-1]:.0f}" if r and round_no else n for n, r in results.items()),
              flush=True)

    ref = statistics.median(results[args.reference])
    print(f"\nwrk -t1 -c{args.connections} -d{args.duration}"
          f"{' pipeline ' + str(args.pipeline) if script else ''}, {args.rounds} rounds, medians:")
    for name, values in results.items():
        med = statistics.median(values)
        tail = f", p99 {statistics.median(p99[name]):.1f} ms" if p99[name] else ""
        print(f"  {name:<16} {med:>10.0f} req/s   {med / ref:5.2f}x {args.reference}   "
              f"(min {min(values):.0f}, max {max(values):.0f}{tail})")
    if any(cpu.values()):
        ref_cpu = statistics.median(cpu[args.reference]) if cpu.get(args.reference) else None
        print("CPU time per request (server's user + system, medians):")
        for name, values in cpu.items():
            med = statistics.median(values)
            ratio = f"   {med / ref_cpu:5.2f}x {args.reference}" if ref_cpu else ""
            print(f"  {name:<16} {med:>10.2f} us{ratio}   (min {min(values):.2f}, max {max(values):.2f})")


if __name__ == "__main__":
    main()
