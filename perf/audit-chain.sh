#!/usr/bin/env bash
# What the audit trail's hash chain costs PostgreSQL per commit (ADR 0103): starts the application (demo mode, a
# scratch database) and, as the application's role on a connection of its own, commits transactions of 1, 10 and 50
# audit lines written as AuditTrail writes them (perf/AuditChainCommit.java); prints the backend's CPU per commit
# beside the same inserts rolled back, and checks the chain afterwards (audit_chain_verify() finds nothing).
# Usage: perf/audit-chain.sh [transactions per size and round (default 400)] [sizes (default 1,10,50)] [rounds (default 3)]
#        JAR=/path/to/synovia.jar perf/audit-chain.sh ...   measures that jar instead of building this tree's
#        TRAIL=2000000 perf/audit-chain.sh ...   first fills the trail to that many lines (linked as the application
#                                                 links them, 100,000 a statement), as a clinic's trail is after months
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
trail=${TRAIL:-0}
if [ "$trail" -gt 0 ]; then
  # One patient each, as list pages write them; 300 staff; one line in twenty not a list or a read.
  echo "filling the trail to $trail lines ..."
  for ((done = 0; done < trail; done += 100000)); do
    PGPASSWORD=$(password synovia_app) psql -q -h localhost -p "$db_port" -U synovia_app -d postgres -c "
      insert into audit_event (occurred_at, username, roles, action, record_type, record_id, patient_id, remote_address, details)
      select now() - ($trail - $done - g) * interval '1 second', 'perf.staff.' || (g % 300), 'BOOKING',
             case when g % 20 = 0 then 'UPDATE' else 'LIST' end, 'Referral', md5(g::text), gen_random_uuid(),
             '127.0.0.1', 'filled trail line ' || ($done + g)
      from generate_series(1, least(100000, $trail - $done)) g"
  done
  PGPASSWORD=$(password synovia_owner) psql -q -h localhost -p "$db_port" -U synovia_owner -d postgres \
      -c "vacuum (analyze) audit_event" -c "checkpoint" 2>/dev/null \
      || PGPASSWORD=$(password synovia_owner) psql -q -h localhost -p "$db_port" -U synovia_owner -d postgres \
      -c "vacuum (analyze) audit_event"
  PGPASSWORD=$(password synovia_owner) psql -h localhost -p "$db_port" -U synovia_owner -d postgres -Atc \
      "select 'trail: ' || count(*) || ' lines, patient index ' || pg_size_pretty(pg_relation_size('audit_event_patient_keyset')) from audit_event"
fi
"$java_bin" -cp "$driver" perf/AuditChainCommit.java "$url" synovia_app "$(password synovia_app)" "$transactions" "$sizes" "$rounds"
PGPASSWORD=$(password synovia_owner) psql -h localhost -p "$db_port" -U synovia_owner -d postgres -Atc \
    "select 'chain problems: ' || count(*) from audit_chain_verify()"
