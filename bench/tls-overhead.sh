#!/bin/bash
# What HTTPS and HTTP/2 cost on /plaintext. One launcher with both ports (plain and HTTPS), pinned to
# CPU 1; the load pinned to CPU 0; targets alternated round by round, the first (warm-up) round
# discarded, medians compared:
#   1. HTTPS vs HTTP: bench/compare.py (wrk -t1 -c64, keep-alive; one handshake per connection);
#   2. HTTP/2 vs HTTP/1.1, both over TLS, with h2load: h2 on 4 connections x 16 streams (-c4 -m16),
#      HTTP/1.1 on the same 4 connections x 16 pipelined requests (--h1 -c4 -m16), and HTTP/1.1 as
#      clients really use it, one request at a time on 64 connections (--h1 -c64 -m1): 64 in flight each.
# The certificate is made here (openssl, EC P-256 as ACME clients issue by default) and deleted after.
#   mvn -q package -DskipTests && flock /tmp/groundup-bench.lock bench/tls-overhead.sh
# ROUNDS (3), DURATION (10 s a run), WARMUP (20 s a target) change the shape.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/groundup.jar}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
PLAIN=18301
HTTPS=18302
command -v h2load > /dev/null || { echo "h2load is not installed (apt-get install -y nghttp2-client)" >&2; exit 1; }
WORK=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2> /dev/null
taskset -c 1 java -jar "$JAR" --host 127.0.0.1 --port $PLAIN --https-port $HTTPS \
    --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" --access-log off \
    --db-url "jdbc:h2:mem:tls;DB_CLOSE_DELAY=-1" > "$WORK/out" 2> "$WORK/err" &
pid=$!
for _ in $(seq 1 120); do curl -skf -o /dev/null "https://127.0.0.1:$HTTPS/plaintext" && break; sleep 0.5; done
java -version 2>&1 | head -1
uptime

echo "== HTTPS vs HTTP (wrk)"
python3 bench/compare.py --reference http --rounds "$ROUNDS" --duration "${DURATION}s" --warmup "${WARMUP}s" \
  http=http://127.0.0.1:$PLAIN/plaintext https=https://127.0.0.1:$HTTPS/plaintext

echo "== HTTP/2 vs HTTP/1.1 over TLS (h2load)"
python3 - "$ROUNDS" "$DURATION" "$WARMUP" "https://127.0.0.1:$HTTPS/plaintext" <<'PY'
import re, statistics, subprocess, sys
rounds, duration, warmup, url = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
targets = {
    "h1_c64": ["--h1", "-c64", "-m1"],
    "h1_c4_m16": ["--h1", "-c4", "-m16"],
    "h2_c4_m16": ["-c4", "-m16"],
}
def run(args, seconds):
    out = subprocess.run(["taskset", "-c", "0", "h2load", "-t1", "-D", str(seconds), *args, url],
                         capture_output=True, text=True, check=True).stdout
    rps = re.search(r"finished in [\d.]+\w*, ([\d.]+) req/s", out)
    done = re.search(r"requests: \d+ total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored", out)
    proto = re.search(r"Application protocol: (\S+)", out)
    if not rps or not done or not int(done.group(2)) or int(done.group(3)) or int(done.group(4)):
        sys.exit("h2load failed or saw errors:\n" + out)
    return float(rps.group(1)), proto.group(1) if proto else "?"
results = {name: [] for name in targets}
for round_no in range(rounds + 1):
    order = list(targets.items())
    if round_no % 2:
        order.reverse()
    line = []
    for name, args in order:
        rps, proto = run(args, warmup if round_no == 0 else duration)
        if round_no:
            results[name].append(rps)
        line.append(f"{name} ({proto}) {rps:.0f}")
    print(("warm-up: " if round_no == 0 else f"round {round_no}: ") + ", ".join(line), flush=True)
ref = statistics.median(results["h1_c64"])
print(f"\nh2load -t1 -D {duration}, {rounds} rounds, medians:")
for name, values in results.items():
    med = statistics.median(values)
    print(f"  {name:<12} {med:>10.0f} req/s   {med / ref:5.2f}x h1_c64   (min {min(values):.0f}, max {max(values):.0f})")
PY
uptime
