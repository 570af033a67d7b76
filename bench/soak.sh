#!/usr/bin/env bash
# Soak: thousands of NUT clients and event-stream subscribers on knut's upsd for minutes, figures over time.
#
#   bench/soak.sh [DURATION_S] [NUT_CLIENTS] [SSE_SUBSCRIBERS]      defaults: 180 4000 1000
#   bench/soak.sh 30 500 200                                        a short one
#
# Starts knut's demo stack (packaged jars, free ports). The NUT clients keep their connections and each
# sends GET VAR demo ups.status RATE times a second (every LIST_EVERY-th request LIST VAR demo instead);
# the subscribers follow /api/v1/events?ups=demo while ups.status changes every CHANGE_MS (SET VAR through
# upsd, as upsrw -s does). Connections are spread over SOURCES loopback addresses (127.1.x.y), so a
# per-address limit sees a few each. Every SAMPLE seconds a row: requests/s, latency percentiles (from when
# a request was due), errors, open connections, events delivered and missing, upsd heap (/q/metrics),
# resident memory (/proc), server sockets, machine load. Then a summary, and the NUT-client part alone
# against Debian's real NUT upsd (same clients, rate and changes; it has no event stream, so no
# subscribers there). The load generator is the test kit's org.knut.core.testing.load.Soak.
# Env: RATE (2), LIST_EVERY (10), SAMPLE (10), CHANGE_MS (2000), SOURCES (200), THREADS (2), WARMUP (s
#      of load before the rows, not recorded: 10),
#      REAL_DURATION (s, default DURATION; 0 skips the real upsd), UPSD_OPTS (JVM options added for the
#      stack, e.g. a higher per-address connection limit: -Dknut.upsd.<key>=...).
# No assertions: it is a benchmark (integration-tests SoakTest is the short checked version). Results
# also go to bench/results/soak-<timestamp>.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
. "$here/lib.sh"
DURATION=${1:-180} CLIENTS=${2:-4000} SUBSCRIBERS=${3:-1000}
RATE=${RATE:-2} LIST_EVERY=${LIST_EVERY:-10} SAMPLE=${SAMPLE:-10} CHANGE_MS=${CHANGE_MS:-2000}
SOURCES=${SOURCES:-200} THREADS=${THREADS:-2} WARMUP=${WARMUP:-10} REAL_DURATION=${REAL_DURATION:-$DURATION}

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
bench_workdir soak

# the load generator lives in nut-core's test kit; compile it when missing or older than its sources
kit=$root/nut-core/target/test-classes/org/knut/core/testing/load/Soak.class
if [ ! -f "$kit" ] || [ -n "$(find "$root/nut-core/src" -newer "$kit" -name '*.java' -print -quit)" ]; then
    (cd "$root" && mvn -B -q -pl nut-core test-compile) >&2
fi
soak() { java -cp "$root/nut-core/target/classes:$root/nut-core/target/test-classes" org.knut.core.testing.load.Soak \
    --clients="$CLIENTS" --rate="$RATE" --list-every="$LIST_EVERY" --sample="$SAMPLE" --change-ms="$CHANGE_MS" \
    --sources="$SOURCES" --threads="$THREADS" --warmup="$WARMUP" "$@"; }

results=$root/bench/results
mkdir -p "$results"
out=$results/soak-$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "# soak: knut upsd, $DURATION s, $CLIENTS NUT clients, $SUBSCRIBERS event subscribers; $(nproc) cores,"
    echo "# load average at start $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(date -u)"
} | tee "$out"
KNUT_JAVA_OPTS="${KNUT_JAVA_OPTS:-} ${UPSD_OPTS:-}" start_knut_demo "$work/knut"
soak --nut-port="$knut_port" --http-port="$http_port" --pid="$upsd_pid" --subscribers="$SUBSCRIBERS" \
    --duration="$DURATION" --user=admin --password=admin | tee -a "$out"
stop_knut_demo   # its CPU and memory back to the machine before the real upsd runs

if [ "$REAL_DURATION" -gt 0 ]; then
    real_port=$(free_port)
    NUT_SANDBOX_MAXCONN=$((CLIENTS + 100)) NUT_SANDBOX_NOFILE=65536 \
        "$shared/peers/nut-sandbox" start "$work/real" "$real_port" "demo=$root/demo/demo.dev" >&2
    {
        echo
        echo "# the same NUT clients against Debian's $(/lib/nut/upsd -V 2>&1 | grep -o 'upsd [0-9.]*' | head -1), $REAL_DURATION s (no event stream);"
        echo "# load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
    } | tee -a "$out"
    soak --nut-port="$real_port" --pid="$(cat "$work/real/state/upsd.pid")" --subscribers=0 \
        --duration="$REAL_DURATION" --user=admin --password=adminpass | tee -a "$out"
fi

kv() { local l=" $2 "; l=${l#* $1=}; echo "${l%% *}"; }
knut=$(grep '^summary ' "$out" | head -1)
real=$(grep '^summary ' "$out" | sed -n 2p)
{
    echo
    echo "| server | clients | req/s | p50 ms | p99 ms | p99.9 ms | max ms | service p99 ms | errors | RSS peak kB | subscribers | events delivered | missing | event p50 ms | event p99 ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    row() { # NAME LINE EVENT-COLUMNS
        echo "| $1 | $CLIENTS | $(kv rps "$2") | $(kv p50_ms "$2") | $(kv p99_ms "$2") | $(kv p999_ms "$2") | $(kv max_ms "$2") | $(kv svc_p99_ms "$2") | $(kv errors "$2") | $(kv rss_kb_peak "$2") | $3 |"
    }
    row knut "$knut" "$SUBSCRIBERS | $(kv delivered "$knut") | $(kv missing "$knut") | $(kv ev_p50_ms "$knut") | $(kv ev_p99_ms "$knut")"
    [ -z "$real" ] || row "real NUT" "$real" "no event stream | - | - | - | -"
    echo
    echo "knut heap after a full GC: $(kv heap_gc_mb_before "$knut") MB before the load, $(kv heap_gc_mb_after "$knut") MB after it" \
        "(at most $(kv heap_mb_max "$knut") MB in use, garbage included, at a row);" \
        "connections released: $(kv released "$knut"); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$out"
echo "results: $out" >&2
