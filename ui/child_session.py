"""Everything that runs while one child has the chat open.

A :class:`ChildSession` ties the child's conversation, time limits and reminders together:
the limits controller is the conversation's gate (R11), reminders become banners and desktop
notifications, and typing counts as activity. The main window owns one session at a time and
decides which screen (chat or lock) is visible.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.companion.conversation import ConversationService
from desktop.companion.personas import DEFAULT_PERSONA_ID, personas_for
from desktop.guardian.audit import Actor
from desktop.limits.signed_rules import SignedTimeRulesRepository
from desktop.profiles.models import ChildProfile
from ui.chat.view import ChatView
from ui.context import AppContext
from ui.limits_controller import LimitsController, ledger_key
from ui.lock import CountdownBanner, LockView
from ui.reminders import BannerArea, ReminderPresenter

#: Personas are chosen as if a minor-mode profile were at most 17 (R12 applies in minor mode).
MINOR_MODE_AGE_CAP = 17


class ChildSession(QObject):
    locked = Signal(object)  # Decision
    unlocked = Signal()

    def __init__(self, ctx: AppContext, profile: ChildProfile, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.profile = profile
        today = ctx.clock.now().date()
        age = profile.age(today)
        blocked = ctx.settings.blocked_personas(profile.id) if ctx.settings is not None else []
        self.personas = personas_for(min(age, MINOR_MODE_AGE_CAP) if profile.minor_mode else age, blocked=blocked)
        persona = next((p for p in self.personas if p.id == DEFAULT_PERSONA_ID), self.personas[0])
        self.controller: LimitsController | None = None
        if ctx.guardian is not None:
            self.controller = LimitsController.for_profile(
                ctx.db,
                profile,
                ctx.clock_guard,
                ledger_key(ctx.guardian),
                ctx.guardian.audit.for_actor(Actor.SYSTEM),
                rules_repo=SignedTimeRulesRepository(ctx.db, ctx.settings, actor=Actor.GUARDIAN),
                parent=self,
            )
            self.controller.locked.connect(self._on_locked)
            self.controller.unlocked.connect(self.unlocked)
        safety = ctx.safety
        if safety is not None and self.controller is not None:
            # A dependence finding (R3) also counts toward the limits' over-use patterns.
            controller = self.controller
            safety = safety.with_dependence_hook(lambda: controller.service.flag_dependence("safety"))
        self.safety = safety
        self.service = ConversationService(
            ctx.conversations,
            profile,
            persona,
            ctx.clock,
            limits=self.controller,
            safety=safety,
            alerts=ctx.alert_sink or ctx.alerts,
            seed=ctx.seed,
            on_activity=self.controller.note_activity if self.controller else None,
        )
        latest = ctx.conversations.latest(profile.id)
        allowed_ids = {p.id for p in self.personas}
        if latest is not None and latest.ended_at is None and latest.persona_id in allowed_ids:
            self.service.persona = next(p for p in self.personas if p.id == latest.persona_id)
            self.service.open_session(latest)
        else:
            self.service.open_session()
        filter_factory = None
        if safety is not None:
            def filter_factory():
                return safety.output_filter(lang=self.service.lang, is_minor=self.service.is_minor)
        self.chat = ChatView(self.service, ctx.backend, self.personas, output_filter_factory=filter_factory, parent=window)
        self.lock_view: LockView | None = None
        if self.controller is not None:
            self.banners = BannerArea()
            self.countdown = CountdownBanner()
            self.chat.add_banner_area(self.banners)
            self.chat.add_above_input(self.countdown)
            self.countdown.attach(self.controller)
            self.presenter = ReminderPresenter(
                ctx.db,
                profile,
                self.banners,
                today=lambda: ctx.clock.now().date(),
                dispatcher=ctx.notifier,
                dialog_parent=window,
                parent=self,
            )
            self.presenter.attach(self.controller)
            self.chat.redisclosure_requested.connect(self.presenter.show_redisclosure)
            self.lock_view = LockView(self.controller, ctx.guardian, parent=window)

    def start(self) -> bool:
        """Open the session; True when chatting is allowed right now."""
        if self.controller is None:
            return True
        decision = self.controller.open_session()
        return decision.allowed

    def _on_locked(self, decision) -> None:
        # R11: a limit stops the chat at once; what was streamed so far is kept as partial.
        self.chat.stop_and_wait("limit")
        self.locked.emit(decision)

    #: Reasons that end the conversation itself (R22 exit, a crisis). Switching profile or
    #: opening the guardian panel only pauses it, so the child finds the chat where it was.
    ENDING_REASONS = frozenset({"window_closed", "crisis", "end_button", "exit_phrase"})

    def shutdown(self, reason: str) -> None:
        self.chat.shutdown()
        if self.controller is not None:
            self.controller.close_session()
        if reason in self.ENDING_REASONS:
            self.service.end_session(reason)
