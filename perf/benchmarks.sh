#!/usr/bin/env bash
# Runs the JMH benchmarks under src/test/java (classes named *Benchmark) and prints their figures.
# Usage: perf/benchmarks.sh [JMH options, e.g. a class-name regex like SafetyEngine]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
"$java_bin" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "${@:-Benchmark}"
