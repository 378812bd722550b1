#!/usr/bin/env bash
# Install what Hearth needs on Debian/Ubuntu (apt packages when missing) and make .venv.
# Sourced by run-app.sh and run-tests.sh; safe to run again (it only adds what is missing).
set -euo pipefail
HEARTH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${HEARTH_VENV:-$HEARTH_ROOT/.venv}"

APT_RUNTIME=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 libglib2.0-0 fonts-wqy-microhei gnome-keyring libsecret-tools libnotify-bin dbus)
APT_TEST=(xvfb dunst faketime desktop-file-utils appstream sqlite3 x11-utils binutils libglib2.0-bin openssl)

need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "hearth: installing apt packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

make_venv() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.hearth-installed-$extras"
  if [ ! -f "$stamp" ] || [ "$HEARTH_ROOT/pyproject.toml" -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$HEARTH_ROOT[$extras]"
    touch "$stamp"
  fi
}
