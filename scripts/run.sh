#!/usr/bin/env bash
# Build-and-run: set-up, a release build (fast SIMD kernels), then cnnlab with your arguments,
# in the directory you called it from (so relative file names work).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

(cd "$repo" && scripts/setup.sh >&2 && swift build -c release --product cnnlab >&2)
exec "$repo/.build/release/cnnlab" "$@"
