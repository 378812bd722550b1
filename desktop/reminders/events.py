"""Typed events the core hands to the UI; only ``ui/`` turns them into translated sentences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.limits.policy import LimitKind, LockReason


class ReminderKind(StrEnum):
    REST = "rest"  # R8: rest / real-world reminder, minor mode, every 30 min of use by default
    CONTINUOUS_USE = "continuous_use"  # R5: everyone, every 2 h of continuous use
    AI_NOT_HUMAN = "ai_not_human"  # R6: minors, at least every 3 h (default every 60 min)
    DEPENDENCE = "dependence"  # R3: modal re-disclosure when dependence shows


#: The ``reminder_log.kind`` used for the 10/5/1-minute limit warnings.
WARNING_LOG_KIND = "limit_warning"


@dataclass(frozen=True)
class LimitWarning:
    """``minutes_left`` minutes of use remain before ``limit_kind`` stops the chat."""

    minutes_left: int
    limit_kind: LimitKind


@dataclass(frozen=True)
class ReminderDue:
    kind: ReminderKind
    #: The due point's identity in ``reminder_log`` (day and threshold, streak, or flag).
    key: str = ""
    #: Minutes of use the point stands for (REST/AI: today's use; CONTINUOUS_USE: the streak,
    #: so ``minutes // 60`` is the "N hours" of R5's text); ``None`` for DEPENDENCE.
    minutes: int | None = None


@dataclass(frozen=True)
class LimitReached:
    """A limit just stopped the chat (R11): show the lock screen, with the crisis card."""

    reason: LockReason
    until: datetime | None


TimeEvent = LimitWarning | ReminderDue | LimitReached
