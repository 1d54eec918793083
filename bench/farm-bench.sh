#!/usr/bin/env bash
# Farm benchmark (issue 17): 2,400 takes with the no-op backend through one store, rendered by 1, 2
# and 4 worker processes on PostgreSQL (a throw-away PostgreSQL 15 cluster on a free local port,
# default durability: fsync and synchronous_commit on), against 1 worker process on SQLite; then
# the cost of a dead-worker recovery (2 workers, one killed with SIGKILL, default dead-after 16 s).
# Each run first renders a warm-up batch (WARMUP takes, default 2,400: the cold line, as earlier runs
# printed the whole run), then the measured batch, queued before the warm-up and released at once to
# the warm workers (the warm lines). Each figure comes with the CPU time of the worker processes (and
# of PostgreSQL) and the load average.
# Run from the repository root: bench/farm-bench.sh [JOBS]  (JOBS: job slots a worker, default 32)
# (SLATE_BENCH_JARS=DIR: another build's slate-bench.jar and lib/, to compare builds in the same minutes;
# SLATE_BENCH_WORKER_JVM="OPTIONS": the worker JVMs' options instead of `slate worker`'s (slate-cli's
# worker-jvm.options, the default), e.g. -XX:TieredStopAtLevel=1, or empty for the JVM's defaults; WORKERS="4": only those worker counts on PostgreSQL; QUICK=1: no RunnerBench, SQLite or kill run;
# WARMUP=N: takes of the warm-up batch, 0 for none; SCENES=N: the measured batch's scenes, 12 takes each, default 200)
set -euo pipefail
jobs="${1:-32}"   # a worker's job slots: with a no-op backend, how many takes a worker holds at once
jars="${SLATE_BENCH_JARS:-bench/target}"
[ "${SKIP_PACKAGE:-}" = 1 ] || [ -n "${SLATE_BENCH_JARS:-}" ] || mvn -B -q -o -DskipTests package -pl bench -am >/dev/null
cp="$jars/slate-bench.jar:$jars/lib/*"
. bench/throwaway-postgres.sh
start_throwaway_postgres
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $("$bin/postgres" --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
wj="-Dslate.bench.none="
[ -z "${SLATE_BENCH_WORKER_JVM+set}" ] || wj="-Dslate.bench.workerJvm=$SLATE_BENCH_WORKER_JVM"
sizes=(-Dslate.bench.warmup="${WARMUP:-2400}" -Dslate.bench.scenes="${SCENES:-200}")
shown="${SLATE_BENCH_WORKER_JVM-as slate worker runs: worker-jvm.options of slate-cli}"
echo "worker JVM options: ${shown:-none, the defaults of the JVM}; $jobs job slots a worker;" \
  "warm-up ${WARMUP:-2400} takes, measured batch ${SCENES:-200} scenes x 12 takes"
if [ "${QUICK:-}" != 1 ]; then
  java -cp "$cp" film.slate.bench.RunnerBench 200 "$jobs" 1   # the same-run reference: the in-process build runner on SQLite
  java "$wj" "${sizes[@]}" -cp "$cp" film.slate.bench.FarmBench sqlite 1 "$jobs"
fi
pm="-Dslate.bench.postmaster=$(head -1 "$dir/data/postmaster.pid")"   # PostgreSQL's CPU time is read from its /proc
for w in ${WORKERS:-1 2 4}; do
  java "$pm" "$wj" "${sizes[@]}" -cp "$cp" film.slate.bench.FarmBench "postgresql://127.0.0.1:$port" "$w" "$jobs"
done
[ "${QUICK:-}" = 1 ] || java "$pm" "$wj" "${sizes[@]}" -cp "$cp" film.slate.bench.FarmBench "postgresql://127.0.0.1:$port" 2 "$jobs" kill
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
