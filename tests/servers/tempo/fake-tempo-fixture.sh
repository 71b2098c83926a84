#!/usr/bin/env bash
# fake-tempo as a CTest fixture ("faketempo").
#   fake-tempo-fixture.sh start WORKDIR FAKE_TEMPO [ARGS...]   starts FAKE_TEMPO ARGS on free 127.0.0.1 ports,
#                                                              waits for its port files, writes WORKDIR/tempo.url
#                                                              (HTTP) and WORKDIR/tempo.grpc (host:port)
#   fake-tempo-fixture.sh stop WORKDIR                         stops it
set -euo pipefail

READY_TIMEOUT_S=${READY_TIMEOUT_S:-20}
# A leaked server (CTest killed before the cleanup fixture ran) ends by itself after this long.
MAX_LIFETIME=${MAX_LIFETIME:-30m}

usage() {
    echo "usage: $0 start WORKDIR FAKE_TEMPO [ARGS...] | stop WORKDIR" >&2
    exit 2
}

[ $# -ge 2 ] || usage
action=$1
workdir=$2
shift 2
pidfile="$workdir/tempo.pid"
portfile="$workdir/tempo.port"
grpcportfile="$workdir/tempo.grpcport"
urlfile="$workdir/tempo.url"
grpcfile="$workdir/tempo.grpc"
logfile="$workdir/tempo.log"

stop() {
    if [ -f "$pidfile" ]; then
        local pid
        pid=$(cat "$pidfile")
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -KILL "$pid" 2>/dev/null || true
            echo "fake-tempo-fixture: stopped pid $pid"
        fi
    fi
    rm -f "$pidfile" "$portfile" "$grpcportfile" "$urlfile" "$grpcfile"
}

start() {
    [ $# -ge 1 ] || usage
    local binary=$1
    shift
    if [ ! -x "$binary" ]; then
        echo "fake-tempo-fixture: $binary is not built (cmake --build … --target fake-tempo)" >&2
        exit 1
    fi
    stop >/dev/null # whatever an aborted earlier run left behind
    mkdir -p "$workdir"
    # stdin/stdout/stderr away from CTest's pipes, or CTest would wait for this server to exit.
    timeout "$MAX_LIFETIME" "$binary" --port-file "$portfile" --grpc-port-file "$grpcportfile" "$@" \
        </dev/null >"$logfile" 2>&1 &
    local pid=$!
    echo "$pid" >"$pidfile"
    for _ in $(seq 1 $((READY_TIMEOUT_S * 20))); do
        # fake-tempo writes the gRPC port file before the HTTP one.
        if [ -s "$portfile" ]; then
            echo "http://127.0.0.1:$(cat "$portfile")" >"$urlfile"
            if [ -s "$grpcportfile" ]; then
                echo "127.0.0.1:$(cat "$grpcportfile")" >"$grpcfile"
            fi
            echo "fake-tempo-fixture: $(cat "$logfile") (pid $pid)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "fake-tempo-fixture: fake-tempo exited at start:" >&2
            cat "$logfile" >&2
            rm -f "$pidfile"
            exit 1
        fi
        sleep 0.05
    done
    echo "fake-tempo-fixture: no port file within ${READY_TIMEOUT_S} s" >&2
    stop >/dev/null
    exit 1
}

case "$action" in
start) start "$@" ;;
stop) stop ;;
*) usage ;;
esac
