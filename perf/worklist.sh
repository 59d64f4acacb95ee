#!/usr/bin/env bash
# Times DICOM worklist queries for one room's booked day and for the whole window, in process and through
# dcmtk's findscu, on the embedded PostgreSQL. Prints the figures and leaves them in target/perf/worklist.txt.
# Needs dcmtk (findscu, echoscu). Usage: perf/worklist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=WorklistQueryTiming -Dsurefire.failIfNoSpecifiedTests=false > target/worklist-run.log 2>&1 \
    || { tail -40 target/worklist-run.log; exit 1; }
cat target/perf/worklist.txt
