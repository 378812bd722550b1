"""Guardian settings, each authenticated with HMAC-SHA256 under a key kept in the OS keyring.

Other subsystems keep their guardian-chosen rules here (time rules, persona allow-lists, the
backend choice, alert channels, retention): ``put(key, value)`` and ``get(key, default)``.
A value edited outside Hearth (say with the ``sqlite3`` tool) no longer matches its MAC; a row
deleted, added or copied back from an older database breaks the signed *manifest* (one MAC over
every key and its MAC). Either way ``get`` raises :class:`SettingsIntegrityError` and writes an
audit event rather than quietly returning something the guardian did not choose: fail closed.
``put`` refuses while anything is tampered, so a new write cannot launder an edited row; the
guardian reviews and reseals instead (``GuardianCore.reseal``).

Not detected: replacing the whole database file with an older copy made by Hearth itself (every
MAC in it is genuine). The keyring marker's install id and PIN hashes narrow that down.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from desktop.clock import Clock
from desktop.guardian.audit import Actor, AuditKind, AuditLog
from desktop.guardian.state import GuardianStateStore, StateKey

MAX_KEY_LENGTH = 200
SettingValue = dict | list | str | int | float | bool | None


class SettingStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    TAMPERED = "tampered"
    UNVERIFIABLE = "unverifiable"  # the key is not available, so nothing can be trusted


@dataclass(frozen=True)
class SettingRead:
    key: str
    status: SettingStatus
    value: Any = None


class SettingsIntegrityError(RuntimeError):
    """A setting could not be trusted; the caller must fail closed (lock, not default)."""

    def __init__(self, status: SettingStatus, keys: tuple[str, ...] = (), detail: str = ""):
        names = ", ".join(keys) or "(manifest)"
        super().__init__(detail or f"guardian settings {status.value}: {names}")
        self.status = status
        self.keys = keys


@dataclass(frozen=True)
class SettingsVerification:
    key_available: bool
    manifest_ok: bool
    tampered: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.key_available and self.manifest_ok and not self.tampered


def canonical_json(value: SettingValue) -> str:
    """One text per value, so a MAC does not depend on key order or spacing."""
    _check_value(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def _check_value(value: Any, depth: int = 0) -> None:
    if depth > 20:
        raise ValueError("a setting value is nested too deeply")
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a setting value cannot be NaN or infinite")
        return
    if isinstance(value, list):
        for item in value:
            _check_value(item, depth + 1)
        return
    if isinstance(value, dict):
        for k, item in value.items():
            if not isinstance(k, str):
                raise ValueError("setting dictionaries need string keys")
            _check_value(item, depth + 1)
        return
    raise ValueError(f"a setting value cannot be a {type(value).__name__}")


def check_setting_key(key: str) -> str:
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise ValueError(f"a setting key is 1 to {MAX_KEY_LENGTH} printable characters")
    return key


def setting_mac(secret: bytes, key: str, value_text: str) -> str:
    message = b"hearth-setting\x00v1\x00" + key.encode() + b"\x00" + value_text.encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def manifest_mac(secret: bytes, pairs: list[tuple[str, str]]) -> str:
    body = "\n".join(f"{k}\x00{m}" for k, m in sorted(pairs))
    message = b"hearth-settings-manifest\x00v1\x00" + body.encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


class SignedSettingsStore:
    """The ``guardian_settings`` table, read and written only through MACs."""

    def __init__(
        self,
        db: Database,
        key_source: Callable[[], bytes | None],
        audit: AuditLog,
        clock: Clock,
    ):
        self.db = db
        self.key_source = key_source
        self.audit = audit
        self.clock = clock
        self.state = GuardianStateStore(db)
        self._reported: set[tuple[str, str]] = set()

    def _key(self) -> bytes | None:
        try:
            return self.key_source()
        except Exception:  # keyring failure: treat as "no key" -> unverifiable, fail closed
            return None

    def _rows(self) -> list[dict]:
        return list(self.db["guardian_settings"].rows_where(order_by="key"))

    # -- verification -------------------------------------------------------------------------
    def verify_all(self) -> SettingsVerification:
        secret = self._key()
        if secret is None:
            return SettingsVerification(key_available=False, manifest_ok=False)
        rows = self._rows()
        tampered = tuple(
            r["key"]
            for r in rows
            if not hmac.compare_digest(setting_mac(secret, r["key"], r["value"]), r["mac"] or "")
        )
        stored = self.state.get(StateKey.SETTINGS_MANIFEST)
        expected = manifest_mac(secret, [(r["key"], r["mac"] or "") for r in rows])
        manifest_ok = isinstance(stored, str) and hmac.compare_digest(stored, expected)
        return SettingsVerification(True, manifest_ok, tampered)

    def read(self, key: str) -> SettingRead:
        """A setting and whether it verifies; never raises for tampering (for review screens)."""
        key = check_setting_key(key)
        secret = self._key()
        rows = list(self.db["guardian_settings"].rows_where("key = ?", [key]))
        if secret is None:
            value = _loads(rows[0]["value"]) if rows else None
            return SettingRead(
                key, SettingStatus.UNVERIFIABLE, None if value is _UNPARSABLE else value
            )
        if not rows:
            status = (
                SettingStatus.MISSING if self.verify_all().manifest_ok else SettingStatus.TAMPERED
            )
            return SettingRead(key, status)
        row = rows[0]
        if not hmac.compare_digest(setting_mac(secret, key, row["value"]), row["mac"] or ""):
            value = _loads(row["value"])
            return SettingRead(key, SettingStatus.TAMPERED, None if value is _UNPARSABLE else value)
        return SettingRead(key, SettingStatus.OK, json.loads(row["value"]))

    def read_all(self) -> list[SettingRead]:
        return [self.read(row["key"]) for row in self._rows()]

    def get(self, key: str, default: Any = None) -> Any:
        """The verified value, ``default`` if the guardian never set it; raises
        :class:`SettingsIntegrityError` (and audits once per key) if it cannot be trusted."""
        result = self.read(key)
        if result.status is SettingStatus.OK:
            return result.value
        if result.status is SettingStatus.MISSING:
            return default
        self._report(result.status, key)
        raise SettingsIntegrityError(result.status, (key,))

    def _report(self, status: SettingStatus, key: str) -> None:
        if (status.value, key) in self._reported:
            return
        self._reported.add((status.value, key))
        self.audit.record(
            Actor.SYSTEM, AuditKind.SETTINGS_TAMPERED, {"key": key, "status": status.value}
        )

    def keys(self) -> list[str]:
        return [row["key"] for row in self._rows()]

    # -- writing ------------------------------------------------------------------------------
    def _require_clean(self) -> bytes:
        check = self.verify_all()
        if not check.key_available:
            raise SettingsIntegrityError(
                SettingStatus.UNVERIFIABLE, detail="the settings key is not available"
            )
        if not check.ok:
            raise SettingsIntegrityError(
                SettingStatus.TAMPERED,
                check.tampered,
                "guardian settings do not verify; reseal them first",
            )
        return self._key()

    def _sign_manifest(self, secret: bytes) -> None:
        pairs = [(r["key"], r["mac"]) for r in self._rows()]
        self.state.set(StateKey.SETTINGS_MANIFEST, manifest_mac(secret, pairs))

    def put(self, key: str, value: SettingValue, *, actor: Actor = Actor.GUARDIAN) -> None:
        """Store (sign) one setting and audit the change."""
        key = check_setting_key(key)
        text = canonical_json(value)
        with self.db.atomic():
            secret = self._require_clean()
            self.db["guardian_settings"].upsert(
                {
                    "key": key,
                    "value": text,
                    "mac": setting_mac(secret, key, text),
                    "updated_at": self.clock.now().isoformat(),
                    "updated_by": Actor(actor).value,
                },
                pk="key",
            )
            self._sign_manifest(secret)
            detail = (
                {"key": key, "value": value}
                if len(text) <= 2000
                else {"key": key, "size": len(text)}
            )
            self.audit.record(actor, AuditKind.SETTING_CHANGED, detail)

    def delete(self, key: str, *, actor: Actor = Actor.GUARDIAN) -> None:
        key = check_setting_key(key)
        with self.db.atomic():
            secret = self._require_clean()
            self.db.execute("DELETE FROM guardian_settings WHERE key = ?", [key])
            self._sign_manifest(secret)
            self.audit.record(actor, AuditKind.SETTING_DELETED, {"key": key})

    def export_items(self) -> dict[str, Any]:
        """Every setting, verified (raises if anything is tampered)."""
        self._require_clean()
        return {row["key"]: json.loads(row["value"]) for row in self._rows()}

    # -- used by setup, import and reseal (callers hold the guardian's PIN) --------------------
    def sign_all(self, secret: bytes, *, drop: frozenset[str] = frozenset()) -> None:
        """Re-sign every row as it is now under ``secret`` (dropping ``drop``): the guardian
        accepts the current values. Callers audit."""
        with self.db.atomic():
            for row in self._rows():
                if row["key"] in drop or _loads(row["value"]) is _UNPARSABLE:
                    # Dropped on request, or not even JSON: never sign what cannot be read.
                    self.db.execute("DELETE FROM guardian_settings WHERE key = ?", [row["key"]])
                    continue
                self.db["guardian_settings"].update(
                    row["key"], {"mac": setting_mac(secret, row["key"], row["value"])}
                )
            self._sign_manifest(secret)
            self._reported.clear()

    def replace_all(self, secret: bytes, items: dict[str, Any], *, actor: Actor) -> None:
        """Replace every setting at once (family import)."""
        signed = []
        for key, value in items.items():
            text = canonical_json(value)
            signed.append((check_setting_key(key), text, setting_mac(secret, key, text)))
        now = self.clock.now().isoformat()
        with self.db.atomic():
            self.db.execute("DELETE FROM guardian_settings")
            for key, text, mac in signed:
                self.db["guardian_settings"].insert(
                    {
                        "key": key,
                        "value": text,
                        "mac": mac,
                        "updated_at": now,
                        "updated_by": Actor(actor).value,
                    }
                )
            self._sign_manifest(secret)


_UNPARSABLE = object()


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return _UNPARSABLE
