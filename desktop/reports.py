"""The guardian's usage summary: how long, when, and what the limits did (R15).

R15 asks for a *summary*, not the transcript, so nothing here reads message text: the hourly
histogram counts the child's messages per local hour from their timestamps only. Everything is
a pure function of the database (and the ledger key) returning frozen dataclasses, so the
parental panel's Reports page only draws, and the numbers are unit-tested on a real SQLite file.

Sources, all written by other subsystems:

- minutes per day, "limit reached" days and curfew attempts: the authenticated usage ledger
  (``limits_usage``). With the ledger key a row that does not verify is reported with
  ``verified=False`` and the ledger's fail-closed values (the whole day counted as used), so an
  edited row is visible to the guardian instead of silently lowering the figures; without the
  key (keyring unavailable) the stored numbers are shown with ``verified=None``.
- the hour-of-day histogram: ``messages`` joined to ``conversations`` (role ``user`` only).
- reminders shown: ``reminder_log`` (one row per due point that was shown).
- limit events: ``limits_events`` (limits hit, curfew attempts, more time granted, tampering).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from desktop.limits.audit import LimitEventKind
from desktop.limits.ledger import UsageLedger
from desktop.notifications.texts import ReminderKind
from desktop.reminders.log import ReminderLog

HOURS = 24
#: Report periods the panel offers (days, ending today).
PERIODS = (7, 30)


@dataclass(frozen=True)
class DayUsageReport:
    day: date
    minutes: float
    #: The daily limit stopped the chat that day.
    limit_hit: bool = False
    curfew_attempts: int = 0
    #: True: the ledger row verified; False: it did not (fail-closed values); None: not checked.
    verified: bool | None = None


@dataclass(frozen=True)
class WeekUsageReport:
    """Use in one ISO week (Monday first), counting only the days inside the report period."""

    monday: date
    minutes: float
    days: int


@dataclass(frozen=True)
class ReminderCount:
    kind: ReminderKind
    count: int


@dataclass(frozen=True)
class LimitEventCounts:
    limits_hit: int = 0
    curfew_attempts: int = 0
    extensions_granted: int = 0
    curfew_exemptions: int = 0
    #: Ledger rows that did not verify (this child) and clock moves (the whole computer).
    tamper_events: int = 0


@dataclass(frozen=True)
class UsageReport:
    profile_id: int
    first: date
    last: date
    days: tuple[DayUsageReport, ...]
    weeks: tuple[WeekUsageReport, ...]
    #: The child's messages per local hour of the day, index 0 = 00:00-00:59.
    hourly_messages: tuple[int, ...]
    reminders: tuple[ReminderCount, ...]
    events: LimitEventCounts

    @property
    def total_minutes(self) -> float:
        return sum(d.minutes for d in self.days)

    @property
    def average_minutes(self) -> float:
        return self.total_minutes / len(self.days) if self.days else 0.0

    @property
    def days_limit_hit(self) -> int:
        return sum(1 for d in self.days if d.limit_hit)

    @property
    def curfew_attempts(self) -> int:
        return sum(d.curfew_attempts for d in self.days)

    @property
    def reminders_shown(self) -> int:
        return sum(r.count for r in self.reminders)

    @property
    def unverified_days(self) -> tuple[date, ...]:
        return tuple(d.day for d in self.days if d.verified is False)


def period(today: date, days: int) -> tuple[date, date]:
    """The ``days`` days ending with ``today`` (inclusive)."""
    if days < 1:
        raise ValueError("a report covers at least one day")
    return today - timedelta(days=days - 1), today


def _each_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def daily_usage(
    db: Database, profile_id: int, first: date, last: date, *, key: bytes | None = None
) -> tuple[DayUsageReport, ...]:
    """One entry per day from ``first`` to ``last``, days without a ledger row as zero."""
    found: dict[date, DayUsageReport] = {}
    if key is not None:
        for usage in UsageLedger(db, key).days(profile_id, first, last):
            found[usage.day] = DayUsageReport(
                usage.day,
                usage.used_ms / 60_000,
                usage.limit_hit,
                usage.curfew_attempts,
                usage.verified,
            )
    else:
        rows = db.execute(
            "select day, used_ms, limit_hit, curfew_attempts from limits_usage "
            "where profile_id = ? and day between ? and ? order by day",
            [profile_id, first.isoformat(), last.isoformat()],
        ).fetchall()
        for day, used_ms, hit, attempts in rows:
            d = date.fromisoformat(day)
            found[d] = DayUsageReport(d, int(used_ms) / 60_000, bool(hit), int(attempts), None)
    return tuple(
        found.get(d, DayUsageReport(d, 0.0, verified=None)) for d in _each_day(first, last)
    )


def weekly_usage(days: tuple[DayUsageReport, ...]) -> tuple[WeekUsageReport, ...]:
    """Sum ``days`` per ISO week, oldest week first."""
    weeks: dict[date, list[DayUsageReport]] = {}
    for d in days:
        weeks.setdefault(d.day - timedelta(days=d.day.weekday()), []).append(d)
    return tuple(
        WeekUsageReport(monday, sum(d.minutes for d in items), len(items))
        for monday, items in sorted(weeks.items())
    )


def hourly_messages(db: Database, profile_id: int, first: date, last: date) -> tuple[int, ...]:
    """The child's messages per local hour (timestamps only; R15: never the text).

    ``created_at`` is stored as local ISO time (``2026-11-26T16:05:00+08:00``), so characters
    1-10 are the local day and 12-13 the local hour at the moment the child wrote.
    """
    rows = db.execute(
        "select cast(substr(m.created_at, 12, 2) as integer) as hour, count(*) "
        "from messages m join conversations c on c.id = m.conversation_id "
        "where c.profile_id = ? and m.role = 'user' "
        "and substr(m.created_at, 1, 10) between ? and ? group by hour",
        [profile_id, first.isoformat(), last.isoformat()],
    ).fetchall()
    counts = [0] * HOURS
    for hour, count in rows:
        if hour is not None and 0 <= int(hour) < HOURS:
            counts[int(hour)] += int(count)
    return tuple(counts)


def reminder_counts(
    db: Database, profile_id: int, first: date, last: date
) -> tuple[ReminderCount, ...]:
    """How many of each reminder (and limit warning) were shown, in ReminderKind order."""
    counts = ReminderLog(db, profile_id).counts(first, last)
    return tuple(ReminderCount(kind, counts.get(kind.value, 0)) for kind in ReminderKind)


_TAMPER_KINDS = (
    LimitEventKind.LEDGER_TAMPERED,
    LimitEventKind.CLOCK_MOVED,
    LimitEventKind.CLOCK_ROLLED_BACK,
)


def limit_event_counts(db: Database, profile_id: int, first: date, last: date) -> LimitEventCounts:
    """Counts from ``limits_events``; events without a ``day`` are dated by their ``at``.

    Clock events carry no profile (the clock belongs to the computer), so they count for every
    child: each guardian report should show that someone moved the clock.
    """
    rows = db.execute(
        "select kind, count(*) from limits_events "
        "where (profile_id = ? or (profile_id is null and kind in (?, ?))) "
        "and coalesce(day, substr(at, 1, 10)) between ? and ? group by kind",
        [
            profile_id,
            str(LimitEventKind.CLOCK_MOVED),
            str(LimitEventKind.CLOCK_ROLLED_BACK),
            first.isoformat(),
            last.isoformat(),
        ],
    ).fetchall()
    by_kind = {kind: int(count) for kind, count in rows}
    return LimitEventCounts(
        limits_hit=by_kind.get(str(LimitEventKind.LIMIT_HIT), 0),
        curfew_attempts=by_kind.get(str(LimitEventKind.CURFEW_ATTEMPT), 0),
        extensions_granted=by_kind.get(str(LimitEventKind.EXTENSION_GRANTED), 0),
        curfew_exemptions=by_kind.get(str(LimitEventKind.CURFEW_EXEMPTED), 0),
        tamper_events=sum(by_kind.get(str(k), 0) for k in _TAMPER_KINDS),
    )


def build_report(
    db: Database, profile_id: int, today: date, days: int = 7, *, key: bytes | None = None
) -> UsageReport:
    """Everything the Reports page shows for one child and the ``days`` days ending ``today``."""
    first, last = period(today, days)
    usage = daily_usage(db, profile_id, first, last, key=key)
    return UsageReport(
        profile_id=profile_id,
        first=first,
        last=last,
        days=usage,
        weeks=weekly_usage(usage),
        hourly_messages=hourly_messages(db, profile_id, first, last),
        reminders=reminder_counts(db, profile_id, first, last),
        events=limit_event_counts(db, profile_id, first, last),
    )
