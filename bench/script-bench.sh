#!/usr/bin/env bash
# Whole-process timing of `slate script` and `slate breakdown` on a generated 150-page screenplay.
# Usage: bench/script-bench.sh [RUNS] [feature]   (from the repository root; builds the jar if it is missing;
# "feature" runs only the issue 11 part: breakdown of a 120-page screenplay in Fountain and Final Draft)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
JAR=${SLATE_JAR:-slate-cli/target/slate-cli.jar}
if [ ! -f "$JAR" ] || [ ! -d slate-core/target/test-classes ]; then
  mvn -B -q -DskipTests package test-compile >/dev/null
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -cp slate-core/target/test-classes:slate-core/target/classes \
  film.slate.core.screenplay.ScreenplayGenerator "$WORK/screenplay.fountain" 150 150
printf 'title: Bench\nid: bench\nscreenplay: screenplay.fountain\n' > "$WORK/slate.yaml"
java -jar "$JAR" breakdown "$WORK" | grep '^Totals'

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
run() {
  local name=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs "$RUNS" -N "$*"
    return
  fi
  "$@" >/dev/null; "$@" >/dev/null   # warm the file cache
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v runs="$RUNS" '
    { t[NR] = $1; sum += $1 }
    END { printf "%-28s runs %d  min %d ms  median %d ms  mean %d ms  max %d ms\n",
          name, runs, t[1], t[int((NR + 1) / 2)], sum / NR, t[NR] }'
}
if [ "${2:-}" != feature ]; then
run "slate script (text)" java -jar "$JAR" script "$WORK"
run "slate script --format json" java -jar "$JAR" script "$WORK" --format json
run "slate breakdown (text)" java -jar "$JAR" breakdown "$WORK"
run "slate breakdown --format html" java -jar "$JAR" breakdown "$WORK" --format html
fi

# Issue 11: `slate breakdown` on a 120-page screenplay in Fountain and in Final Draft (limit 1 s each),
# with the JVM flags the launcher uses for breakdown; wall time, and CPU time (user + sys), which load
# on the machine does not inflate. `slate --version` is the floor: a JVM that starts and stops.
java -cp slate-core/target/test-classes:slate-core/target/classes \
  film.slate.core.screenplay.ScreenplayGenerator "$WORK/feature.fountain" 120 120
java -jar "$JAR" script "$WORK/feature.fountain" --format fdx > "$WORK/feature.fdx"
java -jar "$JAR" breakdown "$WORK/feature.fdx" | grep '^Totals'
echo "feature.fdx: $(wc -c < "$WORK/feature.fdx") bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
QUICK=(java -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -jar "$JAR")
cpu() {
  local name=$1; shift
  local cpus=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%U %S' -o "$WORK/cpu" "$@" >/dev/null 2>&1
    cpus+=($(awk '{ printf "%d", ($1 + $2) * 1000 }' "$WORK/cpu"))
  done
  printf '%s\n' "${cpus[@]}" | sort -n | awk -v name="$name" '
    { t[NR] = $1 } END { printf "%-28s CPU (user+sys) min %d ms  median %d ms  max %d ms\n", name, t[1],
      t[int((NR + 1) / 2)], t[NR] }'
}
run "slate --version (floor)" "${QUICK[@]}" --version
run "slate breakdown 120 p .fountain" "${QUICK[@]}" breakdown "$WORK/feature.fountain"
run "slate breakdown 120 p .fdx" "${QUICK[@]}" breakdown "$WORK/feature.fdx"
if [ -x /usr/bin/time ]; then
  cpu "slate --version (floor)" "${QUICK[@]}" --version
  cpu "slate breakdown 120 p .fountain" "${QUICK[@]}" breakdown "$WORK/feature.fountain"
  cpu "slate breakdown 120 p .fdx" "${QUICK[@]}" breakdown "$WORK/feature.fdx"
fi
