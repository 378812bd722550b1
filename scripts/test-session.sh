#!/usr/bin/env bash
# Runs inside dbus-run-session: start Xvfb, the keyring and dunst, then pytest. Not for direct use.
set -euo pipefail
SANDBOX="$(mktemp -d /tmp/hearth-test.XXXXXX)"
export HOME="$SANDBOX/home" XDG_RUNTIME_DIR="$SANDBOX/run" XDG_CONFIG_HOME="$SANDBOX/home/.config"
export XDG_DATA_HOME="$SANDBOX/home/.local/share"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$SANDBOX"; }
trap cleanup EXIT

# A real X server on a free display number.
exec 3<> "$SANDBOX/displayfd"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp >"$SANDBOX/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  [ -s "$SANDBOX/displayfd" ] && break
  sleep 0.05
done
export DISPLAY=":$(head -n1 "$SANDBOX/displayfd")"
dbus-update-activation-environment DISPLAY XDG_RUNTIME_DIR HOME 2>/dev/null || true

# A real Secret Service, unlocked.
printf %s hearth-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring

# A real notification server.
dunst -config /dev/null >"$SANDBOX/dunst.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications 2>/dev/null \
    | grep -q true && break
  sleep 0.05
done

# Missing services must fail the tests that need them, never skip them.
export HEARTH_REQUIRE_SECRET_SERVICE=1 HEARTH_REQUIRE_NOTIFY_SERVER=1 HEARTH_REQUIRE_DISPLAY=1
cd "$HEARTH_ROOT"
if [ -n "${HEARTH_SESSION_CMD:-}" ]; then  # scripts/run-benchmarks.sh: same services, other command
  exec bash -c "$HEARTH_SESSION_CMD"
fi
set +e
"$VENV/bin/python" -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "hearth: pytest collected no tests: treating as failure" >&2
  exit 1
fi
exit "$rc"
