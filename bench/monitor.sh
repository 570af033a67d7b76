#!/usr/bin/env bash
# The monitor's reaction time and memory, knut's against Debian's real upsmon, on this machine.
#
#   bench/monitor.sh             3 trials per row (about 5 minutes)
#   TRIALS=10 bench/monitor.sh
#   ONLY="knut events" bench/monitor.sh   only these kinds of rows (real, knut, events, stack)
#
# Every trial (the stack row aside, below): a fresh real NUT sandbox (upsd + dummy-ups, UPS demo online), one monitor as primary
# (FINALDELAY 0, no secondaries), a wait of a random fraction of POLLFREQ (so the cut falls anywhere
# in the poll cycle), then the real `upsrw -s ups.status="OB LB"` changes the status in the driver
# (dummy-ups). Measured: from the moment upsd serves the driver's new status (polled every ms) to
# SHUTDOWNCMD writing its marker (the monitor's decision, FSD included), the same from the moment
# upsrw returned (upsrw_ms, medians only), and the monitor's resident memory (VmRSS, both upsmon
# processes summed) before the cut.
# Rows: real upsmon at its default POLLFREQ 5 and at POLLFREQ 1, knut's monitor at the same, and knut
# following an event stream (knut.monitor.events-url). The upsd here is the real NUT one, which has no
# event stream, so that row uses a stand-in SSE server that sends {"ups":"demo"} as soon as upsd serves
# the new status (as knut's upsd does); it shows the monitor's side of the path, not upsd's.
# The stack row (POLLFREQ 5) is the whole knut path instead: a fresh `./knut demo` (bench/lib.sh start_knut_demo:
# knut's driver-service with dummy-ups, knut's upsd, the demo's dry-run secondary monitor, admin UI)
# per trial, upsrw through knut's upsd, and knut's monitor following that upsd's /api/v1/events. It
# logs in as the demo's monuser, raised to `upsmon primary` by config laid over demo/upsd.users (the
# file's monuser is a secondary: upsd would refuse PRIMARY and FSD), with HOSTSYNC 0: the demo's
# dry-run secondary stays logged in, and would hold the primary HOSTSYNC seconds (NUMLOGINS 2).
# Results are also written to bench/results/monitor-<timestamp>.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
sandbox=$shared/peers/nut-sandbox
TRIALS=${TRIALS:-3}
jar=$root/monitor-service/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -o -q -pl monitor-service -am package -DskipTests)

work=$(mktemp -d /tmp/knut-monbench.XXXXXX)
chmod 0755 "$work"
nut=$work/nut
mon_pid="" sse_pid="" knut_pid=""
stop_monitor() {
    if [ -n "$mon_pid" ]; then kill -TERM "$mon_pid" 2>/dev/null || true; wait "$mon_pid" 2>/dev/null || true; mon_pid=""; fi
}
cleanup() {
    set +e
    stop_monitor
    stop_knut_demo
    if [ -n "$sse_pid" ]; then kill -TERM "$sse_pid" 2>/dev/null; wait "$sse_pid" 2>/dev/null; fi
    "$sandbox" stop "$nut" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

. "$here/lib.sh"
port=$(free_port)
sse_port=$(free_port)

numlogins() { # on the current trial's upsd ($port)
    python3 - "$port" <<'PY' 2>/dev/null || echo -1
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), 2)
s.sendall(b"GET NUMLOGINS demo\n")
print(s.makefile().readline().split()[-1])
PY
}
# watches upsd until it serves the new status (the driver's update arrived), writes that moment
# (epoch s) to $work/served and, for the events row, fires the stand-in event then, as upsd will
cat >"$work/watch.py" <<'PY'
import os, socket, sys, time
port, served, trigger = int(sys.argv[1]), sys.argv[2], sys.argv[3]
s = socket.create_connection(("127.0.0.1", port), 2)
f = s.makefile("rw")
open(served + ".ready", "w").close()
end = time.time() + 20
while time.time() < end:
    f.write("GET VAR demo ups.status\n"); f.flush()
    if "LB" in f.readline():
        t = time.time()
        if trigger:
            with open(trigger, "w") as out:
                out.write(str(time.time_ns()))
        with open(served, "w") as out:
            out.write(repr(t))
        break
    time.sleep(0.0005)
PY
rss_kb() { # PID...: summed VmRSS
    local total=0 p v
    for p in "$@"; do v=$(awk '/^VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0); total=$((total + ${v:-0})); done
    echo "$total"
}

# the stand-in event stream: an event for demo to every open stream each time $work/trigger changes
cat >"$work/sse.py" <<'PY'
import http.server, os, sys, time
trigger = sys.argv[2]
def seen():
    try:
        return os.stat(trigger).st_mtime_ns
    except FileNotFoundError:
        return 0
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Type", "text/event-stream"); self.end_headers()
        self.wfile.write(b": stand-in for knut upsd's /api/v1/events\n\n"); self.wfile.flush()
        last = seen()
        try:
            while True:
                now = seen()
                if now != last:
                    last = now
                    self.wfile.write(b'event: status\ndata: {"ups":"demo"}\n\n'); self.wfile.flush()
                time.sleep(0.002)
        except OSError:
            pass  # that monitor is gone
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$work/sse.py" "$sse_port" "$work/trigger" &
sse_pid=$!

step() { # WHAT CMD...: runs CMD, its output kept; on failure says what failed and shows it
    local what=$1; shift
    "$@" >"$work/step.log" 2>&1 || { echo "bench/monitor.sh: $what failed:" >&2; cat "$work/step.log" >&2; return 1; }
}

# knut's stack for the stack row, its monuser a primary (see the header); sets port to its upsd's
start_stack() {
    KNUT_UPSD_USERS=monuser KNUT_UPSD_USERS_MONUSER_PASSWORD=monpass KNUT_UPSD_USERS_MONUSER_UPSMON=primary \
        start_knut_demo "$work/stack" || exit 1
    port=$knut_port
}

# one trial; prints "latency_ms upsrw_ms rss_kB"
trial() { # KIND POLLFREQ
    local kind=$1 freq=$2 pids admin_pass=adminpass logins=1 hostsync="" marker=$nut/shutdown.marker
    "$sandbox" stop "$nut" >/dev/null 2>&1 || true
    rm -rf "$nut" "$work/shutdown.marker"
    if [ "$kind" = stack ]; then
        start_stack
        admin_pass=admin logins=2 hostsync="HOSTSYNC 0" marker=$work/shutdown.marker
    else
        port=$(free_port)   # a fresh port: the last upsd's may linger
        step "nut-sandbox start" "$sandbox" start "$nut" "$port" || exit 1
        rm -f "$marker"
    fi
    if [ "$kind" = real ]; then
        POLLFREQ=$freq POLLFREQALERT=$freq FINALDELAY=0 step "nut-sandbox upsmon" "$sandbox" upsmon "$nut" "127.0.0.1:$port" demo primary || exit 1
        local child; child=$(cat "$nut/state/upsmon.pid")
        pids="$child $(ps -o ppid= -p "$child" | tr -d ' ')"
    else
        local events=""
        [ "$kind" = events ] && events="-Dknut.monitor.events-url=http://127.0.0.1:$sse_port/api/v1/events"
        [ "$kind" = stack ] && events="-Dknut.monitor.events-url=http://127.0.0.1:$http_port/api/v1/events"
        cat >"$work/upsmon.conf" <<CONF
MONITOR demo@127.0.0.1:$port 1 monuser monpass primary
POLLFREQ $freq
POLLFREQALERT $freq
FINALDELAY 0
$hostsync
SHUTDOWNCMD "date +%s.%N >> $marker"
CONF
        java ${KNUT_JAVA_OPTS:-} -Dquarkus.http.port=0 $events -jar "$jar" -c "$work/upsmon.conf" >"$work/monitor.log" 2>&1 &
        mon_pid=$!
        pids=$mon_pid
    fi
    local i
    for i in $(seq 1 300); do [ "$(numlogins)" = "$logins" ] && break; sleep 0.1; done
    [ "$(numlogins)" = "$logins" ] || { echo "the $kind monitor did not log in" >&2; cat "$work/monitor.log" >&2 2>/dev/null; exit 1; }
    sleep 2   # settled: first polls done, JIT warm enough for a poll
    local rss; rss=$(rss_kb $pids)
    sleep "$(python3 -c "import random;print(round(random.uniform(0,$freq),3))")"
    # the clock starts when the driver's update has reached upsd (dummy-ups applies a SET at its next
    # update, up to pollinterval 2 s later); knut's upsd sends its event then too
    rm -f "$work/served" "$work/served.ready"
    local trig=""; [ "$kind" = events ] && trig=$work/trigger
    python3 "$work/watch.py" "$port" "$work/served" "$trig" &
    local watcher=$!
    for i in $(seq 1 500); do [ -e "$work/served.ready" ] && break; sleep 0.01; done
    upsrw -s "ups.status=OB LB" -u admin -p "$admin_pass" "demo@127.0.0.1:$port" >/dev/null 2>&1
    local t_set=$EPOCHREALTIME
    wait "$watcher"
    [ -s "$work/served" ] || { echo "upsd never served OB LB" >&2; exit 1; }
    local t0; t0=$(cat "$work/served")
    for i in $(seq 1 600); do [ -s "$marker" ] && break; sleep 0.01; done
    [ -s "$marker" ] || { echo "the $kind monitor did not shut down" >&2; cat "$work/monitor.log" >&2 2>/dev/null; exit 1; }
    local t1; t1=$(head -1 "$marker" | cut -d' ' -f1)
    stop_monitor
    stop_knut_demo
    python3 -c "print(round(($t1 - $t0) * 1000), round(($t1 - $t_set) * 1000), $rss)"
}

row() { # LABEL KIND POLLFREQ
    local label=$1 kind=$2 freq=$3 lat=() upsrw_ms=() rss=() t r l s
    case " ${ONLY:-real knut events stack} " in *" $kind "*) ;; *) return 0;; esac
    for t in $(seq 1 "$TRIALS"); do
        # the trial runs in a subshell: what it started must stop with it, even when it fails
        read -r l s r < <(trap 'stop_monitor; stop_knut_demo' EXIT; trial "$kind" "$freq") \
            || { echo "bench/monitor.sh: a $label trial failed" >&2; exit 1; }
        lat+=("$l"); upsrw_ms+=("$s"); rss+=("$r")
    done
    python3 - "$label" "$freq" "${lat[*]}" "${upsrw_ms[*]}" "${rss[*]}" <<'PY'
import statistics, sys
label, freq = sys.argv[1], sys.argv[2]
lat, upsrw, rss = ([int(x) for x in a.split()] for a in sys.argv[3:6])
print(f"{label:34s} {freq:>8s} {statistics.median(lat):>9.0f} {min(lat):>7d} {max(lat):>7d} "
      f"{statistics.median(upsrw):>8.0f} {statistics.median(rss):>8.0f}")
PY
}

results=$root/bench/results
mkdir -p "$results"
out=$results/monitor-$(date -u +%Y%m%dT%H%M%SZ).txt
{
    echo "# monitor decision time: upsd serves the driver's ups.status OB LB -> SHUTDOWNCMD (primary, FINALDELAY 0);"
    echo "# upsrw_ms: the same from the moment upsrw -s returned,"
    echo "# $TRIALS trials per row, random poll phase; $(/lib/nut/upsmon -V 2>&1 | grep -o 'upsmon [0-9.]*' | head -1), $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u)"
    printf '%-34s %8s %9s %7s %7s %8s %8s\n' monitor pollfreq median_ms min_ms max_ms upsrw_ms rss_kB
    row "real upsmon (NUT default)" real 5
    row "knut monitor" knut 5
    row "real upsmon" real 1
    row "knut monitor" knut 1
    row "knut monitor + events (stand-in)" events 5
    row "knut monitor + knut upsd events" stack 5
} | tee "$work/table.txt"
python3 - "$work/table.txt" <<'PY' | tee -a "$work/table.txt"
import sys
rows = [l.split() for l in open(sys.argv[1]) if l[0] != "#" and not l.startswith("monitor ")]
def get(label, freq):  # label words, then pollfreq median min max upsrw rss
    for r in rows:
        if " ".join(r[:-6]) == label and r[-6] == freq:
            return float(r[-5]), float(r[-1])
real5, knut5 = get("real upsmon (NUT default)", "5"), get("knut monitor", "5")
real1, knut1 = get("real upsmon", "1"), get("knut monitor", "1")
ev, stack = get("knut monitor + events (stand-in)", "5"), get("knut monitor + knut upsd events", "5")
if None in (real5, knut5, real1, knut1, ev, stack):
    sys.exit(0)  # ONLY left rows out: no ratios
print(f"ratio knut/real median decision time: POLLFREQ 5 {knut5[0]/real5[0]:.2f}, POLLFREQ 1 {knut1[0]/real1[0]:.2f}; "
      f"events vs real upsmon at POLLFREQ 1: {ev[0]/real1[0]:.2f} (stand-in), {stack[0]/real1[0]:.2f} (knut's stack)")
print(f"ratio knut/real resident memory: {knut5[1]/real5[1]:.1f}")
PY
cp "$work/table.txt" "$out"
echo "written to $out"
