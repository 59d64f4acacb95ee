#!/usr/bin/env bash
# HL7 order intake under load: new ORM^O01 orders over MLLP on 1 and 4 connections (perf/Hl7Load.java), each
# connection sending its next order when the last one's ACK has come. Prints orders acknowledged per second, ACK
# latency percentiles and the server's CPU per order (JVM + embedded PostgreSQL, /proc/PID/stat) with the load
# average. Every ACK follows the order's durable commit (synchronous_commit on, fsync on).
# Usage: perf/hl7.sh [seconds per run (default 20)] [connections (default 1,4)]
#        JAR=/path/to/synovia.jar perf/hl7.sh ...   measures that jar instead of building this tree's
#        WARMUP=60 perf/hl7.sh ...                  seconds of orders before each measured run (default 3), so that the
#                                                   figures are of a warm server, not of the JIT compiling
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-1,4}
port=${PORT:-18082}
mllp=${MLLP_PORT:-12575}
. perf/app.sh
start_app "$port" --synovia.hl7.mllp.port="$mllp"
"$java_bin" perf/Hl7Load.java localhost "$mllp" "$seconds" "$connections" "$pid" "$postmaster" "${WARMUP:-3}"
