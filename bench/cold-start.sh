#!/usr/bin/env bash
# Cold start of the launcher: from `java -jar` to the first 200 on /, median of N runs.
# Usage: bench/cold-start.sh [runs=5]   (after mvn package; needs curl)
#        JAVA_OPTS="-XX:SharedArchiveFile=target/groundup.jsa" bench/cold-start.sh   (docs/configuration.md: Faster start)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/groundup.jar
[ -f "$jar" ] || { echo "no $jar: run mvn package first" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$jar" --host 127.0.0.1 --port "$port" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "launcher exited" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
echo "cold start to first 200 on /: median ${median} ms over ${runs} runs${JAVA_OPTS:+ with $JAVA_OPTS} ($(java -version 2>&1 | head -1))"
