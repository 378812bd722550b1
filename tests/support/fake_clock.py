"""A controllable clock for tests: wall time, monotonic time and the boot offset move separately.

``advance(s)`` models time passing normally; ``jump_wall(s)`` models someone moving the system
clock (wall changes, monotonic does not); ``suspend(s)`` models a sleeping laptop (wall moves,
monotonic does not, boot offset stays because boot-time keeps counting).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo


class FakeClock:
    def __init__(self, start: datetime | None = None, tz: tzinfo | None = None):
        tz = tz or ZoneInfo("Asia/Shanghai")
        self._wall = start or datetime(2026, 11, 26, 16, 0, tzinfo=tz)
        if self._wall.tzinfo is None:
            self._wall = self._wall.replace(tzinfo=tz)
        self._mono = 1000.0
        self._boot = 500.0  # seconds since boot, including suspend
        self._offset = self._wall.timestamp() - self._boot

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def boot_offset(self) -> float:
        return self._wall.timestamp() - self._boot

    # -- moving time ----------------------------------------------------------------------
    def _shift_wall(self, seconds: float) -> None:
        """Move the instant (not the local clock face), so DST changes come out right."""
        tz = self._wall.tzinfo
        self._wall = (self._wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(tz)

    def advance(self, seconds: float) -> None:
        self._shift_wall(seconds)
        self._mono += seconds
        self._boot += seconds

    def jump_wall(self, seconds: float) -> None:
        self._shift_wall(seconds)

    def suspend(self, seconds: float) -> None:
        self._shift_wall(seconds)
        self._boot += seconds

    def set_timezone(self, tz: tzinfo) -> None:
        self._wall = self._wall.astimezone(tz)
