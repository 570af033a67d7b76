#!/usr/bin/env bash
# Side-by-side benchmark of knut's upsd and Debian's real NUT upsd, on this machine, in one run.
#
#   bench/run.sh                 full matrix, 5 rounds per cell (about 12 minutes)
#   ROUNDS=3 LIMIT=0 bench/run.sh  3 rounds, without limitsrv (about 5 minutes)
#   QUICK=1 bench/run.sh         one short round per cell, for a smoke check
#
# Both servers serve the demo UPS (demo/demo.dev: the real one through its C dummy-ups, ours through
# knut's driver-service). Each matrix cell is measured in ROUNDS rounds of short runs, real upsd's and
# ours back to back in each round (real first in odd rounds, knut first in even ones). This machine's
# speed drifts by up to half within a minute (the real upsd alone ran at 68k and at 122k req/s a few
# seconds apart), so a ratio is only meaningful between runs a few seconds apart: the table gives each
# cell's median of the rounds' ratios, their range, and each server's median figures (bench/summary.py).
# Each round also runs ../shared/bench/limitsrv (a C epoll server that answers every line with a
# constant, no protocol logic: the machine's ceiling), unless LIMIT=0, for reading both against it.
# The load generator is ../shared/bench/nutload.c.
# Printed: one key=value line per run (server=real|knut|limit, round, cell), then the table, then the
# admission runs. Results are also written to bench/results/<timestamp>.txt.
# Env: ROUNDS (default 5), DURATION (s, default 3), WARMUP (s, default 1), LIMIT (1), MATRIX (default
# below), CLIENTS_MAX (10000).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
. "$here/lib.sh"
if [ -n "${QUICK:-}" ]; then DURATION=${DURATION:-2} WARMUP=${WARMUP:-1} ROUNDS=${ROUNDS:-1}; fi
ROUNDS=${ROUNDS:-5} LIMIT=${LIMIT:-1} DURATION=${DURATION:-3} WARMUP=${WARMUP:-1} CLIENTS_MAX=${CLIENTS_MAX:-10000}
MATRIX=${MATRIX:-"get:1 get:10 get:100 get:1000 get:4000 list:1 list:10 list:100 connect:50"}

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
bench_workdir bench
real_dir=$work/real

gcc -O2 -o "$work/nutload" "$shared/bench/nutload.c" -pthread
# ./knut demo below builds whatever is missing or stale

real_port=$(free_port)

NUT_SANDBOX_MAXCONN=$((CLIENTS_MAX + 100)) NUT_SANDBOX_NOFILE=65536 \
    "$shared/peers/nut-sandbox" start "$real_dir" "$real_port" "demo=$root/demo/demo.dev" >&2
real_pid=$(cat "$real_dir/state/upsd.pid")

start_knut_demo "$work/knut" || exit 1

limit=""
if [ "$LIMIT" = 1 ]; then
    gcc -O2 -o "$work/limitsrv" "$shared/bench/limitsrv.c"
    limit_port=$(free_port)
    "$work/limitsrv" "$limit_port" >"$work/limitsrv.log" 2>&1 &
    limit_pid=$!
    until (exec 3<>"/dev/tcp/127.0.0.1/$limit_port") 2>/dev/null; do kill -0 "$limit_pid" || exit 1; sleep 0.1; done
    trap 'kill "$limit_pid" 2>/dev/null; bench_cleanup' EXIT
    limit=limit:$limit_port:$limit_pid
fi

results=$root/bench/results
mkdir -p "$results"
out=$results/$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "# knut vs real NUT upsd $(/lib/nut/upsd -V 2>&1 | grep -o "upsd [0-9.]*" | head -1) on $(nproc) cores, $(date -u)"
    echo "# rounds per cell=$ROUNDS duration=${DURATION}s warmup=${WARMUP}s ups=demo var=ups.status"
} | tee "$out"

run() { # round cell server port pid mode clients [extra nutload args]
    local round=$1 cell=$2 server=$3 port=$4 pid=$5 mode=$6 clients=$7; shift 7
    local line
    line=$("$work/nutload" --host 127.0.0.1 --port "$port" --clients "$clients" --duration "$DURATION" \
        --warmup "$WARMUP" --mode "$mode" --ups demo --var ups.status --pid "$pid" "$@")
    echo "server=$server round=$round cell=$cell $line" | tee -a "$out"
}

real=real:$real_port:$real_pid knut=knut:$knut_port:$upsd_pid
for mc in $MATRIX; do
    for round in $(seq 1 "$ROUNDS"); do
        # real and knut always back to back; limitsrv, a reference only, at either end
        if [ $((round % 2)) = 1 ]; then order="$real $knut $limit"; else order="$limit $knut $real"; fi
        for s in $order; do
            IFS=: read -r name port pid <<<"$s"
            run "$round" "$mc" "$name" "$port" "$pid" "${mc%%:*}" "${mc##*:}"
        done
    done
done
# admission under load: clients keep loading while the rest connect (ramp bounded to 10 s)
for s in $real $knut; do
    IFS=: read -r name port pid <<<"$s"
    run 1 ramp-load:4000 "$name" "$port" "$pid" get 4000 --ramp-load --ramp-max 10
done
# $CLIENTS_MAX concurrent clients: how long until all are connected and answered once
for s in $real $knut; do
    IFS=: read -r name port pid <<<"$s"
    run 1 "many:$CLIENTS_MAX" "$name" "$port" "$pid" get "$CLIENTS_MAX" --ramp-max 30 -t 2
done

python3 "$here/summary.py" "$out" | tee -a "$out"
echo "results: $out" >&2
