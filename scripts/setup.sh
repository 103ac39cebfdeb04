#!/usr/bin/env bash
# Installs the Debian packages attnview builds against (with ncurses-term for the -direct terminfo
# entries that truecolor needs, and tmux for the end-to-end tests), only those that are missing.
# Needs root (or sudo) when something is missing.
set -euo pipefail
packages=(pkg-config libpng-dev libturbojpeg0-dev libncursesw5-dev ncurses-term libopenblas-dev tmux)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
