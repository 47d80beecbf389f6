#!/usr/bin/env bash
# Checks a release tarball (scripts/release.sh): unpacked in a fresh folder, its binary runs
# from an empty folder with an empty environment, finds the lessons and data shipped beside
# it, and links nothing from the Swift toolchain's folder.
#   scripts/tests/check_release.sh dist/cnnlab-<version>-<os>-<arch>.tar.gz
set -euo pipefail
tarball=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/unpacked" "$work/empty"
tar -C "$work/unpacked" -xzf "$tarball"
name=$(basename "$tarball" .tar.gz)
bin="$work/unpacked/$name/cnnlab"
[[ -x "$bin" ]] || { echo "check_release: no executable $name/cnnlab at the top folder's root" >&2; exit 1; }
for f in cnnlab.1 completions/cnnlab.bash completions/_cnnlab completions/cnnlab.fish Lessons Data; do
    [[ -e "$work/unpacked/$name/$f" ]] || { echo "check_release: $f is missing from the tarball" >&2; exit 1; }
done

toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")
if ldd "$bin" | grep -F "$toolchain/"; then
    echo "check_release: the binary links libraries from the toolchain's folder $toolchain" >&2
    exit 1
fi
if ldd "$bin" | grep -E 'libswift|libFoundation|not found'; then
    echo "check_release: the binary needs Swift runtime libraries or misses one" >&2
    exit 1
fi

cd "$work/empty"
out=$(env -i "$bin" -c 'net example lenet5; summary')
grep -q "Total params: 62,958" <<<"$out" || { echo "check_release: unexpected summary:" >&2; echo "$out" >&2; exit 1; }
env -i "$bin" --version
env -i "$bin" lesson --check
env -i "$bin" train --dataset digits --epochs 1 --json | grep -q '"test_accuracy"'
[[ -z "$(ls -A "$work/empty")" ]] || { echo "check_release: the binary wrote into the folder it ran in" >&2; exit 1; }
echo "check_release: $name runs from an empty folder with env -i; ldd shows no toolchain library"

# The same binary on a CPU without AVX-512 (qemu-user), computing what this machine computes.
"$here/check_other_cpu.sh" "$bin"
