#!/usr/bin/env bash
# Side-by-side benchmark of knut's upsd and Debian's real NUT upsd, on this machine, in one run.
#
#   bench/run.sh                 full matrix (about 6 minutes)
#   QUICK=1 bench/run.sh         short runs, for a smoke check
#
# Both servers serve the demo UPS (demo/demo.dev: the real one through its C dummy-ups, ours through
# knut's driver-service). Each matrix cell runs against the real upsd and then against ours, back to
# back, so both see the same machine state. The load generator is ../shared/bench/nutload.c.
# Printed: one key=value line per run (server=real|knut), then a table with the knut/real ratios, then
# the 10 000-client admission test. Results are also written to bench/results/<timestamp>.txt.
# Env: DURATION (s, default 10), WARMUP (s, default 2), MATRIX (default below), CLIENTS_MAX (10000).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
if [ -n "${QUICK:-}" ]; then DURATION=${DURATION:-3} WARMUP=${WARMUP:-1}; fi
DURATION=${DURATION:-10} WARMUP=${WARMUP:-2} CLIENTS_MAX=${CLIENTS_MAX:-10000}
MATRIX=${MATRIX:-"get:1 get:10 get:100 get:1000 get:4000 list:1 list:10 list:100 connect:50"}

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d /tmp/knut-bench.XXXXXX)
chmod 0755 "$work"
real_dir=$work/real; knut_dir=$work/knut
knut_pid=""
cleanup() {
    set +e   # every step runs, whatever the one before returned
    # TERM: a background job of a script ignores SIGINT
    if [ -n "$knut_pid" ]; then kill -TERM "$knut_pid" 2>/dev/null; wait "$knut_pid" 2>/dev/null; fi
    "$shared/peers/nut-sandbox" stop "$real_dir" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

gcc -O2 -o "$work/nutload" "$shared/bench/nutload.c" -pthread
# ./knut demo below builds whatever is missing or stale

real_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
knut_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
http_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')

NUT_SANDBOX_MAXCONN=$((CLIENTS_MAX + 100)) NUT_SANDBOX_NOFILE=65536 \
    "$shared/peers/nut-sandbox" start "$real_dir" "$real_port" "demo=$root/demo/demo.dev" >&2
real_pid=$(cat "$real_dir/state/upsd.pid")

# every load client comes from 127.0.0.1: lift the per-address connection limit (docs/security.md)
KNUT_UPSD_MAX_CONN_PER_ADDRESS=0 KNUT_RUN_DIR=$knut_dir "$root/knut" demo --nut-port "$knut_port" --http-port "$http_port" >"$work/knut.out" 2>&1 &
knut_pid=$!
for _ in $(seq 1 600); do
    grep -q "knut demo ready" "$work/knut.out" && break
    kill -0 "$knut_pid" 2>/dev/null || { cat "$work/knut.out" >&2; exit 1; }
    sleep 0.1
done
grep -q "knut demo ready" "$work/knut.out" || { echo "knut demo did not start in 60 s" >&2; exit 1; }
upsd_pid=$(pgrep -f -n "upsd-service/target/quarkus-app/quarkus-run.jar")

results=$root/bench/results
mkdir -p "$results"
out=$results/$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "# knut vs real NUT upsd $(/lib/nut/upsd -V 2>&1 | grep -o "upsd [0-9.]*" | head -1) on $(nproc) cores, $(date -u)"
    echo "# duration=${DURATION}s warmup=${WARMUP}s ups=demo var=ups.status"
} | tee "$out"

run() { # server port pid mode clients [extra nutload args]
    local server=$1 port=$2 pid=$3 mode=$4 clients=$5; shift 5
    local line
    line=$("$work/nutload" --host 127.0.0.1 --port "$port" --clients "$clients" --duration "$DURATION" \
        --warmup "$WARMUP" --mode "$mode" --ups demo --var ups.status --pid "$pid" "$@")
    echo "server=$server $line" | tee -a "$out"
}

for mc in $MATRIX; do
    m=${mc%%:*} c=${mc##*:}
    run real "$real_port" "$real_pid" "$m" "$c"
    run knut "$knut_port" "$upsd_pid" "$m" "$c"
done
# admission under load: clients keep loading while the rest connect (ramp bounded to 10 s)
for s in real:$real_port:$real_pid knut:$knut_port:$upsd_pid; do
    IFS=: read -r name port pid <<<"$s"
    run "$name" "$port" "$pid" get 4000 --ramp-load --ramp-max 10
done
# 10 000 concurrent clients: how long until all are connected and answered once
for s in real:$real_port:$real_pid knut:$knut_port:$upsd_pid; do
    IFS=: read -r name port pid <<<"$s"
    run "$name" "$port" "$pid" get "$CLIENTS_MAX" --ramp-max 30 -t 2
done

kv() { local l=" $2 "; l=${l#* $1=}; echo "${l%% *}"; }
{
    echo
    echo "| mode | clients | real req/s | knut req/s | ratio | real p50 ms | knut p50 ms | real p99 ms | knut p99 ms | p99 ratio | real RSS kB | knut RSS kB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    # every real run is followed by the knut run of the same cell: pair consecutive lines
    grep '^server=' "$out" | paste - - | while IFS=$'\t' read -r rl kl; do
        awk -v m="$(kv mode "$rl")" -v c="$(kv clients "$rl")" -v rr="$(kv rps "$rl")" -v kr="$(kv rps "$kl")" \
            -v rp50="$(kv p50_ms "$rl")" -v kp50="$(kv p50_ms "$kl")" -v rp99="$(kv p99_ms "$rl")" \
            -v kp99="$(kv p99_ms "$kl")" -v rrss="$(kv srv_rss_kb "$rl")" -v krss="$(kv srv_rss_kb "$kl")" \
            'BEGIN{printf "| %s | %s | %.0f | %.0f | %.2f | %s | %s | %s | %s | %.2f | %s | %s |\n", m, c, rr, kr, (rr>0?kr/rr:0), rp50, kp50, rp99, kp99, (rp99>0?kp99/rp99:0), rrss, krss}'
    done
    echo
    echo "Admission (ramp): connected clients and ramp seconds per server"
    grep -E '^server=(real|knut) mode=get clients=(4000|'"$CLIENTS_MAX"') ' "$out" | \
        while read -r l; do echo "  $(kv server "$l") clients=$(kv clients "$l") connected=$(kv connected "$l") ramp_s=$(kv ramp_s "$l") errors=$(kv errors "$l") rss_kb=$(kv srv_rss_kb "$l")"; done
} | tee -a "$out"
echo "results: $out" >&2
