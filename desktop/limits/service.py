"""What the UI calls: one child's time limits, usage and reminders behind one object.

The UI (GUI thread, which owns the DB connection) calls :meth:`LimitsService.tick` every ≤ 3 s
while Hearth runs, :meth:`note_activity` when the child types, and the session hooks when the
chat opens and closes. Each tick returns the current :class:`Decision` and the typed events due
(limit warnings, reminders, "limit reached"); the UI shows the lock screen whenever
``decision.allowed`` is false (R11).

Guardian actions (extensions, curfew exemptions) are methods here too, and accepting the system
time is :meth:`ClockGuard.accept_system_time`; the caller has verified the guardian's PIN first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from desktop.limits.audit import AuditSink, LimitEventKind
from desktop.limits.clockguard import ClockGuard
from desktop.limits.ledger import UsageLedger
from desktop.limits.policy import Decision, LockReason, evaluate
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import Audience, TimeRules
from desktop.limits.status import LimitsStatus, build_status, curfew_night
from desktop.limits.tracker import CONTINUOUS_GAP_SECONDS, POLL_INTERVAL_SECONDS, UsageTracker
from desktop.profiles.models import ChildProfile
from desktop.reminders.dependence import (
    DependenceSignals,
    UsageHistory,
    combine,
    external_flags,
    flag_dependence,
    load_history,
)
from desktop.reminders.events import LimitReached, TimeEvent
from desktop.reminders.log import ReminderLog
from desktop.reminders.schedule import ReminderSchedule, ScheduleInput


@dataclass(frozen=True)
class TickResult:
    decision: Decision
    events: tuple[TimeEvent, ...] = ()


class LimitsService:
    """One child's limits for the running app (one instance per active profile)."""

    def __init__(
        self,
        db: Database,
        profile: ChildProfile,
        guard: ClockGuard,
        key: bytes,
        audit: AuditSink,
        *,
        poll_interval: float = POLL_INTERVAL_SECONDS,
        rules_repo: TimeRulesRepository | None = None,
    ):
        self.db = db
        self.profile = profile
        self.guard = guard
        self.audit = audit
        #: The app passes a SignedTimeRulesRepository so an edited limit fails closed.
        self.rules_repo = rules_repo or TimeRulesRepository(db)
        self.ledger = UsageLedger(db, key)
        self.tracker = UsageTracker(
            self.ledger, profile.id, guard.clock, guard, audit, poll_interval=poll_interval
        )
        self.log = ReminderLog(db, profile.id)
        self.schedule = ReminderSchedule(self.log)
        self._decision: Decision | None = None
        self._history: UsageHistory | None = None

    # -- inputs ---------------------------------------------------------------------------------
    def rules(self) -> TimeRules:
        return self.rules_repo.get(self.profile.id)

    def audience(self, today: date) -> Audience:
        return Audience.of(self.profile, today)

    def set_profile(self, profile: ChildProfile) -> None:
        """The guardian edited the profile (birthday, minor mode)."""
        self.profile = profile

    def _evaluate(self, now: datetime, rules: TimeRules) -> Decision:
        self.tracker.roll(now)
        gap = rules.session_break_minutes * 60.0
        snapshot = self.tracker.snapshot(now.timestamp(), gap)
        return evaluate(rules, self.audience(snapshot.day), snapshot, now)

    # -- UI hooks -------------------------------------------------------------------------------
    def session_opened(self) -> TickResult:
        """The chat opened; counts as the child's activity and as an attempt to chat."""
        self.tracker.session_opened()
        decision = self.request_chat()
        return TickResult(decision, tuple(self._due(self.guard.now(), self.rules(), decision)))

    def session_closed(self) -> None:
        self.tick()
        self.tracker.session_closed()

    def note_activity(self) -> TickResult:
        result = self.tick()
        self.tracker.note_activity()
        return result

    def request_chat(self) -> Decision:
        """The child tries to chat; during the curfew this is recorded as an attempt (R3)."""
        now = self.guard.now()
        decision = self._evaluate(now, self.rules())
        self._decision = decision
        if not decision.allowed and LockReason.CURFEW in decision.reasons:
            if self.tracker.add_curfew_attempt(now.timestamp()):
                self.audit.record(
                    LimitEventKind.CURFEW_ATTEMPT,
                    self._detail(now, day=decision.day.isoformat()),
                )
                self.tracker.checkpoint(now)
        return decision

    def tick(self) -> TickResult:
        """Count use since the last tick, decide, and return what is due."""
        rules = self.rules()
        now = self.guard.now()
        before = self._decision or self._evaluate(now, rules)
        allowance = before.seconds_left if before.allowed else 0.0
        self.tracker.tick(allowance=allowance, session_gap=rules.session_break_minutes * 60.0)
        now = self.guard.now()
        decision = self._evaluate(now, rules)
        events: list[TimeEvent] = []
        if before.allowed and not decision.allowed and self.tracker.is_open:
            events.append(LimitReached(decision.reason, decision.until))
            if LockReason.DAILY_LIMIT in decision.reasons:
                self.tracker.mark_limit_hit()
            self.audit.record(
                LimitEventKind.LIMIT_HIT,
                self._detail(now, day=decision.day.isoformat(), reason=str(decision.reason)),
            )
            self.tracker.checkpoint(now)
        self._decision = decision
        if self.tracker.is_open:
            events.extend(self._due(now, rules, decision))
        return TickResult(decision, tuple(events))

    def checkpoint(self) -> None:
        self.tracker.checkpoint()

    def close(self) -> None:
        """Stop counting and save everything (window closed, profile switched, app quitting)."""
        if self.tracker.is_open:
            self.session_closed()
        else:
            self.tracker.checkpoint()

    # -- reading --------------------------------------------------------------------------------
    def decision(self) -> Decision:
        now = self.guard.now()
        self._decision = self._evaluate(now, self.rules())
        return self._decision

    def signals(self, day: date | None = None) -> DependenceSignals:
        """R3 signals for ``day`` (default: today), with today's live counters."""
        if day is None:
            self.tracker.roll(self.guard.now())
        today = self.tracker.today()
        day = day or today.day
        if self._history is None or self._history.today != day:
            self._history = load_history(self.ledger, self.profile.id, day)
        return combine(
            self._history,
            today if today.day == day else self.ledger.day(self.profile.id, day),
            external_flags(self.db, self.profile.id, day),
            limit_days=self.rules().dependence_limit_days,
        )

    def status(self) -> LimitsStatus:
        rules = self.rules()
        now = self.guard.now()
        decision = self._evaluate(now, rules)
        return build_status(
            self.profile,
            rules,
            decision,
            now,
            used_today=decision.used_seconds,
            continuous=self.tracker.state.continuous.live(now.timestamp(), CONTINUOUS_GAP_SECONDS),
            signals=self.signals(decision.day),
            log=self.log,
            verified=self.tracker.verified,
        )

    # -- guardian actions (PIN checked by the caller) -------------------------------------------
    def grant_extension(self, minutes: int | None) -> Decision:
        """More time today: ``minutes`` more, or the rest of the day when ``None``."""
        now = self.guard.now()
        day = self.decision().day
        self.rules_repo.grant_extension(self.profile.id, day, minutes, now=now)
        self.audit.record(
            LimitEventKind.EXTENSION_GRANTED,
            self._detail(now, day=day.isoformat(), minutes=minutes),
        )
        return self.decision()

    def grant_curfew_exemption(self, night: date | None = None) -> Decision:
        """No curfew for ``night`` (default: the night in progress, or tonight)."""
        now = self.guard.now()
        rules = self.rules()
        night = night or curfew_night(now, rules.curfew)
        self.rules_repo.grant_curfew_exemption(self.profile.id, night, now=now)
        self.audit.record(
            LimitEventKind.CURFEW_EXEMPTED, self._detail(now, night=night.isoformat())
        )
        return self.decision()

    def fail_closed(self, reason: str) -> None:
        """Count today as fully used (e.g. the keyring says the family was set up but the
        database is new); recorded as ledger tampering."""
        self.tracker.fail_closed(self.guard.now(), reason)
        self._decision = None

    def flag_dependence(self, source: str) -> int:
        """Raise an external R3 flag; the DEPENDENCE reminder follows on the next tick."""
        return flag_dependence(self.db, self.profile.id, source, at=self.guard.now())

    # -- helpers ----------------------------------------------------------------------------------
    def _due(self, now: datetime, rules: TimeRules, decision: Decision) -> list[TimeEvent]:
        audience = self.audience(decision.day)
        return list(
            self.schedule.due(
                ScheduleInput(
                    now=now,
                    day=decision.day,
                    decision=decision,
                    minor_mode=audience.minor_mode,
                    used_today=decision.used_seconds,
                    rest_interval=rules.rest_reminder_minutes * 60.0,
                    ai_interval=rules.ai_reminder_minutes * 60.0,
                    continuous=self.tracker.state.continuous.live(
                        now.timestamp(), CONTINUOUS_GAP_SECONDS
                    ),
                    dependence=self.signals(decision.day),
                )
            )
        )

    def _detail(self, now: datetime, **extra) -> dict:
        return {"profile_id": self.profile.id, "at": now.isoformat(), **extra}
