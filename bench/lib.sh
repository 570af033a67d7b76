# Pieces the bench scripts share; sourced after they set $root (the repository) and $shared.
#   bench_workdir NAME         a fresh directory $work (/tmp/knut-NAME.*, 0755 so that NUT's user reaches
#                              the sandbox in it); at exit the knut demo and a real NUT sandbox in $work/real
#                              are stopped and $work removed
#   free_port                  a TCP port free on every address (the services' HTTP ports bind 0.0.0.0, and
#                              a load client's TIME_WAIT socket on 127.1.x.y:P would refuse them P)
#   start_knut_demo DIR        ./knut demo on free ports, its state and logs in DIR; sets knut_pid (the
#                              launcher), upsd_pid (knut's upsd), knut_port (NUT), http_port (REST, events,
#                              metrics). KNUT_JAVA_OPTS reaches every service of the stack.
#   stop_knut_demo             stops it (by the launcher's PID; it stops its services)

bench_workdir() {
    work=$(mktemp -d "/tmp/knut-$1.XXXXXX")
    chmod 0755 "$work"
    trap bench_cleanup EXIT
}

bench_cleanup() {
    set +e   # every step runs, whatever the one before returned
    stop_knut_demo
    "$shared/peers/nut-sandbox" stop "$work/real" >/dev/null 2>&1
    rm -rf "$work"
}

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])'; }

start_knut_demo() {
    local dir=$1 _
    knut_port=$(free_port); http_port=$(free_port)
    : >"$dir.out"   # emptied before the launcher starts: a DIR used before still says "knut demo ready"
    # every load client comes from 127.0.0.1: lift upsd's per-address connection limit (docs/security.md)
    KNUT_UPSD_MAX_CONN_PER_ADDRESS=0 KNUT_RUN_DIR=$dir "$root/knut" demo --nut-port "$knut_port" --http-port "$http_port" --ui-port "$(free_port)" \
        >"$dir.out" 2>&1 &
    knut_pid=$!
    for _ in $(seq 1 1200); do   # a first run builds the jars
        grep -qs "knut demo ready" "$dir.out" && break
        kill -0 "$knut_pid" 2>/dev/null || { cat "$dir.out" >&2; return 1; }
        sleep 0.1
    done
    grep -qs "knut demo ready" "$dir.out" || { echo "knut demo did not start; see $dir.out" >&2; return 1; }
    upsd_pid=$(pgrep -P "$knut_pid" -f "upsd-service/target/quarkus-app/quarkus-run.jar")
}

stop_knut_demo() {
    if [ -n "${knut_pid:-}" ]; then kill -TERM "$knut_pid" 2>/dev/null || true; wait "$knut_pid" 2>/dev/null || true; fi
    knut_pid=""
    return 0
}
