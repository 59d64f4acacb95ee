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
. perf/app.sh
start_app "$port"

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
