"""The lockout ladder after wrong PINs, as a pure function of what was persisted and the clock.

Ladder (Apple Screen Time): failures 1-5 cost nothing; the 6th locks for 1 minute, the 7th for
5, the 8th for 15, the 9th and every later one for 60. The count resets only when a PIN or
recovery code is accepted.

Time, and how it is defended:
- The lockout is measured from the wall time of the last failure, stored in the database, so a
  restart (or a killed process) does not reset it.
- Wall time earlier than the last failure means the clock was moved back: stay locked until the
  wall clock is past the original end again (the guardian can fix the clock; the child gains
  nothing).
- Moving the clock forward: we also store the seconds since boot at the failure (wall minus
  ``Clock.boot_offset()``, which includes suspend). Within one boot that uptime difference is the
  true elapsed time, and we count the smaller of it and the wall difference. After a reboot the
  uptime difference is negative (ignored) or smaller than the truth, which can only lengthen a
  lockout, by at most one lockout period — never shorten it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

FREE_ATTEMPTS = 5
LADDER_SECONDS = {6: 60, 7: 5 * 60, 8: 15 * 60}
MAX_LOCKOUT_SECONDS = 60 * 60


def lockout_seconds(failed_attempts: int) -> int:
    """How long the ``failed_attempts``-th consecutive failure locks the PIN entry."""
    if failed_attempts <= FREE_ATTEMPTS:
        return 0
    return LADDER_SECONDS.get(failed_attempts, MAX_LOCKOUT_SECONDS)


class LockReason(StrEnum):
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    CLOCK_MOVED_BACK = "clock_moved_back"


@dataclass(frozen=True)
class AttemptRecord:
    """What is persisted about failed attempts (table ``pin_lockout``)."""

    failed_attempts: int = 0
    last_failure_at: datetime | None = None
    last_failure_uptime: float | None = None


@dataclass(frozen=True)
class LockoutState:
    failed_attempts: int
    reason: LockReason | None = None
    locked_until: datetime | None = None
    seconds_left: int = 0

    @property
    def locked(self) -> bool:
        return self.reason is not None

    @property
    def attempts_before_lockout(self) -> int:
        """Wrong entries still free of any lockout (0 once the ladder has started)."""
        return max(FREE_ATTEMPTS + 1 - self.failed_attempts, 0) if not self.locked else 0


def uptime_at(now: datetime, boot_offset: float) -> float:
    """Seconds since boot (suspend included) at wall time ``now``."""
    return now.timestamp() - boot_offset


def evaluate(record: AttemptRecord, now: datetime, uptime_now: float) -> LockoutState:
    """Is PIN entry locked at ``now``, and until when?"""
    duration = lockout_seconds(record.failed_attempts)
    if duration == 0 or record.last_failure_at is None:
        return LockoutState(record.failed_attempts)
    wall_elapsed = (now - record.last_failure_at).total_seconds()
    if wall_elapsed < 0:
        until = record.last_failure_at + timedelta(seconds=duration)
        return LockoutState(
            record.failed_attempts,
            LockReason.CLOCK_MOVED_BACK,
            until,
            int((until - now).total_seconds() + 0.999),
        )
    elapsed = wall_elapsed
    if record.last_failure_uptime is not None:
        uptime_elapsed = uptime_now - record.last_failure_uptime
        if 0 <= uptime_elapsed < elapsed:
            elapsed = uptime_elapsed
    left = duration - elapsed
    if left <= 0:
        return LockoutState(record.failed_attempts)
    return LockoutState(
        record.failed_attempts,
        LockReason.TOO_MANY_ATTEMPTS,
        now + timedelta(seconds=left),
        int(left + 0.999),
    )
