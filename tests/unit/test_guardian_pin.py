"""First-run enrolment, PIN check, change and recovery (issue 3)."""

import pytest

from desktop.guardian.audit import AuditKind
from desktop.guardian.core import AlreadySetUpError
from desktop.guardian.integrity import IntegrityReason
from desktop.guardian.pin import PinOutcome, hash_secret
from desktop.guardian.pin_rules import PinRuleError
from tests.support.guardian_core import make_core

PIN = "passphrase with 语言"
NEW_PIN = "73915048"



@pytest.fixture
def core(tmp_path, clock):
    core = make_core(tmp_path / "data", clock)
    yield core
    core.db.close()


def all_text(core) -> str:
    """Every value in every table, plus the secrets file, as one string."""
    parts = []
    for table in core.db.table_names():
        for row in core.db[table].rows:
            parts.extend(str(v) for v in row.values())
    parts.append((core.data_dir / "secrets.fallback.json").read_text())
    return "\n".join(parts)


def test_enrol_returns_a_one_time_code_and_stores_only_hashes(core):
    assert not core.pins.is_set()
    enrolment = core.enrol(PIN)
    assert core.pins.is_set()
    text = all_text(core)
    assert PIN not in text
    assert enrolment.recovery_code not in text
    assert enrolment.recovery_code.replace("-", "") not in text
    hashes = core.pins.stored_hashes()
    assert hashes.pin_hash.startswith("$argon2id$")
    assert hashes.recovery_hash.startswith("$argon2id$")
    assert core.audit.recent(5, kind=AuditKind.FAMILY_SET_UP)


def test_a_bad_pin_changes_nothing(core):
    for pin in ["", "12345", "x" * 10_000]:
        with pytest.raises(PinRuleError):
            core.enrol(pin)
    assert not core.pins.is_set()
    assert core.secrets.settings_key() is None
    assert core.audit.recent(10) == []


def test_enrol_twice_is_refused(core):
    core.enrol(PIN)
    with pytest.raises(AlreadySetUpError):
        core.enrol("999999")
    assert core.pins.verify(PIN).ok


def test_verify(core):
    core.enrol(PIN)
    assert core.pins.verify(PIN).ok
    assert core.pins.verify(PIN.upper()).outcome is PinOutcome.WRONG
    result = core.pins.verify(PIN)
    assert result.session is not None and result.session.is_fresh(core.clock)


def test_verify_before_setup_says_not_set(core):
    assert core.pins.verify("123456").outcome is PinOutcome.NOT_SET


def test_session_expires(core, clock):
    core.enrol(PIN)
    session = core.pins.verify(PIN).session
    clock.advance(15 * 60 + 1)
    assert not session.is_fresh(clock)


def test_change_needs_the_old_pin(core):
    core.enrol(PIN)
    wrong = core.pins.change("not the pin", NEW_PIN)
    assert wrong.outcome is PinOutcome.WRONG
    assert core.pins.verify(PIN).ok
    assert core.pins.change(PIN, NEW_PIN).ok
    assert core.pins.verify(PIN).outcome is PinOutcome.WRONG
    assert core.pins.verify(NEW_PIN).ok
    assert core.check_integrity().chat_allowed  # the keyring copy moved along
    assert core.audit.recent(1, kind=AuditKind.PIN_CHANGED)


def test_a_bad_new_pin_is_refused_before_the_old_one_is_checked(core):
    core.enrol(PIN)
    with pytest.raises(PinRuleError):
        core.pins.change("wrong old", "123")
    assert core.pins.lockout().failed_attempts == 0
    assert core.pins.verify(PIN).ok


def test_recovery_resets_the_pin_and_issues_a_new_code(core):
    code = core.enrol(PIN).recovery_code
    result = core.pins.recover(code.lower(), NEW_PIN)
    assert result.ok
    assert result.recovery_code and result.recovery_code != code
    assert core.pins.verify(NEW_PIN).ok
    assert core.pins.verify(PIN).outcome is PinOutcome.WRONG
    # The old code is spent; the new one works.
    assert core.pins.recover(code, "55555555").outcome is PinOutcome.WRONG
    assert core.pins.recover(result.recovery_code, "55555555").ok
    assert core.check_integrity().chat_allowed


def test_wrong_recovery_codes_climb_the_same_ladder(core):
    code = core.enrol(PIN).recovery_code
    for _ in range(6):
        core.pins.recover("AAAAA-AAAAA-AAAAA-AAAAA", NEW_PIN)
    assert core.pins.lockout().locked
    assert core.pins.recover(code, NEW_PIN).outcome is PinOutcome.LOCKED
    assert core.pins.verify(PIN).outcome is PinOutcome.LOCKED


def test_a_replaced_hash_in_the_database_does_not_open_the_panel(core):
    """The child writes their own argon2 hash into guardian_pin: the keyring copy decides."""
    core.enrol(PIN)
    core.db["guardian_pin"].update(1, {"pin_hash": hash_secret("111111")})
    assert core.pins.verify("111111").outcome is PinOutcome.WRONG
    assert core.pins.verify(PIN).ok
    state = core.check_integrity()
    assert IntegrityReason.PIN_RECORD_MISMATCH in state.reasons
    assert not state.chat_allowed
    # The guardian reseals: the database copy is restored from the keyring.
    assert core.reseal(core.pins.verify(PIN).session).chat_allowed
    assert core.pins.stored_hashes() == core.pins.marker_hashes()
