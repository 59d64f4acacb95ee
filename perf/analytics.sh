#!/usr/bin/env bash
# Fills a scratch database with synthetic procedures and diaries, then times the outcome analytics over HTTP:
# N sequential requests per view, median and 95th percentile; also the generator's duration and the database size.
# Usage: perf/analytics.sh [procedures, default 1000000] [requests per view, default 20] [data directory]
# A data directory that already holds a generated database is reused (set ADMIN_PASSWORD if it was not made here).
set -euo pipefail
cd "$(dirname "$0")/.."
procedures=${1:-1000000}
n=${2:-20}
data=${3:-target/perf-analytics-$procedures}
port=${PORT:-18082}
password=${ADMIN_PASSWORD:-perf-analytics-admin-1}
mkdir -p "$data"
if [ ! -f "$data/synovia.jar" ]; then
  ./mvnw -q -B -DskipTests package
  # A copy, so that a later build cannot replace the jar under the running server.
  cp "$(ls target/synovia-*.jar | head -1)" "$data/synovia.jar"
fi
jar="$data/synovia.jar"
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
if [ ! -f "$data/generated" ]; then
  started=$(date +%s)
  SYNOVIA_SECURITY_INITIAL_ADMIN_PASSWORD="$password" "$java_bin" -jar "$jar" --server.port=0 \
      --synovia.database.embedded.data-directory="$data/pg" --synovia.synthetic.procedures="$procedures" \
      --synovia.synthetic.exit-when-done=true > "$data/generate.log" 2>&1
  echo "$(( $(date +%s) - started ))" > "$data/generated"
fi
echo "procedures generated:          $procedures"
echo "generator run (start to exit): $(cat "$data/generated") s"
grep -o "diary entries written in [0-9]* s; outcome facts rebuilt in [0-9]* s" "$data/generate.log" | sed 's/^/generator:                     /' || true
echo "database size on disk:         $(du -sh "$data/pg" | cut -f1)"

# SERVER_ARGS, e.g. --synovia.outcomes.rebuild-at-start=true after a change to the read model's schema.
"$java_bin" -jar "$jar" --server.port="$port" --synovia.database.embedded.data-directory="$data/pg" ${SERVER_ARGS:-} \
    > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do sleep 0.5; done
case "${SERVER_ARGS:-}" in *rebuild-at-start=true*)
  until grep -q "Outcome facts rebuilt" "$data/serve.log"; do sleep 1; done
  grep -o "Outcome facts rebuilt: .*" "$data/serve.log" | sed 's/^/rebuild at start:              /';;
esac
cookies="$data/admin.cookies"
rm -f "$cookies"
token=$(curl -s -c "$cookies" -b "$cookies" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$cookies" -b "$cookies" -o /dev/null -d "username=admin&password=$password&_csrf=$token" "http://localhost:$port/login"
measure() { # $1 label, $2 path
  local times=() code
  code=$(curl -s -b "$cookies" -o /dev/null -w '%{http_code}' "http://localhost:$port$2")   # warm-up, and a check
  [ "$code" = 200 ] || { echo "$1: HTTP $code"; return 1; }
  for _ in $(seq 1 "$n"); do
    times+=("$(curl -s -b "$cookies" -o /dev/null -w '%{time_total}' "http://localhost:$port$2")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" '{a[NR]=$1} END {printf "%-44s median %7.1f ms   p95 %7.1f ms   max %7.1f ms (n=%d)\n", label, a[int((NR+1)/2)]*1000, a[int(NR*0.95+0.5)]*1000, a[NR]*1000, NR}'
}
today=$(date +%F)
measure "outcomes page, last 12 months (default)" "/outcomes"
measure "outcomes page, all years" "/outcomes?from=2000-01-01&to=$today"
measure "outcomes page, all years, one site" "/outcomes?from=2000-01-01&to=$today&site=KNEE_JOINT"
measure "outcomes CSV, all years" "/outcomes.csv?from=2000-01-01&to=$today"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
