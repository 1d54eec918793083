#!/usr/bin/env bash
# Previz benchmark: builds Slate, then runs bench/previz/PrevizBench.java on the module's classpath.
# Usage: bash bench/previz/run.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q install -DskipTests
mvn -B -q -pl slate-media dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="slate-media/target/classes:$(cat slate-media/target/bench-classpath.txt)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java -Xmx2g -cp "$CP" bench/previz/PrevizBench.java "${1:-3}"
