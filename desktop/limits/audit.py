"""Events the guardian must see: clock and ledger tampering, curfew attempts, limit hits.

:class:`AuditSink` is the seam: the limits code only calls ``record(kind, detail)``. The
SQLite implementation writes ``limits_events``; a general audit log can replace it later
without touching the callers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from sqlite_utils import Database


class LimitEventKind(StrEnum):
    """Dotted like the guardian's audit log kinds, so both logs can be merged or swapped."""

    CLOCK_MOVED = "limits.clock_moved"  # the wall clock moved within one boot
    CLOCK_ROLLED_BACK = "limits.clock_rolled_back"  # at start: earlier than the last time seen
    CLOCK_UNVERIFIABLE = "limits.clock_unverifiable"  # boot-time clock faked: time frozen at the mark
    TIMEZONE_CHANGED = "limits.timezone_changed"  # the zone changed, the instant did not
    LEDGER_TAMPERED = "limits.ledger_tampered"  # a row did not verify: the day counts as used
    CURFEW_ATTEMPT = "limits.curfew_attempt"  # the child tried to chat during the curfew
    LIMIT_HIT = "limits.limit_hit"  # a limit stopped the chat
    EXTENSION_GRANTED = "limits.extension_granted"
    CURFEW_EXEMPTED = "limits.curfew_exempted"
    CLOCK_ACCEPTED = "limits.clock_accepted"  # the guardian accepted the current system time


@dataclass(frozen=True)
class AuditEvent:
    """One recorded event, as the guardian's report reads it."""

    kind: str
    at: datetime
    day: str | None
    detail: dict
    profile_id: int | None


class AuditSink(Protocol):
    def record(self, kind: str, detail: dict) -> None:
        """Store one event; ``detail`` is JSON-serialisable and may carry ``profile_id``, ``day``
        and ``at`` (ISO time)."""


class SqliteAuditSink:
    """Writes events to ``limits_events``.

    The event's time is ``detail["at"]`` when the caller knows the trusted time (the limits code
    always passes it), else ``now()``; the raw system clock is fine for ``now`` because it is only
    a fallback, and taking it from :class:`ClockGuard` would make recording re-entrant.
    """

    def __init__(self, db: Database, now: Callable[[], datetime]):
        self.db = db
        self._now = now

    def record(self, kind: str, detail: dict) -> None:
        self.db.execute(
            "insert into limits_events (profile_id, kind, at, day, detail) values (?, ?, ?, ?, ?)",
            [
                detail.get("profile_id"),
                str(kind),
                detail.get("at") or self._now().isoformat(),
                detail.get("day"),
                json.dumps(detail, sort_keys=True, default=str),
            ],
        )

    def events(self, profile_id: int | None = None, kind: str | None = None) -> list[AuditEvent]:
        sql, params = "select kind, at, day, detail, profile_id from limits_events", []
        clauses = []
        if profile_id is not None:
            clauses.append("profile_id = ?")
            params.append(profile_id)
        if kind is not None:
            clauses.append("kind = ?")
            params.append(str(kind))
        if clauses:
            sql += " where " + " and ".join(clauses)
        rows = self.db.execute(sql + " order by id", params).fetchall()
        return [
            AuditEvent(r[0], datetime.fromisoformat(r[1]), r[2], json.loads(r[3]), r[4])
            for r in rows
        ]
