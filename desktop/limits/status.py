"""Per-child status for ``hearth status --json`` and the guardian's overview.

:func:`read_status` needs no running app: it reads the rules, the authenticated ledger and the
reminder log, evaluates the policy at the instant given, and never writes. "Next reminder" is
predicted assuming the child keeps chatting from now on (reminders are due on active use).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from desktop.limits.ledger import Streak, UsageLedger
from desktop.limits.localtime import second_of_day
from desktop.limits.policy import Decision, LimitKind, LockReason, UsageSnapshot, evaluate
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import Audience, ClockWindow, TimeRules
from desktop.limits.tracker import CONTINUOUS_GAP_SECONDS
from desktop.profiles.models import ChildProfile
from desktop.reminders.dependence import DependenceReason, DependenceSignals, dependence_signals
from desktop.reminders.events import ReminderKind
from desktop.reminders.log import ReminderLog
from desktop.reminders.schedule import CONTINUOUS_USE_SECONDS


@dataclass(frozen=True)
class NextReminder:
    kind: ReminderKind
    at: datetime


@dataclass(frozen=True)
class LimitsStatus:
    profile_id: int
    display_name: str
    available: bool
    reason: LockReason | None
    reasons: tuple[LockReason, ...]
    #: When chatting opens again (``None`` when available, or only the guardian can open it).
    until: datetime | None
    minutes_used_today: float
    #: Minutes of continuous use before ``next_limit`` stops the chat (``None``: no limit).
    minutes_left: float | None
    #: Minutes left of today's budget (``None``: no daily limit today).
    daily_minutes_left: float | None
    next_limit: LimitKind | None
    next_reminder: NextReminder | None
    #: False when today's ledger did not verify and the day was counted as fully used.
    ledger_verified: bool

    def to_dict(self) -> dict:
        """Plain JSON types only (ISO times, enum values)."""
        return {
            "profile_id": self.profile_id,
            "display_name": self.display_name,
            "available": self.available,
            "reason": None if self.reason is None else self.reason.value,
            "reasons": [r.value for r in self.reasons],
            "until": None if self.until is None else self.until.isoformat(),
            "minutes_used_today": round(self.minutes_used_today, 2),
            "minutes_left": None if self.minutes_left is None else round(self.minutes_left, 2),
            "daily_minutes_left": None
            if self.daily_minutes_left is None
            else round(self.daily_minutes_left, 2),
            "next_limit": None if self.next_limit is None else self.next_limit.value,
            "next_reminder": None
            if self.next_reminder is None
            else {
                "kind": self.next_reminder.kind.value,
                "at": self.next_reminder.at.isoformat(),
            },
            "ledger_verified": self.ledger_verified,
        }


def curfew_night(now: datetime, window: ClockWindow) -> date:
    """The night an exemption granted at ``now`` should cover: the one in progress, or tonight."""
    if window.wraps and second_of_day(now) < window.end * 60:
        return now.date() - timedelta(days=1)
    return now.date()


def _after_use(now: datetime, seconds: float) -> datetime:
    return datetime.fromtimestamp(now.timestamp() + seconds, now.tzinfo)


def next_reminder(
    decision: Decision,
    now: datetime,
    *,
    minor_mode: bool,
    rest_interval: float,
    ai_interval: float,
    continuous: Streak,
    signals: DependenceSignals,
    log: ReminderLog,
) -> NextReminder | None:
    """The first reminder that continuous use from ``now`` would bring, if any."""
    day = decision.day.isoformat()
    for reason in signals.reasons:
        keys = (
            [f"flag:{f}" for f in signals.external_flags]
            if reason is DependenceReason.EXTERNAL
            else [f"{day}:{reason}"]
        )
        if any(not log.was_shown("dependence", k) for k in keys):
            return NextReminder(ReminderKind.DEPENDENCE, now)
    if not decision.allowed:
        return None
    candidates: list[tuple[float, ReminderKind]] = []
    used = decision.used_seconds
    if minor_mode:
        for kind, interval in (
            (ReminderKind.AI_NOT_HUMAN, ai_interval),
            (ReminderKind.REST, rest_interval),
        ):
            candidates.append(((math.floor(used / interval + 1e-9) + 1) * interval - used, kind))
    active = continuous.active
    candidates.append(
        (
            (math.floor(active / CONTINUOUS_USE_SECONDS + 1e-9) + 1) * CONTINUOUS_USE_SECONDS
            - active,
            ReminderKind.CONTINUOUS_USE,
        )
    )
    candidates = [
        c for c in candidates if decision.seconds_left is None or c[0] <= decision.seconds_left
    ]
    if not candidates:
        return None
    seconds, kind = min(candidates, key=lambda c: c[0])
    return NextReminder(kind, _after_use(now, seconds))


def build_status(
    profile: ChildProfile,
    rules: TimeRules,
    decision: Decision,
    now: datetime,
    *,
    used_today: float,
    continuous: Streak,
    signals: DependenceSignals,
    log: ReminderLog,
    verified: bool,
) -> LimitsStatus:
    audience = Audience.of(profile, decision.day)
    budget = decision.budget_seconds
    return LimitsStatus(
        profile_id=profile.id,
        display_name=profile.display_name,
        available=decision.allowed,
        reason=decision.reason,
        reasons=decision.reasons,
        until=decision.until,
        minutes_used_today=used_today / 60,
        minutes_left=None if decision.seconds_left is None else decision.seconds_left / 60,
        daily_minutes_left=None if budget is None else max(0.0, budget - used_today) / 60,
        next_limit=decision.next_limit,
        next_reminder=next_reminder(
            decision,
            now,
            minor_mode=audience.minor_mode,
            rest_interval=rules.rest_reminder_minutes * 60.0,
            ai_interval=rules.ai_reminder_minutes * 60.0,
            continuous=continuous,
            signals=signals,
            log=log,
        ),
        ledger_verified=verified,
    )


def read_status(
    db: Database,
    profile: ChildProfile,
    now: datetime,
    key: bytes,
    rules_repo: TimeRulesRepository | None = None,
) -> LimitsStatus:
    """Status from the database alone (read-only), at the trusted instant ``now``."""
    rules = (rules_repo or TimeRulesRepository(db)).get(profile.id)
    ledger = UsageLedger(db, key)
    opened = ledger.open(profile.id, now.date())
    gap = rules.session_break_minutes * 60.0
    ts = now.timestamp()
    session = opened.state.session.live(ts, gap)
    snapshot = UsageSnapshot(
        day=opened.today.day,
        used_seconds=opened.today.used_seconds,
        session_seconds=session.active,
        session_last_active=session.last,
        session_started=session.started,
    )
    decision = evaluate(rules, Audience.of(profile, snapshot.day), snapshot, now)
    signals = dependence_signals(
        db, ledger, profile.id, decision.day, limit_days=rules.dependence_limit_days
    )
    return build_status(
        profile,
        rules,
        decision,
        now,
        used_today=decision.used_seconds,
        continuous=opened.state.continuous.live(ts, CONTINUOUS_GAP_SECONDS),
        signals=signals,
        log=ReminderLog(db, profile.id),
        verified=opened.today.verified,
    )
