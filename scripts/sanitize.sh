#!/usr/bin/env bash
# The test suite under the sanitizers, by hand (CI runs plain `swift test`: each sanitizer is a
# full rebuild and runs two to four times slower). address: the whole suite under ASan with leak
# checking (Foundation's own leaks suppressed, scripts/sanitizers/lsan.supp); thread: the suites
# that run work on several threads (the engine's parallel kernels, batch export, the decode
# admission, the TUI loop) under TSan. Each builds into its own scratch folder.
#   bash scripts/sanitize.sh [address|thread|all]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"

if [[ "$which" == address || "$which" == all ]]; then
    ASAN_OPTIONS="detect_leaks=1" \
    LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0" \
        swift test --sanitize=address --scratch-path .build-asan
fi

if [[ "$which" == thread || "$which" == all ]]; then
    TSAN_OPTIONS="halt_on_error=1" \
        swift test --sanitize=thread --scratch-path .build-tsan \
        --filter 'AttnEngineTests|AttnExportTests|DecodeAdmission|ViewSessionLoop|AttnBlocksTests|AttnModelsTests'
fi
