#!/usr/bin/env bash
# Profile of the farm path (issue 17): one FarmBench run (STORE WORKERS JOBS; default PostgreSQL, 1 x 4; its warm-up
# batch then the measured one, as bench/farm-bench.sh runs them; WARMUP=N takes of warm-up, 0 for one cold batch)
# with JFR (settings=profile) on every worker process and pg_stat_statements on a throw-away
# PostgreSQL 15 cluster; prints the statements by calls and by time, and the workers' hottest
# methods (SLATE_PROFILE_JFR=0: no JFR; SLATE_BENCH_JARS=DIR: another build's jars). Run from the repository root after packaging the bench module: bench/farm-profile.sh [WORKERS] [JOBS]
set -euo pipefail
workers="${1:-1}"; jobs="${2:-4}"
jars="${SLATE_BENCH_JARS:-bench/target}"   # another build's slate-bench.jar and lib/, to compare in the same minutes
cp="$jars/slate-bench.jar:$jars/lib/*"
out="${SLATE_PROFILE_OUT:-$(mktemp -d)}"; mkdir -p "$out"
jfr="-Dslate.bench.workerJvmMore=-XX:StartFlightRecording=settings=profile,filename=$out/w%d.jfr"
[ "${SLATE_PROFILE_JFR:-1}" = 1 ] || jfr="-Dslate.bench.none="
. bench/throwaway-postgres.sh
on_postgres_exit 'cp "$dir/server.log" "$out/" 2>/dev/null'
start_throwaway_postgres -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all
psql() { PGPASSWORD="$SLATE_DB_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$port" -U slate -d postgres -X -q "$@"; }
psql -c 'CREATE EXTENSION pg_stat_statements'
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
java "-Dslate.bench.postmaster=$(head -1 "$dir/data/postmaster.pid")" \
  "$jfr" -Dslate.bench.warmup="${WARMUP:-2400}" \
  -cp "$cp" film.slate.bench.FarmBench "postgresql://127.0.0.1:$port" "$workers" "$jobs"
psql -P pager=off -c "SELECT calls, round(total_exec_time::numeric, 0) AS ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 40"
[ ! -f "$out/w0.jfr" ] || jfr print --events jdk.ExecutionSample "$out/w0.jfr" | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' \
  | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -30
echo "JFR recordings in $out; load $(cut -d' ' -f1-3 /proc/loadavg)"
