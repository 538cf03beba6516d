#!/usr/bin/env bash
# Installs the Node packages of the browser and official-SDK tests, run by the build before the ITs: only when
# node_modules is missing or older than package-lock.json, and not at all without npm (those tests then skip).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
    echo "e2e packages skipped: Node.js not found (no npm on PATH); the Node-based tests will report skipped"
    exit 0
fi
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "e2e packages up to date (src/test/e2e/node_modules)"
    exit 0
fi
echo "e2e packages: npm ci --prefix src/test/e2e"
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
