#!/usr/bin/env bash
# Set up (like run-tests.sh) and run every benchmark in the same real session (Xvfb, D-Bus,
# gnome-keyring, dunst). Each prints ratios against a baseline measured in the same run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
need_apt "${APT_RUNTIME[@]}" "${APT_TEST[@]}"
make_venv "test,package"
export HEARTH_ROOT VENV QT_QPA_PLATFORM=offscreen
export HEARTH_SESSION_CMD='for b in benchmarks/bench_*.py; do echo "== $b"; "$VENV/bin/python" "$b" || exit 1; done'
exec dbus-run-session -- bash "$HEARTH_ROOT/scripts/test-session.sh"
