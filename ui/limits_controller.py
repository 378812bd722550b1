"""Drives one child's :class:`LimitsService` from the GUI thread and turns it into Qt signals.

The service is pure bookkeeping: it counts use when asked (``tick``) and says what is allowed.
This controller decides *when* to ask:

- every ``poll_ms`` (≤ 3 s, REQUIREMENTS "usage poll") while the child's profile is open;
- once per second during the final minute before a limit, so the countdown in the chat moves;
- and exactly when the limit falls due: whenever the time left is shorter than the next poll,
  a single-shot precise timer is armed for that remaining time, so the lock engages within
  milliseconds of the limit instead of up to a poll interval late (R11; the 1 s budget is
  measured by ``benchmarks/bench_lock_latency.py``).

It is also the ``LimitsGate`` of ``ConversationService`` (``chat_lock``), so a message typed
after the limit is refused before anything is stored or sent.

Signals (the main window wires them; see the module docstrings of ``ui.lock``/``ui.reminders``):
``locked(Decision)`` on the transition to "not allowed" — connect it to
``ChatView.stop_and_wait("limit")`` and the lock screen; ``unlocked()`` on the way back;
``warning(LimitWarning)`` and ``reminder(ReminderDue)`` for the banners; ``countdown(int)``
(seconds left, at most once per second, only in the final minute) and ``countdown_stopped()``;
``decision_changed(Decision)`` whenever what the child would see changes.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.companion.events import ChatLocked
from desktop.limits.keys import LEDGER_KEY_PURPOSE
from desktop.limits.policy import Decision
from desktop.limits.service import LimitsService, TickResult
from desktop.reminders.events import LimitReached, LimitWarning, ReminderDue

#: REQUIREMENTS.md: usage is polled at least every 3 s.
MAX_POLL_MS = 3000
#: The countdown in the chat covers the final minute.
COUNTDOWN_SECONDS = 60
#: The purpose name under which the app derives the ledger key from the guardian's settings key
#: (``GuardianCore.derived_key``); the Reports page reads the ledger with the same key.


def ledger_key(guardian) -> bytes:
    """The usage ledger's HMAC key for this family (raises if the keyring lost the key)."""
    return guardian.derived_key(LEDGER_KEY_PURPOSE)


def _visible_state(decision: Decision | None) -> tuple | None:
    """What the child would notice changing (not the used seconds, which move every tick)."""
    if decision is None:
        return None
    return (
        decision.allowed,
        decision.reasons,
        decision.until,
        decision.next_limit,
        decision.limit_key,
        decision.budget_seconds,
        decision.day,
    )


def _progressing(previous: Decision | None, decision: Decision) -> bool:
    """Is the time left running down (use being counted, or a wall-clock limit nearing)?"""
    if previous is None or not previous.allowed or previous.seconds_left is None:
        return True
    return decision.seconds_left is not None and decision.seconds_left < previous.seconds_left


class LimitsController(QObject):
    decision_changed = Signal(object)  # Decision
    locked = Signal(object)  # Decision (allowed is False)
    unlocked = Signal()
    warning = Signal(object)  # LimitWarning
    reminder = Signal(object)  # ReminderDue
    limit_reached = Signal(object)  # LimitReached (a limit stopped an open chat just now)
    countdown = Signal(int)  # whole seconds left, final minute only
    countdown_stopped = Signal()

    def __init__(
        self,
        service: LimitsService,
        *,
        poll_ms: int = MAX_POLL_MS,
        countdown_seconds: int = COUNTDOWN_SECONDS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        if not 1 <= poll_ms <= MAX_POLL_MS:
            raise ValueError(f"poll_ms must be 1..{MAX_POLL_MS}")
        self.service = service
        self.poll_ms = poll_ms
        self.countdown_seconds = countdown_seconds
        self._decision: Decision | None = None
        self._open = False
        self._last_countdown: int | None = None

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.tick)
        # Final minute: one tick per second moves the countdown (and counts the use).
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self.tick)
        # The limit itself: armed for exactly the time left when that is shorter than a poll.
        self.deadline_timer = QTimer(self)
        self.deadline_timer.setSingleShot(True)
        self.deadline_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.deadline_timer.timeout.connect(self.tick)

    @classmethod
    def for_profile(
        cls,
        db,
        profile,
        guard,
        key: bytes,
        audit,
        *,
        rules_repo=None,
        poll_ms: int = MAX_POLL_MS,
        parent: QObject | None = None,
    ) -> LimitsController:
        """Build the child's LimitsService (the app passes a ``SignedTimeRulesRepository``)
        with the tracker's poll interval matching the timer's."""
        service = LimitsService(
            db, profile, guard, key, audit, poll_interval=poll_ms / 1000, rules_repo=rules_repo
        )
        return cls(service, poll_ms=poll_ms, parent=parent)

    # -- reading ----------------------------------------------------------------------------
    @property
    def profile(self):
        return self.service.profile

    @property
    def decision(self) -> Decision | None:
        """The last decision (None before the first tick)."""
        return self._decision

    @property
    def is_locked(self) -> bool:
        return self._decision is not None and not self._decision.allowed

    @property
    def is_open(self) -> bool:
        return self._open

    def now(self) -> datetime:
        """The trusted local time (the clock guard's), for wording "today" and "tomorrow"."""
        return self.service.guard.now()

    def deadline_ms(self) -> int | None:
        """The single-shot interval armed for the coming limit, or None when none is armed."""
        return self.deadline_timer.interval() if self.deadline_timer.isActive() else None

    def in_countdown(self) -> bool:
        return self.countdown_timer.isActive()

    # -- session ----------------------------------------------------------------------------
    def open_session(self) -> Decision:
        """The child's chat (or its lock screen) is on screen: start counting and polling."""
        self._open = True
        result = self.service.session_opened()
        self._apply(result, active=True)
        return result.decision

    def close_session(self) -> None:
        """Profile switched, window closed or app quitting: save everything, stop the timers."""
        self._open = False
        for timer in (self.poll_timer, self.countdown_timer, self.deadline_timer):
            timer.stop()
        self.service.close()
        if self._last_countdown is not None:
            self._last_countdown = None
            self.countdown_stopped.emit()

    # -- ticking ----------------------------------------------------------------------------
    def tick(self) -> Decision:
        """Count use since the last tick and act on the result (timers call this)."""
        result = self.service.tick()
        self._apply(result)
        return result.decision

    def note_activity(self) -> None:
        """The child typed: the next seconds count as active use."""
        self._apply(self.service.note_activity(), active=True)

    def refresh(self) -> Decision:
        """Decide again without counting (after a guardian changed the rules)."""
        decision = self.service.decision()
        self._apply(TickResult(decision))
        return decision

    def chat_lock(self) -> ChatLocked | None:
        """``LimitsGate`` for ``ConversationService``: None when the child may send now.

        Goes through ``request_chat`` so a try during the curfew is recorded (R3 signals).
        """
        decision = self.service.request_chat()
        self._apply(TickResult(decision))
        if decision.allowed:
            return None
        return ChatLocked(reason=str(decision.reason), until=decision.until)

    # -- guardian actions (the caller checked the PIN) ---------------------------------------
    def grant_extension(self, minutes: int | None) -> Decision:
        """More time today (``None``: the rest of the day); recorded by the service."""
        self.service.grant_extension(minutes)
        return self.refresh()

    def grant_curfew_exemption(self) -> Decision:
        """No curfew tonight (or for the night in progress); recorded by the service."""
        self.service.grant_curfew_exemption()
        return self.refresh()

    # -- internals --------------------------------------------------------------------------
    def _apply(self, result: TickResult, *, active: bool = False) -> None:
        """Emit what changed; ``active``: the child just did something (use is counting)."""
        previous, decision = self._decision, result.decision
        self._decision = decision
        if _visible_state(previous) != _visible_state(decision):
            self.decision_changed.emit(decision)
        if not decision.allowed and (previous is None or previous.allowed):
            self.locked.emit(decision)
        elif decision.allowed and previous is not None and not previous.allowed:
            self.unlocked.emit()
        for event in result.events:
            if isinstance(event, LimitWarning):
                self.warning.emit(event)
            elif isinstance(event, ReminderDue):
                self.reminder.emit(event)
            elif isinstance(event, LimitReached):
                self.limit_reached.emit(event)
        self._schedule(decision, active or _progressing(previous, decision))

    def _schedule(self, decision: Decision, progressing: bool) -> None:
        if not self._open:
            return
        left = decision.seconds_left if decision.allowed else None
        final_minute = left is not None and left <= self.countdown_seconds
        if final_minute:
            self.poll_timer.stop()
            if not self.countdown_timer.isActive():
                self.countdown_timer.start()
            seconds = math.ceil(left)
            if seconds != self._last_countdown:
                self._last_countdown = seconds
                self.countdown.emit(seconds)
        else:
            self.countdown_timer.stop()
            if not self.poll_timer.isActive():
                self.poll_timer.start()
            if self._last_countdown is not None:
                self._last_countdown = None
                self.countdown_stopped.emit()
        if left is None or left * 1000 >= self.poll_ms:
            self.deadline_timer.stop()
        elif progressing:
            # Exactly the time left (rounded up to whole ms, so usage has reached the budget
            # when it fires); a tick that still finds a sliver left simply re-arms it. An idle
            # child's time does not run down: then the regular ticks are enough, and a sliver
            # left must not turn into a 1 ms busy loop. A decision without counting (chat_lock,
            # refresh) keeps whatever is armed.
            self.deadline_timer.start(max(1, math.ceil(round(left * 1000, 3))))
