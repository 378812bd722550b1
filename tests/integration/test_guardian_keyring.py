"""The guardian core against a real Secret Service and a real SQLite file (issue 3).

Tampering is done the way a child would: the ``sqlite3`` command-line tool, deleting the
database file, ``secret-tool clear`` on the keyring entry.
"""

import shutil
import subprocess

import pytest

from desktop.guardian.audit import AuditKind
from desktop.guardian.core import AlreadySetUpError, open_guardian
from desktop.guardian.integrity import IntegrityReason, IntegrityStatus
from desktop.guardian.pin import PinOutcome
from desktop.guardian.secrets import KEY_ENTRY, MARKER_ENTRY, SecretBackendKind
from desktop.guardian.settings_store import SettingsIntegrityError
from desktop.storage import open_database
from desktop.storage.database import DB_FILENAME
from tests.integration import secret_service as _secret_service

# The real Secret Service fixtures (see tests/integration/secret_service.py).
secret_service = _secret_service.secret_service
keyring_service = _secret_service.keyring_service

PIN = "592016"
RULES = {"daily_minutes": 60, "curfew": ["22:00", "06:00"]}


class Home:
    """A data folder plus the keyring service it uses; ``open()`` is a fresh start of Hearth."""

    def __init__(self, data_dir, service, backend, clock):
        self.data_dir, self.service, self.backend, self.clock = data_dir, service, backend, clock
        self.db = None

    def open(self):
        self.close()
        self.db = open_database(self.data_dir)
        return open_guardian(
            self.db, self.data_dir, self.clock, service=self.service, keyring_backend=self.backend
        )

    def close(self):
        if self.db is not None:
            self.db.close()
            self.db = None

    def secret_tool(self, *args):
        return subprocess.run(
            ["secret-tool", *args], capture_output=True, text=True, timeout=10, check=False
        )


@pytest.fixture
def home(tmp_path, keyring_service, secret_service, clock):
    home = Home(tmp_path / "data", keyring_service, secret_service, clock)
    core = home.open()
    core.enrol(PIN)
    core.settings.put("limits.rules.1", RULES)
    home.close()
    yield home
    home.close()


def test_setup_puts_the_key_and_marker_in_the_keyring(home):
    core = home.open()
    assert core.secrets.status.kind is SecretBackendKind.KEYRING
    assert "SecretService" in core.secrets.status.backend
    assert core.check_integrity().status is IntegrityStatus.OK
    key = home.secret_tool("lookup", "service", home.service, "username", KEY_ENTRY)
    marker = home.secret_tool("lookup", "service", home.service, "username", MARKER_ENTRY)
    assert key.returncode == 0 and len(key.stdout.strip()) == 44  # base64 of 32 bytes
    assert core.install_id() in marker.stdout
    # Nothing secret in the database file itself.
    raw = (home.data_dir / DB_FILENAME).read_bytes()
    assert key.stdout.strip().encode() not in raw and PIN.encode() not in raw


def test_a_limit_edited_with_sqlite3_fails_closed(home):
    sqlite3 = shutil.which("sqlite3")
    assert sqlite3, "the sqlite3 command-line tool is needed for this test"
    subprocess.run(
        [
            sqlite3,
            str(home.data_dir / DB_FILENAME),
            'UPDATE guardian_settings SET value = \'{"curfew":[],"daily_minutes":600}\' '
            "WHERE key = 'limits.rules.1'",
        ],
        check=True,
        timeout=10,
    )
    core = home.open()
    state = core.check_integrity()
    assert state.locked and not state.chat_allowed
    assert state.reasons == (IntegrityReason.SETTINGS_TAMPERED,)
    assert state.tampered_settings == ("limits.rules.1",)
    with pytest.raises(SettingsIntegrityError):
        core.settings.get("limits.rules.1", default={})
    event = core.audit.recent(1, kind=AuditKind.INTEGRITY_LOCKED)[0]
    assert event.detail["tampered_settings"] == ["limits.rules.1"]
    # The guardian reviews and drops the edited value.
    session = core.pins.verify(PIN).session
    assert core.reseal(session, drop_tampered=True).chat_allowed
    assert core.settings.get("limits.rules.1", default="defaults") == "defaults"


def test_a_deleted_database_fails_closed(home):
    for suffix in ("", "-wal", "-shm"):
        (home.data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    core = home.open()  # Hearth starts and makes a new, empty database
    state = core.check_integrity()
    assert state.locked and state.reasons == (IntegrityReason.DATABASE_MISSING,)
    assert core.audit.recent(1, kind=AuditKind.INTEGRITY_LOCKED)
    with pytest.raises(AlreadySetUpError):
        core.enrol("000000")  # the child cannot start a family of their own
    assert core.pins.verify("000000").outcome is PinOutcome.WRONG
    assert core.reseal(core.pins.verify(PIN).session).chat_allowed


def test_a_keyring_entry_cleared_with_secret_tool_fails_closed(home):
    result = home.secret_tool("clear", "service", home.service, "username", KEY_ENTRY)
    assert result.returncode == 0
    core = home.open()
    state = core.check_integrity()
    assert state.locked and state.reasons == (IntegrityReason.KEY_MISSING,)
    with pytest.raises(SettingsIntegrityError):
        core.settings.get("limits.rules.1")
    assert core.audit.recent(1, kind=AuditKind.INTEGRITY_LOCKED)
    state = core.reseal(core.pins.verify(PIN).session)
    assert state.chat_allowed
    assert core.settings.get("limits.rules.1") == RULES  # the guardian accepted what is there


def test_a_marker_deleted_with_keyring_fails_closed(home):
    home.backend.delete_password(home.service, MARKER_ENTRY)
    core = home.open()
    assert core.check_integrity().reasons == (IntegrityReason.MARKER_MISSING,)
    assert core.reseal(core.pins.verify(PIN).session).chat_allowed
    assert home.backend.get_password(home.service, MARKER_ENTRY)


def test_the_whole_service_cleared_fails_closed(home):
    assert home.secret_tool("clear", "service", home.service).returncode == 0
    core = home.open()
    state = core.check_integrity()
    assert set(state.reasons) == {IntegrityReason.MARKER_MISSING, IntegrityReason.KEY_MISSING}


def test_api_keys_and_smtp_passwords_live_in_the_keyring(home):
    core = home.open()
    core.secrets.set_api_key("openai", "sk-test-123")
    core.secrets.set_secret("smtp:alerts", "mail-pass")
    looked_up = home.secret_tool("lookup", "service", home.service, "username", "api-key:openai")
    assert looked_up.stdout.strip() == "sk-test-123"
    again = home.open()
    assert again.secrets.get_api_key("openai") == "sk-test-123"
    assert again.secrets.get_secret("smtp:alerts") == "mail-pass"
    raw = (home.data_dir / DB_FILENAME).read_bytes()
    wal = home.data_dir / (DB_FILENAME + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"sk-test-123" not in raw and b"mail-pass" not in raw
    again.secrets.delete_api_key("openai")
    assert again.secrets.get_api_key("openai") is None


def test_moving_from_the_file_fallback_into_the_keyring(
    tmp_path, keyring_service, secret_service, clock
):
    from keyring.backends import fail

    data_dir = tmp_path / "d"
    db = open_database(data_dir)
    core = open_guardian(
        db, data_dir, clock, service=keyring_service, keyring_backend=fail.Keyring()
    )
    core.enable_file_fallback(by="Li Wei")
    core.enrol(PIN)
    core.settings.put("a", 1)
    core.secrets.set_api_key("openai", "sk-1")
    # Later a keyring is installed; the guardian moves the secrets into it.
    core.keyring_backend = secret_service
    status = core.disable_file_fallback(core.pins.verify(PIN).session)
    assert status.kind is SecretBackendKind.KEYRING
    assert not (data_dir / "secrets.fallback.json").exists()
    again = open_guardian(
        db, data_dir, clock, service=keyring_service, keyring_backend=secret_service
    )
    assert again.check_integrity().chat_allowed
    assert again.secrets.get_api_key("openai") == "sk-1"
    assert again.audit.recent(1, kind=AuditKind.SECRETS_FALLBACK_DISABLED)
    db.close()
