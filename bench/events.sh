#!/usr/bin/env bash
# Delay from a UPS status change to a client that sees it, knut's upsd and Debian's real NUT upsd in one run.
#
#   bench/events.sh            (ROUNDS=50 by default: 100 changes per observer)
#
# Each change is a SET VAR of ups.status through upsd to the driver (dummy-ups, demo/demo.dev), timed
# until the observer has it: for knut, a subscriber of /api/v1/events (push); for real NUT, which has no
# push channel, a client polling GET VAR every 1000 ms and every 100 ms (the best a NUT client can do;
# upsmon polls every 5 s by default). Results also go to bench/results/events-<timestamp>.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
. "$here/lib.sh"
ROUNDS=${ROUNDS:-50}
bench_workdir events
real_port=$(free_port)

"$shared/peers/nut-sandbox" start "$work/real" "$real_port" "demo=$root/demo/demo.dev" >&2
start_knut_demo "$work/knut" || exit 1

mkdir -p "$root/bench/results"
out=$root/bench/results/events-$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "# status change -> observer, $ROUNDS rounds (2 changes each), $(nproc) cores, $(date -u)"
    echo "server=knut $(java "$here/EventDelay.java" sse "$knut_port" "$http_port" admin admin "$ROUNDS")"
    echo "server=knut $(java "$here/EventDelay.java" poll "$knut_port" 100 admin admin "$ROUNDS")"
    echo "server=real $(java "$here/EventDelay.java" poll "$real_port" 100 admin adminpass "$ROUNDS")"
    echo "server=real $(java "$here/EventDelay.java" poll "$real_port" 1000 admin adminpass "$((ROUNDS / 5 + 1))")"
} | tee "$out"
