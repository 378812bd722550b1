"""Turning the UI's poll ticks into seconds of active use in the ledger.

Usage counts only *active* use: the chat is open and the child typed (or opened it) within the
last two minutes. Intervals are measured on the monotonic clock, which excludes suspend; the
trusted wall clock (:class:`ClockGuard`) only says which day an interval belongs to and when the
streaks' idle gaps happened. A single tick counts at most two poll intervals, so a stalled or
frozen process never counts (or later grants) a large chunk at once; a tick that crosses local
midnight is split between the two days.

The ledger is written at least every 10 s (``checkpoint``), so a killed process loses at most
that much use; the caller's final ``checkpoint`` on close loses nothing.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from desktop.clock import Clock
from desktop.limits.audit import AuditSink, LimitEventKind
from desktop.limits.clockguard import ClockGuard
from desktop.limits.ledger import FULL_DAY_MS, DayUsage, TrackerState, UsageLedger
from desktop.limits.localtime import day_key, next_midnight
from desktop.limits.policy import UsageSnapshot

ACTIVE_WINDOW_SECONDS = 120.0
POLL_INTERVAL_SECONDS = 3.0
CHECKPOINT_SECONDS = 10.0
#: R5: use is "continuous" until the child has been idle (or away) for 30 minutes.
CONTINUOUS_GAP_SECONDS = 30 * 60.0
#: Repeated attempts closer than this count as one curfew attempt (R3 signals).
ATTEMPT_DEBOUNCE_SECONDS = 10 * 60.0


class UsageTracker:
    """One child's active-use counter; the service calls it, the UI never does directly."""

    def __init__(
        self,
        ledger: UsageLedger,
        profile_id: int,
        clock: Clock,
        guard: ClockGuard,
        audit: AuditSink,
        *,
        poll_interval: float = POLL_INTERVAL_SECONDS,
        active_window: float = ACTIVE_WINDOW_SECONDS,
        checkpoint_interval: float = CHECKPOINT_SECONDS,
    ):
        self.ledger = ledger
        self.profile_id = profile_id
        self.clock = clock
        self.guard = guard
        self.audit = audit
        self.max_tick = 2 * poll_interval
        self.active_window = active_window
        self.checkpoint_interval = checkpoint_interval
        now = guard.now()
        self._state = TrackerState()
        self._load(day_key(now.timestamp(), now.tzinfo), now, known=None)
        if self._state.day is None or self._state.day < self._day:
            # Persist today as the floor at once, so a restart after a zone moved west (or a
            # crash) can never reopen an older day.
            self._dirty = True
            self._save(now)
        self._open = False
        self._last_activity: float | None = None
        self._last_tick = clock.monotonic()
        self._last_checkpoint = self._last_tick
        self._last_attempt: float | None = None

    # -- loading days -------------------------------------------------------------------------
    def _load(self, local_today: date, now: datetime, known: TrackerState | None) -> None:
        opened = self.ledger.open(self.profile_id, local_today, known)
        self._state = opened.state
        self._day = opened.today.day
        self._used_ms = opened.today.used_ms
        self._limit_hit = opened.today.limit_hit
        self._attempts = opened.today.curfew_attempts
        self._verified = opened.today.verified
        self._dirty = False
        if opened.problems:
            self.audit.record(
                LimitEventKind.LEDGER_TAMPERED,
                {
                    "profile_id": self.profile_id,
                    "day": self._day.isoformat(),
                    "problems": list(opened.problems),
                    "at": now.isoformat(),
                },
            )
            self._dirty = True
            self._save(now)  # persist the fail-closed values with a valid tag

    def roll(self, now: datetime) -> None:
        """Move to the day of ``now`` if it began since the last tick (saving the old one)."""
        self._roll_to(day_key(now.timestamp(), now.tzinfo, self._day), now)

    def _roll_to(self, day: date, now: datetime) -> None:
        if day <= self._day:
            return
        self._save(now)
        self._load(day, now, known=self._state)
        # Write the new day at once: it is the floor a restart must not go back behind.
        self._dirty = True
        self._save(now)

    # -- UI hooks -----------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._open

    def session_opened(self) -> None:
        m = self.clock.monotonic()
        self._open, self._last_tick, self._last_activity = True, m, m

    def session_closed(self) -> None:
        self._open = False
        self.checkpoint()

    def note_activity(self) -> None:
        """The child typed; the caller ticks first so the gap before is judged by the old mark."""
        if self._open:
            self._last_activity = self.clock.monotonic()

    def tick(self, *, allowance: float | None, session_gap: float) -> float:
        """Count active use since the last tick; returns the seconds counted.

        ``allowance`` caps what may be counted (the time left before a limit, 0 when locked),
        so usage never passes a limit; ``session_gap`` is the break that ends a session.
        """
        m = self.clock.monotonic()
        now = self.guard.now()
        now_ts = now.timestamp()
        counted_ms = 0
        if self._open and self._last_activity is not None:
            end = min(m, self._last_activity + self.active_window)
            counted = min(max(0.0, end - self._last_tick), self.max_tick)
            if allowance is not None:
                counted = min(counted, max(0.0, allowance))
            counted_ms = math.floor(counted * 1000 + 1e-6)
            if counted_ms > 0:
                end_ts = now_ts - (m - end)
                self._accrue(end_ts - counted_ms / 1000, end_ts, counted_ms, now, session_gap)
        self._last_tick = m
        self.roll(now)
        if m - self._last_checkpoint >= self.checkpoint_interval:
            self.checkpoint(now)
        return counted_ms / 1000

    def _accrue(self, start: float, end: float, ms: int, now: datetime, session_gap: float) -> None:
        tz = now.tzinfo
        end_day = day_key(end, tz, self._day)
        if end_day > self._day:
            midnight = next_midnight(self._day, tz)
            before = min(ms, max(0, math.floor((midnight - start) * 1000)))
            if before:
                self._used_ms += before
                self._dirty = True
            self._roll_to(end_day, now)
            ms -= before
        self._used_ms += ms
        self._dirty = True
        seconds = end - start
        self._state.session.add(start, end, seconds, session_gap)
        self._state.continuous.add(start, end, seconds, CONTINUOUS_GAP_SECONDS)

    # -- facts the service records ------------------------------------------------------------
    def mark_limit_hit(self) -> None:
        if not self._limit_hit:
            self._limit_hit, self._dirty = True, True

    def add_curfew_attempt(self, now_ts: float) -> bool:
        """Count an attempt unless one was counted within the debounce window."""
        if (
            self._last_attempt is not None
            and now_ts - self._last_attempt < ATTEMPT_DEBOUNCE_SECONDS
        ):
            return False
        self._last_attempt = now_ts
        self._attempts += 1
        self._dirty = True
        return True

    def fail_closed(self, now: datetime, reason: str) -> None:
        """Count the current day as fully used (e.g. the database was found replaced)."""
        self._used_ms = max(self._used_ms, FULL_DAY_MS)
        self._limit_hit = True
        self._verified = False
        self._dirty = True
        self.audit.record(
            LimitEventKind.LEDGER_TAMPERED,
            {
                "profile_id": self.profile_id,
                "day": self._day.isoformat(),
                "problems": [reason],
                "at": now.isoformat(),
            },
        )
        self._save(now)

    # -- reading ------------------------------------------------------------------------------
    @property
    def day(self) -> date:
        return self._day

    @property
    def used_seconds(self) -> float:
        return self._used_ms / 1000

    @property
    def verified(self) -> bool:
        return self._verified

    @property
    def state(self) -> TrackerState:
        return self._state

    def today(self) -> DayUsage:
        return DayUsage(self._day, self._used_ms, self._limit_hit, self._attempts, self._verified)

    def snapshot(self, now_ts: float, session_gap: float) -> UsageSnapshot:
        session = self._state.session.live(now_ts, session_gap)
        return UsageSnapshot(
            day=self._day,
            used_seconds=self.used_seconds,
            session_seconds=session.active,
            session_last_active=session.last,
            session_started=session.started,
        )

    # -- saving -------------------------------------------------------------------------------
    def checkpoint(self, now: datetime | None = None) -> None:
        """Write the ledger (if anything changed) and the clock mark; at most every 10 s."""
        now = now or self.guard.now()
        self._save(now)
        self.guard.checkpoint()
        self._last_checkpoint = self.clock.monotonic()

    def _save(self, now: datetime) -> None:
        if not self._dirty:
            return
        self.ledger.save(self.profile_id, self.today(), self._state, at=now.isoformat())
        self._dirty = False
