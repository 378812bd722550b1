"""Secrets: the settings key, the family-setup marker, API keys and SMTP passwords.

They live in the OS keyring (Secret Service on Linux) under ``desktop.meta.KEYRING_SERVICE``,
never in the database. When no keyring works, :class:`SecretsStatus` says so plainly
(``UNAVAILABLE``) and every read or write raises :class:`SecretsUnavailableError`; nothing falls
back silently. The guardian may choose, explicitly and audited, a weaker fallback: a file
``secrets.fallback.json`` (mode 0600) in the data directory, labelled as weaker inside the file.
The opt-in is remembered in the database; see ``GuardianCore.enable_file_fallback``.

What the keyring does not defend: any program running as the same OS user can ask the Secret
Service for these entries (``secret-tool lookup``). A child with their own shell on the
guardian's account can therefore read the settings key; the keyring keeps secrets out of the
database file and out of backups, and makes tampering a deliberate act, not an accident.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets as random_source
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from desktop import meta
from desktop.guardian.audit import Actor, AuditKind, AuditLog
from desktop.guardian.state import FamilyMarker

KEY_ENTRY = "settings-hmac-key"
MARKER_ENTRY = "family-setup"
SECRET_PREFIX = "secret:"
API_KEY_PREFIX = "api-key:"
FALLBACK_FILENAME = "secrets.fallback.json"
FALLBACK_FORMAT = "hearth-secrets-fallback"
KEY_BYTES = 32
FALLBACK_WARNING = (
    "WEAKER STORAGE: no system keyring (Secret Service) was available, so the guardian chose to "
    "keep Hearth's secrets in this plain file. Anyone who can read this file can read them and "
    "can forge Hearth's settings. Move them to a keyring as soon as one is available."
)


class SecretBackendKind(StrEnum):
    KEYRING = "keyring"
    FILE_FALLBACK = "file_fallback"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class SecretsStatus:
    kind: SecretBackendKind
    backend: str = ""
    detail: str = ""

    @property
    def available(self) -> bool:
        return self.kind is not SecretBackendKind.UNAVAILABLE

    @property
    def weaker(self) -> bool:
        """True for the plain-file fallback: the UI must say so wherever secrets are shown."""
        return self.kind is SecretBackendKind.FILE_FALLBACK


class SecretsUnavailableError(RuntimeError):
    """No keyring (and no fallback the guardian opted into); ``status`` says why."""

    def __init__(self, status: SecretsStatus):
        super().__init__(f"secrets unavailable: {status.detail or status.kind.value}")
        self.status = status


class SecretBackend(Protocol):
    def get(self, entry: str) -> str | None: ...
    def set(self, entry: str, value: str) -> None: ...
    def delete(self, entry: str) -> None: ...


class KeyringSecretBackend:
    """Entries of one keyring service; any backend failure becomes ``SecretsUnavailableError``."""

    def __init__(self, keyring_backend, service: str = meta.KEYRING_SERVICE):
        self.keyring = keyring_backend
        self.service = service
        self.name = f"{type(keyring_backend).__module__}.{type(keyring_backend).__name__}"

    def _fail(self, exc: Exception) -> SecretsUnavailableError:
        detail = f"{type(exc).__name__}: {exc}"
        return SecretsUnavailableError(
            SecretsStatus(SecretBackendKind.UNAVAILABLE, self.name, detail)
        )

    # Third-party keyring backends raise many unrelated exception types (D-Bus errors, a
    # dismissed unlock prompt, RuntimeError); any of them means "unavailable" -> fail closed.
    def get(self, entry: str) -> str | None:
        try:
            return self.keyring.get_password(self.service, entry)
        except Exception as exc:
            raise self._fail(exc) from exc

    def set(self, entry: str, value: str) -> None:
        try:
            self.keyring.set_password(self.service, entry, value)
        except Exception as exc:
            raise self._fail(exc) from exc

    def delete(self, entry: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self.keyring.delete_password(self.service, entry)
        except PasswordDeleteError:
            return  # already gone
        except Exception as exc:
            raise self._fail(exc) from exc


class FileSecretBackend:
    """The guardian-chosen fallback: a 0600 JSON file that says in itself that it is weaker."""

    name = "file"

    def __init__(self, path: Path):
        self.path = Path(path)

    def _unavailable(self, detail: str) -> SecretsUnavailableError:
        return SecretsUnavailableError(
            SecretsStatus(SecretBackendKind.UNAVAILABLE, self.name, f"{self.path}: {detail}")
        )

    def entries(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise self._unavailable(f"unreadable ({exc})") from exc
        stored = data.get("secrets") if isinstance(data, dict) else None
        if data.get("format") != FALLBACK_FORMAT or not isinstance(stored, dict):
            raise self._unavailable("not a Hearth secrets file")
        return {str(k): str(v) for k, v in stored.items()}

    def _save(self, entries: dict[str, str]) -> None:
        payload = {
            "_warning": FALLBACK_WARNING,
            "format": FALLBACK_FORMAT,
            "version": 1,
            "secrets": entries,
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def get(self, entry: str) -> str | None:
        return self.entries().get(entry)

    def set(self, entry: str, value: str) -> None:
        entries = self.entries()
        entries[entry] = value
        self._save(entries)

    def delete(self, entry: str) -> None:
        entries = self.entries()
        if entries.pop(entry, None) is not None:
            self._save(entries)


def probe_keyring(
    service: str = meta.KEYRING_SERVICE, keyring_backend=None
) -> tuple[KeyringSecretBackend | None, SecretsStatus]:
    """Find out whether a usable keyring answers, without writing anything."""
    try:
        if keyring_backend is None:
            import keyring

            keyring_backend = keyring.get_keyring()
    except Exception as exc:  # keyring raises RuntimeError when D-Bus is missing
        return None, SecretsStatus(SecretBackendKind.UNAVAILABLE, "keyring", f"no keyring: {exc}")
    from keyring.backends import fail, null

    name = f"{type(keyring_backend).__module__}.{type(keyring_backend).__name__}"
    if isinstance(keyring_backend, fail.Keyring | null.Keyring) or (
        getattr(keyring_backend, "backends", None) == []
    ):
        return None, SecretsStatus(
            SecretBackendKind.UNAVAILABLE, name, "no Secret Service or other keyring was found"
        )
    backend = KeyringSecretBackend(keyring_backend, service)
    try:
        backend.get(MARKER_ENTRY)
    except SecretsUnavailableError as exc:
        return None, exc.status
    return backend, SecretsStatus(SecretBackendKind.KEYRING, name)


class SecretStore:
    """Named secrets over whichever backend is in force (keyring, opted-in file, or none)."""

    def __init__(
        self,
        backend: SecretBackend | None,
        status: SecretsStatus,
        *,
        audit: AuditLog | None = None,
    ):
        self._backend = backend
        self._status = status
        self.audit = audit
        self._key_cache: bytes | None = None

    @property
    def status(self) -> SecretsStatus:
        return self._status

    @property
    def backend(self) -> SecretBackend | None:
        return self._backend

    def use(self, backend: SecretBackend | None, status: SecretsStatus) -> None:
        """Switch backend (used when the guardian opts in or out of the file fallback)."""
        self._backend, self._status, self._key_cache = backend, status, None

    def refresh(self) -> None:
        """Forget the cached settings key so the next read asks the keyring again."""
        self._key_cache = None

    def _require(self) -> SecretBackend:
        if self._backend is None:
            raise SecretsUnavailableError(self._status)
        return self._backend

    # -- generic named secrets (SMTP passwords, tokens) -------------------------------------
    def get_secret(self, name: str) -> str | None:
        return self._require().get(SECRET_PREFIX + _name(name))

    def set_secret(self, name: str, value: str, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._put(SECRET_PREFIX + _name(name), value, name, "secret", actor)

    def delete_secret(self, name: str, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._drop(SECRET_PREFIX + _name(name), name, "secret", actor)

    # -- API keys for remote chat backends -----------------------------------------------
    def get_api_key(self, name: str) -> str | None:
        return self._require().get(API_KEY_PREFIX + _name(name))

    def set_api_key(self, name: str, value: str, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._put(API_KEY_PREFIX + _name(name), value, name, "api_key", actor)

    def delete_api_key(self, name: str, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._drop(API_KEY_PREFIX + _name(name), name, "api_key", actor)

    def _put(self, entry: str, value: str, name: str, what: str, actor: Actor) -> None:
        if not isinstance(value, str) or not value:
            raise ValueError("a secret value is a non-empty str")
        self._require().set(entry, value)
        if self.audit:
            self.audit.record(
                actor, AuditKind.SECRET_CHANGED, {"what": what, "name": name, "change": "set"}
            )

    def _drop(self, entry: str, name: str, what: str, actor: Actor) -> None:
        self._require().delete(entry)
        if self.audit:
            self.audit.record(
                actor, AuditKind.SECRET_CHANGED, {"what": what, "name": name, "change": "deleted"}
            )

    # -- the settings key ---------------------------------------------------------------------
    def settings_key(self) -> bytes | None:
        """The HMAC key, or None if the entry is missing or not a 32-byte key.

        Cached after the first read (a keyring round trip costs ~10 ms over D-Bus and settings
        are read often); ``check_integrity`` calls :meth:`refresh`, so a deleted entry is
        noticed at the next integrity check (start-up, profile unlock), not on every read."""
        if self._key_cache is None:
            text = self._require().get(KEY_ENTRY)
            self._key_cache = _decode_key(text)
        return self._key_cache

    def store_settings_key(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the settings key is 32 bytes")
        self._require().set(KEY_ENTRY, base64.b64encode(key).decode("ascii"))
        self._key_cache = key

    @staticmethod
    def new_settings_key() -> bytes:
        return random_source.token_bytes(KEY_BYTES)

    # -- the family-setup marker ----------------------------------------------------------------
    def family_marker(self) -> FamilyMarker | None:
        text = self._require().get(MARKER_ENTRY)
        return FamilyMarker.from_json(text) if text else None

    def write_family_marker(self, marker: FamilyMarker) -> None:
        self._require().set(MARKER_ENTRY, marker.to_json())

    def delete_family_marker(self) -> None:
        self._require().delete(MARKER_ENTRY)


def _name(name: str) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        raise ValueError("a secret name is 1 to 100 characters")
    return name.strip()


def _decode_key(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None
