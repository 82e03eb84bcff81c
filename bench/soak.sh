#!/usr/bin/env bash
# Soak: the mixed load (todo API reads and writes, static files, /plaintext, /json, the home page,
# and the /todos page when it answers) at 256 connections for 10 minutes against the launcher as
# shipped (H2 in a temporary folder, or --db-url). Reports errors (want 0), latency percentiles,
# the server's resident memory and thread count each minute (want no growth beyond noise).
# Server on CPU 1, wrk on CPU 0.
#
# Usage: flock /tmp/groundup-bench.lock bench/soak.sh [--minutes N] [--connections N] [--db-url JDBC_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA:-java}
minutes=10
connections=256
db_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --db-url) db_args=(--db-url "$2"); shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--connections N] [--db-url JDBC_URL]" >&2; exit 2 ;;
  esac
done

seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); if (s < 1) exit 1; print s }') \
  || { echo "--minutes must be a positive number" >&2; exit 2; }
[ -f target/groundup.jar ] || mvn -B -q package -DskipTests
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
work=$(mktemp -d -t groundup-soak.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cp target/groundup.jar "$work/groundup.jar" # a rebuild during the soak must not change the running jar
(cd "$work" && exec taskset -c 1 "$java" -jar "$work/groundup.jar" --host 127.0.0.1 --port "$port" "${db_args[@]}") \
  >"$work/app.log" 2>&1 & app=$!; pids+=($app)
base="http://127.0.0.1:$port"
for _ in $(seq 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" 2>/dev/null)" = 200 ] && break
  sleep 0.2
done
server_pid=$(pgrep -P "$app" java || echo "$app")

# A fixed set of todos to read and patch: the list keeps its size however long the soak runs.
curl -s -X DELETE "$base/api/todos" >/dev/null
ids=()
for i in $(seq 20); do
  ids+=("$(curl -s -H 'Content-Type: application/json' -d "{\"title\":\"soak $i\"}" "$base/api/todos" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done
paths="/api/todos /plaintext /json /css/site.css /"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/todos")" = 200 ] && paths="$paths /todos"

cat >"$work/mix.lua" <<LUA
local paths = {}
for p in string.gmatch("$paths", "%S+") do paths[#paths + 1] = p end
local ids = { $(IFS=,; echo "${ids[*]}") }
local n = 0
request = function()
  n = n + 1
  local pick = n % (#paths + 2)
  local id = ids[(n % #ids) + 1]
  if pick == #paths then
    return wrk.format("GET", "/api/todos/" .. id)
  elseif pick == #paths + 1 then
    return wrk.format("PATCH", "/api/todos/" .. id, { ["Content-Type"] = "application/json" },
      '{"completed":' .. ((n % 2 == 0) and "true" or "false") .. '}')
  end
  return wrk.format("GET", paths[pick + 1])
end
LUA

sample() { ps -o rss=,nlwp= -p "$server_pid" | awk -v m="$1" '{printf "minute %s: resident %d MiB, %d threads\n", m, $1/1024, $2}'; }
echo "soak: $connections connections, $minutes min, paths: $paths, /api/todos/{id} GET and PATCH"
echo "load before: $(uptime)"
sample 0
(for m in $(seq "$((seconds / 60))"); do sleep 60; sample "$m"; done) & pids+=($!)
taskset -c 0 wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$work/mix.lua" "$base" | tee "$work/wrk.txt"
sample end
echo "load after: $(uptime)"
errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" || true)
echo "errors: ${errors:-none}"
echo "server log warnings/errors: $(grep -cE " ERROR | WARN " "$work/app.log" || true)"
