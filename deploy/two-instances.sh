#!/usr/bin/env bash
# Two Groundup launchers on one PostgreSQL behind nginx, all on this machine's loopback.
#   deploy/two-instances.sh [--db-url JDBC_URL] [--port 8080]
# Needs target/groundup.jar (mvn -q package -DskipTests) and nginx (e.g. Debian's nginx-light).
# Ctrl-C stops all three. nginx runs in the foreground with its own prefix, pid and logs.
set -euo pipefail
cd "$(dirname "$0")/.."

db_url="jdbc:postgresql://127.0.0.1:5432/groundup?user=postgres"
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --db-url) db_url="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "usage: $0 [--db-url JDBC_URL] [--port PORT]" >&2; exit 2 ;;
  esac
done

jar=target/groundup.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -q package -DskipTests first" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
prefix=$(mktemp -d -t groundup-nginx.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$prefix"
}
trap cleanup EXIT INT TERM

apps=()
for i in 1 2; do
  app_port=$(free_port)
  java -jar "$jar" --host 127.0.0.1 --port "$app_port" --db-url "$db_url" --trust-proxy true &
  pids+=($!)
  apps+=("127.0.0.1:$app_port")
done
for app in "${apps[@]}"; do
  for _ in $(seq 1 120); do
    curl -fsS "http://$app/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

sed -e "s|@PREFIX@|$prefix|g" -e "s|@LISTEN@|127.0.0.1:$port|g" \
    -e "s|@APP1@|${apps[0]}|g" -e "s|@APP2@|${apps[1]}|g" deploy/nginx.conf.template > "$prefix/nginx.conf"
echo "nginx on http://127.0.0.1:$port/ -> ${apps[*]}"
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
pids+=($!)
wait
