#!/usr/bin/env bash
# The fixed cost of a signed-in page (ADR 0113): loads a page whose own content is held in memory (the injection
# sites) over real HTTP, signed in as a booking clerk and as a nurse (whose menu counts open diary alerts), at fixed
# rates (open loop, perf/PageLoad.java), and reports latency and the server's CPU per request (JVM + embedded
# PostgreSQL) with the load average beside it. Demo data only: the page does not grow with the database.
# Usage: perf/layout.sh [seconds per rate, default 10] [rates, default 30,60]
#        JAR=/path/to/synovia.jar perf/layout.sh ...    measures that jar instead of building this tree's
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rates=${2:-30,60}
port=${PORT:-18082}
. perf/app.sh
start_app "$port"
clerk=$(session clerk.smith)
nurse=$(session nurse.evans)
page=$(curl -s -H "Cookie: $clerk" "http://localhost:$port/catalogue/sites")
[[ "$page" == *"Signed in as"* ]] || { echo "cannot sign in"; exit 1; }
"$java_bin" perf/PageLoad.java "http://localhost:$port/" "$seconds" "$rates" "$pid" "$postmaster" \
    "injection sites, clerk=$clerk=catalogue/sites" "injection sites, nurse=$nurse=catalogue/sites"
