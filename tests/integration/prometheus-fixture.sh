#!/usr/bin/env bash
# A throw-away Prometheus for the integration tests (CTest fixture "prometheus").
#   prometheus-fixture.sh start WORKDIR [OPENMETRICS]
#                                         starts it on a free 127.0.0.1 port, waits until /-/ready answers,
#                                         writes WORKDIR/prometheus.url (and .pid, .log); with OPENMETRICS, the
#                                         server starts on a fresh TSDB made from that file by promtool
#   prometheus-fixture.sh stop WORKDIR    stops it and removes its data
# The server scrapes itself every second, evaluates tests/data/prometheus/rules.yml, keeps exemplars, and also
# scrapes the targets tests list in WORKDIR/targets/*.json (file_sd; see tests/data/prometheus/prometheus.yml).
# A missing prometheus binary is an error, not a skip: scripts/setup installs Debian's `prometheus`.
# Needs nothing but bash, coreutils and sed (readiness is probed through bash's /dev/tcp).
set -euo pipefail

PROMETHEUS=${PROMETHEUS:-/usr/bin/prometheus}
PROMTOOL=${PROMTOOL:-/usr/bin/promtool}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-30}
# A leaked server (CTest killed before the cleanup fixture ran) ends by itself after this long.
MAX_LIFETIME=${MAX_LIFETIME:-30m}
DATA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../data/prometheus" && pwd)

usage() {
    echo "usage: $0 start WORKDIR [OPENMETRICS] | stop WORKDIR" >&2
    exit 2
}

[ $# -eq 2 ] || { [ $# -eq 3 ] && [ "$1" = start ]; } || usage
action=$1
workdir=$2
openmetrics=${3:-}
pidfile="$workdir/prometheus.pid"
urlfile="$workdir/prometheus.url"
logfile="$workdir/prometheus.log"

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    echo "prometheus-fixture: no free port found" >&2
    return 1
}

is_ready() {
    local status=""
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'GET /-/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    read -r -t 2 status <&3 || true
    exec 3<&- 3>&-
    [[ "$status" == *" 200 "* ]]
}

our_prometheus_running() {
    local pid
    [ -f "$pidfile" ] || return 1
    pid=$(cat "$pidfile")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa prometheus "/proc/$pid/cmdline" 2>/dev/null
}

stop() {
    if our_prometheus_running; then
        local pid
        pid=$(cat "$pidfile")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "prometheus-fixture: pid $pid ignored SIGTERM for 10 s, killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        echo "prometheus-fixture: stopped pid $pid"
    fi
    rm -rf "$workdir/data" "$workdir/targets" "$pidfile" "$urlfile"
}

start() {
    if [ ! -x "$PROMETHEUS" ]; then
        echo "prometheus-fixture: $PROMETHEUS not found; install Debian's 'prometheus' package (scripts/setup does)" >&2
        exit 1
    fi
    if [ -n "$openmetrics" ] && [ ! -x "$PROMTOOL" ]; then
        echo "prometheus-fixture: $PROMTOOL not found; it comes with Debian's 'prometheus' package" >&2
        exit 1
    fi
    if [ -n "$openmetrics" ] && [ ! -r "$openmetrics" ]; then
        echo "prometheus-fixture: cannot read $openmetrics" >&2
        exit 1
    fi
    stop >/dev/null # whatever an aborted earlier run left behind
    mkdir -p "$workdir"

    local attempt port pid
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        rm -rf "$workdir/data"
        mkdir -p "$workdir/data"
        # Prometheus writes into its data folder: every run gets blocks made afresh from the file.
        if [ -n "$openmetrics" ] && ! "$PROMTOOL" tsdb create-blocks-from openmetrics "$openmetrics" "$workdir/data" \
            >"$workdir/promtool.log" 2>&1; then
            echo "prometheus-fixture: promtool could not make a TSDB from $openmetrics:" >&2
            tail -n 20 "$workdir/promtool.log" >&2
            exit 1
        fi
        mkdir -p "$workdir/targets"
        rm -f "$workdir/targets/"*.json
        sed -e "s|@PORT@|$port|g" -e "s|@RULES@|$DATA_DIR/rules.yml|g" -e "s|@TARGETS@|$workdir/targets|g" \
            "$DATA_DIR/prometheus.yml" >"$workdir/prometheus.yml"
        # Retention of 100 years: backfilled blocks lie in the past and must not be deleted at start.
        # stdin/stdout/stderr away from CTest's pipes, or CTest would wait for this server to exit.
        timeout "$MAX_LIFETIME" "$PROMETHEUS" \
            --config.file="$workdir/prometheus.yml" \
            --storage.tsdb.path="$workdir/data" \
            --storage.tsdb.retention.time=100y \
            --web.listen-address="127.0.0.1:$port" \
            --enable-feature=exemplar-storage \
            </dev/null >"$logfile" 2>&1 &
        pid=$!
        echo "$pid" >"$pidfile"

        for _ in $(seq 1 $((READY_TIMEOUT_S * 10))); do
            kill -0 "$pid" 2>/dev/null || break
            if is_ready "$port" 2>/dev/null; then
                echo "http://127.0.0.1:$port" >"$urlfile"
                echo "prometheus-fixture: $("$PROMETHEUS" --version 2>&1 | head -n 1) ready at http://127.0.0.1:$port (pid $pid)"
                return 0
            fi
            sleep 0.1
        done

        if kill -0 "$pid" 2>/dev/null; then
            echo "prometheus-fixture: not ready within ${READY_TIMEOUT_S} s; log:" >&2
            tail -n 20 "$logfile" >&2
            stop >/dev/null
            exit 1
        fi
        wait "$pid" 2>/dev/null || true
        if grep -q "address already in use" "$logfile"; then
            echo "prometheus-fixture: port $port was taken meanwhile (attempt $attempt), trying another" >&2
            continue
        fi
        echo "prometheus-fixture: prometheus exited at start; log:" >&2
        tail -n 20 "$logfile" >&2
        rm -f "$pidfile"
        exit 1
    done
    echo "prometheus-fixture: no free port after 5 attempts" >&2
    exit 1
}

case "$action" in
start) start ;;
stop) stop ;;
*) usage ;;
esac
