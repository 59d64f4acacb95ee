#!/usr/bin/env bash
# Crash harness (issue 14): HL7 ORM^O01 orders over MLLP from senders that resend until AA
# (chaos/mllp_sender.py) while, at random, either the JVM or the embedded PostgreSQL is killed with SIGKILL.
# After the cycles it counts acknowledged orders missing from the database and orders stored twice, and the
# time health took to answer DOWN after PostgreSQL was killed. Loopback only; a scratch data directory.
# Needs python3, curl and psql (any version). The short round runs in ./mvnw verify (Hl7DatabaseCrashIntegrationTests).
# Usage: [JAR=path] chaos/hl7-crash.sh [cycles (30)] [senders (2)]   Figures: target/chaos/hl7-crash.txt
# (JAR: a copy of the jar, so that a build running meanwhile cannot rewrite it under a restarting JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-30}
senders=${2:-2}
http=${PORT:-18082}
mllp=${MLLP_PORT:-12575}
pg=${PG_PORT:-15433}
for tool in python3 curl psql; do command -v $tool >/dev/null || { echo "needs $tool"; exit 1; }; done
jar=${JAR:-$(ls target/synovia-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$jar" ] || { ./mvnw -q -B -DskipTests package; jar=$(ls target/synovia-*.jar | grep -v plain | head -1); }
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
work=$(mktemp -d)
mkdir -p target/chaos
app=

cleanup() {
  touch "$work/stop"
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  if [ -f "$work/pg/postmaster.pid" ]; then kill "$(head -1 "$work/pg/postmaster.pid")" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

health() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://localhost:$http/actuator/health" || true; }

start_app() {
  "$java_bin" -jar "$jar" --server.port="$http" --synovia.hl7.mllp.port="$mllp" \
      --synovia.database.embedded.port="$pg" --synovia.database.embedded.data-directory="$work/pg" \
      --synovia.database.backup.enabled=false --synovia.dicom.enabled=false >> "$work/app.log" 2>&1 &
  app=$!
  local deadline=$((SECONDS + 180))
  until [ "$(health)" = 200 ]; do
    kill -0 "$app" 2>/dev/null || { echo "application died:"; tail -30 "$work/app.log"; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "application not up after 180 s"; exit 1; }
    sleep 0.2
  done
}

start_app
python3 chaos/mllp_sender.py "$mllp" src/test/resources/hl7/orm-o01-knee-on-apixaban.hl7 "$work/acked" "$work/stop" \
    "$work/stats.json" "$senders" &
sender=$!

jvm_kills=0; pg_kills=0; down_seen=(); back_after=()
for cycle in $(seq 1 "$cycles"); do
  sleep "$((2 + RANDOM % 5)).$((RANDOM % 10))"
  if [ $((RANDOM % 2)) = 0 ]; then
    jvm_kills=$((jvm_kills + 1))
    kill -9 "$app"; wait "$app" 2>/dev/null || true
    echo "cycle $cycle: JVM killed"
    start_app
  else
    pg_kills=$((pg_kills + 1))
    killed=$(date +%s.%N)
    kill -9 "$(head -1 "$work/pg/postmaster.pid")"
    deadline=$((SECONDS + 30))
    until [ "$(health)" = 503 ] || [ $SECONDS -ge $deadline ]; do sleep 0.05; done
    down=$(echo "$(date +%s.%N) - $killed" | bc)
    deadline=$((SECONDS + 120))
    until [ "$(health)" = 200 ]; do
      [ $SECONDS -lt $deadline ] || { echo "health not UP 120 s after PostgreSQL was killed"; tail -30 "$work/app.log"; exit 1; }
      sleep 0.1
    done
    up=$(echo "$(date +%s.%N) - $killed" | bc)
    down_seen+=("$down"); back_after+=("$up")
    printf 'cycle %d: PostgreSQL killed; health DOWN after %.2f s, UP again after %.2f s\n' "$cycle" "$down" "$up"
  fi
done

touch "$work/stop"
wait "$sender"
psql -h 127.0.0.1 -p "$pg" -U postgres -d postgres -At -F ' ' -c "
    select p.nhs_number, count(r.id) from patient p left join referral r on r.patient_id = p.id
    where p.family_name like 'Chaos%' group by p.nhs_number" > "$work/stored"
restarts=$(grep -c 'started again on port' "$work/app.log" || true)

python3 - "$work/acked" "$work/stored" "$work/stats.json" "$cycles" "$jvm_kills" "$pg_kills" "$restarts" \
    "${down_seen[*]:-}" "${back_after[*]:-}" <<'PY' | tee target/chaos/hl7-crash.txt
import json, statistics, sys
acked_path, stored_path, stats_path, cycles, jvm, pg, restarts, downs, ups = sys.argv[1:10]
acked = [l.strip() for l in open(acked_path) if l.strip()]
stored = dict(l.split() for l in open(stored_path) if l.strip())
stats = json.load(open(stats_path))
missing = [n for n in set(acked) if int(stored.get(n, 0)) == 0]
duplicated = [n for n, c in stored.items() if int(c) > 1]
downs = [float(x) for x in downs.split()] if downs else [0]
ups = [float(x) for x in ups.split()] if ups else [0]
print(f"cycles {cycles}: JVM killed {jvm} times, PostgreSQL killed {pg} times (supervisor restarts {restarts})")
print(f"orders acknowledged AA: {len(set(acked))}; stored: {len(stored)}; acknowledged but missing: {len(missing)}; "
      f"stored twice or more: {len(duplicated)}")
print(f"answers: {stats['answers']}, of which AE 'database unavailable' {stats['answers_ae_unavailable']}, "
      f"other AE {stats['answers_other_ae']}; slowest answer {stats['slowest_answer_s']} s; answers over 5 s "
      f"{stats['answers_over_5s']}; connection refused (JVM down) {stats['no_connection']}; connection lost "
      f"without an answer {stats['no_answer']}; orders given up {stats['orders_given_up']}")
print(f"after a PostgreSQL kill: health DOWN after median {statistics.median(downs):.2f} s (max {max(downs):.2f} s); "
      f"UP again after median {statistics.median(ups):.2f} s (max {max(ups):.2f} s)")
sys.exit(1 if missing or duplicated else 0)
PY
