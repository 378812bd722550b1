from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.clock import SystemClock, local_zone
from tests.support.fake_clock import FakeClock


def test_system_clock_uses_a_named_zone_from_tz(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone() == ZoneInfo("America/New_York")
    now = SystemClock().now()
    assert now.tzinfo == ZoneInfo("America/New_York")


def test_unknown_tz_falls_back_to_an_offset(monkeypatch):
    monkeypatch.setenv("TZ", "Not/AZone")
    assert local_zone() is None
    assert SystemClock().now().utcoffset() is not None


def test_fake_clock_advances_the_instant_across_dst():
    ny = ZoneInfo("America/New_York")
    clock = FakeClock(datetime(2026, 3, 8, 1, 30, tzinfo=ny))
    clock.advance(3600)  # 01:30 EST + 1 h of real time = 03:30 EDT
    assert clock.now().hour == 3 and clock.now().minute == 30
    assert clock.monotonic() == 1000.0 + 3600
