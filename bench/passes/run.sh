#!/usr/bin/env bash
# Masks and pose against previz alone, as whole processes, on every shot of the example.
# Usage: bash bench/passes/run.sh [ROUNDS] [PRODUCTION]   (default 3 rounds, examples/lighthouse)
# WARMUP=0 skips the discarded first run of each (FFmpeg already unpacked in the cache).
# MODES="previz previz+depth passes" also measures previz as it was before slate-previz/3 (with depth);
# MODES="previz previz+passes passes" measures the pass drawn in previz's own frame loop too;
# MODES="previz passes binds passes+binds" also every mask video and the pose video, drawn in one loop (binds)
# or made from the kept pass (passes+binds).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
production="${2:-examples/lighthouse}"
mvn -B -q -o -pl slate-media -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/bench-classpath.txt
CP="slate-core/target/classes:slate-media/target/classes:$(cat slate-media/target/bench-classpath.txt)"
# The harness compiled once, so no run pays for javac; the JVM sized as the slate launcher leaves it (no -Xmx):
# with -Xmx2g G1's regions are 1 MB and every 640x360 frame (675 KB) is a humongous allocation that
# forces a collection, a cost the product does not pay (4 MB regions on this 24 GB machine).
mkdir -p target/passes-bench
javac -d target/passes-bench -cp "$CP" bench/passes/PassesBench.java
CP="target/passes-bench:$CP"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
# One run of each, discarded: FFmpeg's first start unpacks it.
[ "${WARMUP:-1}" = 0 ] || for mode in ${MODES:-previz passes}; do java -cp "$CP" PassesBench "$mode" "$production" >/dev/null; done
for ((r = 1; r <= rounds; r++)); do
  for mode in ${MODES:-previz passes}; do
    start=$(date +%s%N)
    # CPU of the JVM and the FFmpeg processes it waits for: steadier than wall time on a shared machine.
    line=$(/usr/bin/time -f "cpu %U s user + %S s system" -o /tmp/passes-bench-cpu.txt \
      java -Djava.awt.headless=true -cp "$CP" PassesBench "$mode" "$production")
    end=$(date +%s%N)
    echo "round $r $line; whole process $(( (end - start) / 1000000 )) ms, $(cat /tmp/passes-bench-cpu.txt); load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
