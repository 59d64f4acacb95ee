#!/usr/bin/env bash
# Measures the embedded default: time from launch until /actuator/health answers UP, the CPU the server used to get
# there (JVM + embedded PostgreSQL processes, /proc/PID/stat; it holds on a busy machine where wall time does not),
# and the resident memory of the JVM (RSS) and of the embedded PostgreSQL processes (PSS) once ready.
# Then, for comparison, the same for the smallest Spring Boot web app on the same Boot version and JVM
# (perf/empty-web-app: Spring MVC on Tomcat with the health endpoint, nothing else), launched the same way.
# Launches (LAUNCH, default "jar cds"; each measured for both applications):
#   jar  java -jar app.jar
#   cds  the jar extracted once (java -Djarmode=tools -jar app.jar extract) and started from there with a class data
#        sharing archive the JVM writes at the first exit and maps at every later start
#        (-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=…; docs/performance.md, ADR 0092)
#   aot  the jar extracted the same way with JDK 25's ahead-of-time cache (loaded and linked classes and method
#        profiles): run 1 writes it at exit (-XX:AOTCacheOutput=…), later runs map it (-XX:AOTCache=…); skipped when
#        the JDK is older than 25 (ADR 0107)
# Run 1 of each launch starts on a new data directory (initdb, migrations, demo data) and, for cds, has no archive
# yet; the summary compares the medians of the later runs.
# Usage: perf/startup.sh [runs (default 3)]   e.g. flock /tmp/measure.lock perf/startup.sh 3
#        JAR=/path/to/synovia.jar perf/startup.sh ...   measures that jar instead of this tree's (built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
launches=${LAUNCH:-jar cds}
port=${PORT:-$((20000 + RANDOM % 20000))}
jar=${JAR:-$(ls target/synovia-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$jar" ] || { ./mvnw -q -B -DskipTests package; jar=$(ls target/synovia-*.jar | grep -v plain | head -1); }
java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
empty=perf/empty-web-app/target/empty-web-app-1.jar
[ -f "$empty" ] || JAVA_HOME=$(dirname "$(dirname "$java_bin")") ./mvnw -q -B -f perf/empty-web-app/pom.xml -DskipTests package
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

ticks() { # user + system clock ticks of the processes given
  local total=0 p f
  for p in "$@"; do
    f=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null) || continue
    set -- $f
    total=$((total + ${12} + ${13}))
  done
  echo $total
}

# $1 label, $2 launch, $3 jar, $4 run number, then the application's arguments. Prints one line, appends
# "label launch run seconds cpu-seconds" to $work/results.
measure() {
  local label=$1 launch=$2 app=$3 run=$4
  shift 4
  local cmd=("$java_bin")
  if [ "$launch" = cds ] || [ "$launch" = aot ]; then
    local dir="$work/$launch-$label"
    [ -d "$dir" ] || "$java_bin" -Djarmode=tools -jar "$app" extract --destination "$dir" > /dev/null
    if [ "$launch" = cds ]; then
      cmd+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$dir/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
    elif [ -f "$dir/app.aot" ]; then
      cmd+=("-XX:AOTCache=$dir/app.aot" -Xlog:aot=off -Xlog:cds=off)
    else
      cmd+=("-XX:AOTCacheOutput=$dir/app.aot" -Xlog:aot=off -Xlog:cds=off)
    fi
    cmd+=(-jar "$dir/$(basename "$app")")
  else
    cmd+=(-jar "$app")
  fi
  local start ready
  start=$(date +%s.%N)
  "${cmd[@]}" --server.port="$port" "$@" > "$work/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "$label died:"; tail -20 "$work/$label.log"; exit 1; }
    sleep 0.1
  done
  ready=$(date +%s.%N)
  local processes=($pid) pg_kb=0 p pss
  if [ -f "$work/pg/postmaster.pid" ] && [ "$label" = synovia ]; then
    local postmaster
    postmaster=$(head -1 "$work/pg/postmaster.pid")
    processes+=($postmaster $(pgrep -P "$postmaster" || true))
    # PSS, not RSS, for PostgreSQL: its processes share the buffer pool, which RSS would count once per process.
    for p in $postmaster $(pgrep -P "$postmaster" || true); do
      pss=$(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
      pg_kb=$((pg_kb + ${pss:-0}))
    done
  fi
  local cpu seconds
  cpu=$(echo "scale=1; $(ticks "${processes[@]}") / 100" | bc)
  seconds=$(printf '%.1f' "$(echo "$ready - $start" | bc)")
  printf '%-8s %-4s run %d: ready in %5s s, server CPU %5s s; JVM RSS %d MB%s; load average %s%s\n' "$label" "$launch" \
      "$run" "$seconds" "$cpu" $(($(ps -o rss= -p $pid) / 1024)) \
      "$([ "$label" = synovia ] && echo "; PostgreSQL PSS $((pg_kb / 1024)) MB")" "$(cut -d' ' -f1-3 /proc/loadavg)" \
      "$([ "$run" = 1 ] && echo ' (first start)')"
  echo "$label $launch $run $seconds $cpu" >> "$work/results"
  kill $pid
  wait $pid 2>/dev/null || true
  pid=
}

touch "$work/results"
java_major=$("$java_bin" -XX:+IgnoreUnrecognizedVMOptions -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
for launch in $launches; do
  if [ "$launch" = aot ] && [ "${java_major:-0}" -lt 25 ]; then
    echo "aot: skipped, $java_bin is JDK $java_major (the ahead-of-time cache needs 25 or newer)"
    continue
  fi
  rm -rf "$work/pg"
  for run in $(seq 1 "$runs"); do
    # Free ports for the worklist and HL7 listeners: other applications on the machine may hold the defaults.
    measure synovia "$launch" "$jar" "$run" --spring.profiles.active=demo --synovia.database.embedded.data-directory="$work/pg" \
        --synovia.dicom.port=0 --synovia.hl7.mllp.port=0
  done
  for run in $(seq 1 "$runs"); do
    measure empty "$launch" "$empty" "$run"
  done
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo
echo "medians of runs 2..$runs (existing data directory; for cds, archive in place):"
for launch in $launches; do
  s=$(awk -v l="$launch" '$1=="synovia" && $2==l && $3>1 {print $4}' "$work/results" | median)
  e=$(awk -v l="$launch" '$1=="empty" && $2==l && $3>1 {print $4}' "$work/results" | median)
  sc=$(awk -v l="$launch" '$1=="synovia" && $2==l && $3>1 {print $5}' "$work/results" | median)
  ec=$(awk -v l="$launch" '$1=="empty" && $2==l && $3>1 {print $5}' "$work/results" | median)
  [ -n "$s" ] && [ -n "$e" ] || continue
  printf '%-4s Synovia %s s (CPU %s s), empty web app %s s (CPU %s s): %.2f x the time, %.2f x the CPU\n' "$launch" \
      "$s" "$sc" "$e" "$ec" "$(echo "$s / $e" | bc -l)" "$(echo "$sc / $ec" | bc -l)"
done
if [ "$launches" != "${launches/jar/}" ] && [ "$launches" != "${launches/cds/}" ]; then
  jar_s=$(awk '$1=="synovia" && $2=="jar" && $3>1 {print $4}' "$work/results" | median)
  cds_s=$(awk '$1=="synovia" && $2=="cds" && $3>1 {print $4}' "$work/results" | median)
  jar_e=$(awk '$1=="empty" && $2=="jar" && $3>1 {print $4}' "$work/results" | median)
  printf 'Synovia with cds against the empty web app as a plain jar: %.2f x the time\n' "$(echo "$cds_s / $jar_e" | bc -l)"
fi
