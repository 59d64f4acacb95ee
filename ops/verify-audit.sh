#!/usr/bin/env bash
# Checks every hash chain of the audit trail and the signed checkpoints (docs/security.md, ADR 0049, 0088), prints
# the first broken link of each chain and every problem, each with the audit rows its link covers (one link per
# transaction, ADR 0112: compare those rows with a backup or an export to find the one changed), and exits 0 when
# intact, 3 when altered. Runs the packaged
# application as a command: a free port, no listeners.
# With the embedded database, stop the application first (one server per data directory); while it runs, use
# /admin/audit/integrity. Pass the same settings as the running application, e.g. the data directory or
# SPRING_DATASOURCE_URL and its credentials.
#   ops/verify-audit.sh [target/synovia-*.jar] [--name=value ...]
set -euo pipefail
jar="${1:-$(ls target/synovia-*.jar 2>/dev/null | grep -v original | head -n 1)}"
[ -n "$jar" ] && [ -f "$jar" ] || { echo "usage: $0 <synovia jar> [--setting=value ...] (build it with ./mvnw -B package)" >&2; exit 2; }
shift || true
exec java -jar "$jar" --verify-audit --server.port=0 --synovia.hl7.mllp.enabled=false \
  --synovia.dicom.enabled=false --synovia.database.backup.enabled=false --logging.level.root=WARN "$@"
