#!/usr/bin/env bash
# EXPLAIN ANALYZE of the patient search on a scratch copy of the patient table with 100,000 synthetic patients,
# before and after the prefix indexes (ADR 0114), on the embedded PostgreSQL. Prints the plans and leaves them in
# target/perf/patient-search.txt. Usage: perf/patient-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=PatientSearchPlans -Dsurefire.failIfNoSpecifiedTests=false > target/patient-search-run.log 2>&1 \
    || { tail -40 target/patient-search-run.log; exit 1; }
cat target/perf/patient-search.txt
