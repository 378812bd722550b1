"""Reminders and warnings fire once per due point (R3, R5, R6, R8), also across restarts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.limits.audit import SqliteAuditSink
from desktop.limits.clockguard import ClockGuard
from desktop.limits.policy import LimitKind
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import TimeRules
from desktop.limits.service import LimitsService
from desktop.profiles.models import ChildProfile, Language
from desktop.reminders.dependence import DependenceReason
from desktop.reminders.events import LimitReached, LimitWarning, ReminderDue, ReminderKind
from desktop.reminders.log import ReminderLog
from tests.support.fake_clock import FakeClock

KEY = b"reminder-test-key-0123456789abcd"
SH = ZoneInfo("Asia/Shanghai")
CHILD = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)  # 60 min/day
ADULT = ChildProfile(2, "Sam", date(1990, 3, 1), Language.EN, minor_mode=False)


def make(db, clock, profile=CHILD):
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, KEY, audit, boot_id=lambda: "boot-1")
    guard.start()
    return LimitsService(db, profile, guard, KEY, audit)


def set_rules(db, clock, profile=CHILD, **fields):
    TimeRulesRepository(db).save(profile.id, TimeRules(**fields), now=clock.now())


def chat(svc, clock, seconds, step=3):
    events, elapsed = [], 0
    while elapsed < seconds:
        clock.advance(step)
        elapsed += step
        events += svc.note_activity().events if elapsed % 30 < step else svc.tick().events
    return events


def reminders(events, kind=None):
    return [e for e in events if isinstance(e, ReminderDue) and (kind is None or e.kind is kind)]


def warnings(events):
    return [e for e in events if isinstance(e, LimitWarning)]


def test_rest_reminder_every_30_minutes_of_use_r8(memory_db, clock):
    set_rules(memory_db, clock, daily_minutes=(None,) * 7)
    svc = make(memory_db, clock)
    svc.session_opened()
    events = chat(svc, clock, 95 * 60)
    rest = reminders(events, ReminderKind.REST)
    assert [e.minutes for e in rest] == [30, 60, 90]
    ai = reminders(events, ReminderKind.AI_NOT_HUMAN)
    assert [e.minutes for e in ai] == [60]  # R6 default: every 60 min


def test_guardian_may_shorten_the_rest_interval_but_not_lengthen_it(memory_db, clock):
    set_rules(memory_db, clock, daily_minutes=(None,) * 7, rest_reminder_minutes=10)
    svc = make(memory_db, clock)
    svc.session_opened()
    assert [e.minutes for e in reminders(chat(svc, clock, 31 * 60), ReminderKind.REST)] == [
        10,
        20,
        30,
    ]
    assert TimeRules(rest_reminder_minutes=45).rest_reminder_minutes == 30
    assert TimeRules(rest_reminder_minutes=0).rest_reminder_minutes == 5
    assert TimeRules(ai_reminder_minutes=600).ai_reminder_minutes == 180


def test_adults_get_only_the_continuous_use_reminder_r5(memory_db, clock):
    svc = make(memory_db, clock, profile=ADULT)
    svc.session_opened()
    events = chat(svc, clock, 4 * 3600 + 60)
    assert [(e.kind, e.minutes) for e in reminders(events)] == [
        (ReminderKind.CONTINUOUS_USE, 120),
        (ReminderKind.CONTINUOUS_USE, 240),
    ]
    assert warnings(events) == []


def test_continuous_means_no_idle_gap_of_30_minutes(memory_db, clock):
    svc = make(memory_db, clock, profile=ADULT)
    svc.session_opened()
    chat(svc, clock, 100 * 60)
    for _ in range(25 * 20):  # a 25-minute pause, the UI still ticking (2 min of it count)
        clock.advance(3)
        svc.tick()
    events = chat(svc, clock, 25 * 60)
    assert [e.minutes for e in reminders(events)] == [120]
    chat(svc, clock, 60 * 60)
    svc.session_closed()
    clock.advance(31 * 60)  # away for more than 30 minutes: a new streak starts
    svc.session_opened()
    events = chat(svc, clock, 110 * 60)
    assert reminders(events) == []
    events = chat(svc, clock, 15 * 60)
    assert [e.minutes for e in reminders(events)] == [120]


def test_limit_warnings_10_5_1_once_each(memory_db, clock):
    svc = make(memory_db, clock)
    svc.session_opened()
    events = chat(svc, clock, 3700)
    assert warnings(events) == [
        LimitWarning(10, LimitKind.DAILY_LIMIT),
        LimitWarning(5, LimitKind.DAILY_LIMIT),
        LimitWarning(1, LimitKind.DAILY_LIMIT),
    ]
    assert sum(isinstance(e, LimitReached) for e in events) == 1
    # More time: the new budget gets its own warnings.
    svc.grant_extension(15)
    svc.note_activity()
    events = chat(svc, clock, 16 * 60)
    assert [w.minutes_left for w in warnings(events)] == [10, 5, 1]


def test_opening_late_gives_one_warning_with_the_real_minutes(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 21, 53, tzinfo=SH))
    svc = make(memory_db, clock)
    result = svc.session_opened()
    assert warnings(result.events) == [LimitWarning(7, LimitKind.CURFEW)]
    events = chat(svc, clock, 8 * 60)
    assert [w.minutes_left for w in warnings(events)] == [5, 1]
    assert [e.reason.value for e in events if isinstance(e, LimitReached)] == ["curfew"]


def test_restart_neither_repeats_nor_skips(memory_db, clock):
    set_rules(memory_db, clock, daily_minutes=(None,) * 7)
    svc = make(memory_db, clock)
    svc.session_opened()
    first = chat(svc, clock, 31 * 60)
    assert [e.minutes for e in reminders(first, ReminderKind.REST)] == [30]
    svc.close()
    clock.advance(5)
    svc = make(memory_db, clock)  # restart
    svc.session_opened()
    events = chat(svc, clock, 20 * 60)
    assert reminders(events) == []
    # Crash (no close) right before the 60-minute point; it must still come after restart.
    events = chat(svc, clock, 8 * 60)
    assert reminders(events) == []
    clock.advance(2)
    svc = make(memory_db, clock)
    svc.session_opened()
    events = chat(svc, clock, 3 * 60)
    assert [(e.kind, e.minutes) for e in reminders(events)] == [
        (ReminderKind.AI_NOT_HUMAN, 60),
        (ReminderKind.REST, 60),
    ]
    counts = ReminderLog(memory_db, CHILD.id).counts(date(2026, 11, 26), date(2026, 11, 26))
    assert counts == {"ai_not_human": 1, "rest": 2}


def _use_up_the_day(svc, clock):
    svc.session_opened()
    events = chat(svc, clock, 3700)
    svc.session_closed()
    return events


def _next_afternoon(clock):
    now = clock.now()
    target = datetime.combine(now.date() + timedelta(days=1), now.time().replace(hour=16), SH)
    clock.advance((target - now).total_seconds())


def test_dependence_after_three_days_at_the_limit_r3(memory_db, clock):
    svc = make(memory_db, clock)
    for _ in range(2):
        assert reminders(_use_up_the_day(svc, clock), ReminderKind.DEPENDENCE) == []
        _next_afternoon(clock)
    # The third day in a row at the limit: the modal comes with the lock screen.
    assert len(reminders(_use_up_the_day(svc, clock), ReminderKind.DEPENDENCE)) == 1
    assert svc.signals().limit_hit_streak == 3
    # The next day (limit not hit yet, the streak still stands): once, when the chat opens.
    _next_afternoon(clock)
    assert DependenceReason.LIMIT_STREAK in svc.signals().reasons
    assert len(reminders(svc.session_opened().events, ReminderKind.DEPENDENCE)) == 1
    assert reminders(chat(svc, clock, 600), ReminderKind.DEPENDENCE) == []
    svc.session_closed()
    assert reminders(svc.session_opened().events, ReminderKind.DEPENDENCE) == []
    # A day without hitting the limit breaks the streak.
    svc.session_closed()
    _next_afternoon(clock)
    assert svc.signals().limit_hit_streak == 0


def test_dependence_after_three_curfew_attempts_in_a_week(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 22, 30, tzinfo=SH))
    svc = make(memory_db, clock)
    for _ in range(3):
        svc.session_opened()
        svc.session_closed()
        clock.advance(86_400)
    assert svc.signals().curfew_attempts == 3
    events = svc.session_opened().events
    assert [e.kind for e in reminders(events)] == [ReminderKind.DEPENDENCE]


def test_external_flag_fires_once_per_flag(memory_db, clock):
    svc = make(memory_db, clock)
    svc.session_opened()
    chat(svc, clock, 60)
    svc.flag_dependence("safety:dependence")
    first = reminders(svc.tick().events, ReminderKind.DEPENDENCE)
    assert len(first) == 1
    assert reminders(chat(svc, clock, 60), ReminderKind.DEPENDENCE) == []
    svc.flag_dependence("safety:dependence")
    assert len(reminders(svc.tick().events, ReminderKind.DEPENDENCE)) == 1


def test_nothing_fires_while_the_chat_is_closed(memory_db, clock):
    set_rules(memory_db, clock, daily_minutes=(None,) * 7)
    svc = make(memory_db, clock)
    svc.session_opened()
    chat(svc, clock, 29 * 60)
    svc.session_closed()
    clock.advance(3600)
    assert svc.tick().events == ()
    clock.set_timezone(UTC)
    assert svc.tick().events == ()
