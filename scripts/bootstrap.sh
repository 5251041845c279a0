#!/usr/bin/env bash
# Make this machine able to run blood-desk: system packages Qt needs, then the
# Python environment from requirements.lock. Each step runs only when something
# is missing, so the desk and test commands stay fast on a prepared machine.
# Sourced by scripts/desk and scripts/test; safe to run on its own.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"

# Qt offscreen + a real window (xcb) + CJK fonts + audio library for QtMultimedia.
system_packages=(
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1
  libxcb-xkb1 libpulse0 fonts-wqy-microhei xvfb xauth python3-venv
)

log() { printf 'bootstrap: %s\n' "$*" >&2; }

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { log "not a Debian/Ubuntu system: install Qt's libraries by hand (see README)"; return 0; }
  local missing=()
  for package in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing system packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  log "Python 3.11 or newer is required"
  return 1
}

install_python_environment() {
  local stamp="$venv/.requirements.sha256"
  local wanted
  wanted="$(cat "$repo/requirements.lock" "$repo/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    return 0
  fi
  local python
  python="$(pick_python)"
  [ -x "$venv/bin/python" ] || { log "creating $venv"; "$python" -m venv "$venv"; }
  log "installing Python packages from requirements.lock"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$repo/requirements.lock"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e "$repo"
  echo "$wanted" >"$stamp"
}

build_translations() {
  # Qt loads compiled catalogues; they are built from the committed .ts sources.
  local ts
  for ts in "$repo"/resources/i18n/*.ts; do
    [ -e "$ts" ] || return 0
    local qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      "$venv/bin/python" "$repo/scripts/build_translations.py"
      return 0
    fi
  done
}

install_system_packages
install_python_environment
build_translations
