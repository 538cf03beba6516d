#!/usr/bin/env bash
# Cold start of `java -jar target/altllm-micro.jar` over N runs: seconds to the first 200 on /health, RSS then, log
# lines printed by then, whether the gateway's ready line is the last of them, and listening TCP ports other than
# HTTP. Usage: src/bench/cold-start.sh [runs] (default 5); JAR=... to measure another jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(realpath "${JAR:-target/altllm-micro.jar}")
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
runs=${1:-5}
port=18095
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT; echo "logs in $work" >&2
# TCP ports the process listens on: LISTEN rows (state 0A) of its net/tcp{,6} whose socket inode it holds open.
listening() {
    local inodes
    inodes=$(ls -l "/proc/$1/fd" 2>/dev/null | grep -o 'socket:\[[0-9]*\]' | tr -dc '0-9\n' | sort -u)
    awk '$4 == "0A" {split($2, a, ":"); print $10, a[2]}' "/proc/$1/net/tcp" "/proc/$1/net/tcp6" |
        while read -r inode hex; do grep -qx "$inode" <<< "$inodes" && echo $((16#$hex)); done | sort -un
}
for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    (cd "$work" && exec java -jar "$jar" --port "$port" > "$work/log$i" 2>&1) &
    pid=$!
    until curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health" 2>/dev/null | grep -q 200; do
        kill -0 "$pid" 2>/dev/null || { echo "gateway exited; see $work/log$i" >&2; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    lines=$(wc -l < "$work/log$i")
    last=$(tail -n 1 "$work/log$i")
    case "$last" in *"AltLLM Gateway"*ready*) ready=yes ;; *) ready=no ;; esac
    rss=$(ps -o rss= -p "$pid" | awk '{print int($1/1024)}')
    others=$(listening "$pid" | grep -vx "$port" | tr '\n' ' ' || true)
    echo "run $i: $(( (end - start) / 1000000 )) ms to first 200 on /health, RSS ${rss} MB, $lines log lines," \
        "ready line last: $ready, other listening ports: ${others:-none}"
    sleep 2
    echo "  log lines 2 s later: $(wc -l < "$work/log$i"), last: $(tail -n 1 "$work/log$i" | cut -c1-100)"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "$jar: $(stat -c %s "$jar") bytes"
