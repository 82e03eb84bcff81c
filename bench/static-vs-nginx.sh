#!/usr/bin/env bash
# Static files: the launcher against nginx, serving the same 14 KB CSS file side by side.
#
#   flock /tmp/groundup-bench.lock bench/static-vs-nginx.sh [compare.py options, e.g. --rounds 7]
#
# Both servers run pinned to CPU 1 (taskset -c 1); compare.py runs wrk -t1 -c64 pinned to CPU 0 in
# alternating rounds and prints medians and the ratio to nginx. nginx gets its own temporary
# configuration (one worker, sendfile, no access log) and is told to send the same headers as
# Groundup (charset, Cache-Control, Vary, nosniff), so both answer with the same response.
# Builds target/groundup.jar only if it is missing. Needs nginx, wrk, taskset, curl, python3.
# BEFORE_JAR=/path/to/an/older/groundup.jar also measures that build side by side (target "before").
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in nginx wrk taskset curl python3; do
  command -v "$tool" >/dev/null || { echo "static-vs-nginx: $tool is not installed" >&2; exit 1; }
done
jar=target/groundup.jar
if [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  ./mvnw -q -B package -DskipTests
fi

work=$(mktemp -d /tmp/groundup-static-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# 14 KB of plausible CSS (fixed seed, so every run serves the same bytes).
mkdir -p "$work/site"
chmod 755 "$work" "$work/site" # nginx workers run as an unprivileged user
python3 - "$work/site/bench.css" <<'PY'
import random, sys
random.seed(14)
out, size, i = [], 0, 0
while True:
    rule = (f".c{i} {{ margin: {random.randint(0, 40)}px {random.randint(0, 40)}px; "
            f"color: #{random.randint(0, 0xffffff):06x}; padding: {random.randint(0, 9)}px; }}\n")
    if size + len(rule) > 14 * 1024:
        break
    out.append(rule); size += len(rule); i += 1
open(sys.argv[1], "w").write("".join(out))
PY
echo "file: $(wc -c < "$work/site/bench.css") bytes of CSS"

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server_tokens off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/site;
    charset utf-8;
    charset_types text/css;
    add_header Cache-Control "public, max-age=600";
    add_header Vary Accept-Encoding;
    add_header X-Content-Type-Options nosniff;
  }
}
CONF
taskset -c 1 nginx -c "$work/nginx/nginx.conf" &
pids+=($!)

groundup_port=$(free_port)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
taskset -c 1 java ${JAVA_OPTS:-} -jar "$jar" --host 127.0.0.1 --port "$groundup_port" --static-root "$work/site" \
  --db-url "jdbc:h2:$work/data/groundup" > "$work/groundup.log" 2>&1 &
pids+=($!)

before=()
if [ -n "${BEFORE_JAR:-}" ]; then
  before_port=$(free_port)
  # shellcheck disable=SC2086
  taskset -c 1 java ${JAVA_OPTS:-} -jar "$BEFORE_JAR" --host 127.0.0.1 --port "$before_port" --static-root "$work/site" \
    --db-url 'jdbc:h2:mem:before;DB_CLOSE_DELAY=-1' > "$work/before.log" 2>&1 &
  pids+=($!)
  before=(before="http://127.0.0.1:$before_port/bench.css")
fi

nginx_url="http://127.0.0.1:$nginx_port/bench.css"
groundup_url="http://127.0.0.1:$groundup_port/bench.css"
for url in "$nginx_url" "$groundup_url" ${before_port:+"http://127.0.0.1:$before_port/bench.css"}; do
  for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && break
    sleep 0.1
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "no 200 from $url" >&2; cat "$work/groundup.log" >&2; exit 1; }
done
cmp -s <(curl -s "$nginx_url") <(curl -s "$groundup_url") || { echo "the two servers send different bytes" >&2; exit 1; }
for url in "$nginx_url" "$groundup_url"; do
  echo "--- $url"; curl -s -o /dev/null -D - "$url" | grep -v '^Date' | tr -d '\r' | sed '/^$/d'
done

echo "load before: $(uptime)"
python3 bench/compare.py --reference nginx "$@" nginx="$nginx_url" groundup="$groundup_url" ${before[@]+"${before[@]}"}
echo "load after: $(uptime)"
