#!/usr/bin/env bash
# Training run for the standalone jar's class-data-sharing archive (AppCDS), run by the package phase: starts
# target/altllm-micro.jar once with -XX:ArchiveClassesAtExit and a fixed Payara Micro runtime directory, waits until
# /health answers, then stops it; the JVM writes every class it loaded to target/altllm.jsa on the way out.
# `java -XX:SharedArchiveFile=target/altllm.jsa -jar target/altllm-micro.jar --rootdir target/micro-root` then maps
# those classes instead of loading and verifying them again (docs/benchmarks.md: about a third of the start).
# Usage: cds-archive.sh <target dir> <free port>
set -euo pipefail
target=$(cd "$1" && pwd)
port=$2
work="$target/cds-training"
rm -rf "$work" "$target/micro-root" "$target/altllm.jsa"
mkdir -p "$work"
cd "$work"
java -XX:ArchiveClassesAtExit="$target/altllm.jsa" -jar "$target/altllm-micro.jar" --port "$port" \
    --rootdir "$target/micro-root" > "$work/server.log" 2>&1 &
pid=$!
healthy() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port"
        printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
        read -r -t 5 status <&3
        [[ "$status" == *" 200 "* ]]
    ) 2>/dev/null
}
for _ in $(seq 1 1800); do
    if healthy; then
        kill "$pid"
        wait "$pid" || true
        [ -f "$target/altllm.jsa" ] || { echo "cds-archive: no archive written; see $work/server.log" >&2; exit 1; }
        echo "cds-archive: $target/altllm.jsa ($(stat -c %s "$target/altllm.jsa") bytes)"
        exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "cds-archive: the gateway exited; see $work/server.log" >&2; exit 1; }
    sleep 0.1
done
kill "$pid" || true
echo "cds-archive: /health did not answer within 180 s; see $work/server.log" >&2
exit 1
