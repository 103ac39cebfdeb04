#!/usr/bin/env bash
# Measures the time from launching `attnview IMAGE OPTIONS` in a tmux pane to its first frame on
# screen (the layer list drawn), N times, and prints the median, min and max. OPTIONS is a block
# name (probes on Lite0) or attnview options.
#
#   scripts/measure_first_frame.sh [binary] [image] [module|options] [runs]
#   scripts/measure_first_frame.sh .build/release/attnview samples/cat.png cbam 10
#   scripts/measure_first_frame.sh .build/release/attnview samples/cat.png "--model cbam_resnet50 --weights w.pth" 10
set -euo pipefail
binary=${1:-.build/release/attnview}
image=${2:-samples/cat.png}
module=${3:-cbam}
runs=${4:-10}
case "$module" in -*) options=$module ;; *) options="--module $module" ;; esac

times=()
for i in $(seq 1 "$runs"); do
    socket="attnview-measure-$$-$i"
    tmux -L "$socket" -f /dev/null new-session -d -s m -x 120 -y 40 "sleep 30"
    start=$(date +%s.%N)
    tmux -L "$socket" respawn-pane -k -t m "$binary $image $options"
    until tmux -L "$socket" capture-pane -p -t m 2>/dev/null | grep -q "layers"; do sleep 0.005; done
    end=$(date +%s.%N)
    tmux -L "$socket" kill-server
    times+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v m="$module" '{ a[NR] = $1 } END {
    printf "first frame, %s, %d runs: median %.3f s (min %.3f, max %.3f)\n", m, NR, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
