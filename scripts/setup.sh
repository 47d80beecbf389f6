#!/usr/bin/env bash
# Installs the system packages cnnlab needs (curses, readline, libpng, libjpeg, and tmux for
# the end-to-end tests) with the machine's package manager: apt (Debian, Ubuntu), dnf (Fedora),
# pacman (Arch) or Homebrew (macOS). Safe to run repeatedly: it installs only what is missing.
# Verified on Debian 12 (apt); the other lists are the distributions' package names, untested here.
set -euo pipefail

sudo_cmd=()
[[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null && sudo_cmd=(sudo)

# Prints the packages of "$@" that `check` says are not installed.
missing() {
    local check=$1; shift
    for p in "$@"; do $check "$p" >/dev/null 2>&1 || echo "$p"; done
}

if command -v apt-get >/dev/null && command -v dpkg >/dev/null; then
    mapfile -t need < <(missing "dpkg -s" libncursesw5-dev libreadline-dev libpng-dev libjpeg-dev tmux)
    if ((${#need[@]})); then
        echo "setup: installing ${need[*]} (apt)"
        "${sudo_cmd[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}"
    fi
elif command -v dnf >/dev/null; then
    mapfile -t need < <(missing "rpm -q" ncurses-devel readline-devel libpng-devel libjpeg-turbo-devel tmux)
    if ((${#need[@]})); then
        echo "setup: installing ${need[*]} (dnf)"
        "${sudo_cmd[@]}" dnf install -y "${need[@]}"
    fi
elif command -v pacman >/dev/null; then
    mapfile -t need < <(missing "pacman -Q" ncurses readline libpng libjpeg-turbo tmux)
    if ((${#need[@]})); then
        echo "setup: installing ${need[*]} (pacman)"
        "${sudo_cmd[@]}" pacman -S --needed --noconfirm "${need[@]}"
    fi
elif command -v brew >/dev/null; then
    # ncurses and readline are keg-only (not on the default paths): their pkg-config folders
    # are printed below. The macOS build itself is not verified yet (see the README).
    mapfile -t need < <(missing "brew list --versions" ncurses readline libpng jpeg-turbo pkg-config tmux)
    if ((${#need[@]})); then
        echo "setup: installing ${need[*]} (Homebrew)"
        brew install "${need[@]}"
    fi
    echo "setup: export PKG_CONFIG_PATH=\"$(brew --prefix ncurses)/lib/pkgconfig:$(brew --prefix readline)/lib/pkgconfig:\${PKG_CONFIG_PATH:-}\""
else
    cat >&2 <<'MSG'
setup: no apt, dnf, pacman or Homebrew here. Install these yourself, then run this again:
  the development files of ncurses (wide-character), GNU readline, libpng and libjpeg,
  and tmux (for the end-to-end tests).
MSG
    exit 1
fi
command -v swift >/dev/null || { echo "setup: Swift 6.x is required (swift not on PATH): https://www.swift.org/install/" >&2; exit 1; }
