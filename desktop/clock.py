"""Time as the core sees it: injected, never read from ``datetime.now()`` directly.

Two readings are kept apart on purpose (DESIGN.md, "Time accounting"):
- ``monotonic()`` measures how long something lasted. It never jumps when the wall clock is
  moved and (on Linux, ``CLOCK_MONOTONIC``) does not advance while the machine sleeps, so a
  suspended laptop does not count as use.
- ``now()`` is the local wall time. It only says which day it is and whether the curfew applies.
- ``boot_offset()`` is wall minus boot-time monotonic; within one boot it is constant, so a change
  means someone moved the clock.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """What the core needs to know about time."""

    def now(self) -> datetime:
        """The local wall time, timezone-aware."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back and excludes suspend."""

    def boot_offset(self) -> float:
        """Wall-clock seconds minus seconds since boot; constant unless the clock is moved."""


class SystemClock:
    """The real clock of this computer."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()

    def boot_offset(self) -> float:
        boottime = getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)
        return time.time() - time.clock_gettime(boottime)
