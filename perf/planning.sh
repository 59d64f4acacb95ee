#!/usr/bin/env bash
# Times the session planner on generated waiting lists (500 / 2,000 / 8,000 patients, 400 slots over 8 weeks) on
# one core, against the first-come-first-served baseline, and prints the figures with the load average.
# Usage: perf/planning.sh [seconds per run, default 30] [patient counts...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
pin=()
if command -v taskset > /dev/null; then pin=(taskset -c 0); fi
uptime
"${pin[@]}" "$java_bin" -XX:ActiveProcessorCount=1 -Xmx2g \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.synovia.perf.SessionPlannerTiming "$@"
uptime
