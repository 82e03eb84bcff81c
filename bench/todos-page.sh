#!/usr/bin/env bash
# GET /todos with 100 todos, rendered by Groundup's precompiled jte template through the whole
# application (launcher, filters, router, CSRF token, headers), against the same page written by
# hand into a StringBuilder in a bare servlet on a bare Jetty (bench/pages, not shipped), on the
# same repository. Both on H2 in a fresh temporary folder, each filled with the same 100 todos.
# Servers are pinned to CPU 1; bench/compare.py runs wrk on CPU 0 and reports median ratios.
# Both get the same CSRF cookie, so neither sets one per request. Extra arguments go to compare.py.
#
# Usage: flock /tmp/groundup-bench.lock bench/todos-page.sh [compare.py options]
set -euo pipefail
java=${JAVA:-java}
cd "$(dirname "$0")/.."

mvn -B -q package -DskipTests
mkdir -p bench/pages/target/classes
javac --release 17 -d bench/pages/target/classes -cp target/groundup.jar \
  bench/pages/src/dev/groundup/todos/HandWrittenTodos.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
app_port=$(free_port); hand_port=$(free_port)
data=$(mktemp -d)  # never the repository's ./data
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

todos=100
taskset -c 1 "$java" -jar target/groundup.jar --host 127.0.0.1 --port "$app_port" \
  --db-url "jdbc:h2:$data/app" --secret "the benchmark's secret, 16+ chars" >"$data/app.log" 2>&1 & pids+=($!)
taskset -c 1 "$java" -cp "bench/pages/target/classes:target/groundup.jar" dev.groundup.todos.HandWrittenTodos \
  "$hand_port" "jdbc:h2:$data/hand" "$todos" >"$data/hand.log" 2>&1 & pids+=($!)

cookie="Cookie: csrf=benchmarkbrowservalue0123456789abcdefghijkl"  # 43 characters, as the app makes them (else it sets a new one)
for url in "http://127.0.0.1:$app_port/hello" "http://127.0.0.1:$hand_port/todos"; do
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -H "$cookie" -w '%{http_code}' "$url" 2>/dev/null)" = 200 ] && continue 2
    sleep 0.1
  done
  echo "no 200 from $url; logs:" >&2; cat "$data"/*.log >&2; exit 1
done

# The same todos as the hand-written servlet makes for itself: every third completed.
for i in $(seq "$todos"); do
  completed=$([ $((i % 3)) -eq 0 ] && echo true || echo false)
  curl -sf -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"title\":\"Todo number $i <with markup & \\\"quotes\\\">\",\"completed\":$completed}" \
    "http://127.0.0.1:$app_port/api/todos"
done

if curl -s -D - -o /dev/null -H "$cookie" "http://127.0.0.1:$app_port/todos" | grep -qi '^set-cookie'; then
  echo "Groundup set a new cookie: it did not take the benchmark's as one of its own" >&2; exit 1
fi
app_bytes=$(curl -sf -H "$cookie" "http://127.0.0.1:$app_port/todos" | wc -c)
hand_bytes=$(curl -sf -H "$cookie" "http://127.0.0.1:$hand_port/todos" | wc -c)
echo "page sizes: groundup $app_bytes bytes, hand-written $hand_bytes bytes"

echo "load before: $(uptime)"
echo "java: $("$java" -version 2>&1 | head -1)"
python3 bench/compare.py --reference hand-written -H "$cookie" \
  hand-written="http://127.0.0.1:$hand_port/todos" \
  groundup="http://127.0.0.1:$app_port/todos" \
  "$@"
echo "load after: $(uptime)"
