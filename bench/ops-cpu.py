#!/usr/bin/env python3
"""The access log's and metrics' cost as CPU per request, steadier than requests/s on a busy machine.

Launchers from one jar, pinned to CPU 1: everything off, --metrics, the access log to stdout
(redirected to a file, as a service manager would) and the access log to a file; with
--base OTHER.jar also the two access logs of that jar (before/after a change, side by side).
wrk -t1 -c64 on CPU 0 against /plaintext, a 20 s warm-up each, then 5 alternating 5 s rounds.
Per round: the server's user + system CPU time (/proc/PID/stat) divided by the requests wrk saw.
Prints the medians, their ratios to "off", and the CPU per request above "off". Each access log's
line count is checked against the requests served (a line lost would show as a shortfall).

  mvn -q package -DskipTests && flock /tmp/groundup-bench.lock bench/ops-cpu.py [JAR] [--base OTHER.jar]
      [--only off,log_stdout] [--rounds 5] [--profile DIR [--event itimer]]   (--profile: async-profiler
      at /tmp/ap, one collapsed-stack file per launcher covering its whole run, written at its exit)
"""
import argparse, os, re, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("jar", nargs="?", default=os.path.join(here, "..", "target", "groundup.jar"))
ap.add_argument("--base", help="a second jar whose access logs run beside this one's (names end in @base)")
ap.add_argument("--only", help="comma-separated launcher names to run (off is always run)")
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--profile", help="folder for async-profiler's collapsed stacks, one file per launcher (whole run, written at exit)")
ap.add_argument("--event", default="cpu", help="async-profiler event: cpu, or itimer where perf events are not allowed")
opts = ap.parse_args()

work = tempfile.mkdtemp(prefix="ops-cpu-")
variants = {"off": (opts.jar, ["--access-log", "off"]),
            "metrics": (opts.jar, ["--access-log", "off", "--metrics"]),
            "log_stdout": (opts.jar, ["--access-log", "stdout"]),
            "log_file": (opts.jar, ["--access-log", os.path.join(work, "log_file.access.log")])}
if opts.base:
    variants["log_stdout@base"] = (opts.base, ["--access-log", "stdout"])
    variants["log_file@base"] = (opts.base, ["--access-log", os.path.join(work, "log_file@base.access.log")])
if opts.only:
    keep = {"off", *opts.only.split(",")}
    variants = {n: v for n, v in variants.items() if n in keep}

procs = {}; port = 18401
served = {}  # requests answered: curl's and wrk's
def answers(port, name):
    ok = subprocess.run(["curl", "-sf", "-o", "/dev/null", f"http://127.0.0.1:{port}/plaintext"]).returncode == 0
    served[name] = served.get(name, 0) + ok
    return ok
try:
    # One after another, each up before the next starts: on one busy core, JVMs starting together
    # have timed out creating the TechEmpower tables (hence also the generous --db-timeout).
    for name, (jar, args) in variants.items():
        out = open(os.path.join(work, name + ".out"), "w")
        jvm = []
        if opts.profile:
            os.makedirs(opts.profile, exist_ok=True)
            out_file = os.path.join(opts.profile, name.replace("@", "_") + ".collapsed")
            jvm = [f"-agentpath:/tmp/ap/linux-x64/libasyncProfiler.so=start,event={opts.event},interval=1ms,file={out_file},collapsed"]
        p = subprocess.Popen(["taskset", "-c", "1", "java", *jvm, "-jar", jar, "--host", "127.0.0.1", "--port", str(port),
                              "--db-url", f"jdbc:h2:mem:cpu{port};DB_CLOSE_DELAY=-1", "--db-timeout", "120", *args],
                             stdout=out, stderr=open(os.path.join(work, name + ".err"), "w"))
        procs[name] = (p, port)
        for _ in range(240):
            if answers(port, name) or p.poll() is not None: break
            time.sleep(0.5)
        if p.poll() is not None:
            sys.exit(f"{name} did not start; see {work}")
        port += 1
    tick = os.sysconf("SC_CLK_TCK")
    def cpu(pid):
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / tick
    def run(name, dur):
        p, port = procs[name]
        c0 = cpu(p.pid)
        out = subprocess.run(["taskset", "-c", "0", "wrk", "-t1", "-c64", f"-d{dur}", f"http://127.0.0.1:{port}/plaintext"],
                             capture_output=True, text=True).stdout
        c1 = cpu(p.pid)
        n = int(re.search(r"(\d+) requests in", out).group(1))
        served[name] += n
        return (c1 - c0) / n * 1e6, n / float(dur[:-1])
    for name in procs: run(name, "20s")
    res = {n: [] for n in procs}
    for r in range(opts.rounds):
        order = list(procs) if r % 2 == 0 else list(reversed(procs))
        for name in order:
            us, rps = run(name, "5s"); res[name].append((us, rps))
        print("round", r + 1, {n: f"{res[n][-1][0]:.2f}us {res[n][-1][1]:.0f}/s" for n in procs}, flush=True)
    base = statistics.median(u for u, _ in res["off"]); base_rps = statistics.median(r for _, r in res["off"])
    for n in procs:
        med = statistics.median(u for u, _ in res[n]); rps = statistics.median(r for _, r in res[n])
        print(f"{n:16s} CPU/request median {med:.2f} us ({med / base:.3f}x off, {med - base:+.2f} us)"
              f"   req/s median {rps:.0f} ({rps / base_rps:.3f}x off)")
    # Every request answered is a line (wrk's count misses requests cut off at the end of a round,
    # so a few lines more than counted is normal; fewer would be lines lost).
    for n in procs:
        if n.startswith("log_"):
            answers(procs[n][1], n)
    time.sleep(1)  # the last batch
    for n in procs:
        if n.startswith("log_"):
            path = os.path.join(work, n + (".access.log" if n.startswith("log_file") else ".out"))
            lines = sum(1 for l in open(path, errors="replace") if "GET /plaintext" in l)
            print(f"{n:16s} {lines} lines for {served[n]} requests counted", flush=True)
finally:
    for p, _ in procs.values(): p.terminate()
    for p, _ in procs.values(): p.wait(30)
