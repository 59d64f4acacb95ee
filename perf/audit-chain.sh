#!/usr/bin/env bash
# What the audit trail's hash chain costs PostgreSQL per commit (ADR 0103): starts the application (demo mode, a
# scratch database) and, as the application's role on a connection of its own, commits transactions of 1, 10 and 50
# audit lines written as AuditTrail writes them (perf/AuditChainCommit.java); prints the backend's CPU per commit
# beside the same inserts rolled back, and checks the chain afterwards (audit_chain_verify() finds nothing).
# Usage: perf/audit-chain.sh [transactions per size and round (default 400)] [sizes (default 1,10,50)] [rounds (default 3)]
#        JAR=/path/to/synovia.jar perf/audit-chain.sh ...   measures that jar instead of building this tree's
set -euo pipefail
cd "$(dirname "$0")/.."
transactions=${1:-400}
sizes=${2:-1,10,50}
rounds=${3:-3}
port=${PORT:-18083}
. perf/app.sh
start_app "$port"
data=${DATA:-$work/pg}
db_port=$(sed -n 4p "$data/postmaster.pid")
password() { sed -n "s/^$1=//p" "$data/synovia-credentials.properties"; }
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
url="jdbc:postgresql://localhost:$db_port/postgres"
"$java_bin" -cp "$driver" perf/AuditChainCommit.java "$url" synovia_app "$(password synovia_app)" "$transactions" "$sizes" "$rounds"
PGPASSWORD=$(password synovia_owner) psql -h localhost -p "$db_port" -U synovia_owner -d postgres -Atc \
    "select 'chain problems: ' || count(*) from audit_chain_verify()"
