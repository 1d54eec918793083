#!/usr/bin/env bash
# Conform benchmark (issue 15): a rough cut of examples/lighthouse (36 shots, built with previz) as a
# whole process, against FFmpeg alone joining and encoding the same masters with the same encoder
# settings (the limit: what any conform must at least pay). RUNS runs each after one warm-up.
# Run from the repository root: bench/conform-bench.sh [RUNS]   (PRODUCTION=DIR: a built copy to use;
# KEEP_PRODUCTION=DIR: keep the copy built here for later runs). Each line gives wall time and the CPU
# time (user+sys) of the process, and the load average before the runs; the ratio is ffmpeg's median
# wall time over conform's, both measured in this run. Conform runs through the launcher (./slate), as crews
# run it: its JVM options and class-data-sharing archive (made at the first, unmeasured run) included.
# BEFORE=DIR (a built checkout of another commit): its conform is measured too, interleaved round by round.
set -euo pipefail
runs="${1:-3}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package -pl slate-cli -am >/dev/null
jar="${JAR:-slate-cli/target/slate-cli.jar}"
slate="${SLATE:-./slate}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
if [ -n "${PRODUCTION:-}" ]; then # an already built copy of the example (slate demo DIR makes one)
  cp -r "$PRODUCTION" "$dir/p"; rm -rf "$dir/p/cut"
else
  cp -r examples/lighthouse "$dir/p"
  java -jar "$jar" build "$dir/p" --jobs 2 >/dev/null
  [ -z "${KEEP_PRODUCTION:-}" ] || { rm -rf "$KEEP_PRODUCTION"; cp -r "$dir/p" "$KEEP_PRODUCTION"; }
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$slate" conform "$dir/p" --out "$dir/cut" --allow-unapproved --json > "$dir/cut.json"
ff_dir="$(dirname "$(find "${XDG_CACHE_HOME:-${HOME}/.cache}/slate/javacpp" -name ffmpeg -type f | head -1)")"
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
TIMEFORMAT='%R %U %S'
median() { sort -n | awk '{v[NR]=$1} END {print v[int(NR/2)+1]}'; }
# One timed run of "$@" into the lists walls_NAME and cpus_NAME (milliseconds), unless it is the warm-up.
once() {
  local name="$1" k="$2"; shift 2
  rm -rf "$dir/out" "$dir/ff.mp4"
  { time "$@" >/dev/null; } 2> "$dir/time"
  read -r real user sys < <(tail -1 "$dir/time")
  [ "$k" -gt 0 ] || return 0
  eval "walls_$name+=(\"$(awk -v r="$real" 'BEGIN {printf "%d", r * 1000}')\")"
  eval "cpus_$name+=(\"$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')\")"
}
report() {
  local name="$1" label="$2" w c
  eval "local ws=(\"\${walls_$name[@]}\") cs=(\"\${cpus_$name[@]}\")"
  w="$(printf '%s\n' "${ws[@]}" | median)"; c="$(printf '%s\n' "${cs[@]}" | median)"
  echo "$label: runs ${#ws[@]}  wall median $w ms (all: ${ws[*]})  cpu median $c ms (all: ${cs[*]})"
  eval "wall_$name=$w cpu_$name=$c"
}
ratio() { awk -v f="$1" -v c="$2" 'BEGIN {printf "%.2f", f / c}'; }
ffmpeg_alone=("$ff_dir/ffmpeg" -hide_banner -loglevel error -nostdin -y "${inputs[@]}" \
  -filter_complex "$graph" -map "[cut]" "${opts[@]}" -pix_fmt yuv420p -timecode 01:00:00:00 -f mp4 "$dir/ff.mp4")
# Interleaved: each round runs every contender once, so a minute's load falls on all of them alike.
# BEFORE=DIR: another built tree whose launcher is measured too (its class archive made at its warm-up).
walls_conform=(); cpus_conform=(); walls_before=(); cpus_before=(); walls_ffmpeg=(); cpus_ffmpeg=()
echo "load before $(cut -d' ' -f1-3 /proc/loadavg)"
for k in $(seq 0 "$runs"); do
  [ -z "${BEFORE:-}" ] || once before "$k" "$BEFORE/slate" conform "$dir/p" --out "$dir/out" --allow-unapproved
  once conform "$k" "$slate" conform "$dir/p" --out "$dir/out" --allow-unapproved
  once ffmpeg "$k" "${ffmpeg_alone[@]}"
done
report conform "slate conform --allow-unapproved (36 shots, all formats)"
report ffmpeg "ffmpeg alone, same masters and encoder"
echo "ratio (ffmpeg alone / slate conform, median wall): $(ratio "$wall_ffmpeg" "$wall_conform")  (median cpu): $(ratio "$cpu_ffmpeg" "$cpu_conform")   load after $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BEFORE:-}" ]; then
  report before "before ($BEFORE)"
  echo "ratio before (ffmpeg alone / before): wall $(ratio "$wall_ffmpeg" "$wall_before")  cpu $(ratio "$cpu_ffmpeg" "$cpu_before")"
fi
