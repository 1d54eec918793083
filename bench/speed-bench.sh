#!/usr/bin/env bash
# The commands crews run all day (issue 9 §4), as whole processes through the slate launcher, on
# the bench's synthetic feature (120 scenes, 2,000 shots, 40 characters, two to six cast a scene,
# props and dialogue in every scene; nothing rendered). Run from the repository root:
#   bench/speed-bench.sh [RUNS] [BEFORE]
# ONLY, when set, is a word of the measures to run (e.g. ONLY=after for the two after an edit).
# BEFORE, when given, is another checkout (built) whose launcher runs the same commands on the same
# feature, interleaved run by run with this one, so both see the same load. Each figure is the
# median of RUNS runs after one warm-up: wall time, and CPU time (user + system, children included).
# "limit" is `java -version` with the launcher's JVM flags: what any Java process costs here before
# Slate runs a line of its own, measured in the same minutes; ratios are against it.
set -euo pipefail
runs="${1:-7}"
before="${2:-}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package >/dev/null
cp="bench/target/slate-bench.jar:bench/target/lib/*"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
java -cp "$cp" film.slate.bench.SyntheticProduction "$dir/after"
cp -r "$dir/after" "$dir/before"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"

# time_ms FILE COMMAND...: runs COMMAND (stdout dropped), appends "wall_ms cpu_ms" to FILE.
time_ms() {
  local file="$1"; shift
  local t; t="$(mktemp)"
  /usr/bin/time -f '%e %U %S %R' -o "$t" "$@" >/dev/null 2>"$dir/stderr" || [ $? = 1 ]
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$t" >>"$file"
  awk '{print $4}' "$t" >>"$file.faults"
  rm -f "$t"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
report() {
  local name="$1" file="$2"
  [ -s "$file" ] || return 0
  echo "$name: wall $(cut -d' ' -f1 "$file" | median) ms, cpu $(cut -d' ' -f2 "$file" | median) ms (median of $(wc -l <"$file"))"
}
faults() {
  [ -s "$2" ] || return 0
  echo "$1: $(median <"$2") minor page faults (median)"
}
# Appends a word to the first shot's action of one scene file: an edit a crew makes all day.
edit_one_scene() {
  local f; f="$1/shots/$(printf %03d $(( (RANDOM % 120) + 1 ))).yaml"
  sed -i "0,/    action: /s//    action: edited $RANDOM /" "$f"
}
# measure NAME EDIT ARGS...: the command through each launcher, interleaved.
measure() {
  local name="$1" edit="$2"; shift 2
  [[ -z "${ONLY:-}" || "$name" == *"$ONLY"* ]] || return 0
  local key; key="$(echo "$name" | tr -c 'a-z0-9' '_')"
  for i in $(seq 0 "$runs"); do
    for side in after before; do
      local launcher=./slate
      if [ "$side" = before ]; then
        [ -n "$before" ] || continue
        launcher="$before/slate"
      fi
      [ "$edit" = edit ] && edit_one_scene "$dir/$side"
      if [ "$i" = 0 ]; then "$launcher" "$1" "$dir/$side" "${@:2}" >/dev/null 2>&1 || true; continue; fi
      time_ms "$dir/$key.$side" "$launcher" "$1" "$dir/$side" "${@:2}"
    done
    if [ "$i" -gt 0 ]; then time_ms "$dir/$key.limit" java -XX:TieredStopAtLevel=1 -Xshare:auto -version; fi
  done
  report "$name, before" "$dir/$key.before"
  report "$name, after" "$dir/$key.after"
  report "$name, limit (java -version)" "$dir/$key.limit"
  faults "$name, before" "$dir/$key.before.faults"
  faults "$name, after" "$dir/$key.after.faults"
}
measure "slate check" same check
measure "slate status --format json" same status --format json
measure "slate build --dry-run" same build --dry-run
measure "slate status --format json after editing one scene file" edit status --format json
measure "slate build --dry-run after editing one scene file" edit build --dry-run
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
