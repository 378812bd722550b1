"""TimeRules: defaults (R7, R9), validation, clamping, JSON round trip, and its repository."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.limits.ledger import DayUsage, TrackerState, UsageLedger
from desktop.limits.repository import TimeRulesRepository, forget_profile
from desktop.limits.rules import (
    Audience,
    ClockWindow,
    Extension,
    RulesError,
    TimeRules,
)
from desktop.profiles.models import AgeBand, ChildProfile, Language
from desktop.reminders.log import ReminderLog

NOW = datetime(2026, 11, 26, 16, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_audience_follows_the_profile():
    child = ChildProfile(1, "Mia", date(2019, 12, 1), Language.ZH)
    assert Audience.of(child, date(2026, 11, 26)) == Audience(True, AgeBand.UNDER_8)
    # Turning 8 moves the default from 40 to 60 minutes (R7).
    assert Audience.of(child, date(2027, 12, 1)).band is AgeBand.AGE_8_TO_15
    free = ChildProfile(2, "Sam", date(2010, 1, 1), Language.EN, minor_mode=False)
    audience = Audience.of(free, date(2026, 11, 26))
    assert TimeRules().base_daily_minutes(date(2026, 11, 26), audience) is None
    assert not TimeRules().curfew_applies(audience)


def test_curfew_default_window_is_22_to_06():
    window = TimeRules().curfew
    assert window.to_text() == "22:00-06:00"
    assert window.wraps
    assert window.contains(22 * 3600) and window.contains(5 * 3600 + 3599)
    assert not window.contains(6 * 3600) and not window.contains(21 * 3600 + 3599)


@pytest.mark.parametrize("text", ["25:00-06:00", "22:00-22:00", "nonsense", "22:61-06:00"])
def test_bad_windows_are_refused(text):
    with pytest.raises(RulesError):
        ClockWindow.parse(text)


def test_validation():
    with pytest.raises(RulesError):
        TimeRules(daily_minutes=(60,) * 6)
    with pytest.raises(RulesError):
        TimeRules(daily_minutes=(60,) * 6 + (2000,))
    with pytest.raises(RulesError):
        TimeRules(allowed_hours=(ClockWindow(20 * 60, 2 * 60),) * 7)
    with pytest.raises(RulesError):
        TimeRules(session_cap_minutes=2)
    with pytest.raises(RulesError):
        Extension(date(2026, 1, 1), 0)


def test_extensions_and_exemptions_are_pruned_when_past():
    rules = (
        TimeRules()
        .with_extension(date(2026, 11, 25), 15)
        .with_extension(date(2026, 11, 26), None)
        .with_curfew_exemption(date(2026, 11, 24))
        .with_curfew_exemption(date(2026, 11, 25))
    )
    pruned = rules.pruned(date(2026, 11, 26))
    assert pruned.extensions == (Extension(date(2026, 11, 26), None),)
    assert pruned.curfew_exempt_nights == {date(2026, 11, 25)}  # still covers until 06:00


@st.composite
def rules_documents(draw):
    day = st.dates(date(2026, 1, 1), date(2027, 12, 31))
    start = draw(st.integers(0, 1438))
    end = draw(st.integers(start + 1, 1440))
    return TimeRules(
        daily_minutes=draw(
            st.none() | st.tuples(*[st.none() | st.integers(0, 1440) for _ in range(7)])
        ),
        allowed_hours=draw(st.tuples(*[st.none() | st.just(ClockWindow(start, end))] * 7)),
        curfew_enabled=draw(st.none() | st.booleans()),
        curfew=draw(st.sampled_from([ClockWindow(1320, 360), ClockWindow(1260, 420)])),
        session_cap_minutes=draw(st.none() | st.integers(5, 1440)),
        session_break_minutes=draw(st.integers(1, 240)),
        rest_reminder_minutes=draw(st.integers(-10, 100)),
        ai_reminder_minutes=draw(st.integers(-10, 400)),
        dependence_limit_days=draw(st.integers(0, 30)),
        locked=draw(st.booleans()),
        extensions=tuple(
            draw(st.lists(st.builds(Extension, day, st.none() | st.integers(1, 600)), max_size=3))
        ),
        curfew_exempt_nights=frozenset(draw(st.lists(day, max_size=3))),
    )


@given(rules_documents())
def test_json_round_trip(rules):
    text = json.dumps(rules.to_dict())
    assert TimeRules.from_dict(json.loads(text)) == rules
    assert 5 <= rules.rest_reminder_minutes <= 30  # R8
    assert 5 <= rules.ai_reminder_minutes <= 180  # R6


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"version": 2},
        {"daily_minutes": [60]},
        {"curfew": 7},
        {"extensions": [{"day": "not a date"}]},
        {"session_cap_minutes": "x"},
    ],
)
def test_malformed_documents_raise_rules_error(doc):
    with pytest.raises(RulesError):
        TimeRules.from_dict(doc)


def test_repository_round_trip_and_defaults(memory_db):
    repo = TimeRulesRepository(memory_db)
    assert repo.get(7) == TimeRules()
    rules = TimeRules(daily_minutes=(30,) * 5 + (90, 90), session_cap_minutes=45)
    repo.save(7, rules, now=NOW)
    assert repo.get(7) == rules
    assert json.loads(repo.raw(7))["session_cap_minutes"] == 45
    repo.grant_extension(7, NOW.date(), 15, now=NOW)
    repo.grant_curfew_exemption(7, NOW.date(), now=NOW)
    got = repo.get(7)
    assert got.extensions == (Extension(NOW.date(), 15),)
    assert got.curfew_exempt_nights == {NOW.date()}
    assert repo.get(8) == TimeRules()  # other children untouched


def test_unreadable_rules_fall_back_to_the_strict_defaults(memory_db):
    repo = TimeRulesRepository(memory_db)
    repo.save(7, TimeRules(curfew_enabled=False, daily_minutes=(None,) * 7), now=NOW)
    memory_db.execute("update limits_rules set rules = '{not json' where profile_id = 7")
    assert repo.get(7) == TimeRules()


def test_forget_profile_removes_only_that_child(memory_db):
    ledger = UsageLedger(memory_db, b"forget-profile-key-0123456789abc")
    for child in (7, 8):
        TimeRulesRepository(memory_db).save(child, TimeRules(locked=True), now=NOW)
        ledger.save(child, DayUsage(NOW.date(), 5000), TrackerState(), at=NOW.isoformat())
        ReminderLog(memory_db, child).record("rest", "k", day=NOW.date(), at=NOW)
    forget_profile(memory_db, 7)
    assert TimeRulesRepository(memory_db).get(7) == TimeRules()
    assert ledger.day(7, NOW.date()) is None and ledger.state(7) == (None, True)
    assert not ReminderLog(memory_db, 7).was_shown("rest", "k")
    assert TimeRulesRepository(memory_db).get(8).locked
    assert ledger.day(8, NOW.date()).used_ms == 5000
