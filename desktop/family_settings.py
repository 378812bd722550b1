"""The guardian's settings, by name, with their defaults, on top of the signed store.

Every panel page and every service reads the same keys through :class:`FamilySettings`, so a
default (retention 90 days, no transcripts) is written down once. Values live in the
HMAC-signed ``guardian_settings`` table (``desktop.guardian.settings_store``); reading a value
that does not verify raises ``SettingsIntegrityError`` and the caller fails closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.guardian.audit import Actor


class BackendKind(StrEnum):
    BUILTIN = "builtin"
    OPENAI = "openai"


@dataclass(frozen=True)
class BackendChoice:
    """Which companion answers; the API key itself stays in the keyring under ``key_name``."""

    kind: BackendKind = BackendKind.BUILTIN
    base_url: str = ""
    model: str = ""
    key_name: str = "openai"

    def to_dict(self) -> dict:
        return {"kind": self.kind.value, "base_url": self.base_url, "model": self.model, "key_name": self.key_name}

    @classmethod
    def from_dict(cls, data: dict | None) -> BackendChoice:
        data = data or {}
        return cls(
            kind=BackendKind(data.get("kind", "builtin")),
            base_url=str(data.get("base_url", "")),
            model=str(data.get("model", "")),
            key_name=str(data.get("key_name", "openai")) or "openai",
        )


DEFAULT_RETENTION_DAYS = 90
MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650


class SettingKey(StrEnum):
    BACKEND = "companion.backend"
    BLOCKED_PERSONAS = "companion.blocked_personas"  # {"<profile_id>": ["persona_id", ...]}
    TRANSCRIPT_VISIBLE = "privacy.transcript_visible"  # R15/R17: off by default
    ALERT_EXCERPTS = "alerts.include_excerpts"  # R15: off by default
    RETENTION_DAYS = "data.retention_days"  # R26
    THEME = "ui.theme"  # "auto" | "light" | "dark"


def time_rules_key(profile_id: int) -> str:
    return f"limits.rules.{profile_id}"


class FamilySettings:
    """Typed access to the signed settings. ``store`` is a ``SignedSettingsStore``."""

    def __init__(self, store):
        self.store = store

    def _get(self, key: str, default: Any) -> Any:
        return self.store.get(key, default)

    def _put(self, key: str, value: Any, actor: Actor) -> None:
        self.store.put(key, value, actor=actor)

    # -- companion -------------------------------------------------------------------------
    def backend(self) -> BackendChoice:
        return BackendChoice.from_dict(self._get(SettingKey.BACKEND, None))

    def set_backend(self, choice: BackendChoice, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._put(SettingKey.BACKEND, choice.to_dict(), actor)

    def blocked_personas(self, profile_id: int) -> list[str]:
        return list(self._get(SettingKey.BLOCKED_PERSONAS, {}).get(str(profile_id), []))

    def set_blocked_personas(self, profile_id: int, persona_ids: list[str], *, actor: Actor = Actor.GUARDIAN) -> None:
        blocked = dict(self._get(SettingKey.BLOCKED_PERSONAS, {}))
        blocked[str(profile_id)] = sorted(set(persona_ids))
        self._put(SettingKey.BLOCKED_PERSONAS, blocked, actor)

    # -- privacy and data ------------------------------------------------------------------
    def transcript_visible(self) -> bool:
        return bool(self._get(SettingKey.TRANSCRIPT_VISIBLE, False))

    def set_transcript_visible(self, value: bool, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._put(SettingKey.TRANSCRIPT_VISIBLE, bool(value), actor)

    def alert_excerpts(self) -> bool:
        return bool(self._get(SettingKey.ALERT_EXCERPTS, False))

    def set_alert_excerpts(self, value: bool, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._put(SettingKey.ALERT_EXCERPTS, bool(value), actor)

    def retention_days(self) -> int:
        return int(self._get(SettingKey.RETENTION_DAYS, DEFAULT_RETENTION_DAYS))

    def set_retention_days(self, days: int, *, actor: Actor = Actor.GUARDIAN) -> None:
        if not MIN_RETENTION_DAYS <= int(days) <= MAX_RETENTION_DAYS:
            raise ValueError(f"retention must be {MIN_RETENTION_DAYS}..{MAX_RETENTION_DAYS} days")
        self._put(SettingKey.RETENTION_DAYS, int(days), actor)

    def theme(self) -> str:
        return str(self._get(SettingKey.THEME, "auto"))

    def set_theme(self, theme: str, *, actor: Actor = Actor.GUARDIAN) -> None:
        if theme not in ("auto", "light", "dark"):
            raise ValueError("theme must be auto, light or dark")
        self._put(SettingKey.THEME, theme, actor)

    # -- time rules (the limits engine owns their shape) ------------------------------------
    def time_rules(self, profile_id: int) -> dict | None:
        return self._get(time_rules_key(profile_id), None)

    def set_time_rules(self, profile_id: int, rules: dict, *, actor: Actor = Actor.GUARDIAN) -> None:
        self._put(time_rules_key(profile_id), rules, actor)
