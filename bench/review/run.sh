#!/usr/bin/env bash
# Review room load benchmark: builds Slate, renders scene 1 of the example, starts `slate review`
# on a free loopback port and runs bench/review/ReviewLoad.java against it (100 concurrent
# clients, 10,000 JSON requests by default, measured cold and then warm).
# Usage: bash bench/review/run.sh [CLIENTS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_PACKAGE:-}" != 1 ]; then
  mvn -B -q -o package -DskipTests -pl slate-cli -am
fi
JAR=slate-cli/target/slate-cli.jar
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp -r examples/lighthouse "$WORK/lighthouse"
rm -rf "$WORK/lighthouse/.slate"
java -jar "$JAR" build "$WORK/lighthouse" --shots '1/*' >/dev/null
java -jar "$JAR" review "$WORK/lighthouse" --port 0 > "$WORK/review.out" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do grep -q 'review room:' "$WORK/review.out" && break; sleep 0.5; done
LINK=$(grep -o 'http://[^ ]*' "$WORK/review.out" | head -1)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
# The client prints, per phase (cold, then warm), its own CPU time and the server's (utime + stime
# from /proc/$SERVER/stat): figures the machine's load barely moves, unlike the walls.
java -Xmx1g bench/review/ReviewLoad.java "$LINK" "${1:-100}" "${2:-10000}" "$SERVER"
