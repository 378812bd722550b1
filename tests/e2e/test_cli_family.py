"""The real `hearth` process sets a family up from a config, reports it, and checks itself.

Needs the Secret Service that scripts/run-tests.sh starts; each test uses its own keyring
service name so runs never see each other's family.
"""

import json
import os
import subprocess
import uuid

import pytest


@pytest.fixture
def family_env(hearth_env):
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        if os.environ.get("HEARTH_REQUIRE_SECRET_SERVICE"):
            pytest.fail("no D-Bus session: run via scripts/run-tests.sh")
        pytest.skip("no D-Bus session for the Secret Service")
    env = {k: v for k, v in hearth_env.items() if k != "DISPLAY"}
    env["HEARTH_KEYRING_SERVICE"] = f"org.hearthapp.Hearth.test-{uuid.uuid4().hex[:8]}"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
    return env


def _hearth(exe, env, *args, stdin=""):
    return subprocess.run([exe, *args], input=stdin, capture_output=True, text=True, timeout=60, env=env)


def test_setup_from_example_then_status_and_doctor(hearth_exe, family_env, tmp_path):
    example = _hearth(hearth_exe, family_env, "setup", "--print-example")
    assert example.returncode == 0
    config = tmp_path / "family.json"
    config.write_text(example.stdout, encoding="utf-8")
    setup = _hearth(hearth_exe, family_env, "setup", "--config", str(config), "--pin-stdin", stdin="482916\n")
    assert setup.returncode == 0, setup.stderr
    assert "482916" not in setup.stdout + setup.stderr  # the PIN is never echoed
    status = _hearth(hearth_exe, family_env, "status", "--json")
    assert status.returncode == 0, status.stderr
    assert len(json.loads(status.stdout)["profiles"]) >= 1
    doctor = _hearth(hearth_exe, family_env, "doctor", "--json")
    checks = json.loads(doctor.stdout)
    by_name = {c["name"]: c["status"] for c in checks}
    assert by_name and all(s in {"ok", "warn", "fail"} for s in by_name.values())
    assert doctor.returncode == (1 if "fail" in by_name.values() else 0)


def test_setup_needs_pin_on_stdin_not_argv(hearth_exe, family_env, tmp_path):
    out = _hearth(hearth_exe, family_env, "setup", "--config", str(tmp_path / "x.json"))
    assert out.returncode == 2
    assert "--pin-stdin" in out.stderr


def test_export_then_import_on_fresh_folder(hearth_exe, family_env, tmp_path):
    example = _hearth(hearth_exe, family_env, "setup", "--print-example").stdout
    (tmp_path / "family.json").write_text(example, encoding="utf-8")
    assert _hearth(hearth_exe, family_env, "setup", "--config", str(tmp_path / "family.json"), "--pin-stdin",
                   stdin="482916\n").returncode == 0
    exported = tmp_path / "export.json"
    out = _hearth(hearth_exe, family_env, "family", "export", "--out", str(exported), "--pin-stdin", stdin="482916\n")
    assert out.returncode == 0, out.stderr
    second = dict(family_env, HEARTH_DATA_DIR=str(tmp_path / "second"),
                  HEARTH_KEYRING_SERVICE=family_env["HEARTH_KEYRING_SERVICE"] + "-b")
    wrong = _hearth(hearth_exe, second, "family", "import", str(exported), "--pin-stdin", stdin="000000\n")
    assert wrong.returncode != 0
    ok = _hearth(hearth_exe, second, "family", "import", str(exported), "--pin-stdin", stdin="482916\n")
    assert ok.returncode == 0, ok.stderr
    first_status = json.loads(_hearth(hearth_exe, family_env, "status", "--json").stdout)["profiles"]
    second_status = json.loads(_hearth(hearth_exe, second, "status", "--json").stdout)["profiles"]
    assert [p["name"] for p in first_status] == [p["name"] for p in second_status]
