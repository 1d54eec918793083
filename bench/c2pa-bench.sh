#!/usr/bin/env bash
# C2PA cost of a delivery (issue 15): slate conform of the example as a whole process (RUNS runs after
# a warm-up), and the C2PA signing alone of the same MP4s it signs (the 36 clip proxies, unsigned, from
# the store, and the cut remuxed without its manifest), so the share signing takes is measured in one run.
# Run from the repository root: bench/c2pa-bench.sh [RUNS]   (PRODUCTION=DIR: a built copy of the example)
set -euo pipefail
runs="${1:-3}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package -pl bench -am >/dev/null
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
# Copies of the jars, so a build running meanwhile cannot change them under the measurement.
mkdir "$dir/cli" "$dir/bench"
cp -r slate-cli/target/slate-cli.jar slate-cli/target/lib "$dir/cli/"
cp -r bench/target/slate-bench.jar bench/target/lib "$dir/bench/"
jar="$dir/cli/slate-cli.jar"
if [ -n "${PRODUCTION:-}" ]; then
  cp -r "$PRODUCTION" "$dir/p"; rm -rf "$dir/p/cut" "$dir/p/.slate/signing"
else
  cp -r examples/lighthouse "$dir/p"
  java -jar "$jar" build "$dir/p" --jobs 2 >/dev/null
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for k in $(seq 0 "$runs"); do
  rm -rf "$dir/out"
  s=$(date +%s%N)
  java -jar "$jar" conform "$dir/p" --out "$dir/out" --allow-unapproved >/dev/null
  e=$(date +%s%N)
  [ "$k" -gt 0 ] && times+=($(( (e - s) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "slate conform --allow-unapproved (all formats, signed): runs ${#sorted[@]}  min ${sorted[0]} ms  median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  max ${sorted[-1]} ms"
ff_dir="$(dirname "$(find "${XDG_CACHE_HOME:-${HOME}/.cache}/slate/javacpp" -name ffmpeg -type f | head -1)")"
LD_LIBRARY_PATH="$ff_dir" "$ff_dir/ffmpeg" -hide_banner -loglevel error -nostdin -y -i "$dir/out/cut.mp4" -map 0:v -c copy \
  -movflags +faststart "$dir/cut-unsigned.mp4"
mapfile -t proxies < <(python3 -c "
import json
for c in json.load(open('$dir/out/provenance.json'))['clips']:
    if c.get('proxy'): print('$dir/p/.slate/objects/sha256/' + c['proxy'][:2] + '/' + c['proxy'][2:])")
java -cp "$dir/bench/slate-bench.jar:$dir/bench/lib/*" film.slate.bench.C2paSigningBench "$runs" "${proxies[@]}" \
  "$dir/cut-unsigned.mp4"
