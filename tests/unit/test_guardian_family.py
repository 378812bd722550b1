"""Setup from a config file, family export/import, and their bad inputs (issue 3).

These run on the guardian-chosen file fallback (no keyring needed); the same flows against a
real Secret Service are in tests/integration/test_guardian_family_cli.py.
"""

import io
import json
import stat
from datetime import date

import pytest
from keyring.backends import fail

from desktop.family.cli_commands import (
    ExitCode,
    print_example,
    run_export,
    run_import,
    run_setup,
)
from desktop.family.config import load_family_config, parse_family_config
from desktop.family.validation import FileFormatError
from desktop.guardian.core import open_guardian
from desktop.guardian.notices import ConsentKind
from desktop.profiles.repository import ProfileRepository
from desktop.resources import resource_path
from desktop.storage import open_database

PIN = "my family passphrase"
TODAY = date(2026, 11, 26)
NO_KEYRING = fail.Keyring()


def example() -> dict:
    return json.loads(resource_path("setup", "example-config.json").read_text())


def write_config(tmp_path, data, name="family.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


def fallback_config(tmp_path):
    data = example()
    data["secrets_file_fallback"] = True
    data["settings"] = {"limits.rules.1": {"daily_minutes": 45}, "backend": "builtin"}
    return write_config(tmp_path, data)


def cli(fn, *args, pin="", **kwargs):
    out, err = io.StringIO(), io.StringIO()
    code = fn(*args, io.StringIO(pin), out, err=err, keyring_backend=NO_KEYRING, **kwargs)
    return code, out.getvalue(), err.getvalue()


def snapshot(data_dir, clock):
    db = open_database(data_dir)
    try:
        core = open_guardian(db, data_dir, clock, keyring_backend=NO_KEYRING)
        profiles = ProfileRepository(db)
        consents = [
            (
                c.profile_id,
                c.kind,
                c.given_by,
                c.giver,
                c.notice_version,
                c.given_at,
                c.withdrawn_at,
                c.withdrawn_by,
            )
            for c in core.consents.history()
        ]
        return {
            "guardian": profiles.guardian(),
            "children": profiles.children(),
            "consents": consents,
            "settings": core.settings.export_items(),
            "integrity": core.check_integrity().status,
        }
    finally:
        db.close()


@pytest.fixture
def family(tmp_path, clock):
    """A family set up from the example config (file fallback), plus one withdrawn consent."""
    data_dir = tmp_path / "home-pc"
    code, out, err = cli(
        run_setup, data_dir, fallback_config(tmp_path), pin=PIN + "\n", clock=clock
    )
    assert code == ExitCode.OK, err
    db = open_database(data_dir)
    core = open_guardian(db, data_dir, clock, keyring_backend=NO_KEYRING)
    core.consents.withdraw(2, ConsentKind.SERVICE, by="Li Wei", at=clock.now())
    db.close()
    return data_dir


# -- the config file ------------------------------------------------------------------------
def test_the_example_config_loads():
    config = load_family_config(resource_path("setup", "example-config.json"), today=TODAY)
    assert config.guardian.name and config.guardian.emergency_phone
    assert [c.service_consent for c in config.children] == ["service-v1", "service-v1"]
    assert all(c.training_consent is None for c in config.children)  # R25: off by default
    assert config.secrets_file_fallback is False


def test_print_example_prints_loadable_documented_json():
    out = io.StringIO()
    assert print_example(out) == 0
    data = json.loads(out.getvalue())
    assert "_comment" in data and "_comment" in data["guardian"]
    assert parse_family_config(data, today=TODAY).children


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda d: d["children"][0].update(birthdate="2016-01-01"), "children[0]", "unknown key"),
        (lambda d: d["children"][0].update(birthday="2016-13-01"), "children[0].birthday", "date"),
        (
            lambda d: d["children"][0].update(birthday="2030-01-01"),
            "children[0].birthday",
            "future",
        ),
        (lambda d: d["children"][0].update(language="fr"), "children[0].language", "en"),
        (
            lambda d: d["children"][0]["consent"].update(service="service-v2"),
            "children[0].consent.service",
            "notice",
        ),
        (lambda d: d.update(version=2), "version", "newer Hearth"),
        (lambda d: d.update(format="hearth-family"), "format", "hearth-setup"),
        (
            lambda d: d["guardian"].update(email="", phone="", emergency_phone=""),
            "guardian",
            "reach",
        ),
        (lambda d: d["guardian"].update(email="not-an-address"), "guardian.email", "e-mail"),
        (lambda d: d["guardian"].pop("name"), "guardian", "name"),
        (lambda d: d.update(settings={"x": float("nan")}), "settings.x", "NaN"),
        (lambda d: d.update(secrets_file_fallback="yes"), "secrets_file_fallback", "true or false"),
    ],
)
def test_config_errors_say_where_and_what(change, where, words):
    data = example()
    change(data)
    with pytest.raises(FileFormatError) as info:
        parse_family_config(data, today=TODAY)
    assert info.value.where == where
    assert words in str(info.value)


# -- setup ----------------------------------------------------------------------------------
def test_setup_from_config(family, clock):
    state = snapshot(family, clock)
    assert state["guardian"].name == "Li Wei"
    assert [c.display_name for c in state["children"]] == ["Mei", "Tom"]
    assert state["settings"] == {"limits.rules.1": {"daily_minutes": 45}, "backend": "builtin"}
    assert state["consents"][0][1:5] == (ConsentKind.SERVICE, "Li Wei", "guardian", "service-v1")


def test_setup_prints_the_recovery_code_once(tmp_path, clock):
    code, out, _ = cli(run_setup, tmp_path / "d", fallback_config(tmp_path), pin=PIN, clock=clock)
    assert code == 0
    assert "RECOVERY CODE" in out and out.count("-") >= 3
    assert PIN not in out


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("", "no PIN"),
        ("\n", "no PIN"),
        ("12345\n", "6 digits"),
        ("9" * 10_000 + "\n", "longer than 128"),
    ],
)
def test_setup_with_a_bad_pin_changes_nothing(tmp_path, clock, pin, words):
    data_dir = tmp_path / "d"
    code, _, err = cli(run_setup, data_dir, fallback_config(tmp_path), pin=pin, clock=clock)
    assert code == ExitCode.BAD_INPUT
    assert words in err
    assert not data_dir.exists()


def test_setup_without_keyring_or_opt_in_refuses(tmp_path, clock):
    data_dir = tmp_path / "d"
    code, _, err = cli(run_setup, data_dir, write_config(tmp_path, example()), pin=PIN, clock=clock)
    assert code == ExitCode.NO_KEYRING
    assert "secrets_file_fallback" in err
    db = open_database(data_dir)
    assert ProfileRepository(db).guardian() is None
    assert db["guardian_pin"].count == 0 and db["child_profiles"].count == 0
    db.close()


def test_setup_twice_is_refused(family, tmp_path, clock):
    code, _, err = cli(run_setup, family, fallback_config(tmp_path), pin="other pin 1", clock=clock)
    assert code == ExitCode.CONFLICT and "already" in err


# -- export and import ------------------------------------------------------------------------
def test_export_then_import_gives_identical_settings(family, tmp_path, clock):
    out_file = tmp_path / "export.json"
    code, out, err = cli(run_export, family, out_file, pin=PIN, clock=clock)
    assert code == 0, err
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    data = json.loads(out_file.read_text())
    assert data["format"] == "hearth-family" and data["version"] == 1
    assert PIN not in out_file.read_text()
    second = tmp_path / "second-pc"
    code, out, err = cli(
        run_import, second, out_file, pin=PIN, clock=clock, allow_file_fallback=True
    )
    assert code == 0, err
    before, after = snapshot(family, clock), snapshot(second, clock)
    assert after == before
    assert after["integrity"].value == "ok"


def test_the_pin_works_on_the_second_computer(family, tmp_path, clock):
    out_file = tmp_path / "export.json"
    assert cli(run_export, family, out_file, pin=PIN, clock=clock)[0] == 0
    second = tmp_path / "second-pc"
    assert cli(run_import, second, out_file, pin=PIN, clock=clock, allow_file_fallback=True)[0] == 0
    db = open_database(second)
    core = open_guardian(db, second, clock, keyring_backend=NO_KEYRING)
    assert core.pins.verify(PIN).ok
    db.close()


@pytest.mark.parametrize(
    ("pin", "code", "words"),
    [
        ("wrong passphrase", ExitCode.DENIED, "not correct"),
        ("", ExitCode.BAD_INPUT, "no PIN"),
        ("x" * 10_000, ExitCode.BAD_INPUT, "longer than 128"),
    ],
)
def test_export_bad_pins_write_nothing(family, tmp_path, clock, pin, code, words):
    out_file = tmp_path / "export.json"
    result, _, err = cli(run_export, family, out_file, pin=pin, clock=clock)
    assert result == code and words in err
    assert not out_file.exists()


def test_export_of_a_tampered_family_is_refused(family, tmp_path, clock):
    db = open_database(family)
    db.execute("UPDATE guardian_settings SET value = '600' WHERE key = 'limits.rules.1'")
    db.close()
    code, _, err = cli(run_export, family, tmp_path / "f.json", pin=PIN, clock=clock)
    assert code == ExitCode.CONFLICT and "settings_tampered" in err


@pytest.fixture
def exported(family, tmp_path, clock):
    path = tmp_path / "export.json"
    assert cli(run_export, family, path, pin=PIN, clock=clock)[0] == 0
    return path


def edited(tmp_path, exported, change):
    data = json.loads(exported.read_text())
    change(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("pin", "code", "words"),
    [
        ("wrong passphrase", ExitCode.DENIED, "does not match"),
        ("", ExitCode.BAD_INPUT, "no PIN"),
        ("7" * 10_000, ExitCode.BAD_INPUT, "longer than 128"),
    ],
)
def test_import_bad_pins_change_nothing(exported, tmp_path, clock, pin, code, words):
    target = tmp_path / "second-pc"
    result, _, err = cli(
        run_import, target, exported, pin=pin, clock=clock, allow_file_fallback=True
    )
    assert result == code and words in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda tmp, exp: _write(tmp, exp.read_text()[:200]), "not valid JSON"),
        (lambda tmp, exp: _write(tmp, "[]"), "expected an object"),
        (lambda tmp, exp: edited(tmp, exp, lambda d: d.update(version=2)), "newer Hearth"),
        (lambda tmp, exp: edited(tmp, exp, lambda d: d.update(format="x")), "hearth-family"),
        (lambda tmp, exp: edited(tmp, exp, lambda d: d["pin"].update(pin_hash="plain")), "argon2"),
        (
            lambda tmp, exp: edited(tmp, exp, lambda d: d["consents"][0].update(child_id=99)),
            "child",
        ),
        (lambda tmp, exp: tmp / "missing.json", "cannot read"),
    ],
)
def test_import_bad_files_change_nothing(exported, tmp_path, clock, make, words):
    target = tmp_path / "second-pc"
    result, _, err = cli(
        run_import, target, make(tmp_path, exported), pin=PIN, clock=clock, allow_file_fallback=True
    )
    assert result == ExitCode.BAD_INPUT and words in err
    assert not target.exists()


def test_import_into_a_family_is_refused(family, exported, clock):
    before = snapshot(family, clock)
    result, _, err = cli(run_import, family, exported, pin=PIN, clock=clock)
    assert result == ExitCode.CONFLICT and "already has a family" in err
    assert snapshot(family, clock) == before


def _write(tmp_path, text):
    path = tmp_path / "broken.json"
    path.write_text(text)
    return path
