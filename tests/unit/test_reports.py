"""desktop.reports: the guardian's usage summary (R15), on a real SQLite file.

The data is written by the real writers (UsageLedger, ConversationRepository, ReminderLog,
SqliteAuditSink, and in the last test a LimitsService on a FakeClock), so a change in any of
their formats shows up here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.limits.audit import LimitEventKind, SqliteAuditSink
from desktop.limits.clockguard import ClockGuard
from desktop.limits.ledger import DayUsage, TrackerState, UsageLedger
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import TimeRules
from desktop.limits.service import LimitsService
from desktop.notifications.texts import ReminderKind
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from desktop.reminders.log import ReminderLog
from desktop.reports import (
    build_report,
    daily_usage,
    hourly_messages,
    limit_event_counts,
    period,
    reminder_counts,
    weekly_usage,
)

KEY = b"reports-test-key-0123456789abcde"
SH = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 26)  # a Thursday


@pytest.fixture
def kids(file_db, clock):
    repo = ProfileRepository(file_db)
    lily = repo.add_child("Lily", date(2016, 3, 1), Language.EN, now=clock.now())
    sam = repo.add_child("Sam", date(2013, 5, 1), Language.EN, now=clock.now())
    return lily, sam


def put_day(db, profile_id, day, minutes, *, hit=False, attempts=0):
    usage = DayUsage(day, int(minutes * 60_000), hit, attempts)
    UsageLedger(db, KEY).save(
        profile_id, usage, TrackerState(), at=f"{day.isoformat()}T20:00:00+08:00"
    )


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SH)


def test_period_ends_today():
    assert period(TODAY, 7) == (date(2026, 11, 20), TODAY)
    with pytest.raises(ValueError):
        period(TODAY, 0)


def test_daily_usage_fills_missing_days_and_verifies_rows(file_db, kids):
    lily, sam = kids
    put_day(file_db, lily.id, TODAY - timedelta(days=2), 42.5, hit=False, attempts=1)
    put_day(file_db, lily.id, TODAY, 60, hit=True)
    put_day(file_db, sam.id, TODAY, 10)
    days = daily_usage(file_db, lily.id, TODAY - timedelta(days=6), TODAY, key=KEY)
    assert [d.day for d in days] == [TODAY - timedelta(days=i) for i in range(6, -1, -1)]
    assert [d.minutes for d in days] == [0, 0, 0, 0, 42.5, 0, 60]
    assert days[-1].limit_hit and days[-1].verified is True
    assert days[4].curfew_attempts == 1
    assert days[0].verified is None  # no row: nothing to check


def test_an_edited_row_is_flagged_and_counts_as_used(file_db, kids):
    lily, _ = kids
    put_day(file_db, lily.id, TODAY, 60, hit=True)
    file_db.execute("update limits_usage set used_ms = 60000 where profile_id = ?", [lily.id])
    (day,) = daily_usage(file_db, lily.id, TODAY, TODAY, key=KEY)
    assert day.verified is False and day.minutes == 24 * 60  # fail closed, and visibly so
    # Without the key the stored figure is shown, marked as unchecked.
    (raw,) = daily_usage(file_db, lily.id, TODAY, TODAY)
    assert raw.minutes == 1.0 and raw.verified is None


def test_weekly_usage_sums_iso_weeks(file_db, kids):
    lily, _ = kids
    # Thu 26 and Mon 23 are one week; Sun 22 and Mon 16 the week before.
    for offset, minutes in ((0, 30), (3, 20), (4, 15), (10, 5)):
        put_day(file_db, lily.id, TODAY - timedelta(days=offset), minutes)
    days = daily_usage(file_db, lily.id, TODAY - timedelta(days=13), TODAY, key=KEY)
    weeks = weekly_usage(days)
    assert [w.monday for w in weeks] == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert [w.minutes for w in weeks] == [0, 20, 50]
    assert [w.days for w in weeks] == [3, 7, 4]


def test_hourly_messages_counts_only_the_childs_messages_never_text(file_db, kids):
    lily, sam = kids
    repo = ConversationRepository(file_db)
    conv = repo.start(lily.id, "buddy", now=at(TODAY, 8))
    for hour, minute in ((8, 1), (16, 5), (16, 50), (21, 59)):
        repo.add_message(
            conv.id, Role.USER, "secret words", MessageStatus.SENT, now=at(TODAY, hour, minute)
        )
        repo.add_message(
            conv.id, Role.ASSISTANT, "reply", MessageStatus.COMPLETE, now=at(TODAY, hour, minute)
        )
    repo.add_message(
        conv.id, Role.USER, "too old", MessageStatus.SENT, now=at(TODAY - timedelta(days=9), 10)
    )
    other = repo.start(sam.id, "buddy", now=at(TODAY, 9))
    repo.add_message(other.id, Role.USER, "sam", MessageStatus.SENT, now=at(TODAY, 9))
    counts = hourly_messages(file_db, lily.id, TODAY - timedelta(days=6), TODAY)
    assert len(counts) == 24 and sum(counts) == 4
    assert (counts[8], counts[16], counts[21], counts[9], counts[10]) == (1, 2, 1, 0, 0)


def test_reminders_shown_come_from_the_log(file_db, kids):
    lily, sam = kids
    log = ReminderLog(file_db, lily.id)
    now = at(TODAY, 16)
    for kind, key in (
        ("rest", "a:1800"),
        ("rest", "a:3600"),
        ("ai_not_human", "a:3600"),
        ("limit_warning", "daily:x:10"),
        ("dependence", "flag:1"),
    ):
        log.record(kind, key, day=TODAY, at=now)
    ReminderLog(file_db, sam.id).record("rest", "b:1800", day=TODAY, at=now)
    ReminderLog(file_db, lily.id).record("rest", "old", day=TODAY - timedelta(days=30), at=now)
    counts = {
        r.kind: r.count for r in reminder_counts(file_db, lily.id, TODAY - timedelta(days=6), TODAY)
    }
    assert counts == {
        ReminderKind.REST: 2,
        ReminderKind.CONTINUOUS_USE: 0,
        ReminderKind.AI_NOT_HUMAN: 1,
        ReminderKind.DEPENDENCE: 1,
        ReminderKind.LIMIT_WARNING: 1,
    }


def test_limit_events_per_child_and_clock_moves_for_everyone(file_db, kids, clock):
    lily, sam = kids
    audit = SqliteAuditSink(file_db, clock.now)
    day = TODAY.isoformat()
    when = at(TODAY, 22, 30).isoformat()
    audit.record(LimitEventKind.LIMIT_HIT, {"profile_id": lily.id, "day": day, "at": when})
    audit.record(LimitEventKind.CURFEW_ATTEMPT, {"profile_id": lily.id, "day": day, "at": when})
    audit.record(LimitEventKind.CURFEW_ATTEMPT, {"profile_id": lily.id, "day": day, "at": when})
    audit.record(
        LimitEventKind.EXTENSION_GRANTED,
        {"profile_id": lily.id, "day": day, "at": when, "minutes": 15},
    )
    audit.record(LimitEventKind.CURFEW_EXEMPTED, {"profile_id": lily.id, "night": day, "at": when})
    audit.record(LimitEventKind.CLOCK_MOVED, {"at": when, "seconds": 3600})
    audit.record(LimitEventKind.LIMIT_HIT, {"profile_id": sam.id, "day": day, "at": when})
    old = (TODAY - timedelta(days=20)).isoformat()
    audit.record(
        LimitEventKind.LIMIT_HIT, {"profile_id": lily.id, "day": old, "at": f"{old}T20:00:00+08:00"}
    )
    counts = limit_event_counts(file_db, lily.id, TODAY - timedelta(days=6), TODAY)
    assert (
        counts.limits_hit,
        counts.curfew_attempts,
        counts.extensions_granted,
        counts.curfew_exemptions,
        counts.tamper_events,
    ) == (1, 2, 1, 1, 1)
    assert limit_event_counts(file_db, sam.id, TODAY - timedelta(days=6), TODAY).tamper_events == 1


def test_a_report_from_real_use(file_db, kids, clock):
    """Lily tries to chat 40 minutes with 35 allowed, through the real LimitsService."""
    lily, _ = kids
    TimeRulesRepository(file_db).save(lily.id, TimeRules(daily_minutes=(35,) * 7), now=clock.now())
    audit = SqliteAuditSink(file_db, clock.now)
    guard = ClockGuard(file_db, clock, KEY, audit, boot_id=lambda: "boot-1")
    guard.start()
    service = LimitsService(file_db, lily, guard, KEY, audit)
    service.session_opened()
    for step in range(40 * 20):
        clock.advance(3)
        service.note_activity() if step % 10 == 0 else service.tick()
    service.close()
    report = build_report(file_db, lily.id, clock.now().date(), 7, key=KEY)
    assert report.days[-1].minutes == pytest.approx(35.0)  # the limit stopped the count
    assert report.days[-1].limit_hit and report.days_limit_hit == 1
    assert report.total_minutes == pytest.approx(35.0)
    assert report.average_minutes == pytest.approx(35.0 / 7)
    assert report.events.limits_hit == 1
    shown = {r.kind: r.count for r in report.reminders}
    assert shown[ReminderKind.REST] == 1  # R8: at 30 minutes
    assert shown[ReminderKind.LIMIT_WARNING] == 3  # 10, 5 and 1 minute before the limit
    assert report.reminders_shown == sum(shown.values())
    assert report.unverified_days == ()
    assert len(report.days) == 7 and len(report.hourly_messages) == 24
