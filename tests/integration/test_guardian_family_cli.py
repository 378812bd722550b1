"""``hearth setup``, ``hearth family export/import`` and ``hearth doctor`` against a real
Secret Service (issue 3). Two keyring service names stand for two computers."""

import io
import json
import threading

import pytest

from desktop.doctor import CheckStatus, run_checks
from desktop.family.cli_commands import ExitCode, run_export, run_import, run_setup
from desktop.guardian.core import open_guardian
from desktop.guardian.secrets import MARKER_ENTRY
from desktop.profiles.repository import ProfileRepository
from desktop.resources import resource_path
from desktop.storage import open_database
from tests.integration import secret_service as _secret_service

# The real Secret Service fixtures (see tests/integration/secret_service.py).
secret_service = _secret_service.secret_service
keyring_service = _secret_service.keyring_service

PIN = "harbour lights 7"


def cli(fn, *args, pin, service, backend, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    code = fn(
        *args,
        io.StringIO(pin + "\n"),
        out,
        err=err,
        service=service,
        keyring_backend=backend,
        **kwargs,
    )
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def hearth_cli(secret_service, clock):
    """``cli`` on this test's computer: every call uses the real Secret Service and the test
    clock, so a test names only the command, its paths, the PIN and the keyring service."""

    def run(fn, *args, pin, service):
        return cli(fn, *args, pin=pin, service=service, backend=secret_service, clock=clock)

    return run


def doctor_checks(data_dir, **kwargs):
    """``hearth doctor``'s checks by name, so a test can look at the ones it is about."""
    return {c.name: c for c in run_checks(data_dir, **kwargs)}


def snapshot(data_dir, service, backend, clock):
    db = open_database(data_dir)
    try:
        core = open_guardian(db, data_dir, clock, service=service, keyring_backend=backend)
        profiles = ProfileRepository(db)
        return {
            "integrity": core.check_integrity().status.value,
            "guardian": profiles.guardian(),
            "children": profiles.children(),
            "consents": [
                (
                    c.profile_id,
                    c.kind,
                    c.given_by,
                    c.giver,
                    c.notice_version,
                    c.given_at,
                    c.withdrawn_at,
                )
                for c in core.consents.history()
            ],
            "settings": core.settings.export_items(),
        }
    finally:
        db.close()


@pytest.fixture
def first_pc(tmp_path, keyring_service, secret_service, clock, hearth_cli):
    """The example config, set up with the real keyring, plus a few settings."""
    data_dir = tmp_path / "first"
    config = tmp_path / "family.json"
    config.write_text(resource_path("setup", "example-config.json").read_text())
    code, out, err = hearth_cli(run_setup, data_dir, config, pin=PIN, service=keyring_service)
    assert code == ExitCode.OK, err
    assert "RECOVERY CODE" in out
    db = open_database(data_dir)
    core = open_guardian(
        db, data_dir, clock, service=keyring_service, keyring_backend=secret_service
    )
    core.settings.put("limits.rules.1", {"daily_minutes": 45, "curfew": ["21:00", "07:00"]})
    core.settings.put("personas.blocked", ["romantic", "family"])
    core.settings.put("alerts.channels", {"email": "li.wei@example.com", "excerpt": False})
    db.close()
    return data_dir


@pytest.fixture
def second_service(secret_service):
    import subprocess
    import uuid

    name = f"org.hearthapp.Hearth.test-second-{uuid.uuid4().hex[:12]}"
    yield name
    subprocess.run(["secret-tool", "clear", "service", name], check=False, timeout=10)


def test_export_then_import_on_a_fresh_folder_is_identical(
    first_pc, tmp_path, keyring_service, second_service, secret_service, clock, hearth_cli
):
    exported = tmp_path / "family-export.json"
    code, _, err = hearth_cli(run_export, first_pc, exported, pin=PIN, service=keyring_service)
    assert code == ExitCode.OK, err
    second = tmp_path / "second"
    code, out, err = hearth_cli(run_import, second, exported, pin=PIN, service=second_service)
    assert code == ExitCode.OK, err
    before = snapshot(first_pc, keyring_service, secret_service, clock)
    after = snapshot(second, second_service, secret_service, clock)
    assert after == before
    assert after["integrity"] == "ok" and len(after["settings"]) == 3
    # Its own keyring entries, its own installation, the same PIN.
    marker = json.loads(secret_service.get_password(second_service, MARKER_ENTRY))
    assert (
        marker["install_id"]
        != json.loads(secret_service.get_password(keyring_service, MARKER_ENTRY))["install_id"]
    )


@pytest.mark.parametrize(
    ("pin", "code", "words"),
    [
        ("not the passphrase", ExitCode.DENIED, "not correct"),
        ("", ExitCode.BAD_INPUT, "no PIN"),
        ("8" * 10_000, ExitCode.BAD_INPUT, "longer than 128"),
    ],
)
def test_export_with_a_bad_pin_writes_nothing(
    first_pc, tmp_path, keyring_service, secret_service, clock, hearth_cli, pin, code, words
):
    before = snapshot(first_pc, keyring_service, secret_service, clock)
    target = tmp_path / "out.json"
    result, _, err = hearth_cli(run_export, first_pc, target, pin=pin, service=keyring_service)
    assert result == code and words in err
    assert not target.exists()
    assert snapshot(first_pc, keyring_service, secret_service, clock) == before


@pytest.fixture
def exported(first_pc, tmp_path, keyring_service, hearth_cli):
    path = tmp_path / "family-export.json"
    code, _, err = hearth_cli(run_export, first_pc, path, pin=PIN, service=keyring_service)
    assert code == ExitCode.OK, err
    return path


def _variant(tmp_path, exported, name):
    data = json.loads(exported.read_text())
    path = tmp_path / f"{name}.json"
    if name == "future":
        data["version"] = 2
        path.write_text(json.dumps(data))
    elif name == "malformed":
        path.write_text(exported.read_text()[:-40])
    elif name == "not-json-object":
        path.write_text('"just a string"')
    return path


@pytest.mark.parametrize(
    ("variant", "pin", "code", "words"),
    [
        ("original", "wrong passphrase", ExitCode.DENIED, "does not match"),
        ("original", "", ExitCode.BAD_INPUT, "no PIN"),
        ("original", "x" * 10_000, ExitCode.BAD_INPUT, "longer than 128"),
        ("malformed", PIN, ExitCode.BAD_INPUT, "not valid JSON"),
        ("not-json-object", PIN, ExitCode.BAD_INPUT, "expected an object"),
        ("future", PIN, ExitCode.BAD_INPUT, "newer Hearth (format version 2)"),
    ],
)
def test_import_bad_input_changes_nothing(
    exported, tmp_path, second_service, secret_service, hearth_cli, variant, pin, code, words
):
    source = exported if variant == "original" else _variant(tmp_path, exported, variant)
    target = tmp_path / "second"
    result, _, err = hearth_cli(run_import, target, source, pin=pin, service=second_service)
    assert result == code, err
    assert words in err
    assert not target.exists()
    assert secret_service.get_password(second_service, MARKER_ENTRY) is None


def test_import_restores_a_deleted_database(
    first_pc, exported, keyring_service, secret_service, clock, hearth_cli
):
    before = snapshot(first_pc, keyring_service, secret_service, clock)
    for suffix in ("", "-wal", "-shm"):
        (first_pc / f"hearth.db{suffix}").unlink(missing_ok=True)
    code, _, err = hearth_cli(run_import, first_pc, exported, pin=PIN, service=keyring_service)
    assert code == ExitCode.OK, err
    assert snapshot(first_pc, keyring_service, secret_service, clock) == before


def test_doctor_on_a_set_up_family(first_pc, tmp_path, keyring_service, secret_service, clock):
    checks = doctor_checks(
        first_pc,
        clock=clock,
        service=keyring_service,
        keyring_backend=secret_service,
        config_home=tmp_path,
    )
    assert checks["keyring"].status is CheckStatus.OK and "key present" in checks["keyring"].message
    assert checks["database"].status is CheckStatus.OK
    assert checks["settings"].status is CheckStatus.OK
    assert checks["clock"].status is CheckStatus.OK
    assert checks["autostart"].status is CheckStatus.WARN


def test_doctor_sees_tampering_and_a_missing_database(
    first_pc, tmp_path, keyring_service, secret_service, clock
):
    db = open_database(first_pc)
    db.execute("UPDATE guardian_settings SET value = '[]' WHERE key = 'personas.blocked'")
    db.close()
    checks = doctor_checks(
        first_pc, clock=clock, service=keyring_service, keyring_backend=secret_service
    )
    assert checks["settings"].status is CheckStatus.FAIL
    assert "personas.blocked" in checks["settings"].message and checks["settings"].fix
    for suffix in ("", "-wal", "-shm"):
        (first_pc / f"hearth.db{suffix}").unlink(missing_ok=True)
    checks = doctor_checks(
        first_pc, clock=clock, service=keyring_service, keyring_backend=secret_service
    )
    assert checks["database"].status is CheckStatus.FAIL
    assert not (first_pc / "hearth.db").exists()


def test_doctor_notification_check_follows_the_session_bus():
    """Own org.freedesktop.Notifications on the real session bus and watch the check flip."""
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    from desktop.doctor import check_notifications

    with open_dbus_connection(bus="SESSION") as conn:
        owner = conn.send_and_get_reply(
            message_bus.NameHasOwner("org.freedesktop.Notifications"), timeout=5
        ).body[0]
        if owner:  # another test's notification server (dunst) is running: it must be seen
            assert check_notifications().status is CheckStatus.OK
            return
        assert check_notifications().status is CheckStatus.WARN
        reply = conn.send_and_get_reply(
            message_bus.RequestName("org.freedesktop.Notifications"), timeout=5
        )
        assert reply.body[0] == 1  # primary owner
        result = []
        worker = threading.Thread(target=lambda: result.append(check_notifications()))
        worker.start()
        worker.join(timeout=10)
        assert result and result[0].status is CheckStatus.OK
        conn.send_and_get_reply(message_bus.ReleaseName("org.freedesktop.Notifications"), timeout=5)
    assert check_notifications().status is CheckStatus.WARN
