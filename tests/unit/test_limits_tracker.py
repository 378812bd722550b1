"""Counting active use: the 2-minute activity window, suspend, stalls, midnight, DST, zones."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.limits.audit import LimitEventKind, SqliteAuditSink
from desktop.limits.clockguard import ClockGuard
from desktop.limits.ledger import UsageLedger
from desktop.limits.policy import LockReason
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import TimeRules
from desktop.limits.service import LimitsService
from desktop.profiles.models import ChildProfile, Language
from tests.support.fake_clock import FakeClock

KEY = bytes(range(32))
CHILD = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)  # 10: 60 min/day
ADULT = ChildProfile(2, "Sam", date(1990, 3, 1), Language.EN, minor_mode=False)
NY = ZoneInfo("America/New_York")


def make(db, clock, profile=CHILD, boot="boot-1", poll=3.0):
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, KEY, audit, boot_id=lambda: boot)
    guard.start()
    return LimitsService(db, profile, guard, KEY, audit, poll_interval=poll), audit


def advance(clock, seconds):
    """Real time passes (exact across DST: FakeClock.advance adds wall-clock fields)."""
    tz = clock.now().tzinfo
    clock.set_timezone(UTC)
    clock.advance(seconds)
    clock.set_timezone(tz)


def chat(svc, clock, seconds, *, step=3, typing_every=30):
    """The child chats: the UI ticks every ``step`` s and the child types every so often."""
    events, elapsed = [], 0
    while elapsed < seconds:
        advance(clock, step)
        elapsed += step
        if elapsed % typing_every < step:
            events += svc.note_activity().events
        else:
            events += svc.tick().events
    return events


def idle(svc, clock, seconds, *, step=3):
    for _ in range(int(seconds // step)):
        advance(clock, step)
        svc.tick()


def test_active_use_accrues_only_within_two_minutes_of_activity(memory_db, clock):
    svc, _ = make(memory_db, clock)
    svc.session_opened()
    chat(svc, clock, 300)
    assert svc.tracker.used_seconds == pytest.approx(300)
    idle(svc, clock, 600)  # typed at 300 s; counts until 300 + 120 s... minus typing cadence
    assert svc.tracker.used_seconds == pytest.approx(300 + 120)


def test_closed_chat_does_not_count(memory_db, clock):
    svc, _ = make(memory_db, clock)
    svc.session_opened()
    chat(svc, clock, 60)
    svc.session_closed()
    idle(svc, clock, 300)
    svc.note_activity()  # typing into a closed chat is impossible; it must not count
    idle(svc, clock, 30)
    assert svc.tracker.used_seconds == pytest.approx(60)


def test_suspend_does_not_count_and_a_stall_counts_at_most_two_polls(memory_db, clock):
    svc, _ = make(memory_db, clock)
    svc.session_opened()
    chat(svc, clock, 30)
    clock.suspend(3600)  # laptop lid closed for an hour: monotonic time stood still
    svc.tick()
    assert svc.tracker.used_seconds == pytest.approx(30)
    svc.note_activity()
    clock.advance(100)  # the process was frozen for 100 s (no ticks)
    svc.tick()
    assert svc.tracker.used_seconds == pytest.approx(36)  # 30 + 2 x 3 s poll


def test_checkpoint_at_least_every_ten_seconds(memory_db, clock):
    svc, _ = make(memory_db, clock)
    svc.session_opened()
    ledger = UsageLedger(memory_db, KEY)
    for _ in range(20):
        chat(svc, clock, 3)
        stored = ledger.day(CHILD.id, svc.tracker.day)
        stored_s = 0 if stored is None else stored.used_seconds
        assert svc.tracker.used_seconds - stored_s <= 10 + 3


def test_a_tick_across_midnight_is_split(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 23, 59, 55, tzinfo=ZoneInfo("Asia/Shanghai")))
    svc, _ = make(memory_db, clock, profile=ADULT)
    svc.session_opened()
    clock.advance(6)
    svc.tick()
    svc.checkpoint()
    ledger = UsageLedger(memory_db, KEY)
    assert ledger.day(ADULT.id, date(2026, 11, 26)).used_seconds == pytest.approx(5)
    assert ledger.day(ADULT.id, date(2026, 11, 27)).used_seconds == pytest.approx(1)
    assert svc.tracker.day == date(2026, 11, 27)


def test_daily_budget_resets_at_local_midnight(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 21, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    svc, _ = make(memory_db, clock)
    TimeRulesRepository(memory_db).save(CHILD.id, TimeRules(curfew_enabled=False), now=clock.now())
    svc.session_opened()
    chat(svc, clock, 3700)
    assert svc.decision().reason is LockReason.DAILY_LIMIT
    assert svc.tracker.used_seconds == pytest.approx(3600)
    idle(svc, clock, 2 * 3600, step=60)  # past midnight
    assert svc.decision().allowed
    assert svc.decision().day == date(2026, 11, 27)
    svc.note_activity()
    chat(svc, clock, 60)
    assert svc.tracker.used_seconds == pytest.approx(60)


@pytest.mark.parametrize(
    ("start", "day", "hours"),
    [
        (datetime(2026, 3, 7, 23, 0, tzinfo=NY), date(2026, 3, 8), 23),  # spring forward
        (datetime(2026, 10, 31, 23, 0, tzinfo=NY), date(2026, 11, 1), 25),  # fall back
    ],
)
def test_dst_days_hold_their_real_length(memory_db, start, day, hours):
    clock = FakeClock(start)
    svc, audit = make(memory_db, clock, profile=ADULT, poll=60)
    svc.session_opened()
    chat(svc, clock, 3600 + hours * 3600 + 3600, step=60, typing_every=60)
    svc.checkpoint()
    ledger = UsageLedger(memory_db, KEY)
    assert ledger.day(ADULT.id, day).used_seconds == pytest.approx(hours * 3600)
    assert not audit.events(kind=LimitEventKind.CLOCK_MOVED)
    assert not audit.events(kind=LimitEventKind.TIMEZONE_CHANGED)


def test_zone_change_is_recorded_and_moving_west_keeps_the_day(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    svc, audit = make(memory_db, clock, profile=ADULT)
    svc.session_opened()
    clock.set_timezone(ZoneInfo("Pacific/Kiritimati"))  # +14: it is already the 27th there
    chat(svc, clock, 30)
    assert svc.tracker.day == date(2026, 11, 27)
    clock.set_timezone(ZoneInfo("Pacific/Honolulu"))  # -10: the 25th there
    chat(svc, clock, 30)
    assert svc.tracker.day == date(2026, 11, 27)  # never back to an older day
    assert svc.tracker.used_seconds == pytest.approx(60)
    changes = audit.events(kind=LimitEventKind.TIMEZONE_CHANGED)
    assert [e.detail["to"] for e in changes] == ["Pacific/Kiritimati", "Pacific/Honolulu"]


def test_moving_the_clock_forward_a_day_grants_nothing(memory_db, clock):
    svc, audit = make(memory_db, clock)
    svc.session_opened()
    chat(svc, clock, 3600)
    assert not svc.decision().allowed
    clock.jump_wall(86_400)  # "it's tomorrow now"
    assert svc.decision().reason is LockReason.DAILY_LIMIT
    assert svc.decision().day == date(2026, 11, 26)
    moved = audit.events(kind=LimitEventKind.CLOCK_MOVED)
    assert len(moved) == 1 and moved[0].detail["seconds"] == 86_400


def test_moving_the_clock_back_does_not_lift_the_curfew(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 22, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    svc, audit = make(memory_db, clock)
    assert svc.decision().reason is LockReason.CURFEW
    clock.jump_wall(-3 * 3600)  # 19:30 on the system clock
    assert svc.decision().reason is LockReason.CURFEW
    assert audit.events(kind=LimitEventKind.CLOCK_MOVED)[0].detail["seconds"] == -10_800


def test_curfew_attempts_are_recorded_once_per_ten_minutes(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 22, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    svc, audit = make(memory_db, clock)
    svc.session_opened()
    svc.request_chat()
    advance(clock, 60)
    svc.request_chat()
    advance(clock, 600)
    svc.request_chat()
    assert len(audit.events(kind=LimitEventKind.CURFEW_ATTEMPT)) == 2
    assert svc.tracker.today().curfew_attempts == 2
    assert svc.tracker.used_seconds == 0


def test_usage_stops_exactly_at_the_limit(memory_db, clock):
    svc, audit = make(memory_db, clock, poll=4)
    svc.session_opened()
    events = chat(svc, clock, 4000, step=7)  # ticks that do not divide the budget
    assert svc.tracker.used_seconds == pytest.approx(3600, abs=0.002)
    reached = [e for e in events if type(e).__name__ == "LimitReached"]
    assert len(reached) == 1 and reached[0].reason is LockReason.DAILY_LIMIT
    assert len(audit.events(kind=LimitEventKind.LIMIT_HIT)) == 1
    assert svc.tracker.today().limit_hit


def test_a_restart_after_moving_west_does_not_reopen_an_older_day(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 6, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    make(memory_db, clock)
    clock.set_timezone(UTC)  # 22:00 on the 25th there
    svc, audit = make(memory_db, clock)  # a crash and restart, nothing used yet
    assert svc.decision().day == date(2026, 11, 26)
    assert audit.events(kind=LimitEventKind.TIMEZONE_CHANGED)
