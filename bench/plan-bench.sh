#!/usr/bin/env bash
# slate plan over a 120-scene feature (2 to 6 characters a scene, random marks, rooms and dialogue):
# every scene planned in one whole process, from a cold JVM, with the time per scene by cast size.
# Run from the repository root: bench/plan-bench.sh [RUNS]
set -euo pipefail
runs="${1:-3}"
mvn -B -q -o -DskipTests -pl bench -am package >/dev/null
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  rm -rf "$dir/feature"
  echo "load average before run $i: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s%N)
  java -cp "bench/target/slate-bench.jar:bench/target/lib/*" film.slate.bench.PlanFeature "$dir/feature"
  end=$(date +%s%N)
  echo "run $i: whole process $(( (end - start) / 1000000 )) ms (writing the feature included)"
done
