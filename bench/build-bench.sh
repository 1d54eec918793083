#!/usr/bin/env bash
# Build benchmarks (issue 4) on the tests' synthetic production, 200 scenes x 10 shots = 2,000
# shots, 2,400 takes: a full build with the test-pattern generator, then RUNS whole-process runs of
# a no-op `slate build` and of `slate status --format json` (after one warm-up each), then the
# recipe compile benchmark (JMH) and the job-runner harness with the no-op backend. Run from the repository root: bench/build-bench.sh [RUNS]
set -euo pipefail
runs="${1:-10}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package >/dev/null
cp="bench/target/slate-bench.jar:bench/target/lib/*"
main=film.slate.bench.TestPatternSlate # slate with the test-pattern generator for type previz
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
java -cp "$cp" film.slate.bench.TestProduction "$dir/p"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
java -cp "$cp" "$main" build "$dir/p" --jobs 2 | tail -1
echo "full build --jobs 2 (test pattern), whole process: $(( ($(date +%s%N) - start) / 1000000 )) ms"
measure() {
  local name="$1"; shift
  local times=()
  for i in $(seq 0 "$runs"); do
    local s=$(date +%s%N)
    java "$@" >/dev/null
    local e=$(date +%s%N)
    [ "$i" -gt 0 ] && times+=($(( (e - s) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$name: runs ${#sorted[@]}  min ${sorted[0]} ms  median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  max ${sorted[-1]} ms"
}
measure "no-op slate build" -cp "$cp" "$main" build "$dir/p"
measure "slate status --format json" -cp "$cp" "$main" status "$dir/p" --format json
measure "slate status --format json, C1 only (-XX:TieredStopAtLevel=1)" -XX:TieredStopAtLevel=1 -cp "$cp" "$main" \
  status "$dir/p" --format json
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" org.openjdk.jmh.Main RecipeCompileBenchmark 2>&1 | grep -E "^Benchmark|RecipeCompileBenchmark.compile "
java -cp "$cp" film.slate.bench.RunnerBench 200 2 3
java -cp "$cp" film.slate.bench.RunnerBench 200 8 2
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
