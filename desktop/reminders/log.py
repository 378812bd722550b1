"""What was shown, once per due point: ``reminder_log``.

The schedule asks "was this due point shown?" before emitting it and records it when it does, so
a restart neither repeats a reminder nor skips one that was reached while the app was closed.
The same table answers the guardian's report ("reminders shown").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database


@dataclass(frozen=True)
class ShownReminder:
    kind: str
    due_key: str
    day: date | None
    shown_at: datetime


class ReminderLog:
    """One child's log. Lookups hit a unique index, so their cost does not grow with history."""

    def __init__(self, db: Database, profile_id: int):
        self.db = db
        self.profile_id = profile_id
        self._seen: set[tuple[str, str]] = set()

    def was_shown(self, kind: str, key: str) -> bool:
        if (kind, key) in self._seen:
            return True
        row = self.db.execute(
            "select 1 from reminder_log where profile_id = ? and kind = ? and due_key = ?",
            [self.profile_id, kind, key],
        ).fetchone()
        if row is not None:
            self._seen.add((kind, key))
        return row is not None

    def record(self, kind: str, key: str, *, day: date, at: datetime) -> None:
        self._seen.add((kind, key))
        self.db.execute(
            "insert or ignore into reminder_log (profile_id, kind, due_key, day, shown_at) "
            "values (?, ?, ?, ?, ?)",
            [self.profile_id, kind, key, day.isoformat(), at.isoformat()],
        )

    def shown(self, first: date, last: date) -> list[ShownReminder]:
        rows = self.db.execute(
            "select kind, due_key, day, shown_at from reminder_log where profile_id = ? "
            "and day between ? and ? order by id",
            [self.profile_id, first.isoformat(), last.isoformat()],
        ).fetchall()
        return [
            ShownReminder(k, key, date.fromisoformat(d) if d else None, datetime.fromisoformat(at))
            for k, key, d, at in rows
        ]

    def counts(self, first: date, last: date) -> dict[str, int]:
        """How many of each kind were shown between ``first`` and ``last`` (for reports)."""
        rows = self.db.execute(
            "select kind, count(*) from reminder_log where profile_id = ? and day between ? and ?"
            " group by kind order by kind",
            [self.profile_id, first.isoformat(), last.isoformat()],
        ).fetchall()
        return {kind: count for kind, count in rows}
