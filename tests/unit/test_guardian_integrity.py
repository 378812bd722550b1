"""Fail closed when keyring and database disagree; reseal after the PIN (issue 3)."""

import pytest

from desktop.guardian.audit import AuditKind
from desktop.guardian.core import AlreadySetUpError, GuardianCore
from desktop.guardian.integrity import IntegrityReason, IntegrityStatus, NotSetUpError
from desktop.guardian.pin import PinOutcome
from desktop.guardian.secrets import (
    KEY_ENTRY,
    MARKER_ENTRY,
    FileSecretBackend,
    SecretBackendKind,
    SecretsStatus,
    SecretStore,
)
from desktop.storage import open_database

PIN = "135792"


class Family:
    """One stand-in keyring (a file) shared by any number of data folders."""

    def __init__(self, tmp_path, clock):
        self.keyring = FileSecretBackend(tmp_path / "keyring.json")
        self.tmp_path = tmp_path
        self.clock = clock
        self.opened = []

    def core(self, name="data") -> GuardianCore:
        data_dir = self.tmp_path / name
        db = open_database(data_dir)
        self.opened.append(db)
        store = SecretStore(self.keyring, SecretsStatus(SecretBackendKind.KEYRING, "stand-in"))
        return GuardianCore(db, data_dir, self.clock, store)


@pytest.fixture
def family(tmp_path, clock):
    family = Family(tmp_path, clock)
    yield family
    for db in family.opened:
        db.close()


def test_fresh_means_setup(family):
    state = family.core().check_integrity()
    assert state.status is IntegrityStatus.NEEDS_SETUP and not state.chat_allowed


def test_set_up_is_ok(family):
    core = family.core()
    core.enrol(PIN)
    assert core.check_integrity().status is IntegrityStatus.OK


def test_a_deleted_key_locks(family):
    core = family.core()
    core.enrol(PIN)
    core.settings.put("a", 1)
    family.keyring.delete(KEY_ENTRY)
    state = core.check_integrity()
    assert state.locked and state.reasons == (IntegrityReason.KEY_MISSING,)
    events = core.audit.recent(5, kind=AuditKind.INTEGRITY_LOCKED)
    assert events[0].detail["reasons"] == ["key_missing"]
    session = core.pins.verify(PIN).session
    assert core.reseal(session).chat_allowed
    assert core.settings.get("a") == 1
    assert core.audit.recent(1, kind=AuditKind.INTEGRITY_RESEALED)[0].detail["new_key"] is True


def test_a_deleted_marker_locks(family):
    core = family.core()
    core.enrol(PIN)
    family.keyring.delete(MARKER_ENTRY)
    assert core.check_integrity().reasons == (IntegrityReason.MARKER_MISSING,)
    assert core.reseal(core.pins.verify(PIN).session).chat_allowed
    assert core.secrets.family_marker().install_id == core.install_id()


def test_a_garbled_marker_counts_as_missing(family):
    core = family.core()
    core.enrol(PIN)
    family.keyring.set(MARKER_ENTRY, "{garbage")
    assert IntegrityReason.MARKER_MISSING in core.check_integrity().reasons


def test_a_deleted_database_locks_and_cannot_be_set_up_again(family):
    first = family.core("data")
    first.enrol(PIN)
    fresh = family.core("replacement")  # same keyring, empty database
    state = fresh.check_integrity()
    assert state.locked and state.reasons == (IntegrityReason.DATABASE_MISSING,)
    with pytest.raises(AlreadySetUpError) as info:
        fresh.enrol("000000")
    assert info.value.key == "keyring"
    # Only the guardian's PIN (checked against the keyring's copy) restarts the family.
    assert fresh.pins.verify("000000").outcome is PinOutcome.WRONG
    session = fresh.pins.verify(PIN).session
    assert fresh.reseal(session).chat_allowed
    assert fresh.pins.verify(PIN).ok
    assert fresh.install_id() == first.install_id()


def test_a_database_from_another_installation_locks(family, tmp_path, clock):
    core = family.core("data")
    core.enrol(PIN)
    elsewhere = Family(tmp_path / "other", clock)
    other = elsewhere.core("data")
    other.enrol(PIN)
    other.db.close()
    # Put the other installation's database behind this keyring.
    swapped = family.core("other/data")
    assert IntegrityReason.INSTALL_MISMATCH in swapped.check_integrity().reasons


def test_a_locked_state_is_audited_once_until_it_changes(family):
    core = family.core()
    core.enrol(PIN)
    family.keyring.delete(MARKER_ENTRY)
    for _ in range(3):
        core.check_integrity()
    assert len(core.audit.recent(50, kind=AuditKind.INTEGRITY_LOCKED)) == 1
    family.keyring.delete(KEY_ENTRY)
    core.check_integrity()
    assert len(core.audit.recent(50, kind=AuditKind.INTEGRITY_LOCKED)) == 2


def test_nothing_to_reseal(family, clock):
    from desktop.guardian.pin import GuardianSession

    core = family.core()
    with pytest.raises(NotSetUpError):
        core.reseal(GuardianSession(clock.now(), clock.monotonic()))
