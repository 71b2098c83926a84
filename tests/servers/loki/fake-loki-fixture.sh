#!/usr/bin/env bash
# fake-loki as a CTest fixture ("fakeloki").
#   fake-loki-fixture.sh start WORKDIR FAKE_LOKI [ARGS...]   starts FAKE_LOKI ARGS on a free 127.0.0.1 port,
#                                                            waits for its port file, writes WORKDIR/loki.url
#   fake-loki-fixture.sh stop WORKDIR                        stops it
set -euo pipefail

READY_TIMEOUT_S=${READY_TIMEOUT_S:-20}
# A leaked server (CTest killed before the cleanup fixture ran) ends by itself after this long.
MAX_LIFETIME=${MAX_LIFETIME:-30m}

usage() {
    echo "usage: $0 start WORKDIR FAKE_LOKI [ARGS...] | stop WORKDIR" >&2
    exit 2
}

[ $# -ge 2 ] || usage
action=$1
workdir=$2
shift 2
pidfile="$workdir/loki.pid"
portfile="$workdir/loki.port"
urlfile="$workdir/loki.url"
logfile="$workdir/loki.log"

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
            echo "fake-loki-fixture: stopped pid $pid"
        fi
    fi
    rm -f "$pidfile" "$portfile" "$urlfile"
}

start() {
    [ $# -ge 1 ] || usage
    local binary=$1
    shift
    if [ ! -x "$binary" ]; then
        echo "fake-loki-fixture: $binary is not built (cmake --build … --target fake-loki)" >&2
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
            echo "fake-loki-fixture: $(cat "$logfile") (pid $pid)"
            return 0
        fi
        if ! alive "$pid"; then
            echo "fake-loki-fixture: fake-loki exited at start:" >&2
            cat "$logfile" >&2
            rm -f "$pidfile"
            exit 1
        fi
        sleep 0.05
    done
    echo "fake-loki-fixture: no port file within ${READY_TIMEOUT_S} s" >&2
    stop >/dev/null
    exit 1
}

case "$action" in
start) start "$@" ;;
stop) stop ;;
*) usage ;;
esac
