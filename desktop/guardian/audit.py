"""The audit log: every settings change and security event, for the guardian to read.

Other subsystems call :meth:`AuditLog.record` too (limits, alerts, the parental panel). The log is
append-only by API; it is not tamper-proof against someone editing the SQLite file, which is why
security decisions never depend on it — it is the guardian's record of what happened.
Never put a PIN, a recovery code or a secret into ``detail``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from desktop.clock import Clock


class Actor(StrEnum):
    """Who caused an event."""

    GUARDIAN = "guardian"
    CHILD = "child"
    SYSTEM = "system"


class AuditKind(StrEnum):
    """Every event kind Hearth writes to the audit log, as a stable code.

    The time-limit events (:class:`desktop.limits.audit.LimitEventKind`) reach the same log through
    :meth:`AuditLog.for_actor`. The codes are stored, so they never change; the parental panel
    turns each one into a translated label, and a kind added here without a label fails a test.
    """

    FAMILY_SET_UP = "family.set_up"
    FAMILY_EXPORTED = "family.exported"
    FAMILY_IMPORTED = "family.imported"
    PIN_ACCEPTED = "pin.accepted"
    PIN_FAILED = "pin.failed"
    PIN_LOCKED_OUT = "pin.locked_out"
    PIN_CLOCK_MOVED_BACK = "pin.clock_moved_back"
    PIN_CHANGED = "pin.changed"
    PIN_RECOVERED = "pin.recovered"
    RECOVERY_FAILED = "pin.recovery_failed"
    SETTING_CHANGED = "settings.changed"
    SETTING_DELETED = "settings.deleted"
    SETTINGS_TAMPERED = "settings.tampered"
    INTEGRITY_LOCKED = "integrity.locked"
    INTEGRITY_RESEALED = "integrity.resealed"
    SECRET_CHANGED = "secret.changed"
    SECRETS_FALLBACK_ENABLED = "secrets.file_fallback_enabled"
    SECRETS_FALLBACK_DISABLED = "secrets.file_fallback_disabled"
    CONSENT_GIVEN = "consent.given"
    CONSENT_WITHDRAWN = "consent.withdrawn"
    # Written by the parental panel and the child's screens (ui/), and by history retention.
    PANEL_OPENED = "panel.opened"
    PANEL_SETTINGS_SAVED = "panel.settings_saved"
    PANEL_LOCKED = "panel.locked"
    PROFILE_ADDED = "profile.added"
    PROFILE_UPDATED = "profile.updated"
    PROFILE_REMOVED = "profile.removed"
    MINOR_MODE_ENTERED = "profile.minor_mode_entered"
    MINOR_MODE_LEFT = "profile.minor_mode_left"
    CONTACTS_CHANGED = "guardian.contacts_changed"
    HISTORY_EXPORTED = "history.exported"
    HISTORY_DELETED = "history.deleted"
    HISTORY_PURGED = "history.purged"
    MORE_TIME_DECIDED = "limits.more_time"
    CRISIS_ACKNOWLEDGED = "safety.crisis_acknowledged"


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: datetime
    actor: Actor
    kind: str
    detail: dict[str, Any] = field(default_factory=dict)


class AuditLog:
    """Append and read audit events in the ``audit_log`` table."""

    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    def record(
        self, actor: Actor | str, kind: str, detail: Mapping[str, Any] | None = None
    ) -> AuditEvent:
        """Store one event; ``detail`` must be JSON-serialisable (a ``TypeError`` otherwise)."""
        actor = Actor(actor)
        kind = str(kind)
        if not kind or len(kind) > 100:
            raise ValueError("an audit kind is 1 to 100 characters")
        payload = dict(detail or {})
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        at = self.clock.now()
        table = self.db["audit_log"]
        table.insert({"at": at.isoformat(), "actor": actor.value, "kind": kind, "detail": text})
        return AuditEvent(id=table.last_pk, at=at, actor=actor, kind=kind, detail=payload)

    def recent(self, limit: int = 50, *, kind: str | None = None) -> list[AuditEvent]:
        """The newest events first, optionally only those of one ``kind``."""
        where, args = ("kind = ?", [str(kind)]) if kind else (None, [])
        rows = self.db["audit_log"].rows_where(
            where, args, order_by="id desc", limit=max(int(limit), 0)
        )
        return [_event(row) for row in rows]

    def for_actor(self, actor: Actor) -> ActorAuditSink:
        """An ``AuditSink``-shaped adapter (``record(kind, detail)``) bound to one actor."""
        return ActorAuditSink(self, Actor(actor))


@dataclass(frozen=True)
class ActorAuditSink:
    """Lets subsystems that only know ``record(kind, detail)`` write to the shared log."""

    log: AuditLog
    actor: Actor

    def record(self, kind: str, detail: Mapping[str, Any] | None = None) -> AuditEvent:
        return self.log.record(self.actor, kind, detail)


def _event(row: dict) -> AuditEvent:
    return AuditEvent(
        id=row["id"],
        at=datetime.fromisoformat(row["at"]),
        actor=Actor(row["actor"]),
        kind=row["kind"],
        detail=json.loads(row["detail"]),
    )
