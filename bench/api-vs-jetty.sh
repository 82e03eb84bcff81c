#!/usr/bin/env bash
# Groundup's /plaintext, /json and /hello/{name} against a bare Jetty 12 core Handler answering
# "Hello, World!" (bench/ref; the reference, declared non-blocking), with, for context, the same
# handler declared blocking as any servlet is, and a default-settings Javalin app (bench/javalin).
# Groundup runs as shipped: java -jar target/groundup.jar, through the servlet layer and Wiring.
# Every server is pinned to CPU 1; bench/compare.py runs wrk on CPU 0 and reports median ratios
# to the Jetty handler. Extra arguments go to compare.py (e.g. --pipeline 16, --rounds 7).
#
# Usage: flock /tmp/groundup-bench.lock bench/api-vs-jetty.sh [compare.py options]
#        JAVA=/path/to/bin/java ... runs every server on that JVM (default: java on the PATH)
#        BEFORE_JAR=/path/to/an/older/groundup.jar ... also measures that build side by side
#          (targets before-plaintext, before-json, before-hello-name; it runs on an in-memory H2)
set -euo pipefail
java=${JAVA:-java}
before_jar=${BEFORE_JAR:-}
cd "$(dirname "$0")/.."

./mvnw -B -q package -DskipTests
./mvnw -B -q -f bench/ref/pom.xml package
./mvnw -B -q -f bench/javalin/pom.xml package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ref_port=$(free_port); blocking_port=$(free_port); app_port=$(free_port); javalin_port=$(free_port)
logs=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$logs"
}
trap cleanup EXIT

taskset -c 1 "$java" -cp "bench/ref/target/classes:$(cat bench/ref/target/classpath.txt)" JettyRef "$ref_port" \
  >"$logs/ref.log" 2>&1 & pids+=($!)
taskset -c 1 "$java" -cp "bench/ref/target/classes:$(cat bench/ref/target/classpath.txt)" JettyRef "$blocking_port" blocking \
  >"$logs/ref-blocking.log" 2>&1 & pids+=($!)
# Its own H2 file under the temporary folder, never the repository's ./data.
taskset -c 1 "$java" -jar target/groundup.jar --host 127.0.0.1 --port "$app_port" --db-url "jdbc:h2:$logs/data/groundup" \
  >"$logs/app.log" 2>&1 & pids+=($!)
before_targets=()
if [ -n "$before_jar" ]; then
  before_port=$(free_port)
  taskset -c 1 "$java" -jar "$before_jar" --host 127.0.0.1 --port "$before_port" --db-url 'jdbc:h2:mem:before;DB_CLOSE_DELAY=-1' \
    >"$logs/before.log" 2>&1 & pids+=($!)
  before_targets=(before-plaintext="http://127.0.0.1:$before_port/plaintext"
    before-json="http://127.0.0.1:$before_port/json" before-hello-name="http://127.0.0.1:$before_port/hello/Ada")
fi
taskset -c 1 "$java" -cp "bench/javalin/target/classes:$(cat bench/javalin/target/classpath.txt)" JavalinRef "$javalin_port" \
  >"$logs/javalin.log" 2>&1 & pids+=($!)

for url in "http://127.0.0.1:$ref_port/" "http://127.0.0.1:$blocking_port/" "http://127.0.0.1:$app_port/plaintext" "http://127.0.0.1:$javalin_port/plaintext" \
    ${before_port:+"http://127.0.0.1:$before_port/plaintext"}; do
  for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = 200 ] && continue 2
    sleep 0.1
  done
  echo "no 200 from $url; logs:" >&2; cat "$logs"/*.log >&2; exit 1
done

echo "load before: $(uptime)"
echo "java: $("$java" -version 2>&1 | head -1)"
python3 bench/compare.py --reference jetty-handler \
  jetty-handler="http://127.0.0.1:$ref_port/" \
  jetty-blocking="http://127.0.0.1:$blocking_port/" \
  plaintext="http://127.0.0.1:$app_port/plaintext" \
  json="http://127.0.0.1:$app_port/json" \
  hello-name="http://127.0.0.1:$app_port/hello/Ada" \
  ${before_targets[@]+"${before_targets[@]}"} \
  javalin-plaintext="http://127.0.0.1:$javalin_port/plaintext" \
  javalin-json="http://127.0.0.1:$javalin_port/json" \
  javalin-hello="http://127.0.0.1:$javalin_port/hello/Ada" \
  "$@"
echo "load after: $(uptime)"
