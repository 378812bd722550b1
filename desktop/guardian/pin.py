"""The guardian's PIN: argon2id hashes, the persisted lockout ladder, recovery and change.

Only argon2id hashes are stored (argon2-cffi defaults: t=3, m=64 MiB, p=4, about 0.1 s here),
in the ``guardian_pin`` row and, as the authoritative copy, in the keyring's family-setup marker
(see ``state.FamilyMarker``): if someone replaces the hash in the database with one of their own,
the marker's hash still decides, and the integrity check reports the mismatch. argon2's verify
compares in constant time.

Keeping the PIN out of memory, honestly: Python strings are immutable and cannot be wiped; a PIN
passed in as ``str`` may survive in freed memory (or in swap) until it is overwritten, and the
GUI toolkit keeps its own copies while the guardian types. What this module does is what Python
allows: it never logs, stores or returns the PIN, normalises it once, hands it to argon2 and drops
its references immediately. Callers should do the same (clear the text field after use).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from desktop.clock import Clock
from desktop.guardian.audit import Actor, AuditKind, AuditLog
from desktop.guardian.lockout import AttemptRecord, LockoutState, LockReason, evaluate, uptime_at
from desktop.guardian.pin_rules import (
    PinRuleError,
    check_new_pin,
    new_recovery_code,
    normalize_input,
    normalize_recovery_code,
)
from desktop.guardian.secrets import SecretStore, SecretsUnavailableError

_HASHER = PasswordHasher()  # argon2id

#: How long a verified PIN counts as "the guardian is here" for follow-up actions (reseal, ...).
SESSION_SECONDS = 15 * 60


def hash_secret(text: str) -> str:
    return _HASHER.hash(text)


def verify_hash(stored_hash: str, text: str) -> bool:
    """Constant-time argon2 verification; a malformed hash never verifies."""
    try:
        return _HASHER.verify(stored_hash, text)
    except (VerificationError, InvalidHashError):
        return False


class PinOutcome(StrEnum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    INVALID_INPUT = "invalid_input"
    NOT_SET = "not_set"


@dataclass(frozen=True)
class GuardianSession:
    """Proof that the PIN was just accepted, for follow-up actions that need the guardian.

    An API contract inside one process, not a security boundary (any code could construct one).
    """

    opened_at: datetime
    opened_monotonic: float

    def is_fresh(self, clock: Clock, max_age: float = SESSION_SECONDS) -> bool:
        return 0 <= clock.monotonic() - self.opened_monotonic <= max_age


class GuardianSessionError(PermissionError):
    """A guardian-only action was attempted without a fresh verified PIN."""


def require_session(session: GuardianSession | None, clock: Clock) -> GuardianSession:
    if session is None or not session.is_fresh(clock):
        raise GuardianSessionError("this needs the guardian's PIN")
    return session


@dataclass(frozen=True)
class PinCheckResult:
    outcome: PinOutcome
    lockout: LockoutState
    message: str
    session: GuardianSession | None = None
    #: Only after a successful recovery: the new one-time recovery code to show once.
    recovery_code: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED


@dataclass(frozen=True)
class PinHashes:
    pin_hash: str
    recovery_hash: str


class PinService:
    """Set, check, change and recover the guardian's PIN."""

    def __init__(self, db: Database, secrets: SecretStore, audit: AuditLog, clock: Clock):
        self.db = db
        self.secrets = secrets
        self.audit = audit
        self.clock = clock
        self._clock_back_reported = False

    # -- stored state -------------------------------------------------------------------------
    def stored_hashes(self) -> PinHashes | None:
        """The database copy (what export and the integrity check compare)."""
        rows = list(self.db["guardian_pin"].rows_where("id = 1"))
        return PinHashes(rows[0]["pin_hash"], rows[0]["recovery_hash"]) if rows else None

    def marker_hashes(self) -> PinHashes | None:
        """The keyring copy, or None when the keyring or its marker is unavailable."""
        if not self.secrets.status.available:
            return None
        try:
            marker = self.secrets.family_marker()
        except SecretsUnavailableError:
            return None
        return PinHashes(marker.pin_hash, marker.recovery_hash) if marker else None

    def authoritative_hashes(self) -> PinHashes | None:
        return self.marker_hashes() or self.stored_hashes()

    def is_set(self) -> bool:
        return self.stored_hashes() is not None

    def _attempts(self) -> AttemptRecord:
        rows = list(self.db["pin_lockout"].rows_where("id = 1"))
        if not rows:
            return AttemptRecord()
        row = rows[0]
        at = row["last_failure_at"]
        return AttemptRecord(
            failed_attempts=row["failed_attempts"] or 0,
            last_failure_at=datetime.fromisoformat(at) if at else None,
            last_failure_uptime=row["last_failure_uptime"],
        )

    def lockout(self) -> LockoutState:
        now = self.clock.now()
        state = evaluate(self._attempts(), now, uptime_at(now, self.clock.boot_offset()))
        if state.reason is LockReason.CLOCK_MOVED_BACK and not self._clock_back_reported:
            self._clock_back_reported = True
            self.audit.record(
                Actor.SYSTEM,
                AuditKind.PIN_CLOCK_MOVED_BACK,
                {"locked_until": state.locked_until.isoformat()},
            )
        return state

    def _record_failure(self, kind: AuditKind) -> LockoutState:
        now = self.clock.now()
        count = self._attempts().failed_attempts + 1
        self.db["pin_lockout"].upsert(
            {
                "id": 1,
                "failed_attempts": count,
                "last_failure_at": now.isoformat(),
                "last_failure_uptime": uptime_at(now, self.clock.boot_offset()),
            },
            pk="id",
        )
        state = self.lockout()
        self.audit.record(Actor.SYSTEM, kind, {"failed_attempts": count})
        if state.locked:
            self.audit.record(
                Actor.SYSTEM,
                AuditKind.PIN_LOCKED_OUT,
                {"failed_attempts": count, "locked_until": state.locked_until.isoformat()},
            )
        return state

    def _reset_failures(self) -> None:
        self.db["pin_lockout"].upsert(
            {"id": 1, "failed_attempts": 0, "last_failure_at": None, "last_failure_uptime": None},
            pk="id",
        )
        self._clock_back_reported = False

    def _session(self) -> GuardianSession:
        return GuardianSession(self.clock.now(), self.clock.monotonic())

    def write_hashes(self, hashes: PinHashes, *, update_marker: bool = True) -> None:
        """Store new hashes in the database and (first) in the keyring marker, atomically enough:
        the marker is written inside the database transaction, so a failing keyring rolls the
        database back; a crash after the marker write leaves the marker authoritative."""
        with self.db.atomic():
            self.db["guardian_pin"].upsert(
                {
                    "id": 1,
                    "pin_hash": hashes.pin_hash,
                    "recovery_hash": hashes.recovery_hash,
                    "changed_at": self.clock.now().isoformat(),
                },
                pk="id",
            )
            if update_marker:
                marker = self.secrets.family_marker()  # raises if the keyring is unavailable
                if marker is not None:
                    self.secrets.write_family_marker(
                        replace(
                            marker, pin_hash=hashes.pin_hash, recovery_hash=hashes.recovery_hash
                        )
                    )

    @staticmethod
    def new_hashes(pin: str) -> tuple[PinHashes, str]:
        """Hash a new PIN (validated) and a fresh recovery code; returns (hashes, code)."""
        normalised = check_new_pin(pin)
        code = new_recovery_code()
        hashes = PinHashes(hash_secret(normalised), hash_secret(normalize_recovery_code(code)))
        return hashes, code

    # -- checking -----------------------------------------------------------------------------
    def _result(self, outcome: PinOutcome, message: str, **extra) -> PinCheckResult:
        return PinCheckResult(outcome, self.lockout(), message, **extra)

    def _check(self, typed: str, *, recovery: bool) -> PinCheckResult:
        """Shared path of PIN and recovery-code checks; counts failures, never raises on input."""
        try:
            candidate = normalize_recovery_code(typed) if recovery else normalize_input(typed)
        except PinRuleError as exc:
            return self._result(PinOutcome.INVALID_INPUT, str(exc))
        del typed
        state = self.lockout()
        if state.locked:
            return PinCheckResult(PinOutcome.LOCKED, state, _locked_message(state))
        hashes = self.authoritative_hashes()
        if hashes is None:
            return self._result(PinOutcome.NOT_SET, "No guardian PIN has been set yet.")
        ok = verify_hash(hashes.recovery_hash if recovery else hashes.pin_hash, candidate)
        del candidate
        if not ok:
            state = self._record_failure(
                AuditKind.RECOVERY_FAILED if recovery else AuditKind.PIN_FAILED
            )
            if state.locked:
                return PinCheckResult(PinOutcome.WRONG, state, "Wrong. " + _locked_message(state))
            what = "recovery code" if recovery else "PIN"
            return PinCheckResult(PinOutcome.WRONG, state, f"The {what} is not correct.")
        self._reset_failures()
        return PinCheckResult(
            PinOutcome.ACCEPTED, self.lockout(), "Accepted.", session=self._session()
        )

    def verify(self, pin: str) -> PinCheckResult:
        """Check the PIN; wrong ones climb the lockout ladder, empty/overlong ones do not count."""
        result = self._check(pin, recovery=False)
        if result.ok:
            self.audit.record(Actor.GUARDIAN, AuditKind.PIN_ACCEPTED, {})
        return result

    def change(self, old_pin: str, new_pin: str) -> PinCheckResult:
        """Change the PIN; needs the old one. A new PIN that breaks the rules raises
        ``PinRuleError`` before the old one is checked (so it costs no attempt)."""
        normalised = check_new_pin(new_pin)
        del new_pin
        result = self._check(old_pin, recovery=False)
        if not result.ok:
            return result
        current = self.authoritative_hashes()
        self.write_hashes(PinHashes(hash_secret(normalised), current.recovery_hash))
        del normalised
        self.audit.record(Actor.GUARDIAN, AuditKind.PIN_CHANGED, {})
        return result

    def recover(self, recovery_code: str, new_pin: str) -> PinCheckResult:
        """Reset a forgotten PIN with the recovery code; issues (and returns once) a new code.

        Failed codes climb the same lockout ladder as wrong PINs."""
        check_new_pin(new_pin)  # raises PinRuleError first, without costing an attempt
        result = self._check(recovery_code, recovery=True)
        if not result.ok:
            return result
        hashes, code = self.new_hashes(new_pin)
        del new_pin
        self.write_hashes(hashes)
        self.audit.record(Actor.GUARDIAN, AuditKind.PIN_RECOVERED, {})
        return replace(
            result,
            recovery_code=code,
            message="PIN reset; a new recovery code was issued and the old one no longer works.",
        )


def _locked_message(state: LockoutState) -> str:
    minutes = max(1, (state.seconds_left + 59) // 60)
    if state.reason is LockReason.CLOCK_MOVED_BACK:
        return (
            "PIN entry is locked: the computer's clock is earlier than the last failed "
            f"attempt. Correct the clock, or wait about {minutes} min."
        )
    return f"Too many wrong attempts. Try again in about {minutes} min."
