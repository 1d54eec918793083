#!/usr/bin/env bash
# Review room load benchmark: builds Slate, renders scene 1 of the example, starts `slate review`
# on a free loopback port and runs bench/review/ReviewLoad.java against it (100 concurrent
# clients, 10,000 JSON requests by default).
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
# The server's own CPU time over the load (utime + stime): a figure the machine's load barely moves.
ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
T0=$(ticks)
java -Xmx1g bench/review/ReviewLoad.java "$LINK" "${1:-100}" "${2:-10000}"
T1=$(ticks)
HZ=$(getconf CLK_TCK)
echo "server CPU during the load: $(( (T1 - T0) * 1000 / HZ )) ms, $(awk -v t=$((T1 - T0)) -v hz="$HZ" -v n="${2:-10000}" 'BEGIN { printf "%.2f", t * 1000 / hz / n }') ms a request; load average $(cut -d' ' -f1-3 /proc/loadavg)"
