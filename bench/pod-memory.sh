#!/usr/bin/env bash
# upsd's memory as its pod would hold it: inside a memory cgroup with the limit and JVM options that the
# plain manifests (k8s/base/knut.yaml, rendered from the Helm chart) give the knut-upsd container, so
# that the JVM sizes its heap from that limit as it does in the pod. Then the heaviest loads of the other
# benches, one after the other, and after each the cgroup's peak usage against the limit, OOM kills,
# and whether upsd still runs.
#
#   bench/pod-memory.sh                    the manifests' limit (384Mi) and JAVA_OPTS_APPEND
#   LIMIT_MB=256 bench/pod-memory.sh       another limit, the same options
#
# Phases: idle (2 s after start), 4000 clients in a GET loop (10 s), 4000 clients ramping in under that
# load, 10 000 clients connected at once, connection churn (50 clients, connect-GET-close), 1000 event
# subscribers with 500 NUT clients (nut-core's Soak, 30 s). upsd serves the demo UPS of a ./knut demo
# stack started beside it (driver-service's socket); only upsd is in the cgroup.
# Needs root and the cgroup memory controller (v1 or v2). Results also go to
# bench/results/pod-memory-<timestamp>.txt. No assertions: it is a benchmark.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${KNUT_SHARED:-$(dirname "$root")/shared}
. "$here/lib.sh"

# knut-upsd's memory limit (MiB) and JAVA_OPTS_APPEND in the shipped manifests
read -r manifest_mb java_opts < <(python3 - "$root/k8s/base/knut.yaml" <<'PY'
import sys, yaml
units = {"Mi": 1, "Gi": 1024, "M": 1e6 / 2**20, "G": 1e9 / 2**20}
for doc in yaml.safe_load_all(open(sys.argv[1])):
    if doc and doc.get("kind") == "Deployment" and doc["metadata"]["name"] == "knut-upsd":
        c = doc["spec"]["template"]["spec"]["containers"][0]
        limit = c["resources"]["limits"]["memory"]
        unit = next(u for u in sorted(units, key=len, reverse=True) if limit.endswith(u))
        opts = next(e["value"] for e in c["env"] if e["name"] == "JAVA_OPTS_APPEND")
        print(int(float(limit[: -len(unit)]) * units[unit]), opts)
PY
)
LIMIT_MB=${LIMIT_MB:-$manifest_mb}

# a memory cgroup of LIMIT_MB: v1 (memory controller mounted apart) or v2 (unified)
cg_name=knut-pod-memory-$$
if [ -d /sys/fs/cgroup/memory ]; then
    cg=/sys/fs/cgroup/memory/$cg_name
    mkdir "$cg" && echo $((LIMIT_MB * 1024 * 1024)) >"$cg/memory.limit_in_bytes"
    cg_peak() { echo $(($(cat "$cg/memory.max_usage_in_bytes") / 1048576)); }
    cg_ooms() { awk '/^oom_kill /{print $2}' "$cg/memory.oom_control"; }
elif grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    cg=/sys/fs/cgroup/$cg_name
    mkdir "$cg" && echo $((LIMIT_MB * 1024 * 1024)) >"$cg/memory.max"
    cg_peak() { if [ -f "$cg/memory.peak" ]; then echo $(($(cat "$cg/memory.peak") / 1048576)); else echo "?"; fi; }
    cg_ooms() { awk '/^oom_kill /{print $2}' "$cg/memory.events"; }
else
    echo "pod-memory: no cgroup memory controller here" >&2
    exit 2
fi

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
bench_workdir pod-memory
upsd_cg_pid=""
cleanup() {
    set +e   # wait returns the killed upsd's status; every step must still run
    [ -z "$upsd_cg_pid" ] || { kill -TERM "$upsd_cg_pid" 2>/dev/null; wait "$upsd_cg_pid" 2>/dev/null; }
    rmdir "$cg" 2>/dev/null
    bench_cleanup
}
trap cleanup EXIT
gcc -O2 -o "$work/nutload" "$shared/bench/nutload.c" -pthread
kit=$root/nut-core/target/test-classes/org/knut/core/testing/load/Soak.class
if [ ! -f "$kit" ] || [ -n "$(find "$root/nut-core/src" -newer "$kit" -name '*.java' -print -quit)" ]; then
    (cd "$root" && mvn -B -q -pl nut-core test-compile) >&2
fi
start_knut_demo "$work/knut"

port=$(free_port) http=$(free_port)
# shellcheck disable=SC2086
(
    echo "$BASHPID" >"$cg/cgroup.procs"
    NUT_STATEPATH=$work/knut/state NUT_CONFPATH=$root/demo KNUT_UPSD_MAX_CONN_PER_ADDRESS=0 \
        exec java $java_opts -Dknut.upsd.listen=127.0.0.1:$port -Dquarkus.http.port=$http \
        -jar "$root/upsd-service/target/quarkus-app/quarkus-run.jar" >"$work/upsd.log" 2>&1
) &
upsd_cg_pid=$!
until curl -sf "http://127.0.0.1:$http/q/health/ready" >/dev/null; do
    kill -0 "$upsd_cg_pid" 2>/dev/null || { tail -20 "$work/upsd.log" >&2; exit 1; }
    sleep 0.2
done
sleep 2

results=$root/bench/results
mkdir -p "$results"
out=$results/pod-memory-$(date -u +%Y%m%dT%H%M%SZ).txt
kv() { local l=" $2 "; l=${l#* $1=}; echo "${l%% *}"; }
row() { # phase load-figures
    local rss alive=yes
    rss=$(awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$upsd_cg_pid/status" 2>/dev/null || echo -)
    kill -0 "$upsd_cg_pid" 2>/dev/null || alive=NO
    printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(cg_peak)" "$rss" "$(cg_ooms)" "$alive" "$2" | tee -a "$out"
}
load() { "$work/nutload" --host 127.0.0.1 --port "$port" "$@"; }
{
    echo "# upsd in a memory cgroup of ${LIMIT_MB} MiB, JVM options: $java_opts"
    echo "# $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u)"
    echo
    echo "| phase | cgroup peak MiB | upsd RSS MiB | OOM kills | upsd alive | load |"
    echo "|---|---|---|---|---|---|"
} | tee "$out"
row idle "-"
l=$(load --clients 4000 --duration 10 --warmup 2 --mode get)
row "GET, 4000 clients" "$(kv rps "$l") req/s, p99 $(kv p99_ms "$l") ms, errors $(kv errors "$l")"
l=$(load --clients 4000 --duration 10 --mode get --ramp-load --ramp-max 10)
row "4000 ramping in under load" "$(kv connected "$l") admitted, errors $(kv errors "$l")"
l=$(load --clients 10000 --duration 3 --mode get --ramp-max 30 -t 2)
row "10 000 clients" "$(kv connected "$l") connected in $(kv ramp_s "$l") s, errors $(kv errors "$l")"
l=$(load --clients 50 --duration 5 --mode connect)
row "connection churn" "$(kv rps "$l") connections/s, errors $(kv errors "$l")"
l=$(java -cp "$root/nut-core/target/classes:$root/nut-core/target/test-classes" org.knut.core.testing.load.Soak \
    --nut-port="$port" --http-port="$http" --pid="$upsd_cg_pid" --clients=500 --subscribers=1000 --rate=2 \
    --duration=30 --warmup=5 --sample=30 --user=admin --password=admin 2>&1 | grep '^summary ' || true)
row "1000 event subscribers, 500 clients" "$(kv delivered "$l") events delivered, $(kv missing "$l") missing, errors $(kv errors "$l")"
