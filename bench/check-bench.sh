#!/usr/bin/env bash
# slate check on the synthetic feature (120 scenes, 2,000 shots, 40 characters, ~110 pages):
# in process with JMH, and as a whole process from a cold JVM. Run from the repository root.
set -euo pipefail
runs="${1:-10}"
mvn -B -q -DskipTests package >/dev/null
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
java -cp "bench/target/slate-bench.jar:bench/target/lib/*" film.slate.bench.SyntheticProduction "$dir/feature"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java -cp "bench/target/slate-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main CheckBenchmark 2>&1 | grep -E "^Benchmark|CheckBenchmark"
times=()
for i in $(seq 1 $((runs + 2))); do
  start=$(date +%s%N)
  java -jar slate-cli/target/slate-cli.jar check "$dir/feature" >/dev/null
  end=$(date +%s%N)
  [ "$i" -gt 2 ] && times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "slate check, whole process: runs ${#sorted[@]}  min ${sorted[0]} ms  median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  max ${sorted[-1]} ms"
