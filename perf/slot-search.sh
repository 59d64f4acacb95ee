#!/usr/bin/env bash
# Times the booking slot search over a 12-week horizon for 5 rooms (two sessions every weekday each), with the
# first 8 weeks fully booked, on the embedded PostgreSQL. Prints the figures and leaves them in
# target/perf/slot-search.txt. Usage: perf/slot-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=SlotSearchTiming -Dsurefire.failIfNoSpecifiedTests=false > target/slot-search-run.log 2>&1 \
    || { tail -40 target/slot-search-run.log; exit 1; }
cat target/perf/slot-search.txt
