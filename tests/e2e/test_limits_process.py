"""Time limits on the real `hearth` process: one instance, SIGKILL, and clocks moved with
libfaketime. Needs the session scripts/run-tests.sh starts (keyring; Qt runs offscreen)."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

PIN = "482916"


@pytest.fixture
def family_env(hearth_exe, tmp_path):
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        if os.environ.get("HEARTH_REQUIRE_SECRET_SERVICE"):
            pytest.fail("no D-Bus session: run via scripts/run-tests.sh")
        pytest.skip("no D-Bus session for the Secret Service")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(HEARTH_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen", HEARTH_QUIET_DISCLOSURE="1",
               HEARTH_KEYRING_SERVICE=f"org.hearthapp.Hearth.e2e-{uuid.uuid4().hex[:8]}",
               PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring")
    example = subprocess.run([hearth_exe, "setup", "--print-example"], env=env, capture_output=True, text=True).stdout
    (tmp_path / "family.json").write_text(example, encoding="utf-8")
    setup = subprocess.run([hearth_exe, "setup", "--config", str(tmp_path / "family.json"), "--pin-stdin"],
                           env=env, input=PIN + "\n", capture_output=True, text=True, timeout=60)
    assert setup.returncode == 0, setup.stderr
    return env


def _status(exe, env, extra=()):
    out = subprocess.run([*extra, exe, "status", "--json"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return {p["id"]: p for p in json.loads(out.stdout)["profiles"]}


def _start(exe, env, *args, extra=()):
    # Its own process group: `faketime` runs hearth as a child, and both must go at the end.
    return subprocess.Popen([*extra, exe, *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _stop(proc) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(10)


def _wait_for_lock(env, timeout=20.0):
    lock = Path(env["HEARTH_DATA_DIR"]) / "hearth.lock"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.exists() and lock.stat().st_size > 0:
            return
        time.sleep(0.05)
    raise AssertionError("hearth did not take its lock")


def _set_daily_minutes(env, profile_id, minutes):
    """Only a daily limit: no curfew, so the tests behave the same at any hour they run."""
    code = (
        "import sys; from pathlib import Path; from desktop.storage import open_database; "
        "from desktop.guardian.core import open_guardian; from desktop.clock import SystemClock; "
        "from desktop.family_settings import FamilySettings; from desktop.limits.rules import TimeRules; "
        "d=Path(sys.argv[1]); db=open_database(d); g=open_guardian(db, d, SystemClock(), service=sys.argv[2]); "
        f"FamilySettings(g.settings).set_time_rules({profile_id}, TimeRules(daily_minutes=({minutes},)*7, curfew_enabled=False).to_dict())"
    )
    subprocess.run([sys.executable, "-c", code, env["HEARTH_DATA_DIR"], env["HEARTH_KEYRING_SERVICE"]],
                   env=env, check=True, timeout=60)


def _events(env):
    import sqlite3

    db = sqlite3.connect(Path(env["HEARTH_DATA_DIR"]) / "hearth.db")
    kinds = [r[0] for r in db.execute("select kind from limits_events")]
    kinds += [r[0] for r in db.execute("select kind from audit_log")]
    db.close()
    return kinds


def test_a_second_instance_is_refused(hearth_exe, family_env):
    first = _start(hearth_exe, family_env)
    try:
        _wait_for_lock(family_env)
        second = subprocess.run([hearth_exe], env=family_env, capture_output=True, text=True, timeout=30)
        assert second.returncode == 3
        assert "already running" in second.stderr
        assert first.poll() is None  # the first one is unharmed
    finally:
        _stop(first)


def test_sigkill_loses_at_most_ten_seconds(hearth_exe, family_env):
    profile_id = min(_status(hearth_exe, family_env))
    _set_daily_minutes(family_env, profile_id, 120)
    started = time.monotonic()
    app = _start(hearth_exe, family_env, "--open-profile", str(profile_id))
    _wait_for_lock(family_env)
    time.sleep(16)  # usage accrues while the chat is open and the child was active < 2 min ago
    app.send_signal(signal.SIGKILL)
    app.wait(10)
    open_for = time.monotonic() - started
    used = _status(hearth_exe, family_env)[profile_id]["limits"]["minutes_used_today"] * 60
    assert used <= open_for + 1
    assert used >= open_for - 10 - 3, f"lost {open_for - used:.1f} s (start-up ~1-3 s included)"


@pytest.mark.parametrize("shift", ["-3h", "+2d"])
def test_moving_the_clock_across_a_restart_grants_no_time(hearth_exe, family_env, shift):
    profile_id = min(_status(hearth_exe, family_env))
    _set_daily_minutes(family_env, profile_id, 1)
    app = _start(hearth_exe, family_env, "--open-profile", str(profile_id))
    _wait_for_lock(family_env)
    deadline = time.monotonic() + 90
    while _status(hearth_exe, family_env)[profile_id]["limits"]["available"]:
        assert time.monotonic() < deadline, "the 1-minute limit never engaged"
        time.sleep(2)
    _stop(app)
    before = _status(hearth_exe, family_env)[profile_id]["limits"]
    assert before["reason"] == "daily_limit"
    faked = ["faketime", "-f", shift]
    moved = _start(hearth_exe, family_env, "--open-profile", str(profile_id), extra=faked)
    try:
        _wait_for_lock(family_env)
        time.sleep(3)
        after = _status(hearth_exe, family_env, extra=faked)[profile_id]["limits"]
        assert after["available"] is False and after["reason"] == "daily_limit"
        assert after["minutes_used_today"] >= before["minutes_used_today"] - 0.05
    finally:
        _stop(moved)
    assert any("clock" in kind for kind in _events(family_env)), _events(family_env)
