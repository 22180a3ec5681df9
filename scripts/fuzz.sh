#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of one target, or of each in turn:
#
#   scripts/fuzz.sh TARGET SECONDS     e.g. scripts/fuzz.sh parse_text 60
#   scripts/fuzz.sh all SECONDS        every target in fuzz/fuzz_targets, one after another
#
# Starts from the committed seeds (fuzz/corpus/TARGET) and grows a local corpus
# (fuzz/work/TARGET, not committed). Prints executions and executions per second per target;
# exits non-zero on the first broken rule, leaving the input in fuzz/artifacts/TARGET/.
# FUZZ_SANITIZER=address builds with AddressSanitizer (about half the speed; the code under
# test is safe Rust, so the default is none: panics, timeouts and memory blow-ups are caught
# either way). Extra libFuzzer flags may follow SECONDS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 2 ]; then
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer flags…]" >&2
    echo "targets: $(ls fuzz/fuzz_targets | sed 's/\.rs$//' | tr '\n' ' ')" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2

scripts/fuzz-setup.sh
# cargo-fuzz finds its binaries under fuzz/target; a target directory set for the workspace
# would hide them.
unset CARGO_TARGET_DIR

run_one() {
    local name=$1
    shift
    if [ ! -f "fuzz/fuzz_targets/$name.rs" ]; then
        echo "no fuzz target $name (fuzz/fuzz_targets/$name.rs)" >&2
        return 2
    fi
    mkdir -p "fuzz/work/$name" "fuzz/corpus/$name" "fuzz/artifacts/$name"
    local log="fuzz/artifacts/$name/last-run.log"
    # Longest input tried: bugs show in short inputs, and short ones run many times faster.
    local max_len=1024
    case $name in
        decode) max_len=8192 ;;
        route) max_len=1024 ;;
        html) max_len=16384 ;;
        compare) max_len=4096 ;;
    esac
    echo "== fuzz $name for ${seconds}s"
    local started
    started=$(date +%s)
    set +e
    cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer "${FUZZ_SANITIZER:-none}" "$name" \
        "fuzz/work/$name" "fuzz/corpus/$name" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
        -print_final_stats=1 "$@" 2>&1 | tee "$log" | grep -v '^#[0-9]*\s*\(NEW\|REDUCE\|pulse\)\|# Uses: '
    local status=${PIPESTATUS[0]}
    set -e
    local runs per_second
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    # The run may end before SECONDS (a -runs= limit, a broken rule): say how long it took.
    echo "== $name: ${runs:-?} executions in $(( $(date +%s) - started ))s, ${per_second:-?} exec/s"
    if [ "$status" -ne 0 ] || grep -q '^==[0-9]*== ERROR\|panicked at\|deadly signal' "$log"; then
        echo "== $name: broken rule; input saved in fuzz/artifacts/$name/ (see $log)." >&2
        echo "   Keep it: copy it to fuzz/regressions/$name/ and fix the bug; cargo test replays it." >&2
        return 1
    fi
}

if [ "$target" = all ]; then
    for file in fuzz/fuzz_targets/*.rs; do
        run_one "$(basename "$file" .rs)" "$@"
    done
else
    run_one "$target" "$@"
fi
