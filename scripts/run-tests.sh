#!/usr/bin/env bash
# One command to set up and run every test: ./scripts/run-tests.sh [pytest arguments]
#
# It installs the apt packages, makes .venv, then starts what the tests use for real: a virtual
# screen (Xvfb), a private D-Bus session, gnome-keyring as the Secret Service and dunst as the
# notification server, and runs pytest inside that session.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
need_apt "${APT_RUNTIME[@]}" "${APT_TEST[@]}"
make_venv "test,package"
export HEARTH_ROOT VENV
exec dbus-run-session -- bash "$HEARTH_ROOT/scripts/test-session.sh" "$@"
