#!/usr/bin/env bash
# The commands crews run all day (issue 9 §4), as whole processes through the ./slate launcher, on
# the synthetic feature (120 scenes, 2,000 shots, 40 characters, up to 6 cast a scene, props and
# dialogue in every scene; nothing rendered). For each command: RUNS runs after one warm-up, median.
# The "limit" line is `java -version` through the same JVM flags: what a process costs before Slate
# runs a line of its own, measured in the same minutes. Run from the repository root:
#   bench/speed-bench.sh [RUNS]
set -euo pipefail
runs="${1:-7}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package >/dev/null
cp="bench/target/slate-bench.jar:bench/target/lib/*"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
java -cp "$cp" film.slate.bench.SyntheticProduction "$dir/feature"
p="$dir/feature"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
median() {
  local sorted=($(printf '%s\n' "$@" | sort -n))
  echo "runs ${#sorted[@]}  min ${sorted[0]} ms  median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  max ${sorted[-1]} ms"
}
# measure NAME [--before CMD] -- COMMAND...: CMD (untimed) runs before each timed run.
measure() {
  local name="$1"; shift
  local before=""
  if [ "$1" = --before ]; then before="$2"; shift 2; fi
  [ "$1" = -- ] && shift
  local times=()
  for i in $(seq 0 "$runs"); do
    [ -n "$before" ] && eval "$before"
    local s=$(date +%s%N)
    "$@" >/dev/null || [ $? = 1 ]
    local e=$(date +%s%N)
    [ "$i" -gt 0 ] && times+=($(( (e - s) / 1000000 )))
  done
  echo "$name: $(median "${times[@]}")"
}
# Appends a word to one shot's action in one scene file (a different scene each time): an edit a
# crew makes, which changes that scene's recipes and nothing else.
edit_one_scene() {
  local n=$(( (RANDOM % 120) + 1 ))
  local f="$p/shots/$(printf %03d "$n").yaml"
  sed -i "0,/    action: /s//    action: edited $RANDOM /" "$f"
}
measure "limit: java -version (same JVM, no Slate)" -- java -XX:TieredStopAtLevel=1 -Xshare:auto -version 2>/dev/null
measure "slate check" -- ./slate check "$p"
measure "slate status --format json" -- ./slate status "$p" --format json
measure "slate build --dry-run" -- ./slate build "$p" --dry-run
measure "slate status --format json after editing one scene file" --before edit_one_scene -- ./slate status "$p" --format json
measure "slate build --dry-run after editing one scene file" --before edit_one_scene -- ./slate build "$p" --dry-run
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
