"""When reminders and limit warnings are due.

Due points are defined on *active use*, not on wall time, so an open but idle chat does not
nag and a restart lands on the same points:

- Limit warnings: 10, 5 and 1 minutes before the limit that will stop continuous use first
  (daily limit, curfew start, end of allowed hours, session cap). Each limit instance (e.g.
  today's budget of 60 min; tonight's curfew) gets each warning once; if the chat opens with
  7 minutes left, only the 10-minute warning is shown (saying "7 minutes"), and a later point
  is never shown before an earlier one.
- REST (R8, minor mode): every ``rest_reminder_minutes`` (≤ 30) of today's active use.
- AI_NOT_HUMAN (R6, minor mode): every ``ai_reminder_minutes`` (≤ 180, default 60) of today's
  active use.
- CONTINUOUS_USE (R5, everyone): every 2 h of continuous use, where continuous means no idle or
  closed gap of 30 minutes (see ``tracker.CONTINUOUS_GAP_SECONDS``).
- DEPENDENCE (R3): once per day per usage signal, once per external flag.

Only the latest reached point of each kind is shown (no burst of stale reminders after a long
tick). Warnings and usage reminders are shown while chatting is allowed; DEPENDENCE also over
a lock screen, since it is exactly when a limit keeps being hit that it matters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from desktop.limits.ledger import Streak
from desktop.limits.policy import Decision
from desktop.reminders.dependence import DependenceReason, DependenceSignals
from desktop.reminders.events import WARNING_LOG_KIND, LimitWarning, ReminderDue, ReminderKind
from desktop.reminders.log import ReminderLog

WARNING_MINUTES = (10, 5, 1)
CONTINUOUS_USE_SECONDS = 2 * 3600.0  # R5


@dataclass(frozen=True)
class ScheduleInput:
    """Everything the schedule looks at, at one instant."""

    now: datetime
    day: date
    decision: Decision
    minor_mode: bool
    used_today: float
    rest_interval: float
    ai_interval: float
    continuous: Streak
    dependence: DependenceSignals


@dataclass(frozen=True)
class DuePoint:
    """A candidate event; it fires unless ``key`` (or any of ``superseded_by``) was shown."""

    event: LimitWarning | ReminderDue
    log_kind: str
    key: str
    superseded_by: tuple[str, ...] = ()


def _every(kind: ReminderKind, used: float, interval: float, prefix: str) -> DuePoint | None:
    count = math.floor(used / interval + 1e-9)
    if count < 1:
        return None
    key = f"{prefix}:{int(count * interval)}"
    return DuePoint(ReminderDue(kind, key, int(count * interval) // 60), str(kind), key)


def warning_point(decision: Decision) -> DuePoint | None:
    left, key = decision.seconds_left, decision.limit_key
    if not decision.allowed or left is None or key is None or decision.next_limit is None:
        return None
    reached = [m for m in WARNING_MINUTES if left <= m * 60]
    if not reached:
        return None
    threshold = min(reached)
    minutes = max(1, min(threshold, math.ceil(left / 60)))
    return DuePoint(
        LimitWarning(minutes, decision.next_limit),
        WARNING_LOG_KIND,
        f"{key}:{threshold}",
        tuple(f"{key}:{m}" for m in WARNING_MINUTES if m < threshold),
    )


def due_points(inp: ScheduleInput) -> list[DuePoint]:
    """The latest reached due point of each kind (pure: the log decides what is new)."""
    points: list[DuePoint] = []
    day = inp.day.isoformat()
    for reason in inp.dependence.reasons:
        if reason is DependenceReason.EXTERNAL:
            for flag in inp.dependence.external_flags:
                key = f"flag:{flag}"
                points.append(
                    DuePoint(ReminderDue(ReminderKind.DEPENDENCE, key), "dependence", key)
                )
        else:
            key = f"{day}:{reason}"
            points.append(DuePoint(ReminderDue(ReminderKind.DEPENDENCE, key), "dependence", key))
    if not inp.decision.allowed:
        return points
    warning = warning_point(inp.decision)
    if warning is not None:
        points.append(warning)
    if inp.minor_mode:
        for kind, interval in (
            (ReminderKind.AI_NOT_HUMAN, inp.ai_interval),
            (ReminderKind.REST, inp.rest_interval),
        ):
            point = _every(kind, inp.used_today, interval, day)
            if point is not None:
                points.append(point)
    streak = inp.continuous
    if streak.started is not None:
        point = _every(
            ReminderKind.CONTINUOUS_USE,
            streak.active,
            CONTINUOUS_USE_SECONDS,
            f"streak:{int(streak.started)}",
        )
        if point is not None:
            points.append(point)
    return points


class ReminderSchedule:
    """Filters due points through the log, records what fires, returns the events."""

    def __init__(self, log: ReminderLog):
        self.log = log

    def due(self, inp: ScheduleInput) -> list[LimitWarning | ReminderDue]:
        events: list[LimitWarning | ReminderDue] = []
        dependence_fired = False
        for point in due_points(inp):
            if self.log.was_shown(point.log_kind, point.key) or any(
                self.log.was_shown(point.log_kind, k) for k in point.superseded_by
            ):
                continue
            self.log.record(point.log_kind, point.key, day=inp.day, at=inp.now)
            if isinstance(point.event, ReminderDue) and point.event.kind is ReminderKind.DEPENDENCE:
                if dependence_fired:
                    continue  # several signals at once: one modal, all recorded
                dependence_fired = True
            events.append(point.event)
        return events
