"""Is this family's setup intact? If not: fail closed until the guardian's PIN, then reseal.

Checked together, because each alone can be defeated by changing the other:
- the keyring answers (or the guardian opted into the file fallback);
- the keyring's family-setup marker and the database agree that a family is set up, on the same
  installation, with the same PIN hashes;
- the settings key is there and every guardian setting (and the manifest) verifies.

The lead locks the chat whenever :attr:`IntegrityState.chat_allowed` is false and shows the
reasons to the guardian. After the PIN (a fresh :class:`GuardianSession`), :func:`reseal`
re-signs the current state — optionally dropping tampered settings or rotating the key — and
records who did it and when. Rotating the key also changes every :meth:`derived_key`, so data
other subsystems signed with one (a usage ledger) will no longer verify and fails closed too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.pin import GuardianSession, PinHashes, require_session
from desktop.guardian.secrets import SecretsUnavailableError
from desktop.guardian.state import FamilyMarker, StateKey

if TYPE_CHECKING:
    from desktop.guardian.core import GuardianCore


class IntegrityStatus(StrEnum):
    OK = "ok"
    NEEDS_SETUP = "needs_setup"  # no family anywhere: show the first-run setup
    LOCKED = "locked"


class IntegrityReason(StrEnum):
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    DATABASE_MISSING = "database_missing"  # the keyring says set up; the database has no family
    MARKER_MISSING = "marker_missing"  # the database says set up; the keyring forgot it
    KEY_MISSING = "key_missing"  # the settings key was deleted from the keyring
    INSTALL_MISMATCH = "install_mismatch"  # a database from another installation
    PIN_RECORD_MISMATCH = "pin_record_mismatch"  # the PIN hash in the database was replaced
    SETTINGS_TAMPERED = "settings_tampered"


@dataclass(frozen=True)
class IntegrityState:
    status: IntegrityStatus
    reasons: tuple[IntegrityReason, ...] = ()
    tampered_settings: tuple[str, ...] = ()
    detail: str = ""

    @property
    def chat_allowed(self) -> bool:
        return self.status is IntegrityStatus.OK

    @property
    def locked(self) -> bool:
        return self.status is IntegrityStatus.LOCKED


class NotSetUpError(RuntimeError):
    """There is nothing to reseal: no family in the database or the keyring."""


def check_integrity(core: GuardianCore) -> IntegrityState:
    """Look at keyring and database afresh; a locked result is audited (once per change)."""
    secrets = core.secrets
    secrets.refresh()
    db_set_up = core.pins.is_set()
    try:
        if not secrets.status.available:
            raise SecretsUnavailableError(secrets.status)
        marker = secrets.family_marker()
        key = secrets.settings_key()
    except SecretsUnavailableError as exc:
        reasons = (IntegrityReason.KEYRING_UNAVAILABLE,)
        if not db_set_up:
            return IntegrityState(IntegrityStatus.NEEDS_SETUP, reasons, detail=exc.status.detail)
        return _locked(core, reasons, (), exc.status.detail)
    if not db_set_up:
        if marker is None:
            return IntegrityState(IntegrityStatus.NEEDS_SETUP)
        return _locked(core, (IntegrityReason.DATABASE_MISSING,), (), "")
    reasons: list[IntegrityReason] = []
    if marker is None:
        reasons.append(IntegrityReason.MARKER_MISSING)
    else:
        if marker.install_id != core.state.get(StateKey.INSTALL_ID):
            reasons.append(IntegrityReason.INSTALL_MISMATCH)
        if core.pins.stored_hashes() != PinHashes(marker.pin_hash, marker.recovery_hash):
            reasons.append(IntegrityReason.PIN_RECORD_MISMATCH)
    tampered: tuple[str, ...] = ()
    if key is None:
        reasons.append(IntegrityReason.KEY_MISSING)
    else:
        verification = core.settings.verify_all()
        if not verification.ok:
            reasons.append(IntegrityReason.SETTINGS_TAMPERED)
            tampered = verification.tampered
    if reasons:
        return _locked(core, tuple(reasons), tampered, "")
    core._integrity_reported = None
    return IntegrityState(IntegrityStatus.OK)


def _locked(core: GuardianCore, reasons, tampered, detail: str) -> IntegrityState:
    state = IntegrityState(IntegrityStatus.LOCKED, reasons, tampered, detail)
    fingerprint = (reasons, tampered)
    if core._integrity_reported != fingerprint:
        core._integrity_reported = fingerprint
        core.audit.record(
            Actor.SYSTEM,
            AuditKind.INTEGRITY_LOCKED,
            {
                "reasons": [r.value for r in reasons],
                "tampered_settings": list(tampered),
                "detail": detail,
            },
        )
    return state


def reseal(
    core: GuardianCore,
    session: GuardianSession,
    *,
    new_key: bool = False,
    drop_tampered: bool = False,
) -> IntegrityState:
    """Accept the current state as the guardian's, after the PIN; returns the state after.

    The keyring marker's PIN hashes win over the database's (the PIN that opened ``session``
    was checked against them). With ``drop_tampered`` the settings that failed their MAC are
    deleted (back to defaults) instead of being accepted as they are now.
    """
    require_session(session, core.clock)
    before = check_integrity(core)
    secrets = core.secrets
    if IntegrityReason.KEYRING_UNAVAILABLE in before.reasons:
        raise SecretsUnavailableError(secrets.status)
    marker = secrets.family_marker()
    stored = core.pins.stored_hashes()
    if marker is None and stored is None:
        raise NotSetUpError("no family is set up here; run the first-run setup")
    hashes = PinHashes(marker.pin_hash, marker.recovery_hash) if marker else stored
    install_id = (core.state.get(StateKey.INSTALL_ID) if stored else None) or (
        marker.install_id if marker else uuid.uuid4().hex
    )
    set_up_at = core.state.get(StateKey.SET_UP_AT) or (
        marker.set_up_at if marker else core.clock.now().isoformat()
    )
    key = None if new_key else secrets.settings_key()
    rotated = key is None
    if rotated:
        key = secrets.new_settings_key()
        secrets.store_settings_key(key)
    drop = frozenset(before.tampered_settings) if drop_tampered else frozenset()
    with core.db.atomic():
        core.pins.write_hashes(hashes, update_marker=False)
        core.state.set(StateKey.INSTALL_ID, install_id)
        core.state.set(StateKey.SET_UP_AT, set_up_at)
        core.settings.sign_all(key, drop=drop)
        core.audit.record(
            Actor.GUARDIAN,
            AuditKind.INTEGRITY_RESEALED,
            {
                "by": core.guardian_name(),
                "reasons": [r.value for r in before.reasons],
                "new_key": rotated,
                "dropped_settings": sorted(drop),
            },
        )
        # Last, inside the transaction: if the keyring write fails, the database rolls back.
        secrets.write_family_marker(
            FamilyMarker(install_id, set_up_at, hashes.pin_hash, hashes.recovery_hash)
        )
    return check_integrity(core)
