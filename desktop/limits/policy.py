"""The pure policy engine: may the child chat now, and if not, why and until when (R7-R11).

:func:`evaluate` is a function of its inputs only (rules, audience, a usage snapshot and the
trusted current time), with no I/O, so it is exhaustively testable and its cost does not depend
on how much history the ledger holds. Two questions are answered by walking forward in time over
the few instants where something changes (midnight, curfew start and end, window edges, budget
exhaustion, end of a break):

- *until*: if locked, the first instant at which nothing blocks, assuming no further use;
- *seconds_left*: if allowed, how long continuous use can go on before some limit stops it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from desktop.limits.localtime import at_local, day_key, local, next_midnight, second_of_day
from desktop.limits.rules import Audience, TimeRules

#: How far ahead "time left" looks; beyond it there is no limit worth a warning.
HORIZON_SECONDS = 48 * 3600
_MAX_STEPS = 64
#: Usage is counted in whole milliseconds; what is left below this counts as nothing left.
_EPS = 0.001


class LockReason(StrEnum):
    """Why chatting is not allowed now; the lock screen (R11) explains each one."""

    LOCKED_BY_GUARDIAN = "locked_by_guardian"
    CURFEW = "curfew"
    OUTSIDE_ALLOWED_HOURS = "outside_allowed_hours"
    DAILY_LIMIT = "daily_limit"
    SESSION_BREAK = "session_break"


class LimitKind(StrEnum):
    """Which limit will end the current use (for the 10/5/1-minute warnings)."""

    # Values match desktop.notifications.texts.LimitKind where that module has the kind.
    DAILY_LIMIT = "daily"
    CURFEW = "curfew"
    ALLOWED_HOURS = "allowed_hours"
    SESSION_CAP = "session"


_KIND_OF = {
    LockReason.CURFEW: LimitKind.CURFEW,
    LockReason.OUTSIDE_ALLOWED_HOURS: LimitKind.ALLOWED_HOURS,
    LockReason.DAILY_LIMIT: LimitKind.DAILY_LIMIT,
    LockReason.SESSION_BREAK: LimitKind.SESSION_CAP,
}


@dataclass(frozen=True)
class UsageSnapshot:
    """What the ledger knows, as the engine needs it. Instants are UTC timestamps."""

    #: The ledger day (local date, never earlier than the newest day written).
    day: date
    #: Seconds of active use counted on ``day``.
    used_seconds: float
    #: Active use in the current session (reset by a break of ``session_break_minutes``).
    session_seconds: float = 0.0
    #: The last counted instant of the current session, ``None`` if no session yet.
    session_last_active: float | None = None
    #: When the current session began (identifies it for warnings).
    session_started: float | None = None


@dataclass(frozen=True)
class Decision:
    """The engine's answer at one instant."""

    allowed: bool
    #: The main reason when locked (the first of ``reasons`` in :class:`LockReason` order).
    reason: LockReason | None
    reasons: tuple[LockReason, ...]
    #: When chatting opens again; ``None`` when allowed, or when only the guardian can open it.
    until: datetime | None
    #: Seconds of continuous use left before ``next_limit``; ``None`` = no limit within 48 h.
    seconds_left: float | None
    next_limit: LimitKind | None
    #: Identifies the coming limit instance, so each of its warnings fires once.
    limit_key: str | None
    day: date
    used_seconds: float
    budget_seconds: float | None

    @property
    def minutes_left(self) -> int | None:
        return None if self.seconds_left is None else int(self.seconds_left // 60)


@dataclass
class _State:
    """The simulated state while walking forward in time."""

    t: float
    day: date
    used: float
    session: float
    session_last: float | None


class _Engine:
    def __init__(self, rules: TimeRules, audience: Audience, usage: UsageSnapshot, tz: tzinfo):
        self.rules = rules
        self.audience = audience
        self.usage = usage
        self.tz = tz
        self.cap = rules.session_cap_seconds()
        self.break_s = rules.session_break_minutes * 60.0
        self.curfew_on = rules.curfew_applies(audience)

    # -- single constraints -------------------------------------------------------------------
    def curfew_end(self, t: float) -> float | None:
        """If the curfew is in force at ``t``, the instant it ends; else ``None``."""
        if not self.curfew_on:
            return None
        window = self.rules.curfew
        moment = local(t, self.tz)
        sod = second_of_day(moment)
        if not window.contains(sod):
            return None
        today = moment.date()
        if window.wraps and sod < window.end * 60:
            night, end_day = today - timedelta(days=1), today
        elif window.wraps:
            night, end_day = today, today + timedelta(days=1)
        else:
            night, end_day = today, today
        if night in self.rules.curfew_exempt_nights:
            return None
        return at_local(end_day, window.end, self.tz)

    def next_curfew_start(self, t: float) -> float | None:
        """The next instant after ``t`` at which a (non-exempt) curfew begins."""
        if not self.curfew_on:
            return None
        start_minute = self.rules.curfew.start
        night = local(t, self.tz).date() - timedelta(days=1)
        for _ in range(5):
            start = at_local(night, start_minute, self.tz)
            if start > t and night not in self.rules.curfew_exempt_nights:
                return start
            night += timedelta(days=1)
        return None

    def hours_block_end(self, t: float) -> float | None:
        """If ``t`` is outside the allowed window of its local date, when that changes."""
        moment = local(t, self.tz)
        window = self.rules.allowed_window(moment.date())
        if window is None or window.contains(second_of_day(moment)):
            return None
        if second_of_day(moment) < window.start * 60:
            return at_local(moment.date(), window.start, self.tz)
        return next_midnight(moment.date(), self.tz)

    def window_end(self, t: float) -> float | None:
        moment = local(t, self.tz)
        window = self.rules.allowed_window(moment.date())
        if window is None:
            return None
        return at_local(moment.date(), window.end, self.tz)

    def budget(self, day: date) -> float | None:
        return self.rules.daily_budget_seconds(day, self.audience)

    def blocks(self, s: _State) -> list[tuple[LockReason, float | None]]:
        """Every constraint blocking at state ``s``, with the instant it lifts (None: never)."""
        found: list[tuple[LockReason, float | None]] = []
        if self.rules.locked:
            found.append((LockReason.LOCKED_BY_GUARDIAN, None))
        end = self.curfew_end(s.t)
        if end is not None:
            found.append((LockReason.CURFEW, end))
        end = self.hours_block_end(s.t)
        if end is not None:
            found.append((LockReason.OUTSIDE_ALLOWED_HOURS, end))
        budget = self.budget(s.day)
        if budget is not None and s.used >= budget - _EPS:
            found.append((LockReason.DAILY_LIMIT, next_midnight(s.day, self.tz)))
        if (
            self.cap is not None
            and s.session >= self.cap - _EPS
            and s.session_last is not None
            and s.t - s.session_last < self.break_s
        ):
            found.append((LockReason.SESSION_BREAK, s.session_last + self.break_s))
        return found

    # -- walking forward ----------------------------------------------------------------------
    def at(self, t: float, s: _State) -> _State:
        """``s`` moved to instant ``t`` without use: new days start at zero, breaks end."""
        day = day_key(t, self.tz, s.day)
        used = s.used if day == s.day else 0.0
        session, last = s.session, s.session_last
        if last is not None and t - last >= self.break_s:
            session, last = 0.0, None
        return _State(t, day, used, session, last)

    def until(self, start: _State) -> float | None:
        s = start
        for _ in range(_MAX_STEPS):
            found = self.blocks(s)
            if not found:
                return s.t
            ends = [end for _, end in found]
            if any(end is None for end in ends):
                return None
            s = self.at(max(max(ends), s.t + 1e-6), s)
        return None

    def run(self, start: _State) -> tuple[float, LimitKind, str | None] | None:
        """Continuous use from ``start``: when, by what, and which instance stops it."""
        s = start
        horizon = start.t + HORIZON_SECONDS
        for _ in range(_MAX_STEPS):
            found = self.blocks(s)
            if found:
                kind = _KIND_OF.get(found[0][0], LimitKind.DAILY_LIMIT)
                return s.t - start.t, kind, f"{kind}:{int(s.t)}"
            events: list[tuple[float, LimitKind | None, str | None]] = []
            budget = self.budget(s.day)
            if budget is not None:
                key = f"{LimitKind.DAILY_LIMIT}:{s.day.isoformat()}:{int(budget)}"
                events.append((s.t + budget - s.used, LimitKind.DAILY_LIMIT, key))
            if self.cap is not None:
                # A session that has not started yet has no identity; its warnings wait for it.
                started = self.usage.session_started if s.session > 0 else None
                key = None if started is None else f"{LimitKind.SESSION_CAP}:{int(started)}"
                events.append((s.t + self.cap - s.session, LimitKind.SESSION_CAP, key))
            start_at = self.next_curfew_start(s.t)
            if start_at is not None:
                events.append((start_at, LimitKind.CURFEW, f"{LimitKind.CURFEW}:{int(start_at)}"))
            end_at = self.window_end(s.t)
            if end_at is not None:
                key = f"{LimitKind.ALLOWED_HOURS}:{int(end_at)}"
                events.append((end_at, LimitKind.ALLOWED_HOURS, key))
            midnight = next_midnight(s.day, self.tz)
            events.append((midnight, None, ""))
            when, kind, key = min(events, key=lambda e: (e[0], e[1] is None))
            if when > horizon:
                return None
            if kind is not None:
                return max(0.0, when - start.t), kind, key
            # Midnight: continue into the next day with its own budget and window.
            used = when - s.t
            s = _State(when, s.day, s.used + used, s.session + used, when)
            s = self.at(when, s)
        return None


def evaluate(rules: TimeRules, audience: Audience, usage: UsageSnapshot, now: datetime) -> Decision:
    """Decide at the trusted instant ``now`` (aware; its zone is the local zone)."""
    tz = now.tzinfo
    if tz is None:
        raise ValueError("evaluate needs an aware datetime")
    engine = _Engine(rules, audience, usage, tz)
    t = now.timestamp()
    start = engine.at(
        t,
        _State(t, usage.day, usage.used_seconds, usage.session_seconds, usage.session_last_active),
    )
    budget = engine.budget(start.day)
    found = engine.blocks(start)
    if found:
        reasons = tuple(sorted({r for r, _ in found}, key=list(LockReason).index))
        until = engine.until(start)
        return Decision(
            allowed=False,
            reason=reasons[0],
            reasons=reasons,
            until=None if until is None else local(until, tz),
            seconds_left=0.0,
            next_limit=_KIND_OF.get(reasons[0]),
            limit_key=None,
            day=start.day,
            used_seconds=start.used,
            budget_seconds=budget,
        )
    ahead = engine.run(start)
    return Decision(
        allowed=True,
        reason=None,
        reasons=(),
        until=None,
        seconds_left=None if ahead is None else ahead[0],
        next_limit=None if ahead is None else ahead[1],
        limit_key=None if ahead is None else ahead[2],
        day=start.day,
        used_seconds=start.used,
        budget_seconds=budget,
    )
