#!/usr/bin/env bash
# Driver start-up, knut against Debian's real NUT: `upsdrvctl start` on a NUT configuration directory
# with one dummy-ups UPS per nut-ddl dump, time until every driver socket exists and the drivers'
# resident memory, for `./knut upsdrvctl` (one driver-service JVM for all UPSes) and NUT's own
# upsdrvctl (one C dummy-ups process per UPS). Each side runs alone; both are stopped by their
# upsdrvctl stop. Prints key=value lines and the knut/real ratios.
#
#   bench/upsdrvctl.sh           every dump of ../shared/testdata/nut-ddl
#   COUNT=5 bench/upsdrvctl.sh   the first 5
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
UPSDRVCTL=${UPSDRVCTL:-/sbin/upsdrvctl}

work=$(mktemp -d /tmp/knut-bench-upsdrvctl.XXXXXX)
chmod 0755 "$work"
cleanup() {
    set +e
    NUT_CONFPATH=$work/knut "$root/knut" upsdrvctl stop >/dev/null 2>&1
    NUT_CONFPATH=$work/real NUT_STATEPATH=$work/real/state NUT_ALTPIDPATH=$work/real/state \
        "$UPSDRVCTL" -u root stop >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

# one NUT configuration directory per side, the same sections
mapfile -t dumps < <(ls "$shared"/testdata/nut-ddl/*.dev | head -n "${COUNT:-1000}")
for side in knut real; do
    mkdir -p "$work/$side/state"
    echo "statepath = $work/$side/state" >"$work/$side/ups.conf"
    i=0
    for dev in "${dumps[@]}"; do
        i=$((i + 1))
        cp "$dev" "$work/$side/ddl$i.dev"
        printf '[ddl%d]\n\tdriver = dummy-ups\n\tport = ddl%d.dev\n' "$i" "$i" >>"$work/$side/ups.conf"
    done
done
NUT_CONFPATH=$work/knut "$root/knut" build >/dev/null   # built before the clock starts

now_ms() { date +%s%3N; }
# total RSS in kB of the processes named by the pid files of a state directory (each counted once)
rss_kb() { cat "$1"/*.pid | sort -u | xargs ps -o rss= -p | awk '{s += $1} END {print s}'; }
sockets() { find "$1" -type s -name 'dummy-ups-*' | wc -l; }

t0=$(now_ms)
NUT_CONFPATH=$work/knut "$root/knut" upsdrvctl start >/dev/null
knut_ms=$(($(now_ms) - t0))
knut_sockets=$(sockets "$work/knut/state")
sleep 5   # a few polls, so that memory is the running figure
knut_rss=$(rss_kb "$work/knut/state")

t0=$(now_ms)
NUT_CONFPATH=$work/real NUT_STATEPATH=$work/real/state NUT_ALTPIDPATH=$work/real/state \
    "$UPSDRVCTL" -u root start >/dev/null 2>&1
real_ms=$(($(now_ms) - t0))
real_sockets=$(sockets "$work/real/state")
sleep 5
real_rss=$(rss_kb "$work/real/state")

echo "ups=${#dumps[@]} cores=$(nproc)"
echo "side=knut start_ms=$knut_ms sockets=$knut_sockets rss_kb=$knut_rss processes=1"
echo "side=real start_ms=$real_ms sockets=$real_sockets rss_kb=$real_rss processes=${#dumps[@]}"
awk -v a="$knut_ms" -v b="$real_ms" -v c="$knut_rss" -v d="$real_rss" \
    'BEGIN { printf "ratio knut/real: start %.2f, memory %.2f\n", a / b, c / d }'
