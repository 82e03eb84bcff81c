#!/usr/bin/env python3
"""The access log's and metrics' cost as CPU per request, steadier than requests/s on a busy machine.

Three launchers from one jar, pinned to CPU 1: everything off, --metrics, the access log to stdout
(redirected to a file); wrk -t1 -c64 on CPU 0 against /plaintext, a 20 s warm-up each, then 5
alternating 5 s rounds. Per round: the server's user + system CPU time (/proc/PID/stat) divided by
the requests wrk saw. Prints the medians and their ratios to "off".

  mvn -q package -DskipTests && flock /tmp/groundup-bench.lock bench/ops-cpu.py [JAR]
"""
import subprocess, sys, time, re, os, statistics
JAR=sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "groundup.jar")
variants={"off":["--access-log","off"],"metrics":["--access-log","off","--metrics"],"log_stdout":["--access-log","stdout"]}
procs={}; port=18401
for name,args in variants.items():
    out=open(os.devnull,"w")
    p=subprocess.Popen(["taskset","-c","1","java","-jar",JAR,"--host","127.0.0.1","--port",str(port),"--db-url",f"jdbc:h2:mem:cpu{port};DB_CLOSE_DELAY=-1",*args],stdout=out,stderr=subprocess.STDOUT)
    procs[name]=(p,port); port+=1
try:
    for name,(p,port) in procs.items():
        for _ in range(120):
            if subprocess.run(["curl","-sf","-o","/dev/null",f"http://127.0.0.1:{port}/plaintext"]).returncode==0: break
            time.sleep(0.5)
    tick=os.sysconf("SC_CLK_TCK")
    def cpu(pid):
        f=open(f"/proc/{pid}/stat").read().rsplit(")",1)[1].split()
        return (int(f[11])+int(f[12]))/tick
    def run(name,dur):
        p,port=procs[name]
        c0=cpu(p.pid)
        out=subprocess.run(["taskset","-c","0","wrk","-t1","-c64",f"-d{dur}",f"http://127.0.0.1:{port}/plaintext"],capture_output=True,text=True).stdout
        c1=cpu(p.pid)
        n=int(re.search(r"(\d+) requests in",out).group(1))
        return (c1-c0)/n*1e6, n/float(dur[:-1])
    for name in procs: run(name,"20s")
    res={n:[] for n in procs}
    for r in range(5):
        order=list(procs) if r%2==0 else list(reversed(procs))
        for name in order:
            us,rps=run(name,"5s"); res[name].append((us,rps))
        print("round",r+1,{n:f"{res[n][-1][0]:.2f}us {res[n][-1][1]:.0f}/s" for n in procs},flush=True)
    base=statistics.median(u for u,_ in res["off"])
    for n in procs:
        med=statistics.median(u for u,_ in res[n]); rps=statistics.median(r for _,r in res[n])
        print(f"{n:12s} CPU/request median {med:.2f} us  ({med/base:.3f}x off)   req/s median {rps:.0f}")
finally:
    for p,_ in procs.values(): p.terminate()
