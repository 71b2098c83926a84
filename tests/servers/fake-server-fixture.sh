#!/usr/bin/env bash
# A fake backend (fake-loki, fake-tempo) as a CTest fixture.
#   fake-server-fixture.sh start NAME WORKDIR BINARY [ARGS...]
#       starts BINARY --port-file WORKDIR/NAME.port ARGS on a free 127.0.0.1 port, waits for the port file and
#       writes WORKDIR/NAME.url; when ARGS make it write WORKDIR/NAME.grpcport too (fake-tempo's
#       --grpc-port-file, written before the HTTP one), also WORKDIR/NAME.grpc (host:port)
#   fake-server-fixture.sh stop NAME WORKDIR
set -euo pipefail

READY_TIMEOUT_S=${READY_TIMEOUT_S:-20}
# A leaked server (CTest killed before the cleanup fixture ran) ends by itself after this long.
MAX_LIFETIME=${MAX_LIFETIME:-30m}

usage() {
    echo "usage: $0 start NAME WORKDIR BINARY [ARGS...] | stop NAME WORKDIR" >&2
    exit 2
}

[ $# -ge 3 ] || usage
action=$1
name=$2
workdir=$3
shift 3
pidfile="$workdir/$name.pid"
portfile="$workdir/$name.port"
grpcportfile="$workdir/$name.grpcport"
urlfile="$workdir/$name.url"
grpcfile="$workdir/$name.grpc"
logfile="$workdir/$name.log"

# Running, not merely a zombie waiting to be reaped (the fixture's parent is gone, so init reaps it, maybe late).
alive() {
    kill -0 "$1" 2>/dev/null && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]
}

stop() {
    if [ -f "$pidfile" ]; then
        local pid
        pid=$(cat "$pidfile")
        if [ -n "$pid" ] && alive "$pid"; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 100); do
                alive "$pid" || break
                sleep 0.05
            done
            alive "$pid" && kill -KILL "$pid" 2>/dev/null
            echo "fake-server-fixture: $name stopped (pid $pid)"
        fi
    fi
    rm -f "$pidfile" "$portfile" "$grpcportfile" "$urlfile" "$grpcfile"
}

start() {
    [ $# -ge 1 ] || usage
    local binary=$1
    shift
    if [ ! -x "$binary" ]; then
        echo "fake-server-fixture: $binary is not built (cmake --build … --target $(basename "$binary"))" >&2
        exit 1
    fi
    stop >/dev/null # whatever an aborted earlier run left behind
    mkdir -p "$workdir"
    # stdin/stdout/stderr away from CTest's pipes, or CTest would wait for this server to exit.
    timeout "$MAX_LIFETIME" "$binary" --port-file "$portfile" "$@" </dev/null >"$logfile" 2>&1 &
    local pid=$!
    echo "$pid" >"$pidfile"
    for _ in $(seq 1 $((READY_TIMEOUT_S * 20))); do
        if [ -s "$portfile" ]; then
            echo "http://127.0.0.1:$(cat "$portfile")" >"$urlfile"
            if [ -s "$grpcportfile" ]; then
                echo "127.0.0.1:$(cat "$grpcportfile")" >"$grpcfile"
            fi
            echo "fake-server-fixture: $(cat "$logfile") (pid $pid)"
            return 0
        fi
        if ! alive "$pid"; then
            echo "fake-server-fixture: $(basename "$binary") exited at start:" >&2
            cat "$logfile" >&2
            rm -f "$pidfile"
            exit 1
        fi
        sleep 0.05
    done
    echo "fake-server-fixture: no port file from $(basename "$binary") within ${READY_TIMEOUT_S} s" >&2
    stop >/dev/null
    exit 1
}

case "$action" in
start) start "$@" ;;
stop) stop ;;
*) usage ;;
esac
