#!/usr/bin/env bash
# Fuzz attnview's readers: builds attnview-fuzz (release) and runs every target (or those named)
# for SECONDS each, from the test fixtures as seeds, under an address-space limit so that a
# runaway allocation is a crash with its input saved rather than a machine swapping. Findings go
# to .fuzz-findings/<target>/; a crash leaves crash.bin, a hang hang.bin. Reproduce with the same
# --seed. CI runs a short fixed-seed pass inside `swift test` (Tests/AttnFuzzTests).
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]        e.g.  bash scripts/fuzz.sh 300 png pth-zip
#   FUZZ_SEED=7 FUZZ_MEMORY_GB=4 bash scripts/fuzz.sh 60
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
seed="${FUZZ_SEED:-$(date +%s)}"
memory_gb="${FUZZ_MEMORY_GB:-4}"
swift build -c release --product attnview-fuzz >/dev/null || exit 2
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(png jpeg safetensors pth-zip pth-legacy set)
status=0
for target in "${targets[@]}"; do
    ( ulimit -v $((memory_gb * 1024 * 1024)); exec .build/release/attnview-fuzz "$target" --seconds "$seconds" --seed "$seed" )
    rc=$?
    case $rc in
        0) ;;
        1) echo "$target: findings under .fuzz-findings/$target"; status=1 ;;
        3) echo "$target: a run hung; its input is .fuzz-findings/$target/hang.bin"; status=1 ;;
        *) echo "$target: crashed (status $rc); its input is .fuzz-findings/$target/crash.bin"; status=1 ;;
    esac
done
exit $status
