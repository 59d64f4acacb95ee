#!/usr/bin/env bash
# The long fuzz round (docs/security.md, "Fuzzing"; ADR 0066): the engine of the short round in ./mvnw verify, run
# with more inputs against one instance of the application on the embedded database, in one JVM. Prints the counts
# per target (inputs, 2xx/3xx/4xx/5xx, leaks, hangs, frames without an answer, elapsed), the database invariants, and
# for each failure the seed, target and single mutation that reproduces it. Exit 0 when nothing failed.
#   ops/fuzz.sh [inputs (default 50400)] [seed (default: the current time)]
# To find the input behind a failed database invariant, replay one target with the same inputs and seed:
#   ./mvnw -B test -Dtest=FuzzIntegrationTests -Dfuzz.count=N -Dfuzz.seed=S -Dfuzz.only=fhir-create -Dfuzz.trace=true
# prints "fuzz: referral <id> made without an acknowledgement by <input>".
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-50400}"
seed="${2:-$(date +%s)}"
log="target/fuzz-${seed}.log"
mkdir -p target
echo "Fuzz round: ${count} inputs, seed ${seed}; full output in ${log}"
status=0
./mvnw -B test -Dtest=FuzzIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.count="${count}" -Dfuzz.seed="${seed}" >"${log}" 2>&1 || status=$?
# The per-target lines as each target finishes, then the round's report (counts, failures, invariants).
grep -a '^fuzz: ' "${log}" || true
awk '/^Fuzz round, seed/{p=1} p&&/^  invariants:/{print; exit} p' "${log}" || true
if [ "${status}" -ne 0 ]; then
  grep -a -m 5 -E 'Tests run:|ERROR\]' "${log}" || true
fi
exit "${status}"
