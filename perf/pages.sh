#!/usr/bin/env bash
# Loads the main list pages of the demo app, signed in over real HTTP on loopback, at fixed request rates
# (open loop, perf/PageLoad.java) and reports per page and rate: p50, p95 and max latency, and the server's CPU
# per request (JVM + embedded PostgreSQL processes, from /proc/PID/stat) with the load average beside it.
# Usage: perf/pages.sh [seconds per rate] [rates]     e.g. perf/pages.sh 20 10,30,60
#        JAR=/path/to/synovia.jar perf/pages.sh ...   measures that jar instead of building this tree's
#        DATA=./data/synthetic perf/pages.sh ...      runs on that data directory (e.g. filled by the synthetic-data
#                                                     generator, README) instead of a new scratch one, and keeps it
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
rates=${2:-10,30,60}
port=${PORT:-18081}
jar=${JAR:-}
if [ -z "$jar" ]; then
  ./mvnw -q -B -DskipTests package
  jar=$(ls target/synovia-*.jar | grep -v plain | head -1)
fi
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
work=$(mktemp -d)
data=${DATA:-$work/pg}
"$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
    --synovia.database.embedded.data-directory="$data" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { echo "application died:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.2
done
postmaster=$(head -1 "$data/postmaster.pid")

session() { # $1 user → JSESSIONID=<value> of a signed-in session
  local jar="$work/$1.cookies"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=synovia-demo&_csrf=$token" "http://localhost:$port/login"
  awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar"
}
rows() { # $1 session, $2 path → table rows on the page
  curl -s -H "Cookie: $1" -H 'Accept: text/html' "http://localhost:$port$2" | grep -c '<tr' || true
}
ref=$(session dr.patel)
rad=$(session dr.okafor)
clerk=$(session clerk.smith)
nurse=$(session nurse.evans)
admin=$(session admin)
echo "rows on each page (table rows incl. headers): referrals $(rows "$ref" /referrals)," \
     "all referrals $(rows "$rad" /referrals), vetting $(rows "$rad" /vetting)," \
     "waiting list $(rows "$clerk" /waiting-list), appointments $(rows "$clerk" /appointments)," \
     "day list $(rows "$nurse" /day), patients $(rows "$clerk" /patients), audit $(rows "$admin" /admin/audit)"
"$java_bin" perf/PageLoad.java "http://localhost:$port/" "$seconds" "$rates" "$pid" "$postmaster" \
    "referral list (referrer)=$ref=referrals" \
    "referral list (radiologist)=$rad=referrals" \
    "vetting queue=$rad=vetting" \
    "waiting list=$clerk=waiting-list" \
    "appointments=$clerk=appointments" \
    "day list=$nurse=day" \
    "patients=$clerk=patients" \
    "audit trail=$admin=admin/audit"
