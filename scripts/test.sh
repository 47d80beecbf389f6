#!/usr/bin/env bash
# The test command: set-up, debug build of everything, the whole test suite, the numeric tests
# again in the optimised build and with the other micro-kernel set, and a short release
# benchmark that reports (never asserts) timings.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build --build-tests
swift test --skip-build

# The core's and the engine's tests in the release configuration (-Ounchecked, -target-cpu
# native): the golden, gradient and kernel tests run on the code the release binary runs.
swift test -c release --filter 'ConvCoreTests|CNNLabEngineTests'

# A host without AVX-512 builds the SIMD8 kernels; test the SIMD16 set too (see KernelSet.swift),
# so CI on such a machine covers what an AVX-512 machine will build.
if ! grep -qw avx512f /proc/cpuinfo; then
    CNNLAB_SIMD16=1 swift build --build-tests --scratch-path .build-simd16
    CNNLAB_SIMD16=1 swift test --skip-build --scratch-path .build-simd16 --filter 'ConvCoreTests|CNNLabEngineTests'
fi

# Smoke-test the release binary (built by the release test run above): the lecture's network
# and a short bench run.
.build/release/cnnlab -c 'input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; conv 40 f=5 s=2; flatten; softmax 10; summary'
.build/release/cnnlab bench --repetitions 3
