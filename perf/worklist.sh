#!/usr/bin/env bash
# Synovia's DICOM worklist against dcmtk's file-based wlmscpfs holding the same N scheduled steps (N = 30, 500,
# 2000 by default). WorklistQueryTiming (test scope) builds the steps, writes them as .wl files from Synovia's own
# answers (dcmdump, dump2dcm) and starts wlmscpfs; this script runs the same `findscu -W` queries against both,
# alternately: RUNS one after another, then RUNS more as CLIENTS clients at once. It prints medians, p95 and server
# CPU per query (Synovia: its JVM plus the PostgreSQL processes; wlmscpfs: its process and the children it forks)
# from /proc/PID/stat, which holds on a busy machine where wall times do not; the servers' idle CPU per second is
# printed beside them (it is inside every figure). Figures go to target/perf/worklist.txt.
# Needs dcmtk (findscu, wlmscpfs, dcmdump, dump2dcm).
# Usage: perf/worklist.sh [sizes, e.g. 30,500,2000]    (RUNS=30 CLIENTS=10 WARMUP=10 rounds by default)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-30,500,2000}
RUNS=${RUNS:-30}
CLIENTS=${CLIENTS:-10}
WARMUP=${WARMUP:-10}
OUT=target/perf
TICK_MS=$((1000 / $(getconf CLK_TCK)))
mkdir -p "$OUT"
rm -f "$OUT"/worklist-*.env "$OUT"/worklist-*.done
REPORT=$OUT/worklist.txt
: > "$REPORT"

./mvnw -q -B test -Dtest=WorklistQueryTiming -Dsurefire.failIfNoSpecifiedTests=false -Dworklist.sizes="$SIZES" \
    > target/worklist-run.log 2>&1 &
MAVEN=$!
trap 'kill $MAVEN 2>/dev/null || true' EXIT

say() { echo "$*" | tee -a "$REPORT"; }

# CPU ticks of a process: its own and its waited-for children's, plus its live children's own.
ticks() {
    local pid=$1 total child
    total=$(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
        total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$child/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
synovia_ticks() { echo $(( $(ticks "$JVM_PID") + $(ticks "$PG_PID") )); }
# The JIT compiler threads' share of it: a new JVM compiles for minutes, a server running all day has done so. (A
# compiler thread the JVM stops takes its ticks along, so this can read a little low.)
jit_ticks() { cat /proc/"$JVM_PID"/task/*/stat 2>/dev/null | awk '/\((C1|C2) CompilerThre/ {sub(/^.*\) /, ""); split($0, f, " "); t += f[12] + f[13]} END {print t + 0}'; }
# wlmscpfs forks a child per association and reaps it only when the next association arrives; an echo makes it
# reap the children of the queries just measured, so that their CPU reaches its cutime before it is read.
wlm_ticks() { ticks "$WLM_PID"; }
wlm_ticks_reaped() { echoscu -aec "$AE" localhost "$WLM_PORT" > /dev/null 2>&1 || true; ticks "$WLM_PID"; }

# One findscu -W run; prints its wall time in ms.
query() {
    local port=$1; shift
    local start end
    start=$(date +%s%N)
    findscu -W -aec "$AE" -aet MODALITY1 "$@" localhost "$port" > /dev/null 2>&1 || echo "findscu failed on port $port" >&2
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

# Median and p95 of the numbers in a file.
stats() { sort -n "$1" | awk '{v[NR] = $1} END {m = int((NR + 1) / 2); p = int(NR * 0.95 + 0.999); printf "median %d ms, p95 %d ms", v[m], v[p]}'; }
median() { sort -n "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

answers() {
    local port=$1 dir; shift
    dir=$(mktemp -d)
    findscu -W -aec "$AE" -aet MODALITY1 -X -od "$dir" "$@" localhost "$port" > /dev/null 2>&1 || true
    ls "$dir" | wc -l
    rm -rf "$dir"
}

# Sequential runs, alternating which server goes first; appends times to $1-<server>.ms, CPU ticks to the totals.
sequential() {
    local name=$1 i; shift
    : > "$OUT/$name-s.ms"; : > "$OUT/$name-w.ms"
    S_TICKS=0; W_TICKS=0; J_TICKS=0
    for i in $(seq "$RUNS"); do
        for server in $( ((i % 2)) && echo "s w" || echo "w s"); do
            if [ "$server" = s ]; then
                j0=$(jit_ticks); c0=$(synovia_ticks); query "$SYNOVIA_PORT" "$@" >> "$OUT/$name-s.ms"; c1=$(synovia_ticks)
                S_TICKS=$((S_TICKS + c1 - c0)); J_TICKS=$((J_TICKS + $(jit_ticks) - j0))
            else
                c0=$(wlm_ticks); query "$WLM_PORT" "$@" >> "$OUT/$name-w.ms"; c1=$(wlm_ticks)
                W_TICKS=$((W_TICKS + c1 - c0)); wlast=$c1
            fi
        done
    done
    W_TICKS=$((W_TICKS + $(wlm_ticks_reaped) - wlast))
}

# CLIENTS clients at once, RUNS queries per server in all, server after server.
concurrent() {
    local name=$1 batch c; shift
    : > "$OUT/$name-s.ms"; : > "$OUT/$name-w.ms"
    S_TICKS=0; W_TICKS=0; J_TICKS=0
    for batch in $(seq $((RUNS / CLIENTS))); do
        for server in s w; do
            if [ "$server" = s ]; then port=$SYNOVIA_PORT; j0=$(jit_ticks); c0=$(synovia_ticks); else port=$WLM_PORT; c0=$(wlm_ticks); fi
            for c in $(seq "$CLIENTS"); do query "$port" "$@" >> "$OUT/$name-$server.ms" & done
            wait $(jobs -p | grep -v "^$MAVEN\$") 2>/dev/null || true
            if [ "$server" = s ]; then S_TICKS=$((S_TICKS + $(synovia_ticks) - c0)); J_TICKS=$((J_TICKS + $(jit_ticks) - j0)); else W_TICKS=$((W_TICKS + $(wlm_ticks_reaped) - c0)); fi
        done
    done
}

line() {
    local what=$1 name=$2 queries=$3
    local s_cpu w_cpu s_med w_med j_cpu
    s_cpu=$(awk -v t="$S_TICKS" -v q="$queries" -v ms="$TICK_MS" 'BEGIN {printf "%.1f", t * ms / q}')
    j_cpu=$(awk -v t="$J_TICKS" -v q="$queries" -v ms="$TICK_MS" 'BEGIN {printf "%.1f", t * ms / q}')
    w_cpu=$(awk -v t="$W_TICKS" -v q="$queries" -v ms="$TICK_MS" 'BEGIN {printf "%.1f", t * ms / q}')
    s_med=$(median "$OUT/$name-s.ms"); w_med=$(median "$OUT/$name-w.ms")
    say "  $what: Synovia $(stats "$OUT/$name-s.ms"), CPU $s_cpu ms/query (JIT compiler $j_cpu) | wlmscpfs $(stats "$OUT/$name-w.ms"), CPU $w_cpu ms/query" \
        "| ratio Synovia/wlmscpfs: wall $(awk -v a="$s_med" -v b="$w_med" 'BEGIN {printf "%.2f", a / (b ? b : 1)}')," \
        "CPU $(awk -v a="$s_cpu" -v b="$w_cpu" 'BEGIN {printf "%.2f", a / (b > 0 ? b : 0.1)}')" \
        "(without the JIT $(awk -v a="$s_cpu" -v j="$j_cpu" -v b="$w_cpu" 'BEGIN {printf "%.2f", (a - j) / (b > 0 ? b : 0.1)}'))"
}

say "Worklist: Synovia against wlmscpfs, same steps, findscu -W; $WARMUP warm-up rounds, $RUNS runs each, then $CLIENTS clients at once ($(nproc) cores, $(date -u +%FT%TZ))"
for n in ${SIZES//,/ }; do
    env=$OUT/worklist-$n.env
    until [ -f "$env" ]; do
        kill -0 $MAVEN 2>/dev/null || { tail -60 target/worklist-run.log; exit 1; }
        sleep 2
    done
    # shellcheck disable=SC1090
    source "$env"
    say "N = $n: answers Synovia $(answers "$SYNOVIA_PORT" "${KEYS[@]}"), wlmscpfs $(answers "$WLM_PORT" "${KEYS[@]}"); load $(cut -d' ' -f1-3 /proc/loadavg)"
    for warm in $(seq "$WARMUP"); do
        query "$SYNOVIA_PORT" "${KEYS[@]}" > /dev/null; query "$WLM_PORT" "${KEYS[@]}" > /dev/null
        query "$SYNOVIA_PORT" "${ONE_KEYS[@]}" > /dev/null
    done
    c0=$(synovia_ticks); w0=$(wlm_ticks_reaped); sleep 10; c1=$(synovia_ticks); w1=$(wlm_ticks)
    say "  idle for 10 s: Synovia $(((c1 - c0) * TICK_MS / 10)) ms CPU per second, wlmscpfs $(((w1 - w0) * TICK_MS / 10)) ms per second"
    sequential all "${KEYS[@]}"; line "all $n steps of the week, one client" all "$RUNS"
    concurrent all "${KEYS[@]}"; line "all $n steps, $CLIENTS clients at once" all $(((RUNS / CLIENTS) * CLIENTS))
    sequential one "${ONE_KEYS[@]}"; line "one patient by ID, one client" one "$RUNS"
    say "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    touch "$OUT/worklist-$n.done"
done
wait $MAVEN || { tail -40 target/worklist-run.log; exit 1; }
trap - EXIT
