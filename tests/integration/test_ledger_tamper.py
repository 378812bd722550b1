"""Editing the ledger in the SQLite file (as a child with a DB browser would) fails closed.

Each case edits a real database file through a separate ``sqlite3`` connection while Hearth is
not running, then starts Hearth again: the day must count as fully used, the chat must be
locked, the guardian must see a ``ledger_tampered`` event, and only the guardian's grant opens
it again.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.limits.audit import LimitEventKind
from desktop.limits.ledger import FULL_DAY_MS, UsageLedger
from desktop.limits.policy import LockReason
from desktop.limits.status import read_status
from desktop.profiles.models import ChildProfile, Language
from desktop.storage import open_database
from tests.integration.ledger_support import chat, start_limits
from tests.support.fake_clock import FakeClock

KEY = b"ledger-tamper-test-key-0123456789"
CHILD = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)
SH = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 27)


def service(db, clock, key=KEY):
    return start_limits(db, clock, key, CHILD)


@pytest.fixture
def used_file(tmp_path):
    """Two days of use in a real file: yesterday hit the limit, today 30 minutes."""
    data = tmp_path / "data"
    clock = FakeClock(datetime(2026, 11, 26, 16, 0, tzinfo=SH))
    db = open_database(data)
    svc, _ = service(db, clock)
    svc.session_opened()
    chat(svc, clock, 3700)
    svc.close()
    clock.advance(86_400 - 3700)
    svc.session_opened()
    chat(svc, clock, 30 * 60)
    svc.close()
    db.close()
    return data, clock


def edit(data, *statements):
    conn = sqlite3.connect(data / "hearth.db")
    with conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()


def reopen(data, clock, key=KEY):
    clock.advance(30)
    db = open_database(data)
    svc, audit = service(db, clock, key)
    return db, svc, audit


def assert_failed_closed(db, svc, audit, clock):
    decision = svc.decision()
    assert not decision.allowed
    assert decision.reason is LockReason.DAILY_LIMIT
    assert decision.used_seconds * 1000 >= FULL_DAY_MS
    assert svc.status().ledger_verified is False
    assert read_status(db, CHILD, clock.now(), KEY).available is False
    events = audit.events(kind=LimitEventKind.LEDGER_TAMPERED)
    assert len(events) == 1 and events[0].day == TODAY.isoformat()
    return events[0]


def test_untouched_file_verifies(used_file):
    data, clock = used_file
    db, svc, audit = reopen(data, clock)
    assert svc.decision().allowed
    assert svc.tracker.used_seconds == pytest.approx(30 * 60)
    assert [e.kind for e in audit.events()] == [LimitEventKind.LIMIT_HIT]  # yesterday's, genuine
    db.close()


def test_lowering_todays_usage(used_file):
    data, clock = used_file
    edit(data, "update limits_usage set used_ms = 0 where day = '2026-11-27'")
    db, svc, audit = reopen(data, clock)
    event = assert_failed_closed(db, svc, audit, clock)
    assert "row_invalid" in event.detail["problems"]
    db.close()


def test_deleting_todays_row(used_file):
    data, clock = used_file
    edit(data, "delete from limits_usage where day = '2026-11-27'")
    db, svc, audit = reopen(data, clock)
    assert "row_missing" in assert_failed_closed(db, svc, audit, clock).detail["problems"]
    db.close()


def test_deleting_the_state_row(used_file):
    data, clock = used_file
    edit(data, "delete from limits_state", "delete from limits_usage where day = '2026-11-27'")
    db, svc, audit = reopen(data, clock)
    assert "state_missing" in assert_failed_closed(db, svc, audit, clock).detail["problems"]
    db.close()


def test_replaying_an_older_valid_copy_of_todays_row(used_file):
    data, clock = used_file
    conn = sqlite3.connect(data / "hearth.db")
    old = conn.execute("select used_ms, mac from limits_usage where day = '2026-11-27'").fetchone()
    conn.close()
    # More use, then the child restores the earlier (validly tagged) row.
    db, svc, _ = reopen(data, clock)
    svc.session_opened()
    chat(svc, clock, 600)
    svc.close()
    db.close()
    edit(
        data,
        f"update limits_usage set used_ms = {old[0]}, mac = '{old[1]}' where day = '2026-11-27'",
    )
    db, svc, audit = reopen(data, clock)
    assert "row_lowered" in assert_failed_closed(db, svc, audit, clock).detail["problems"]
    db.close()


def test_moving_a_row_to_another_day(used_file):
    data, clock = used_file
    # Yesterday's row (limit hit) relabelled... and today's row replaced by an empty copy.
    edit(
        data,
        "delete from limits_usage where day = '2026-11-27'",
        "update limits_usage set day = '2026-11-27' where day = '2026-11-26'",
    )
    db, svc, audit = reopen(data, clock)
    assert "row_invalid" in assert_failed_closed(db, svc, audit, clock).detail["problems"]
    db.close()


def test_clearing_the_limit_hit_flag_does_not_hide_dependence(used_file):
    data, clock = used_file
    edit(data, "update limits_usage set limit_hit = 0 where day = '2026-11-26'")
    db, svc, _ = reopen(data, clock)
    yesterday = UsageLedger(db, KEY).day(CHILD.id, TODAY - timedelta(days=1))
    assert yesterday.verified is False and yesterday.limit_hit is True
    assert svc.signals().limit_hit_streak == 1
    db.close()


def test_a_different_key_fails_closed(used_file):
    data, clock = used_file
    db, svc, audit = reopen(data, clock, key=b"another-key-entirely-0123456789ab")
    assert not svc.decision().allowed
    assert audit.events(kind=LimitEventKind.LEDGER_TAMPERED)
    db.close()


def test_fail_closed_persists_and_the_guardian_can_reopen(used_file):
    data, clock = used_file
    edit(data, "update limits_usage set used_ms = 0 where day = '2026-11-27'")
    db, svc, audit = reopen(data, clock)
    assert not svc.decision().allowed
    db.close()
    # A second restart still sees a fully used day (now validly tagged), with no new alarm.
    db, svc, audit = reopen(data, clock)
    assert not svc.decision().allowed
    assert len(audit.events(kind=LimitEventKind.LEDGER_TAMPERED)) == 1
    svc.grant_extension(None)  # the guardian: "rest of the day"
    assert svc.decision().allowed
    db.close()


def test_lead_can_fail_closed_on_demand(used_file):
    data, clock = used_file
    db, svc, audit = reopen(data, clock)
    svc.fail_closed("database_replaced")
    assert not svc.decision().allowed
    (event,) = audit.events(kind=LimitEventKind.LEDGER_TAMPERED)
    assert event.detail["problems"] == ["database_replaced"]
    db.close()
