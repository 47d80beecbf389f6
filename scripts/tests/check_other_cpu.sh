#!/usr/bin/env bash
# Runs an x86-64 cnnlab binary on another CPU: under qemu-user's `-cpu max`, which has AVX2
# and FMA but no AVX-512. The binary must start there (no AVX-512 instruction outside the
# SIMD16 kernel module), choose the simd8 set itself, refuse simd16 with a message instead of
# dying of SIGILL, and compute exactly what this machine computes with the same set: conv,
# pool and fc forward passes, predictions and a training epoch (timings left out).
#   scripts/tests/check_other_cpu.sh path/to/cnnlab
# Skipped, saying so, where qemu-x86_64 is not installed (.ci/run installs qemu-user) or the
# host is not x86-64.
set -euo pipefail
bin=$(realpath "$1")
if [[ "$(uname -m)" != x86_64 ]] || ! command -v qemu-x86_64 >/dev/null; then
    echo "skipped scripts/tests/check_other_cpu.sh: needs an x86-64 host with qemu-x86_64 (Debian: qemu-user)"
    exit 0
fi
qemu=(qemu-x86_64 -cpu max)
fail() { echo "check_other_cpu: $*" >&2; exit 1; }

version=$("${qemu[@]}" "$bin" --version) || fail "the binary does not start under ${qemu[*]}"
grep -q "kernels simd8 (AVX2 and FMA), the fastest this CPU runs" <<<"$version" \
    || fail "under ${qemu[*]} --version should name simd8: $version"

for way in "--kernels simd16" "env CNNLAB_KERNELS=simd16"; do
    if [[ $way == env* ]]; then
        set +e; message=$(CNNLAB_KERNELS=simd16 "${qemu[@]}" "$bin" -c 'summary' 2>&1); status=$?; set -e
    else
        set +e; message=$("${qemu[@]}" "$bin" --kernels simd16 -c 'summary' 2>&1); status=$?; set -e
    fi
    [[ $status -eq 64 ]] || fail "$way: exit status $status, not 64 (a SIGILL is 132): $message"
    grep -q "this CPU cannot run that kernel set (it lacks AVX-512); use auto or one it runs: simd8, portable" <<<"$message" \
        || fail "$way: unclear message: $message"
done

# Conv (5×5 with padding, 5×5 without), max and average pooling, fc and softmax: every
# layer's statistics and the predictions; then one epoch of training.
script='input 28x28x1; conv 6 f=5 p=2; relu; pool max f=2 s=2; conv 16 f=5; relu; pool avg f=2 s=2; flatten; fc 10; softmax 10
seed 7; forward randn(4,28,28,1); show a[1][0,:,:,0]; show a[3][1,:,:,5]; show a[6][2,:,:,15]; predict randn(3,28,28,1)'
untimed() { sed -E 's/"(seconds|examples_per_s)":[-0-9.e+]+,?//g'; }
for set in simd8 portable; do
    here=$("$bin" --kernels "$set" --json -c "$script"; "$bin" --kernels "$set" train --dataset digits --epochs 1 --json)
    there=$("${qemu[@]}" "$bin" --kernels "$set" --json -c "$script"; "${qemu[@]}" "$bin" --kernels "$set" train --dataset digits --epochs 1 --json)
    if ! diff <(untimed <<<"$here") <(untimed <<<"$there") >/dev/null; then
        diff <(untimed <<<"$here" | tr ',' '\n') <(untimed <<<"$there" | tr ',' '\n') | head -20 >&2
        fail "$set: the results under ${qemu[*]} differ from this machine's"
    fi
    echo "check_other_cpu: $set under ${qemu[*]}: conv, pool, fc, predictions and a training epoch equal this machine's"
done
echo "check_other_cpu: $(basename "$bin") runs on a CPU without AVX-512, picks simd8 and refuses simd16 with a message"
