#!/usr/bin/env bash
# Builds a self-contained cnnlab and packs it as dist/cnnlab-<version>-<os>-<arch>.tar.gz:
#   cnnlab-<version>-<os>-<arch>/
#     cnnlab            the binary, with the Swift standard library and Foundation linked in
#     Lessons/ Data/    found beside the binary at run time
#     cnnlab.1          the man page, generated from the argument parser
#     completions/      bash, zsh and fish completion scripts, generated the same way
#     README.md LICENSE
# At run time the binary needs only the system's C libraries (libc, libm, libpng, libjpeg,
# ncurses, readline), nothing from the Swift toolchain's folder; scripts/tests/check_release.sh
# proves it. One binary for every x86-64 CPU: it picks its kernel set when it starts
# (`cnnlab --version` names it); check_release.sh also runs it under qemu on a CPU without AVX-512.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/CNNLabEngine/CNNLabBuild.swift)
os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m)
name="cnnlab-$version-$os-$arch"
scratch=.build-release

swift build -c release --scratch-path "$scratch" --static-swift-stdlib --product cnnlab >&2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/completions"
cp "$scratch/release/cnnlab" "$root/cnnlab"
cp -R Lessons Data README.md LICENSE "$root/"
"$root/cnnlab" --generate-completion-script bash >"$root/completions/cnnlab.bash"
"$root/cnnlab" --generate-completion-script zsh >"$root/completions/_cnnlab"
"$root/cnnlab" --generate-completion-script fish >"$root/completions/cnnlab.fish"
# The man page: the argument parser's generate-manual tool (what its plugin runs), pointed
# at the binary just built instead of letting the plugin build the package a second time.
parser="$scratch/checkouts/swift-argument-parser"
swift build --package-path "$parser" --scratch-path "$scratch-manual" --product generate-manual >&2
manual=$(swift build --package-path "$parser" --scratch-path "$scratch-manual" --show-bin-path)/generate-manual
"$manual" "$root/cnnlab" --date "$(date -u +%Y-%m-%d)" --output-directory "$root" >&2
test -s "$root/cnnlab.1"

mkdir -p dist
tar -C "$stage" -czf "dist/$name.tar.gz.partial" "$name"
mv "dist/$name.tar.gz.partial" "dist/$name.tar.gz"
echo "dist/$name.tar.gz"
