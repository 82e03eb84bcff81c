#!/bin/bash
# The cost of the access log and of metrics on /plaintext: four launchers side by side, pinned to
# CPU 1 (all settings off; --metrics; the access log to stdout, redirected to a file; the access log
# to a file), measured with bench/compare.py (wrk on CPU 0) as ratios to the first.
#   mvn -q package -DskipTests && flock /tmp/groundup-bench.lock bench/ops-overhead.sh [compare.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/groundup.jar}
WORK=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
start() {
  taskset -c 1 java -jar "$JAR" --host 127.0.0.1 --port "$1" --db-url "jdbc:h2:mem:ops$1;DB_CLOSE_DELAY=-1" "${@:2}" \
      > "$WORK/$1.out" 2> "$WORK/$1.err" &
  pids+=($!)
}
start 18101 --access-log off
start 18102 --access-log off --metrics
start 18103 --access-log stdout
start 18104 --access-log "$WORK/access.log"
for port in 18101 18102 18103 18104; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/plaintext" && break; sleep 0.5; done
done
uptime
python3 bench/compare.py --reference off --rounds 3 --duration 5s --warmup 5s "$@" \
  off=http://127.0.0.1:18101/plaintext metrics=http://127.0.0.1:18102/plaintext \
  log_stdout=http://127.0.0.1:18103/plaintext log_file=http://127.0.0.1:18104/plaintext
uptime
