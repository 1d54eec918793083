#!/usr/bin/env bash
# Conform benchmark (issue 15): a rough cut of examples/lighthouse (36 shots, built with previz) as a
# whole process, against FFmpeg alone joining and encoding the same masters with the same encoder
# settings (the limit: what any conform must at least pay). RUNS runs each after one warm-up.
# Run from the repository root: bench/conform-bench.sh [RUNS]   (PRODUCTION=DIR: a built copy to use)
set -euo pipefail
runs="${1:-3}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package -pl slate-cli -am >/dev/null
jar="${JAR:-slate-cli/target/slate-cli.jar}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
if [ -n "${PRODUCTION:-}" ]; then # an already built copy of the example (slate demo DIR makes one)
  cp -r "$PRODUCTION" "$dir/p"; rm -rf "$dir/p/cut"
else
  cp -r examples/lighthouse "$dir/p"
  java -jar "$jar" build "$dir/p" --jobs 2 >/dev/null
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" conform "$dir/p" --out "$dir/cut" --allow-unapproved --json > "$dir/cut.json"
ff_dir="$(dirname "$(find "${HOME}/.cache/slate/javacpp" -name ffmpeg -type f | head -1)")"
export LD_LIBRARY_PATH="$ff_dir"
enc=libopenh264; "$ff_dir/ffmpeg" -hide_banner -encoders 2>/dev/null | grep -q ' libx264 ' && enc=libx264
# The same graph conform runs: each master cut to its frames, joined, H.264, tmcd from 01:00:00:00.
inputs=(); graph=""; i=0
while read -r master frames; do
  inputs+=(-i "$dir/cut/$master")
  graph+="[$i:v]trim=end_frame=$frames,setpts=PTS-STARTPTS[p$i];"
  i=$((i + 1))
done < <(python3 -c "
import json,sys
t=json.load(open('$dir/cut/cut.otio'))
for c in t['tracks']['children'][0]['children']:
    print(c['media_references']['DEFAULT_MEDIA']['target_url'], int(c['source_range']['duration']['value']))")
for j in $(seq 0 $((i - 1))); do graph+="[p$j]"; done
graph+="concat=n=$i:v=1:a=0[cut]"
rate=$(python3 -c "import json; m=json.load(open('$dir/cut/manifest.json')); print(max(400000, m['width']*m['height']*m['fps']//2))")
opts=(-c:v "$enc"); [ "$enc" = libx264 ] && opts+=(-preset veryfast -crf 16) || opts+=(-b:v "$rate")
measure() {
  local name="$1"; shift
  local times=()
  for k in $(seq 0 "$runs"); do
    rm -rf "$dir/out" "$dir/ff.mp4"
    local s=$(date +%s%N)
    "$@" >/dev/null
    local e=$(date +%s%N)
    [ "$k" -gt 0 ] && times+=($(( (e - s) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$name: runs ${#sorted[@]}  min ${sorted[0]} ms  median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  max ${sorted[-1]} ms"
}
measure "slate conform --allow-unapproved (36 shots, all formats)" java -jar "$jar" conform "$dir/p" --out "$dir/out" --allow-unapproved
measure "ffmpeg alone, same masters and encoder" "$ff_dir/ffmpeg" -hide_banner -loglevel error -nostdin -y "${inputs[@]}" \
  -filter_complex "$graph" -map "[cut]" "${opts[@]}" -pix_fmt yuv420p -timecode 01:00:00:00 -f mp4 "$dir/ff.mp4"
