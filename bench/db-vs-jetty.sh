#!/usr/bin/env bash
# Groundup's TechEmpower database test types (/db, /queries?queries=20, /fortunes,
# /updates?queries=20, /cached-queries?count=20) against the same five on a bare Jetty 12
# Handler.Abstract with HikariCP and plain JDBC (bench/ref-db), on H2 and on PostgreSQL.
# Groundup runs as shipped (java -jar target/groundup.jar) but for its access log, which is off
# (--access-log off): the reference writes none, as TechEmpower's runs write none, and what the log
# costs is bench/ops-overhead.sh's to measure (ACCESS_LOG=stdout puts it back). Both servers are pinned to CPU 1;
# bench/compare.py runs wrk on CPU 0 (a discarded warm-up round, then alternating rounds) and
# this script prints, per endpoint, the ratio of the medians: Groundup / reference.
#
# H2: each server has its own in-memory database, seeded by the same migration
# (src/main/resources/db/techempower). PostgreSQL (127.0.0.1:5432, user postgres, trust): one
# throwaway database, migrated by Groundup, served by both, dropped at the end.
#
# Usage: flock /tmp/groundup-bench.lock bench/db-vs-jetty.sh [h2|postgresql|both] [compare.py options]
#        JAVA=/path/to/bin/java ... runs both servers on that JVM (default: java on the PATH)
#        ACCESS_LOG=stdout ... runs Groundup with its default access log (to stdout, into a file here)
#        SERVLET=1 ... also runs the reference's --servlet mode (the same endpoints from one bare HttpServlet,
#          srv-* below): the servlet container's floor, so a gap splits into Jetty's servlet layer and Groundup
#        BASE_JAR=/path/to/groundup.jar ... also runs that build (say, main's) in the same rounds, so a
#          change is measured before/after side by side: a column per build, each divided by the reference
set -euo pipefail
java=${JAVA:-java}
cd "$(dirname "$0")/.."
repo=$PWD
which=both
if [ $# -gt 0 ] && [[ $1 != -* ]]; then which=$1; shift; fi

mvn -B -q package -DskipTests
mvn -B -q -f bench/ref-db/pom.xml package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d) # the servers' working directory: nothing lands in the repository's ./data
pids=()
pg_db=""
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_servers
  if [ -n "$pg_db" ]; then psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

await() {
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ] && return 0
    sleep 0.1
  done
  echo "no 200 from $1; logs:" >&2; cat "$work"/*.log >&2; exit 1
}

# measure NAME GROUNDUP_DB_URL REF_DB_URL [REF_SEED_FILE] -- compare.py options
measure() {
  local name=$1 app_url=$2 ref_url=$3 seed=${4:-}
  shift 4
  local app_port ref_port base_port
  app_port=$(free_port); ref_port=$(free_port); base_port=$(free_port)
  (cd "$work" && exec taskset -c 1 "$java" -jar "$repo/target/groundup.jar" --host 127.0.0.1 --port "$app_port" \
    --db-url "$app_url" --access-log "${ACCESS_LOG:-off}" >"$work/app-$name.log" 2>&1) & pids+=($!)
  local app_pid=$! # exec'd through to java: the server's own pid, for its CPU time per request
  await "http://127.0.0.1:$app_port/db" # migrated: on PostgreSQL the reference serves these tables too
  (cd "$work" && exec taskset -c 1 "$java" -cp "$repo/bench/ref-db/target/classes:$(cat "$repo/bench/ref-db/target/classpath.txt")" \
    JettyDbRef "$ref_port" "$ref_url" $seed >"$work/ref-$name.log" 2>&1) & pids+=($!)
  local ref_pid=$!
  await "http://127.0.0.1:$ref_port/db"
  local cpu=()
  for t in db queries fortunes updates cached; do cpu+=(--pid "$t=$app_pid" --pid "ref-$t=$ref_pid"); done
  local srv_targets=()
  if [ -n "${SERVLET:-}" ]; then
    local srv_port srv_url=$ref_url
    srv_port=$(free_port)
    [[ $ref_url == jdbc:h2:mem:* ]] && srv_url=${ref_url/ref-bench/srv-bench} # its own database
    (cd "$work" && exec taskset -c 1 "$java" -cp "$repo/bench/ref-db/target/classes:$(cat "$repo/bench/ref-db/target/classpath.txt")" \
      JettyDbRef --servlet "$srv_port" "$srv_url" $seed >"$work/srv-$name.log" 2>&1) & pids+=($!)
    local srv_pid=$!
    await "http://127.0.0.1:$srv_port/db"
    local srv="http://127.0.0.1:$srv_port"
    srv_targets=(srv-db="$srv/db" srv-queries="$srv/queries?queries=20" srv-fortunes="$srv/fortunes"
      srv-updates="$srv/updates?queries=20" srv-cached="$srv/cached-queries?count=20")
    for t in db queries fortunes updates cached; do cpu+=(--pid "srv-$t=$srv_pid"); done
  fi
  local base_targets=()
  if [ -n "${BASE_JAR:-}" ]; then
    local base_url=$app_url
    [[ $app_url == jdbc:h2:mem:* ]] && base_url=${app_url/groundup-bench/base-bench} # its own database
    (cd "$work" && exec taskset -c 1 "$java" -jar "$BASE_JAR" --host 127.0.0.1 --port "$base_port" \
      --db-url "$base_url" --access-log "${ACCESS_LOG:-off}" >"$work/base-$name.log" 2>&1) & pids+=($!)
    await "http://127.0.0.1:$base_port/db"
    local base="http://127.0.0.1:$base_port"
    base_targets=(base-db="$base/db" base-queries="$base/queries?queries=20" base-fortunes="$base/fortunes"
      base-updates="$base/updates?queries=20" base-cached="$base/cached-queries?count=20")
  fi

  local app="http://127.0.0.1:$app_port" ref="http://127.0.0.1:$ref_port"
  echo "== $name =="
  echo "load before: $(uptime)"
  python3 bench/compare.py --reference ref-db \
    ref-db="$ref/db" db="$app/db" \
    ref-queries="$ref/queries?queries=20" queries="$app/queries?queries=20" \
    ref-fortunes="$ref/fortunes" fortunes="$app/fortunes" \
    ref-updates="$ref/updates?queries=20" updates="$app/updates?queries=20" \
    ref-cached="$ref/cached-queries?count=20" cached="$app/cached-queries?count=20" \
    "${srv_targets[@]}" "${base_targets[@]}" "${cpu[@]}" "$@" | tee "$work/compare-$name.txt"
  echo "load after: $(uptime)"
  echo
  echo "$name: Groundup / bare Jetty + HikariCP + JDBC (medians, req/s)"
  awk '/req\/s/ { rps[$1] = $2 }
       END { n = split("db queries fortunes updates cached", t, " ")
             for (i = 1; i <= n; i++) {
               printf "  %-9s %10.0f / %10.0f = %.2fx", t[i], rps[t[i]], rps["ref-" t[i]], rps[t[i]] / rps["ref-" t[i]]
               if (("srv-" t[i]) in rps) printf "   (bare servlet: %10.0f = %.2fx)", rps["srv-" t[i]], rps["srv-" t[i]] / rps["ref-" t[i]]
               if (("base-" t[i]) in rps) printf "   (BASE_JAR: %10.0f = %.2fx)", rps["base-" t[i]], rps["base-" t[i]] / rps["ref-" t[i]]
               printf "\n" } }' \
    "$work/compare-$name.txt"
  echo
  stop_servers
}

echo "java: $("$java" -version 2>&1 | head -1)"
if [ "$which" = h2 ] || [ "$which" = both ]; then
  measure h2 "jdbc:h2:mem:groundup-bench;DB_CLOSE_DELAY=-1" "jdbc:h2:mem:ref-bench;DB_CLOSE_DELAY=-1" \
    "$repo/src/main/resources/db/techempower/V1__world_and_fortune.sql" "$@"
fi
if [ "$which" = postgresql ] || [ "$which" = both ]; then
  pg_db="groundup_bench_$$"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pg_db" >/dev/null
  url="jdbc:postgresql://127.0.0.1:5432/$pg_db?user=postgres"
  measure postgresql "$url" "$url" "" "$@"
fi
