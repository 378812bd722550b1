"""The pure policy engine, one rule at a time (R7, R9, R11), including DST and zone changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.limits.policy import LimitKind, LockReason, UsageSnapshot, evaluate
from desktop.limits.rules import Audience, ClockWindow, TimeRules
from desktop.profiles.models import AgeBand

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")
CHILD = Audience(minor_mode=True, band=AgeBand.AGE_8_TO_15)
SMALL = Audience(minor_mode=True, band=AgeBand.UNDER_8)
TEEN = Audience(minor_mode=True, band=AgeBand.AGE_16_TO_17)
ADULT = Audience(minor_mode=False, band=AgeBand.ADULT)


def at(y, mo, d, h, mi=0, s=0, tz=SH):
    return datetime(y, mo, d, h, mi, s, tzinfo=tz)


def use(day: date, minutes: float, **kw) -> UsageSnapshot:
    return UsageSnapshot(day=day, used_seconds=minutes * 60, **kw)


D = date(2026, 11, 26)  # a Thursday


@pytest.mark.parametrize(
    ("audience", "minutes"), [(SMALL, 40), (CHILD, 60), (TEEN, 120), (ADULT, None)]
)
def test_default_daily_totals_by_age_band_r7(audience, minutes):
    decision = evaluate(TimeRules(), audience, use(D, 0), at(2026, 11, 26, 10))
    assert decision.allowed
    assert decision.budget_seconds == (None if minutes is None else minutes * 60)
    if minutes is not None:
        assert decision.seconds_left == minutes * 60
        assert decision.next_limit is LimitKind.DAILY_LIMIT


def test_daily_limit_locks_until_next_morning_because_the_curfew_follows():
    decision = evaluate(TimeRules(), CHILD, use(D, 60), at(2026, 11, 26, 16))
    assert not decision.allowed
    assert decision.reason is LockReason.DAILY_LIMIT
    # Midnight resets the budget but the curfew (R9) holds until 06:00.
    assert decision.until == at(2026, 11, 27, 6)


def test_daily_limit_without_curfew_reopens_at_midnight():
    rules = TimeRules(curfew_enabled=False)
    decision = evaluate(rules, CHILD, use(D, 61), at(2026, 11, 26, 16))
    assert decision.reason is LockReason.DAILY_LIMIT
    assert decision.until == at(2026, 11, 27, 0)


def test_weekday_minutes_override_the_defaults():
    minutes = (30, 30, 30, 45, 30, 90, 0)  # Thursday 45, Sunday 0
    rules = TimeRules(daily_minutes=minutes, curfew_enabled=False)
    assert evaluate(rules, CHILD, use(D, 44), at(2026, 11, 26, 12)).allowed
    assert not evaluate(rules, CHILD, use(D, 45), at(2026, 11, 26, 12)).allowed
    # Saturday: 90 minutes, no more. Sunday: zero, so a Saturday lock lasts until Monday.
    saturday = date(2026, 11, 28)
    decision = evaluate(rules, CHILD, use(saturday, 90), at(2026, 11, 28, 20))
    assert decision.until == at(2026, 11, 30, 0)
    assert evaluate(rules, ADULT, use(D, 10_000), at(2026, 11, 26, 12)).allowed is False
    unlimited = TimeRules(daily_minutes=(None,) * 7)
    assert evaluate(unlimited, CHILD, use(D, 10_000), at(2026, 11, 26, 12)).allowed


def test_curfew_on_by_default_for_minors_only_r9():
    night = at(2026, 11, 26, 22, 30)
    decision = evaluate(TimeRules(), CHILD, use(D, 0), night)
    assert decision.reason is LockReason.CURFEW
    assert decision.until == at(2026, 11, 27, 6)
    assert evaluate(TimeRules(), ADULT, use(D, 0), night).allowed
    early = evaluate(TimeRules(), CHILD, use(date(2026, 11, 27), 0), at(2026, 11, 27, 5, 59))
    assert early.reason is LockReason.CURFEW
    assert evaluate(TimeRules(), CHILD, use(date(2026, 11, 27), 0), at(2026, 11, 27, 6)).allowed


def test_curfew_guardian_exemption_for_one_night_and_for_good():
    exempt = TimeRules().with_curfew_exemption(D)
    assert evaluate(exempt, CHILD, use(D, 0), at(2026, 11, 26, 23)).allowed
    # The same night after midnight belongs to the exemption of the 26th.
    assert evaluate(exempt, CHILD, use(date(2026, 11, 27), 0), at(2026, 11, 27, 3)).allowed
    # The next night is not exempt.
    assert not evaluate(exempt, CHILD, use(date(2026, 11, 27), 0), at(2026, 11, 27, 23)).allowed
    off = TimeRules(curfew_enabled=False)
    assert evaluate(off, CHILD, use(D, 0), at(2026, 11, 26, 23)).allowed


def test_time_left_is_bounded_by_the_coming_curfew():
    decision = evaluate(TimeRules(), TEEN, use(D, 0), at(2026, 11, 26, 21, 50))
    assert decision.allowed
    assert decision.next_limit is LimitKind.CURFEW
    assert decision.seconds_left == pytest.approx(600)


def test_allowed_hours_lock_outside_the_window():
    window = ClockWindow(15 * 60, 20 * 60)
    rules = TimeRules(allowed_hours=(window,) * 7, curfew_enabled=False)
    before = evaluate(rules, CHILD, use(D, 0), at(2026, 11, 26, 9))
    assert before.reason is LockReason.OUTSIDE_ALLOWED_HOURS
    assert before.until == at(2026, 11, 26, 15)
    after = evaluate(rules, CHILD, use(D, 0), at(2026, 11, 26, 20, 30))
    assert after.until == at(2026, 11, 27, 15)
    inside = evaluate(rules, CHILD, use(D, 0), at(2026, 11, 26, 19, 45))
    assert inside.next_limit is LimitKind.ALLOWED_HOURS
    assert inside.seconds_left == pytest.approx(15 * 60)


def test_curfew_then_allowed_hours_gives_the_later_opening():
    rules = TimeRules(allowed_hours=(ClockWindow(7 * 60, 21 * 60),) * 7)
    decision = evaluate(rules, CHILD, use(D, 0), at(2026, 11, 26, 23))
    assert decision.reasons == (LockReason.CURFEW, LockReason.OUTSIDE_ALLOWED_HOURS)
    assert decision.until == at(2026, 11, 27, 7)


def test_session_cap_needs_a_break():
    rules = TimeRules(session_cap_minutes=45, session_break_minutes=15, curfew_enabled=False)
    now = at(2026, 11, 26, 15)
    last = now.timestamp() - 60
    snap = use(D, 45, session_seconds=45 * 60, session_last_active=last, session_started=last)
    decision = evaluate(rules, CHILD, snap, now)
    assert decision.reason is LockReason.SESSION_BREAK
    assert decision.until == datetime.fromtimestamp(last + 15 * 60, SH)
    later = evaluate(rules, CHILD, snap, now + timedelta(minutes=14, seconds=1))
    assert later.allowed  # the break is over: a new session starts at zero
    assert later.next_limit is LimitKind.DAILY_LIMIT
    running = use(
        D,
        10,
        session_seconds=40 * 60,
        session_last_active=now.timestamp(),
        session_started=now.timestamp() - 2400,
    )
    decision = evaluate(rules, CHILD, running, now)
    assert decision.next_limit is LimitKind.SESSION_CAP
    assert decision.seconds_left == pytest.approx(300)


def test_locked_by_guardian_has_no_until():
    decision = evaluate(TimeRules(locked=True), ADULT, use(D, 0), at(2026, 11, 26, 12))
    assert decision.reason is LockReason.LOCKED_BY_GUARDIAN
    assert decision.until is None


def test_extensions_add_to_that_day_only():
    rules = TimeRules(curfew_enabled=False).with_extension(D, 15)
    assert evaluate(rules, CHILD, use(D, 74), at(2026, 11, 26, 12)).allowed
    assert not evaluate(rules, CHILD, use(D, 75), at(2026, 11, 26, 12)).allowed
    next_day = date(2026, 11, 27)
    assert not evaluate(rules, CHILD, use(next_day, 60), at(2026, 11, 27, 12)).allowed
    rest = TimeRules().with_extension(D, None)
    decision = evaluate(rest, CHILD, use(D, 500), at(2026, 11, 26, 12))
    assert decision.allowed and decision.budget_seconds is None
    # "Rest of the day" never lifts the curfew.
    assert not evaluate(rest, CHILD, use(D, 500), at(2026, 11, 26, 22, 1)).allowed


def test_zero_budget_every_day_means_only_the_guardian_can_open():
    rules = TimeRules(daily_minutes=(0,) * 7)
    decision = evaluate(rules, CHILD, use(D, 0), at(2026, 11, 26, 12))
    assert not decision.allowed
    assert decision.until is None


def test_time_left_carries_over_midnight_without_curfew():
    rules = TimeRules(curfew_enabled=False)
    decision = evaluate(rules, CHILD, use(D, 55), at(2026, 11, 26, 23, 58))
    # 2 min until midnight, then a fresh 60-minute budget.
    assert decision.seconds_left == pytest.approx(120 + 3600)


def test_ledger_day_floor_after_moving_west():
    # The ledger already counts on the 27th; local time says the 26th (zone moved west).
    decision = evaluate(
        TimeRules(curfew_enabled=False),
        CHILD,
        use(date(2026, 11, 27), 60),
        datetime(2026, 11, 26, 20, tzinfo=ZoneInfo("Pacific/Honolulu")),
    )
    assert decision.day == date(2026, 11, 27)
    assert not decision.allowed


# -- DST (America/New_York) ---------------------------------------------------------------------
def test_curfew_through_fall_back_night_lasts_nine_real_hours():
    start = datetime(2026, 10, 31, 22, 0, tzinfo=NY)
    decision = evaluate(TimeRules(), CHILD, use(date(2026, 10, 31), 0), start)
    assert decision.until == datetime(2026, 11, 1, 6, 0, tzinfo=NY)
    assert decision.until.timestamp() - start.timestamp() == 9 * 3600
    # In the repeated 01:30 (second pass, EST) the curfew still holds until 06:00 EST.
    repeated = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NY)
    later = evaluate(TimeRules(), CHILD, use(date(2026, 11, 1), 0), repeated)
    assert later.reason is LockReason.CURFEW
    assert later.until.timestamp() - repeated.timestamp() == 4.5 * 3600


def test_curfew_through_spring_forward_night_lasts_seven_real_hours():
    start = datetime(2026, 3, 7, 22, 0, tzinfo=NY)
    decision = evaluate(TimeRules(), CHILD, use(date(2026, 3, 7), 0), start)
    assert decision.until == datetime(2026, 3, 8, 6, 0, tzinfo=NY)
    assert decision.until.timestamp() - start.timestamp() == 7 * 3600


def test_time_left_before_curfew_on_dst_days_is_real_seconds():
    # A curfew 03:00-04:00 (wall clock) seen from 00:30 on both DST days.
    rules = TimeRules(daily_minutes=(None,) * 7, curfew=ClockWindow(3 * 60, 4 * 60))
    decision = evaluate(
        rules, CHILD, use(date(2026, 11, 1), 0), datetime(2026, 11, 1, 0, 30, tzinfo=NY)
    )
    assert decision.next_limit is LimitKind.CURFEW
    assert decision.seconds_left == 3.5 * 3600  # 00:30 EDT -> 03:00 EST
    decision = evaluate(
        rules, CHILD, use(date(2026, 3, 8), 0), datetime(2026, 3, 8, 0, 30, tzinfo=NY)
    )
    assert decision.seconds_left == 1.5 * 3600  # 00:30 EST -> 03:00 EDT


def test_daily_limit_until_next_midnight_across_dst():
    rules = TimeRules(curfew_enabled=False)
    decision = evaluate(
        rules, CHILD, use(date(2026, 3, 7), 60), datetime(2026, 3, 7, 20, tzinfo=NY)
    )
    assert decision.until == datetime(2026, 3, 8, 0, tzinfo=NY)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        evaluate(TimeRules(), CHILD, use(D, 0), datetime(2026, 11, 26, 12))
