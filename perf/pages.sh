#!/usr/bin/env bash
# Times the busiest pages of the demo app, signed in over real HTTP on loopback: N sequential requests
# each, reporting median and 95th percentile in milliseconds.
# Usage: perf/pages.sh [requests per page]   (starts the packaged jar in demo mode on a scratch database)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
port=${PORT:-18081}
./mvnw -q -B -DskipTests package
jar=$(ls target/synovia-*.jar | head -1)
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
work=$(mktemp -d)
"$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
    --synovia.database.embedded.data-directory="$work/pg" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do sleep 0.2; done

sign_in() { # $1 user → cookie jar in $work/$1
  local jar="$work/$1.cookies"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=synovia-demo&_csrf=$token" "http://localhost:$port/login"
  echo "$jar"
}
measure() { # $1 label, $2 cookie jar, $3 path
  local times=()
  for _ in $(seq 1 "$n"); do
    times+=("$(curl -s -b "$2" -o /dev/null -w '%{time_total}' -H 'Accept: text/html' "http://localhost:$port$3")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" '{a[NR]=$1} END {printf "%-34s median %6.1f ms   p95 %6.1f ms   (n=%d)\n", label, a[int((NR+1)/2)]*1000, a[int(NR*0.95)]*1000, NR}'
}
rad=$(sign_in dr.okafor)
ref=$(sign_in dr.patel)
clerk=$(sign_in clerk.smith)
referral=$(curl -s -b "$rad" -H 'Accept: text/html' "http://localhost:$port/vetting" | sed -n 's/.*href="\/vetting\/\([0-9a-f-]*\)".*/\1/p' | head -1)
measure "referral list (referrer)" "$ref" /referrals
measure "referral page with safety checks" "$ref" "/referrals/$referral"
measure "vetting queue" "$rad" /vetting
measure "vetting review (safety + date search)" "$rad" "/vetting/$referral"
measure "waiting list" "$clerk" /waiting-list
