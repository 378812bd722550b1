"""One object per data directory that wires the guardian parts together.

core = open_guardian(db, data_dir, clock)
state = core.check_integrity()        # lock the chat unless state.chat_allowed
core.pins.verify(pin)                 # -> PinCheckResult (with a GuardianSession if ok)
core.settings.put("limits.rules", {...}); core.settings.get("limits.rules", default)
core.secrets.set_api_key("openai", "sk-..."); core.secrets.get_secret("smtp")
core.consents.record(...); core.audit.record(Actor.GUARDIAN, "kind", {...})
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop import meta
from desktop.clock import Clock
from desktop.guardian.audit import Actor, AuditKind, AuditLog
from desktop.guardian.consent import ConsentRepository
from desktop.guardian.integrity import IntegrityState, check_integrity, reseal
from desktop.guardian.pin import GuardianSession, PinHashes, PinService, require_session
from desktop.guardian.secrets import (
    FALLBACK_FILENAME,
    FileSecretBackend,
    SecretBackendKind,
    SecretsStatus,
    SecretStore,
    SecretsUnavailableError,
    probe_keyring,
)
from desktop.guardian.settings_store import (
    SettingsIntegrityError,
    SettingStatus,
    SignedSettingsStore,
)
from desktop.guardian.state import FamilyMarker, GuardianStateStore, StateKey
from desktop.profiles.repository import ProfileRepository


class AlreadySetUpError(RuntimeError):
    """Setup was asked for where a family exists; ``key``: ``database`` or ``keyring``."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Enrolment:
    """The result of the first-run setup. Show ``recovery_code`` once, then forget it."""

    recovery_code: str
    install_id: str
    session: GuardianSession


def fallback_status(path: Path) -> SecretsStatus:
    return SecretsStatus(
        SecretBackendKind.FILE_FALLBACK,
        "file",
        f"weaker: secrets are kept in the plain file {path} (mode 0600), by the guardian's choice",
    )


class GuardianCore:
    def __init__(
        self,
        db: Database,
        data_dir: Path,
        clock: Clock,
        secrets: SecretStore,
        *,
        service: str = meta.KEYRING_SERVICE,
        keyring_backend=None,
    ):
        self.db = db
        self.data_dir = Path(data_dir)
        self.clock = clock
        self.service = service
        self.keyring_backend = keyring_backend
        self.audit = AuditLog(db, clock)
        self.secrets = secrets
        if secrets.audit is None:
            secrets.audit = self.audit
        self.state = GuardianStateStore(db)
        self.pins = PinService(db, secrets, self.audit, clock)
        self.settings = SignedSettingsStore(db, secrets.settings_key, self.audit, clock)
        self.consents = ConsentRepository(db, self.audit)
        self._integrity_reported: tuple | None = None

    # -- state ----------------------------------------------------------------------------------
    def is_set_up(self) -> bool:
        """The database holds a family (a PIN). See ``check_integrity`` for the whole picture."""
        return self.pins.is_set()

    def install_id(self) -> str | None:
        return self.state.get(StateKey.INSTALL_ID)

    def guardian_name(self) -> str:
        guardian = ProfileRepository(self.db).guardian()
        return guardian.name if guardian else "guardian"

    def check_integrity(self) -> IntegrityState:
        return check_integrity(self)

    def reseal(
        self, session: GuardianSession, *, new_key: bool = False, drop_tampered: bool = False
    ) -> IntegrityState:
        return reseal(self, session, new_key=new_key, drop_tampered=drop_tampered)

    def derived_key(self, purpose: str) -> bytes:
        """A 32-byte key for one purpose (e.g. ``"limits.ledger"``), derived from the settings
        key so other subsystems can sign their data without another keyring entry."""
        if not purpose:
            raise ValueError("name the purpose of the key")
        try:
            key = self.secrets.settings_key()
        except SecretsUnavailableError:
            key = None
        if key is None:
            raise SettingsIntegrityError(
                SettingStatus.UNVERIFIABLE, detail="the settings key is not available"
            )
        return hmac.new(key, b"hearth-derived-key\x00" + purpose.encode(), hashlib.sha256).digest()

    # -- first run ------------------------------------------------------------------------------
    def enrol(
        self, pin: str, *, populate: Callable[[GuardianSession], None] | None = None
    ) -> Enrolment:
        """Set the family up: PIN, recovery code, settings key, keyring marker.

        ``populate(session)`` runs inside the same database transaction (guardian contacts,
        children, consents, settings); the keyring marker is written last, so a failure
        anywhere leaves no half-made family behind. Raises ``PinRuleError`` (bad PIN),
        ``AlreadySetUpError``, or ``SecretsUnavailableError`` (no keyring and no opt-in).
        """
        hashes, code = PinService.new_hashes(pin)
        del pin
        install_id, session = self.establish(hashes, populate=populate)
        return Enrolment(code, install_id, session)

    def establish(
        self,
        hashes: PinHashes,
        *,
        populate: Callable[[GuardianSession], None] | None = None,
        kind: AuditKind = AuditKind.FAMILY_SET_UP,
        detail: dict | None = None,
        replace_marker: bool = False,
    ) -> tuple[str, GuardianSession]:
        """Create a family from PIN hashes (first run, or a family import).

        ``replace_marker`` is for the caller that has just checked the PIN against an existing
        keyring marker (restoring a deleted database); otherwise a marker means "refuse".
        """
        if self.is_set_up():
            raise AlreadySetUpError("database", "a family is already set up in this data folder")
        if self.secrets.family_marker() is not None and not replace_marker:
            raise AlreadySetUpError(
                "keyring",
                "the keyring says a family was already set up on this account, but its "
                "database is missing: restore the database, import a family export, or enter "
                "the guardian's PIN in Hearth to start again from the keyring",
            )
        key = self.secrets.new_settings_key()
        self.secrets.store_settings_key(key)
        install_id = uuid.uuid4().hex
        now = self.clock.now()
        session = GuardianSession(now, self.clock.monotonic())
        with self.db.atomic():
            self.pins.write_hashes(hashes, update_marker=False)
            self.db.execute("DELETE FROM pin_lockout")
            self.state.set(StateKey.INSTALL_ID, install_id)
            self.state.set(StateKey.SET_UP_AT, now.isoformat())
            self.settings.replace_all(key, {}, actor=Actor.GUARDIAN)
            self.audit.record(
                Actor.GUARDIAN,
                kind,
                {
                    "install_id": install_id,
                    "secrets": self.secrets.status.kind.value,
                    **(detail or {}),
                },
            )
            if populate is not None:
                populate(session)
            self.secrets.write_family_marker(
                FamilyMarker(install_id, now.isoformat(), hashes.pin_hash, hashes.recovery_hash)
            )
        self._integrity_reported = None
        return install_id, session

    # -- the secrets fallback -------------------------------------------------------------------
    def enable_file_fallback(
        self, *, by: str, session: GuardianSession | None = None
    ) -> SecretsStatus:
        """The guardian chooses the weaker plain-file store because no keyring works.

        Before setup anyone at the keyboard is the guardian; afterwards this needs the PIN.
        Refused while a keyring is available. The choice is stored and audited.
        """
        if self.is_set_up():
            require_session(session, self.clock)
        if self.secrets.status.kind is SecretBackendKind.KEYRING:
            raise ValueError(
                "a keyring is available; the file fallback is only for computers without one"
            )
        path = self.data_dir / FALLBACK_FILENAME
        by = " ".join((by or "").split())[:100] or "guardian"
        now = self.clock.now().isoformat()
        self.state.set(StateKey.SECRETS_FILE_FALLBACK, {"enabled": True, "by": by, "at": now})
        self.audit.record(
            Actor.GUARDIAN, AuditKind.SECRETS_FALLBACK_ENABLED, {"by": by, "path": str(path)}
        )
        self.secrets.use(FileSecretBackend(path), fallback_status(path))
        return self.secrets.status

    def disable_file_fallback(self, session: GuardianSession) -> SecretsStatus:
        """Move every secret from the fallback file into the keyring (now available)."""
        require_session(session, self.clock)
        current = self.secrets.backend
        if not isinstance(current, FileSecretBackend):
            return self.secrets.status
        backend, status = probe_keyring(self.service, self.keyring_backend)
        if backend is None:
            raise SecretsUnavailableError(status)
        for entry, value in current.entries().items():
            backend.set(entry, value)
        self.state.delete(StateKey.SECRETS_FILE_FALLBACK)
        self.audit.record(
            Actor.GUARDIAN, AuditKind.SECRETS_FALLBACK_DISABLED, {"moved_to": status.backend}
        )
        self.secrets.use(backend, status)
        current.path.unlink(missing_ok=True)
        return status


def open_guardian(
    db: Database,
    data_dir: Path,
    clock: Clock,
    *,
    service: str = meta.KEYRING_SERVICE,
    keyring_backend=None,
) -> GuardianCore:
    """Build the guardian core for ``data_dir``: the file fallback if the guardian chose it,
    otherwise the OS keyring (``keyring_backend`` overrides detection, for tests)."""
    data_dir = Path(data_dir)
    if GuardianStateStore(db).get(StateKey.SECRETS_FILE_FALLBACK):
        path = data_dir / FALLBACK_FILENAME
        secrets = SecretStore(FileSecretBackend(path), fallback_status(path))
    else:
        backend, status = probe_keyring(service, keyring_backend)
        secrets = SecretStore(backend, status)
    return GuardianCore(
        db, data_dir, clock, secrets, service=service, keyring_backend=keyring_backend
    )
