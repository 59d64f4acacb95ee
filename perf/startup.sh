#!/usr/bin/env bash
# Measures the embedded default: time from launch until /actuator/health answers UP, and the
# resident memory of the JVM (RSS) and of the embedded PostgreSQL processes (PSS) once ready.
# Then, for comparison, the same for the smallest Spring Boot web app on the same Boot version and JVM
# (perf/empty-web-app: Spring MVC on Tomcat with the health endpoint, nothing else).
# Usage: perf/startup.sh [runs]   (builds the jar if missing; uses a scratch data directory)
#        JAR=/path/to/synovia.jar perf/startup.sh ...   measures that jar
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
jar=${JAR:-$(ls target/synovia-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$jar" ] || { ./mvnw -q -B -DskipTests package; jar=$(ls target/synovia-*.jar | head -1); }
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
      --synovia.database.embedded.data-directory="$data/pg" > "$data/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "application died:"; tail -20 "$data/app.log"; exit 1; }
    sleep 0.1
  done
  ready=$(date +%s.%N)
  jvm_kb=$(ps -o rss= -p $pid)
  # PSS, not RSS, for PostgreSQL: its processes share the buffer pool, which RSS would count once per process.
  postmaster=$(head -1 "$data/pg/postmaster.pid")
  pg_kb=0
  for p in $postmaster $(pgrep -P "$postmaster"); do
    pss=$(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    pg_kb=$((pg_kb + ${pss:-0}))
  done
  printf 'run %d: ready in %.1f s; JVM RSS %d MB; PostgreSQL PSS %d MB%s\n' "$run" "$(echo "$ready - $start" | bc)" \
      $((jvm_kb / 1024)) $((pg_kb / 1024)) "$([ "$run" = 1 ] && echo ' (first start: new data directory)')"
  kill $pid; wait $pid 2>/dev/null || true
done

empty=perf/empty-web-app/target/empty-web-app-1.jar
[ -f "$empty" ] || JAVA_HOME=$(dirname "$(dirname "$java_bin")") ./mvnw -q -B -f perf/empty-web-app/pom.xml -DskipTests package
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$java_bin" -jar "$empty" --server.port="$port" > "$data/empty.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "empty application died:"; tail -20 "$data/empty.log"; exit 1; }
    sleep 0.1
  done
  ready=$(date +%s.%N)
  printf 'empty web app run %d: ready in %.1f s; JVM RSS %d MB\n' "$run" "$(echo "$ready - $start" | bc)" \
      $(($(ps -o rss= -p $pid) / 1024))
  kill $pid; wait $pid 2>/dev/null || true
done
