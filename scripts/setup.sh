#!/usr/bin/env bash
# Installs the system packages cnnlab needs (Debian 12 / Swift 6.3 image), if missing.
# Safe to run repeatedly; does nothing when everything is present.
set -euo pipefail

packages=(libncursesw5-dev libreadline-dev libpng-dev libjpeg-dev tmux)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
command -v swift >/dev/null || { echo "setup: Swift 6.x is required (swift not on PATH)" >&2; exit 1; }
