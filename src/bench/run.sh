#!/usr/bin/env bash
# Runs the chat relay benchmark (see docs/benchmarks.md). Needs two cores, nginx and wrk (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nginx >/dev/null && command -v wrk >/dev/null || apt-get install -y nginx-light wrk >/dev/null
case " $* " in
    *" --jar "* | *" --jar="*) ;;  # another jar: this tree's need not be built
    *) [ -f target/altllm-micro.jar ] || ./mvnw -q -B package -DskipTests ;;
esac
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # as many sockets as allowed; 10k streams need > 20k
exec python3 src/bench/run.py "$@"
