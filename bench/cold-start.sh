#!/usr/bin/env bash
# Cold start of the launcher: from `java -jar` to the first 200 on /, median of N runs.
# Usage: bench/cold-start.sh [runs=5]   (after ./mvnw package; needs curl and python3; ~3 s a run)
#        JAVA_OPTS="-XX:SharedArchiveFile=target/groundup.jsa" bench/cold-start.sh   (docs/configuration.md: Faster start)
# The JVM's own warnings are shown. With a class-data archive the JVM is told -Xshare:on, so an
# archive it cannot use (made by another jar or JVM) fails the run instead of timing a start
# without it. Each run uses this script's own temporary H2 database, never the repository's ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/groundup.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw package first" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/groundup-cold-start.XXXXXX)
trap 'rm -rf "$work"' EXIT
opts=${JAVA_OPTS:-}
case "$opts" in *SharedArchiveFile*) opts="$opts -Xshare:on" ;; esac

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java $opts -jar "$jar" --host 127.0.0.1 --port "$port" --db-url "jdbc:h2:$work/data/groundup" \
    >"$work/out.log" 2>"$work/err.log" &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the launcher exited before answering; the JVM said:" >&2
      cat "$work/out.log" "$work/err.log" >&2
      exit 1
    fi
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # The JVM's warnings (e.g. about the archive) and anything else unexpected are shown, never
  # hidden; only the launcher's own INFO log lines are left out.
  grep -v '^[0-9:.]* INFO ' "$work/err.log" | sed 's/^/  stderr: /' >&2 || true
  grep -i 'warning' "$work/out.log" | sed 's/^/  stdout: /' >&2 || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
echo "cold start to first 200 on /: median ${median} ms over ${runs} runs${JAVA_OPTS:+ with $JAVA_OPTS (archive in use: -Xshare:on)} ($(java -version 2>&1 | head -1))"
