#!/usr/bin/env bash
# `slate demo` (issue 9 §4: <= 30 s on two idle cores) as a whole process through the launcher, a fresh
# folder each run. Run from the repository root:
#   bench/demo-bench.sh [RUNS] [BEFORE]
# BEFORE, when given, is another checkout (built) whose launcher runs the demo too, interleaved run by run
# (the order alternating each round), so both see the same load. Each run prints its wall time, CPU time
# (user + system of the whole process tree) and the load average before and after it. The first round's
# two demos are then compared: every master and proxy (the store's non-JSON objects, named by their
# SHA-256) and every file of the storyboard (stills, animatic, page) must be the same bytes.
set -euo pipefail
runs="${1:-3}"
before="${2:-}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package >/dev/null
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1)"

load() { cut -d' ' -f1 /proc/loadavg; }
# demo SIDE RUN: one demo through SIDE's launcher into a fresh folder; prints one line.
demo() {
  local side="$1" run="$2" launcher=./slate
  [ "$side" = after ] || launcher="$before/slate"
  local t; t="$(mktemp)"
  local from; from="$(load)"
  /usr/bin/time -f '%e %U %S' -o "$t" "$launcher" demo "$dir/$side-$run" >"$dir/$side-$run.out" 2>&1
  read -r wall user sys <"$t"
  rm -f "$t"
  echo "$side run $run: wall $wall s, cpu $(echo "$user + $sys" | bc) s ($user user + $sys sys), load $from -> $(load)"
}
# The masters and proxies of a demo, by name (SHA-256) and kind.
videos() {
  find "$1/.slate/objects" -type f | while read -r f; do
    kind="$(file -b "$f" | cut -c1-12)"
    case "$kind" in JSON*|ASCII*) ;; *) echo "$(basename "$f") $kind" ;; esac
  done | sort
}
for i in $(seq 1 "$runs"); do
  sides="after before"
  [ $((i % 2)) = 0 ] && sides="before after"
  for side in $sides; do
    [ "$side" = after ] || [ -n "$before" ] || continue
    demo "$side" "$i"
    [ "$i" = 1 ] || rm -rf "${dir:?}/$side-$i"
  done
done
if [ -n "$before" ]; then
  if diff <(videos "$dir/after-1") <(videos "$dir/before-1") >/dev/null &&
    diff -r "$dir/after-1/.slate/board" "$dir/before-1/.slate/board" >/dev/null; then
    echo "outputs: the same $(videos "$dir/after-1" | wc -l) masters and proxies and the same storyboard files"
  else
    echo "outputs: DIFFERENT"
    exit 1
  fi
fi
