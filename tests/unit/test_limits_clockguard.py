"""Trusted time: moving the clock, within a boot, across a restart and across a reboot."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop.limits.audit import LimitEventKind, SqliteAuditSink
from desktop.limits.clockguard import ClockGuard, read_boot_id
from tests.support.fake_clock import FakeClock

KEY = b"clock-guard-test-key-0123456789"
SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def guard_for(db, clock, boot="boot-1", **kw):
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, KEY, audit, boot_id=lambda: boot)
    guard.start(**kw)
    return guard, audit


def kinds(audit):
    return [e.kind for e in audit.events()]


def test_untouched_clock_is_trusted_as_is(memory_db, clock):
    guard, audit = guard_for(memory_db, clock)
    clock.advance(100)
    clock.suspend(3600)  # sleeping is not moving the clock
    assert guard.now() == clock.now()
    assert guard.shift_seconds == 0
    assert kinds(audit) == []


def test_a_jump_within_one_boot_is_undone_and_recorded_once(memory_db, clock):
    guard, audit = guard_for(memory_db, clock)
    real = clock.now()
    clock.jump_wall(86_400)
    clock.advance(10)
    assert guard.now() == real + timedelta(seconds=10)
    assert guard.now() == real + timedelta(seconds=10)
    assert kinds(audit) == [LimitEventKind.CLOCK_MOVED]
    assert audit.events()[0].detail["detected"] == "running"
    # Moving it back again is a second event and still leaves the true time.
    clock.jump_wall(-86_400)
    assert guard.now() == real + timedelta(seconds=10)
    assert kinds(audit) == [LimitEventKind.CLOCK_MOVED] * 2


def test_drift_within_tolerance_is_not_reported(memory_db, clock):
    guard, audit = guard_for(memory_db, clock)
    clock.jump_wall(3)
    guard.now()
    assert kinds(audit) == []


def test_clock_moved_while_hearth_was_closed_same_boot(memory_db, clock):
    guard, _ = guard_for(memory_db, clock)
    clock.advance(60)
    guard.now()
    guard.checkpoint()
    real = clock.now()
    clock.jump_wall(3 * 86_400)  # app closed, clock set three days ahead, app started again
    guard2, audit = guard_for(memory_db, clock)
    assert guard2.now() == real
    event = audit.events(kind=LimitEventKind.CLOCK_MOVED)[0]
    assert event.detail["detected"] == "closed" and event.detail["seconds"] == 3 * 86_400


def test_clock_moved_while_closed_without_boot_id_is_inferred(memory_db, clock):
    guard, _ = guard_for(memory_db, clock, boot=None)
    clock.advance(600)
    guard.now()
    guard.checkpoint()
    real = clock.now()
    clock.jump_wall(-200)  # back a little: the boot moment now precedes the last reading
    guard2, audit = guard_for(memory_db, clock, boot=None)
    assert guard2.now() == real
    assert kinds(audit) == [LimitEventKind.CLOCK_MOVED]


def test_rollback_across_a_reboot_never_goes_before_the_high_water_mark(memory_db, clock):
    guard, _ = guard_for(memory_db, clock)
    clock.advance(60)
    seen = guard.now()
    guard.checkpoint()
    rebooted = FakeClock(seen - timedelta(days=2))  # new boot, clock two days behind
    guard2, audit = guard_for(memory_db, rebooted, boot="boot-2")
    assert guard2.now() >= seen
    assert kinds(audit) == [LimitEventKind.CLOCK_ROLLED_BACK]
    rebooted.advance(30)
    assert guard2.now() == seen + timedelta(seconds=30)


def test_a_normal_reboot_later_is_trusted(memory_db, clock):
    guard, _ = guard_for(memory_db, clock)
    guard.checkpoint()
    later = FakeClock(clock.now() + timedelta(hours=9))
    guard2, audit = guard_for(memory_db, later, boot="boot-2")
    assert guard2.now() == later.now()
    assert kinds(audit) == []


def test_external_floor_from_outside_the_database(memory_db, clock):
    floor = clock.now() + timedelta(hours=1)
    guard, audit = guard_for(memory_db, clock, floor=floor)
    assert guard.now() >= floor
    assert kinds(audit) == [LimitEventKind.CLOCK_ROLLED_BACK]


def test_edited_clock_row_is_recorded(memory_db, clock):
    guard, _ = guard_for(memory_db, clock)
    guard.checkpoint()
    memory_db.execute("update limits_clock set state = replace(state, 'boot-1', 'boot-x')")
    _, audit = guard_for(memory_db, clock)
    assert kinds(audit) == [LimitEventKind.LEDGER_TAMPERED]


def test_guardian_accepts_the_system_time(memory_db, clock):
    guard, audit = guard_for(memory_db, clock)
    clock.jump_wall(7200)
    guard.now()
    guard.accept_system_time()
    assert guard.now() == clock.now()
    assert guard.shift_seconds == 0
    assert kinds(audit) == [LimitEventKind.CLOCK_MOVED, LimitEventKind.CLOCK_ACCEPTED]
    # ...and a restart keeps the accepted time.
    guard2, audit2 = guard_for(memory_db, clock)
    assert guard2.now() == clock.now()


def test_zone_changes_are_recorded_dst_is_not(memory_db):
    clock = FakeClock(datetime(2026, 11, 1, 0, 30, tzinfo=NY))
    guard, audit = guard_for(memory_db, clock)
    for _ in range(4):  # through the repeated hour, with exact instants
        clock.set_timezone(UTC)
        clock.advance(1800)
        clock.set_timezone(NY)
        guard.now()
    assert kinds(audit) == []
    clock.set_timezone(SH)
    assert guard.now().utcoffset() == timedelta(hours=8)
    events = audit.events(kind=LimitEventKind.TIMEZONE_CHANGED)
    assert [(e.detail["from"], e.detail["to"]) for e in events] == [
        ("America/New_York", "Asia/Shanghai")
    ]
    assert events[0].detail["dst_possible"] is False
    # Across a restart too.
    guard.checkpoint()
    clock.set_timezone(NY)
    _, audit2 = guard_for(memory_db, clock)
    assert len(audit2.events(kind=LimitEventKind.TIMEZONE_CHANGED)) == 2


def test_bare_offsets_flag_a_possible_dst_change(memory_db):
    clock = FakeClock(datetime(2026, 11, 26, 12, tzinfo=timezone(timedelta(hours=-4))))
    guard, audit = guard_for(memory_db, clock)
    clock.set_timezone(timezone(timedelta(hours=-5)))
    guard.now()
    (event,) = audit.events(kind=LimitEventKind.TIMEZONE_CHANGED)
    assert event.detail["dst_possible"] is True
    assert (event.detail["from"], event.detail["to"]) == ("UTC-04:00", "UTC-05:00")


def test_short_keys_are_refused(memory_db, clock):
    with pytest.raises(ValueError):
        ClockGuard(memory_db, clock, b"short", SqliteAuditSink(memory_db, clock.now))


def test_boot_id_is_read_on_linux():
    # Hearth's CI and this project's target are Linux; elsewhere read_boot_id returns None.
    boot = read_boot_id()
    assert re.fullmatch(r"[0-9a-f-]{36}", boot)
    assert read_boot_id() == boot


def test_peek_gives_the_trusted_time_without_writing(memory_db, clock):
    guard, audit = guard_for(memory_db, clock)
    real = clock.now()
    clock.jump_wall(86_400)
    assert guard.now() == real
    guard.checkpoint()
    stored = memory_db.execute("select state, mac from limits_clock").fetchone()
    before = len(audit.events())
    clock.advance(30)
    other = ClockGuard(
        memory_db, clock, KEY, SqliteAuditSink(memory_db, clock.now), boot_id=lambda: "boot-1"
    )
    assert other.peek() == real + timedelta(seconds=30)
    assert memory_db.execute("select state, mac from limits_clock").fetchone() == stored
    assert len(audit.events()) == before


def test_a_faked_boot_clock_never_moves_the_day_forward(tmp_path):
    """libfaketime fakes the boot-time clock too: wall minus uptime becomes nonsense (about 0).
    Such a start must resume from the last trusted instant, whatever the wall clock says."""
    from datetime import timedelta

    from desktop.limits.audit import LimitEventKind
    from desktop.limits.clockguard import ClockGuard
    from desktop.storage import open_database
    from tests.support.fake_clock import FakeClock

    class FakedBootClock(FakeClock):
        def boot_offset(self) -> float:
            return 0.0

    db = open_database(tmp_path)
    events = []

    class Sink:
        def record(self, kind, detail):
            events.append(kind)

    clock = FakeClock()
    guard = ClockGuard(db, clock, b"k" * 32, Sink(), boot_id=lambda: "boot-1")
    guard.start()
    clock.advance(600)
    before = guard.now()
    guard.checkpoint()
    faked = FakedBootClock(clock.now() + timedelta(days=2))
    restarted = ClockGuard(db, faked, b"k" * 32, Sink(), boot_id=lambda: "boot-1")
    restarted.start()
    assert restarted.now().date() == before.date()
    assert restarted.now() >= before
    assert LimitEventKind.CLOCK_UNVERIFIABLE in events
    assert restarted.peek().date() == before.date()
