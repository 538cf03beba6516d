#!/usr/bin/env bash
# Cold start: milliseconds from `java -jar target/altllm-micro.jar` to the first 200 on /health, over N runs,
# plus RSS at that moment and the artifact sizes. Usage: src/bench/cold-start.sh [runs] (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/altllm-micro.jar ] || ./mvnw -q -B package -DskipTests
runs=${1:-5}
port=18095
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    (cd "$work" && exec java -jar "$OLDPWD/target/altllm-micro.jar" --port "$port" > "$work/log$i" 2>&1) &
    pid=$!
    until curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health" 2>/dev/null | grep -q 200; do
        kill -0 "$pid" 2>/dev/null || { echo "gateway exited; see $work/log$i" >&2; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    rss=$(ps -o rss= -p "$(pgrep -P "$pid" java || echo "$pid")" | awk '{print int($1/1024)}')
    echo "run $i: $(( (end - start) / 1000000 )) ms to first 200 on /health, RSS ${rss} MB"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "target/altllm.war: $(stat -c %s target/altllm.war) bytes; target/altllm-micro.jar: $(stat -c %s target/altllm-micro.jar) bytes"
