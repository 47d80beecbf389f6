#!/usr/bin/env bash
# The test command: set-up, debug build of everything, the whole test suite, and a short
# release benchmark that reports (never asserts) timings.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build --build-tests
swift test --skip-build
# Smoke-test the release binary: the lecture's network and a short bench run.
swift build -c release --product cnnlab
.build/release/cnnlab -c 'input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; conv 40 f=5 s=2; flatten; softmax 10; summary'
.build/release/cnnlab bench --repetitions 3
