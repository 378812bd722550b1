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

import os
import time
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class Clock(Protocol):
    """What the core needs to know about time."""

    def now(self) -> datetime:
        """The local wall time, timezone-aware."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back and excludes suspend."""

    def boot_offset(self) -> float:
        """Wall-clock seconds minus seconds since boot; constant unless the clock is moved."""


def local_zone() -> tzinfo | None:
    """The named local time zone (``TZ`` or the /etc/localtime link), read afresh each call.

    A named zone lets the limits tell a daylight-saving change from someone changing the time
    zone; a bare UTC offset cannot. Returns None when the zone has no name we can resolve.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = os.readlink("/etc/localtime")
        except OSError:
            return None
        parts = Path(target).parts
        if "zoneinfo" not in parts:
            return None
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class SystemClock:
    """The real clock of this computer."""

    def now(self) -> datetime:
        zone = local_zone()
        return datetime.now(zone) if zone is not None else datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()

    def boot_offset(self) -> float:
        boottime = getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)
        return time.time() - time.clock_gettime(boottime)
