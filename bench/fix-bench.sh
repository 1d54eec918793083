#!/usr/bin/env bash
# Fix benchmark (issue 14): on examples/lighthouse's 1/1A (5 s, 1280x720, 24 fps, previz), a fix of a
# one-second region (frames 24-47, a 640x360 rectangle, time of day changed) against a full re-render
# of the same take (slate render of its recipe), and the composite step (laying the backend's frames
# into the parent's, as slate fix reports it) against FFmpeg alone decoding and encoding the same
# master (FFV1, the same settings). RUNS runs each after one warm-up.
# Run from the repository root: bench/fix-bench.sh [RUNS]
set -euo pipefail
runs="${1:-3}"
[ "${SKIP_PACKAGE:-}" = 1 ] || mvn -B -q -o -DskipTests package -pl slate-cli -am >/dev/null
jar="${JAR:-slate-cli/target/slate-cli.jar}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cp -r examples/lighthouse "$dir/p"
java -jar "$jar" build "$dir/p" --shots 1/1A --takes 1 >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" recipe 1/1A "$dir/p" > "$dir/recipe.json" 2>/dev/null
hash="$(java -jar "$jar" history 1/1A "$dir/p" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['takes'][0]['versions'][0]['master'])")"
master_path="$dir/p/.slate/objects/sha256/${hash:0:2}/${hash:2}"
ff_dir="$(dirname "$(find "${XDG_CACHE_HOME:-${HOME}/.cache}/slate/javacpp" -name ffmpeg -type f | head -1)")"
export LD_LIBRARY_PATH="$ff_dir"
measure() {
  local name="$1"; shift
  local times=()
  for k in $(seq 0 "$runs"); do
    rm -rf "$dir/out" "$dir/ff.mkv"
    local s=$(date +%s%N)
    RUN="$k" "$@" >"$dir/last.txt"
    local e=$(date +%s%N)
    [ "$k" -gt 0 ] && times+=($(( (e - s) / 1000000 )))
    cat "$dir/last.txt" >> "$dir/all.txt"
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$name: runs ${#sorted[@]}  min ${sorted[0]} ms  median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  max ${sorted[-1]} ms"
}
fix() { java -jar "$jar" fix 1/1A "$dir/p" --take 1 --version 1 --frames 24-47 --region 320,180,640,360 \
  --set time=DAY --prompt "bench run $RUN.$(date +%s%N)"; }
measure "full re-render of the take (slate render)" java -jar "$jar" render "$dir/recipe.json" --out "$dir/out"
: > "$dir/all.txt"
measure "slate fix, 1 s region (whole process)" fix
measure "ffmpeg alone: decode + encode the same master (FFV1)" "$ff_dir/ffmpeg" -hide_banner -loglevel error -nostdin -y \
  -i "$master_path" -c:v ffv1 -level 3 -g 1 -slicecrc 1 -pix_fmt bgr0 -f matroska "$dir/ff.mkv"
echo "composite step per fix (ms, as slate fix reports it):" $(grep -o 'composite step [0-9.]* ms' "$dir/all.txt" | awk '{print $3}')
