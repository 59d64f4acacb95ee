#!/usr/bin/env bash
# Loads the main list pages over real HTTP on loopback, signed in as each role, at fixed request rates (open loop,
# perf/PageLoad.java) and reports per page and rate: p50, p95 and max latency, errors, and the server's CPU per
# request (JVM + embedded PostgreSQL processes, from /proc/PID/stat) with the load average beside it.
# The database has realistic volume: the synthetic-data generator (ADR 0019) writes PROCEDURES signed procedures over
# three years and ROWS patients in each open list (to vet, waiting, booked today; ADR 0090), once per day and jar
# into target/perf-pages-…; each run starts from a fresh copy of it, with the demo accounts (password synovia-demo).
# Usage: perf/pages.sh [seconds per rate, default 10] [rates, default 10,30,60,90,150]
#        HOG=1 perf/pages.sh ...             runs a busy loop on one core beside the server for the whole run
#        PROCEDURES=100000 ROWS=50 perf/pages.sh ...   the volume (defaults 20000 and 50)
#        WAITING=2000 TODAY=200 perf/pages.sh ...      the waiting list and today's list apart (default ROWS each)
#        JAR=/path/to/synovia.jar perf/pages.sh ...    measures that jar instead of building this tree's
#        DATA=./data/x perf/pages.sh ...     runs on that data directory (kept) instead of a generated copy
#        PAGES='day list' perf/pages.sh ...  measures only the pages whose label matches that extended regex
#        WARMUP=60 perf/pages.sh ...        loads all pages for that many seconds before measuring (default 3); the JIT
#                                            compiler's and PostgreSQL's share of the CPU per request are printed apart
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rates=${2:-10,30,60,90,150}
port=${PORT:-18081}
procedures=${PROCEDURES:-20000}
rows_per_list=${ROWS:-50}
waiting=${WAITING:-$rows_per_list}
today=${TODAY:-$rows_per_list}
if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/synovia-*.jar | grep -v plain | head -1)
fi
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
if [ -z "${DATA:-}" ]; then
  # Today's lists are today's: the generated database is made again on another day.
  pristine=target/perf-pages-$(date +%F)-$procedures-$rows_per_list-$waiting-$today
  if [ ! -f "$pristine/generated" ]; then
    rm -rf "$pristine"
    mkdir -p "$pristine"
    echo "generating $procedures procedures, $rows_per_list to vet, $waiting waiting and $today today into $pristine ..."
    "$java_bin" -jar "$JAR" --spring.profiles.active=demo --server.port=0 \
        --synovia.database.embedded.data-directory="$pristine/pg" --synovia.synthetic.procedures="$procedures" \
        --synovia.synthetic.open-per-list="$rows_per_list" --synovia.synthetic.open-waiting="$waiting" \
        --synovia.synthetic.open-today="$today" --synovia.synthetic.exit-when-done=true \
        > "$pristine/generate.log" 2>&1 || { tail -20 "$pristine/generate.log"; exit 1; }
    touch "$pristine/generated"
  fi
  copy=$(mktemp -d)
  cp -a "$pristine/pg" "$copy/pg"
  DATA=$copy/pg
fi
export JAR DATA
. perf/app.sh
start_app "$port"
hog=
if [ "${HOG:-0}" = 1 ]; then
  # A second CPU-heavy process on the same 2 cores: the server must not fall into a lock convoy beside it.
  sh -c 'while :; do :; done' &
  hog=$!
fi
trap 'kill $pid ${hog:-} 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work" ${copy:-}' EXIT

# A copied database has no statistics until autovacuum's first pass, and until then the planner may join a whole
# list before keeping its page (ADR 0120); a freshly generated one has never been vacuumed either, and autovacuum's
# first passes over its large tables would run during the measurement and count as the pages' PostgreSQL CPU.
# Vacuum and analyse it before measuring, as a production database has been.
if command -v psql >/dev/null 2>&1 && [ -f "$DATA/synovia-credentials.properties" ]; then
  PGPASSWORD=$(sed -n 's/^postgres=//p' "$DATA/synovia-credentials.properties") \
      psql -qAt -h localhost -p "$(sed -n 4p "$DATA/postmaster.pid")" -U postgres -d postgres -c 'vacuum (analyze)' \
      || echo "could not vacuum the database; measuring without fresh statistics"
fi

rows() { # $1 session, $2 path → body rows of the page's tables
  curl -s -H "Cookie: $1" -H 'Accept: text/html' "http://localhost:$port$2" | grep -c '<tr' || true
}
rad=$(session dr.okafor)
clerk=$(session clerk.smith)
nurse=$(session nurse.evans)
admin=$(session admin)
[ -n "$admin" ] && [ "$(rows "$admin" /admin/audit)" -gt 0 ] || { echo "cannot sign in as admin"; exit 1; }
echo "table rows on each page (with header rows): submitted referrals $(rows "$rad" '/referrals?status=SUBMITTED')," \
     "vetting $(rows "$rad" /vetting), waiting list $(rows "$clerk" /waiting-list)," \
     "appointments $(rows "$clerk" /appointments), day list $(rows "$nurse" /day), audit $(rows "$admin" /admin/audit)"
echo "hog: $([ -n "$hog" ] && echo "busy loop, pid $hog" || echo none); $(nproc) cores"
pages=("referral list (submitted)=$rad=referrals?status=SUBMITTED"
       "vetting queue=$rad=vetting"
       "waiting list=$clerk=waiting-list"
       "appointments=$clerk=appointments"
       "day list=$nurse=day"
       "audit trail=$admin=admin/audit")
chosen=()
for page in "${pages[@]}"; do
  if [[ "${page%%=*}" =~ ${PAGES:-.} ]]; then chosen+=("$page"); fi
done
[ ${#chosen[@]} -gt 0 ] || { echo "no page label matches PAGES=$PAGES"; exit 1; }
"$java_bin" perf/PageLoad.java "http://localhost:$port/" "$seconds" "$rates" "$pid" "$postmaster" "${chosen[@]}"
