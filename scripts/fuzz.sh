#!/usr/bin/env bash
# Runs one coverage-guided fuzz target (or all) for a number of seconds:
#   scripts/fuzz.sh TARGET SECONDS     e.g. scripts/fuzz.sh npy 60
#   scripts/fuzz.sh all SECONDS        every target in turn
#   scripts/fuzz.sh list               the targets
# Targets are the executables of Fuzz/Package.swift, built with libFuzzer, optimised but with
# every overflow and bounds check kept (CNNLAB_CHECKED=1: a trap is what we look for). Each starts
# from its committed seeds in Fuzz/Corpus/TARGET and grows a working corpus in
# .build-fuzz/corpus/TARGET; the input behind a crash, a trap, a timeout or a run past 3 GB is
# written to Fuzz/Findings/ and the script exits non-zero. The last line of each run reports the executions done.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(language network-file lesson npy png jpeg pnm idx cifar10)
if [[ "${1:-}" == "list" ]]; then printf '%s\n' "${targets[@]}"; exit 0; fi
if [[ $# -ne 2 || ! "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS   (scripts/fuzz.sh list: the targets)" >&2
    exit 2
fi
run=("$1")
[[ "$1" == "all" ]] && run=("${targets[@]}")
for t in "${run[@]}"; do
    if [[ ! " ${targets[*]} " == *" $t "* ]]; then echo "unknown target '$t' (scripts/fuzz.sh list)" >&2; exit 2; fi
done
scratch=.build-fuzz
mkdir -p "$scratch" Fuzz/Findings
build=(swift build --package-path Fuzz --scratch-path "$scratch" -c release --sanitize=fuzzer)
export CNNLAB_CHECKED=1
for t in "${run[@]}"; do
    "${build[@]}" --product "fuzz-$t" >&2
done
bin=$("${build[@]}" --show-bin-path)
status=0
for t in "${run[@]}"; do
    corpus="$scratch/corpus/$t"
    mkdir -p "$corpus"
    log="$scratch/fuzz-$t.log"
    echo "fuzz-$t: $2 s" >&2
    # -rss_limit_mb: the language may ask for big tensors; the session's limits must refuse
    # them before memory runs out, so a run past 3 GB is a finding.
    if ! "$bin/fuzz-$t" "$corpus" "Fuzz/Corpus/$t" -max_total_time="$2" -rss_limit_mb=3072 -timeout=20 \
        -artifact_prefix="Fuzz/Findings/$t-" -print_final_stats=1 >"$log" 2>&1; then
        status=1
        tail -40 "$log" >&2
    fi
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz-$t: ${runs:-?} executions, $(ls Fuzz/Findings | grep -c "^$t-" || true) findings"
done
exit $status
