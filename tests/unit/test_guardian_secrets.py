"""Secrets without a keyring: a typed status, no silent fallback, an explicit weaker file."""

import json
import stat

import pytest
from keyring.backends import fail, null

from desktop.guardian.audit import AuditKind
from desktop.guardian.core import GuardianCore, open_guardian
from desktop.guardian.integrity import IntegrityReason, IntegrityStatus
from desktop.guardian.pin import GuardianSessionError
from desktop.guardian.secrets import (
    FALLBACK_FILENAME,
    FileSecretBackend,
    SecretBackendKind,
    SecretsStatus,
    SecretStore,
    SecretsUnavailableError,
    probe_keyring,
)
from desktop.guardian.settings_store import SettingsIntegrityError
from desktop.guardian.state import StateKey
from desktop.storage import open_database

PIN = "864209"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def db(data_dir):
    db = open_database(data_dir)
    yield db
    db.close()


def test_the_fail_and_null_keyrings_are_unavailable():
    for backend in (fail.Keyring(), null.Keyring()):
        found, status = probe_keyring("test.service", backend)
        assert found is None
        assert status.kind is SecretBackendKind.UNAVAILABLE and not status.available
        assert "no Secret Service" in status.detail


def test_an_unreachable_secret_service_is_unavailable(monkeypatch):
    from keyring.backends.SecretService import Keyring

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    found, status = probe_keyring("test.service", Keyring())
    assert found is None and status.kind is SecretBackendKind.UNAVAILABLE
    assert status.detail


def test_no_keyring_means_errors_not_a_silent_file(db, data_dir, clock):
    core = open_guardian(db, data_dir, clock, keyring_backend=fail.Keyring())
    assert core.secrets.status.kind is SecretBackendKind.UNAVAILABLE
    state = core.check_integrity()
    assert state.status is IntegrityStatus.NEEDS_SETUP
    assert state.reasons == (IntegrityReason.KEYRING_UNAVAILABLE,)
    with pytest.raises(SecretsUnavailableError):
        core.enrol(PIN)
    with pytest.raises(SecretsUnavailableError):
        core.secrets.set_api_key("openai", "sk-test")
    with pytest.raises(SecretsUnavailableError):
        core.secrets.get_secret("smtp")
    assert not core.pins.is_set()
    assert not (data_dir / FALLBACK_FILENAME).exists()


def test_the_guardian_opts_into_the_weaker_file(db, data_dir, clock):
    core = open_guardian(db, data_dir, clock, keyring_backend=fail.Keyring())
    status = core.enable_file_fallback(by="Li Wei")
    assert status.kind is SecretBackendKind.FILE_FALLBACK and status.weaker
    assert core.state.get(StateKey.SECRETS_FILE_FALLBACK)["by"] == "Li Wei"
    assert core.audit.recent(1, kind=AuditKind.SECRETS_FALLBACK_ENABLED)
    core.enrol(PIN)
    core.secrets.set_api_key("openai", "sk-secret-value")
    core.secrets.set_secret("smtp", "mail-password")
    path = data_dir / FALLBACK_FILENAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = json.loads(path.read_text())
    assert "WEAKER" in content["_warning"]
    # Audited by name only, never the value.
    events = core.audit.recent(5, kind=AuditKind.SECRET_CHANGED)
    assert {e.detail["name"] for e in events} == {"openai", "smtp"}
    assert "sk-secret-value" not in str([e.detail for e in core.audit.recent(100)])
    # A restart uses the file again, because the choice is stored.
    again = open_guardian(db, data_dir, clock, keyring_backend=fail.Keyring())
    assert again.secrets.status.kind is SecretBackendKind.FILE_FALLBACK
    assert again.secrets.get_api_key("openai") == "sk-secret-value"
    assert again.secrets.get_secret("smtp") == "mail-password"
    assert again.check_integrity().chat_allowed
    with pytest.raises(GuardianSessionError):  # once set up, choices need the PIN
        again.enable_file_fallback(by="someone")


def test_losing_the_keyring_locks_until_the_guardian_chooses(db, data_dir, clock, tmp_path):
    keyring_file = tmp_path / "stand-in-keyring.json"
    keyring_like = SecretsStatus(SecretBackendKind.KEYRING, "stand-in")
    core = GuardianCore(
        db, data_dir, clock, SecretStore(FileSecretBackend(keyring_file), keyring_like)
    )
    core.enrol(PIN)
    core.settings.put("limits", {"daily": 60})
    gone = SecretsStatus(SecretBackendKind.UNAVAILABLE, "none", "keyring daemon not running")
    later = GuardianCore(db, data_dir, clock, SecretStore(None, gone))
    state = later.check_integrity()
    assert state.locked and state.reasons == (IntegrityReason.KEYRING_UNAVAILABLE,)
    assert state.detail == "keyring daemon not running"
    with pytest.raises(SettingsIntegrityError):  # never an unverified value
        later.settings.get("limits")
    session = later.pins.verify(PIN).session  # the PIN still works from the database
    assert session is not None
    later.enable_file_fallback(by="Li Wei", session=session)
    state = later.check_integrity()
    assert set(state.reasons) == {IntegrityReason.MARKER_MISSING, IntegrityReason.KEY_MISSING}
    assert later.reseal(session).chat_allowed
    assert later.settings.get("limits") == {"daily": 60}


def test_a_damaged_fallback_file_is_unavailable_not_empty(tmp_path):
    path = tmp_path / FALLBACK_FILENAME
    path.write_text("{not json")
    with pytest.raises(SecretsUnavailableError):
        FileSecretBackend(path).get("x")
    path.write_text(json.dumps({"format": "something-else", "secrets": {}}))
    with pytest.raises(SecretsUnavailableError):
        FileSecretBackend(path).get("x")


def test_secret_names_and_values_are_checked(tmp_path):
    store = SecretStore(
        FileSecretBackend(tmp_path / "s.json"),
        SecretsStatus(SecretBackendKind.FILE_FALLBACK, "file"),
    )
    with pytest.raises(ValueError):
        store.set_secret("", "x")
    with pytest.raises(ValueError):
        store.set_api_key("openai", "")
    store.set_api_key("openai", "k1")
    store.set_secret("openai", "s1")  # separate namespaces
    assert store.get_api_key("openai") == "k1" and store.get_secret("openai") == "s1"
    store.delete_api_key("openai")
    assert store.get_api_key("openai") is None and store.get_secret("openai") == "s1"
