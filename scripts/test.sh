#!/usr/bin/env bash
# The test command: set-up, debug build of everything and the whole test suite, the numeric
# tests again in the optimised build, and a short release benchmark that reports (never
# asserts) timings.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# Every micro-kernel set this CPU runs is tested, in one build (Sources/ConvCore/KernelSet.swift):
# the kernel, golden and gradient tests take each set in turn, in debug and in release.
swift build --build-tests
swift test --skip-build

# The core's and the engine's tests in the release configuration (-Ounchecked, the kernel
# modules compiled for their CPUs): the golden, gradient and kernel tests run on the code the
# release binary runs.
swift test -c release --filter 'ConvCoreTests|CNNLabEngineTests'

# Every lesson, every step, in both languages: a lesson whose command, expected output or
# accepted answer no longer agrees with the engine fails here.
.build/debug/cnnlab lesson --check

# `net save "m.npz"` and `predict` against a forward pass in numpy (NHWC, the lecture's shapes):
# needs python3 with numpy, and is skipped, saying so, without them.
if command -v python3 >/dev/null 2>&1 && python3 -c 'import numpy' >/dev/null 2>&1; then
    python3 scripts/tests/check_npz_predict.py .build/debug/cnnlab
else
    echo "skipped scripts/tests/check_npz_predict.py: python3 with numpy is not available"
fi

# Smoke-test the release binary (built by the release test run above): the lecture's network
# and a short bench run.
.build/release/cnnlab -c 'input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; conv 40 f=5 s=2; flatten; softmax 10; summary'
.build/release/cnnlab bench --repetitions 3

# The release tarball: a self-contained binary (static Swift standard library) that runs from
# an empty folder with an empty environment and links nothing from the toolchain's folder.
scripts/tests/check_release.sh "$(scripts/release.sh)"

# Each fuzz target briefly from its seeds (scripts/fuzz.sh runs longer campaigns): a trap,
# a timeout or a run out of memory on any input fails here.
scripts/fuzz.sh all 3
