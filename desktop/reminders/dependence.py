"""R3 dependence signals: when the AI must restate, in a modal, that it is not a person.

Three signals, any of which flags dependence:

- the daily limit was hit on ``limit_days`` (default 3) days in a row, counting back from today
  if today's limit was hit, else from yesterday;
- at least 3 curfew attempts in the last 7 days (attempts closer than 10 minutes count once);
- an external flag, e.g. the safety detector heard "you're my only friend"
  (:func:`flag_dependence`); each flag is shown once, within 7 days of being raised.

The usage signals fire once per day each; the numbers come from the authenticated ledger rows,
so clearing them by editing the database fails closed like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlite_utils import Database

from desktop.limits.ledger import DayUsage, UsageLedger

WINDOW_DAYS = 7
CURFEW_ATTEMPTS_THRESHOLD = 3


class DependenceReason(StrEnum):
    LIMIT_STREAK = "limit_streak"
    CURFEW_ATTEMPTS = "curfew_attempts"
    EXTERNAL = "external"


@dataclass(frozen=True)
class DependenceSignals:
    limit_hit_streak: int = 0
    curfew_attempts: int = 0
    #: Ids of external flags raised in the last 7 days.
    external_flags: tuple[int, ...] = ()
    limit_days: int = 3
    attempts_threshold: int = CURFEW_ATTEMPTS_THRESHOLD

    @property
    def reasons(self) -> tuple[DependenceReason, ...]:
        found = []
        if self.limit_hit_streak >= self.limit_days:
            found.append(DependenceReason.LIMIT_STREAK)
        if self.curfew_attempts >= self.attempts_threshold:
            found.append(DependenceReason.CURFEW_ATTEMPTS)
        if self.external_flags:
            found.append(DependenceReason.EXTERNAL)
        return tuple(found)

    @property
    def flagged(self) -> bool:
        return bool(self.reasons)


def flag_dependence(db: Database, profile_id: int, source: str, *, at: datetime) -> int:
    """Raise an external dependence flag (R3); the next tick with the chat open shows the modal.

    ``source`` says who raised it (e.g. ``"safety:dependence"``); returns the flag id.
    """
    cursor = db.execute(
        "insert into reminder_flags (profile_id, source, at, day) values (?, ?, ?, ?)",
        [profile_id, source, at.isoformat(), at.date().isoformat()],
    )
    return int(cursor.lastrowid)


#: Days of history the signals look at (the limit streak may be set up to 14 days).
HISTORY_DAYS = 14


@dataclass(frozen=True)
class UsageHistory:
    """The ledger facts of the days *before* ``today`` that the signals need.

    Past days do not change while today runs, so a running app loads this once a day and each
    tick only adds today's live counters: the per-tick cost does not depend on the history.
    """

    today: date
    hit_days: frozenset[date] = frozenset()
    attempts: tuple[tuple[date, int], ...] = ()


def load_history(ledger: UsageLedger, profile_id: int, today: date) -> UsageHistory:
    rows = ledger.days(profile_id, today - timedelta(days=HISTORY_DAYS), today - timedelta(days=1))
    return UsageHistory(
        today,
        frozenset(u.day for u in rows if u.limit_hit),
        tuple((u.day, u.curfew_attempts) for u in rows if u.curfew_attempts),
    )


def external_flags(db: Database, profile_id: int, today: date) -> tuple[int, ...]:
    """Ids of the flags raised in the last 7 days (one indexed query)."""
    first = today - timedelta(days=WINDOW_DAYS - 1)
    rows = db.execute(
        "select id from reminder_flags where profile_id = ? and day between ? and ? order by id",
        [profile_id, first.isoformat(), today.isoformat()],
    ).fetchall()
    return tuple(r[0] for r in rows)


def combine(
    history: UsageHistory,
    today: DayUsage | None,
    flags: tuple[int, ...],
    *,
    limit_days: int = 3,
) -> DependenceSignals:
    """The signals for ``history.today`` from the past days, today's counters and the flags."""
    hit = set(history.hit_days)
    if today is not None and today.limit_hit:
        hit.add(history.today)
    day = history.today if history.today in hit else history.today - timedelta(days=1)
    streak = 0
    while day in hit:
        streak += 1
        day -= timedelta(days=1)
    first = history.today - timedelta(days=WINDOW_DAYS - 1)
    attempts = sum(n for d, n in history.attempts if d >= first)
    attempts += today.curfew_attempts if today is not None else 0
    return DependenceSignals(
        limit_hit_streak=streak,
        curfew_attempts=attempts,
        external_flags=flags,
        limit_days=limit_days,
    )


def dependence_signals(
    db: Database, ledger: UsageLedger, profile_id: int, today: date, *, limit_days: int = 3
) -> DependenceSignals:
    """Read the signals for ``today`` from the database alone (e.g. for ``hearth status``)."""
    return combine(
        load_history(ledger, profile_id, today),
        ledger.day(profile_id, today),
        external_flags(db, profile_id, today),
        limit_days=limit_days,
    )
