"""The guarded chat turn (DESIGN.md, "One chat turn").

``ConversationService`` runs on the GUI thread and owns every database write. A turn is split
in two so the GUI thread never waits on the network:

1. :meth:`ConversationService.begin_turn` — limits, exit intent, safety assessment, storing the
   child's message (before any network I/O), building the prompt. Returns a :class:`TurnPlan`.
2. A worker thread runs :func:`stream_filtered` over the plan (backend + output filter) and only
   emits text.
3. :meth:`ConversationService.finish_turn` stores the reply (complete, partial, failed, blocked).

Limits, safety and alerts are seams (protocols) so each subsystem is tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from desktop.clock import Clock
from desktop.companion.backends.base import (
    BackendError,
    CancelToken,
    ChatBackend,
    ChatMessage,
    Role,
    TurnContext,
)
from desktop.companion.events import (
    AiRedisclosureDue,
    ChatLocked,
    ChildWarned,
    InterventionStarted,
    InvisibleCharactersRemoved,
    SessionEnded,
)
from desktop.companion.input import clean_message
from desktop.companion.personas import Persona
from desktop.companion.prompt import build_prompt
from desktop.companion.repository import (
    Conversation,
    ConversationRepository,
    MessageStatus,
    StoredMessage,
)
from desktop.profiles.models import AgeBand, ChildProfile


class LimitsGate(Protocol):
    def chat_lock(self) -> ChatLocked | None:
        """None when chatting is allowed now, else why not and until when (R11)."""


class InputReview(Protocol):
    """What the safety layer decided about one message (see desktop.safety.intervention)."""

    tier: int
    categories: frozenset
    call_model: bool
    fixed_reply: str | None
    child_warning: str | None
    alert_guardian: bool
    show_crisis_card: bool
    redisclose_ai: bool
    comfort_hint: str | None
    end_session: bool


class OutputFilter(Protocol):
    def feed(self, chunk: str) -> list: ...
    def flush(self) -> list: ...


class SafetyReviewer(Protocol):
    def review_input(self, text: str, *, lang: str, is_minor: bool) -> InputReview: ...
    def output_filter(self, *, lang: str, is_minor: bool) -> OutputFilter: ...


class AlertSink(Protocol):
    def raise_alert(self, profile: ChildProfile, category: str, tier: int, excerpt: str) -> None: ...


@dataclass
class TurnPlan:
    """Everything the worker needs, and what the UI must show before the reply."""

    events: list = field(default_factory=list)
    user_message: StoredMessage | None = None
    notice: StoredMessage | None = None
    call_model: bool = False
    prompt: list[ChatMessage] = field(default_factory=list)
    context: TurnContext | None = None
    is_minor: bool = True


@dataclass(frozen=True)
class ReplyPiece:
    """A piece of reply text the UI may display; ``replaced`` marks the filter's safe text."""

    text: str
    replaced: bool = False
    reason: str | None = None


class ConversationService:
    def __init__(
        self,
        repo: ConversationRepository,
        profile: ChildProfile,
        persona: Persona,
        clock: Clock,
        *,
        limits: LimitsGate | None = None,
        safety: SafetyReviewer | None = None,
        alerts: AlertSink | None = None,
        seed: int | None = None,
        on_activity: Callable[[], None] | None = None,
    ):
        self.repo = repo
        self.profile = profile
        self.persona = persona
        self.clock = clock
        self.limits = limits
        self.safety = safety
        self.alerts = alerts
        self.seed = seed
        self.on_activity = on_activity
        self.conversation: Conversation | None = None

    # -- session ----------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.profile.language.value

    @property
    def is_minor(self) -> bool:
        return self.profile.minor_mode or self.profile.is_minor(self.clock.now().date())

    def open_session(self, conversation: Conversation | None = None) -> Conversation:
        """Start (or resume) a conversation; the UI shows the R2 disclosure at this point."""
        if conversation is None:
            conversation = self.repo.start(self.profile.id, self.persona.id, now=self.clock.now())
        self.conversation = conversation
        return conversation

    def end_session(self, reason: str) -> SessionEnded:
        if self.conversation is not None and self.conversation.ended_at is None:
            self.repo.end(self.conversation.id, reason, now=self.clock.now())
            self.conversation = self.repo.get(self.conversation.id)
        return SessionEnded(reason)

    # -- the turn ---------------------------------------------------------------------------
    def begin_turn(self, raw_text: str) -> TurnPlan:
        """Steps 1-5 of the turn. Raises InputError for empty or over-long input."""
        clean = clean_message(raw_text)
        plan = TurnPlan(is_minor=self.is_minor)
        if clean.removed_invisible:
            plan.events.append(InvisibleCharactersRemoved())
        if self.limits is not None:
            lock = self.limits.chat_lock()
            if lock is not None:
                plan.events.append(lock)
                return plan
        if self.conversation is None or self.conversation.ended_at is not None:
            self.open_session()
        if self.on_activity is not None:
            self.on_activity()
        review = self.safety.review_input(clean.text, lang=self.lang, is_minor=plan.is_minor) if self.safety else None
        if review is not None and review.end_session:
            # R22: an exit phrase ends the session at once, with no further AI message.
            plan.user_message = self._store_user(clean.text, {"exit": True})
            plan.events.append(self.end_session("exit_phrase"))
            return plan
        meta = {"tier": review.tier, "categories": sorted(review.categories)} if review and review.tier else {}
        plan.user_message = self._store_user(clean.text, meta)
        if review is not None and review.tier:
            self._apply_review(review, clean.text, plan)
            if not review.call_model:
                return plan
        plan.call_model = True
        plan.context = self._context()
        history = self.repo.recent(self.conversation.id, 40)
        plan.prompt = build_prompt(
            self.persona,
            _minor_band(self.profile, self.clock),
            self.lang,
            history,
            extra_instruction=_hints(review),
        )
        return plan

    def retry_plan(self, user_message: StoredMessage) -> TurnPlan:
        """Rebuild a plan for a stored message whose reply failed, without storing it again."""
        plan = TurnPlan(is_minor=self.is_minor, user_message=user_message)
        if self.limits is not None:
            lock = self.limits.chat_lock()
            if lock is not None:
                plan.events.append(lock)
                return plan
        plan.call_model = True
        plan.context = self._context()
        history = [m for m in self.repo.recent(user_message.conversation_id, 40) if m.id <= user_message.id]
        plan.prompt = build_prompt(self.persona, _minor_band(self.profile, self.clock), self.lang, history)
        return plan

    def finish_turn(self, text: str, status: MessageStatus, *, meta: dict | None = None) -> StoredMessage | None:
        """Store the reply (step 7). An empty partial reply is not worth a row."""
        if self.conversation is None:
            return None
        if not text and status is MessageStatus.PARTIAL:
            return None
        return self.repo.add_message(
            self.conversation.id, Role.ASSISTANT, text, status, now=self.clock.now(), meta=meta
        )

    # -- helpers ----------------------------------------------------------------------------
    def _store_user(self, text: str, meta: dict) -> StoredMessage:
        return self.repo.add_message(
            self.conversation.id, Role.USER, text, MessageStatus.SENT, now=self.clock.now(), meta=meta
        )

    def _apply_review(self, review: InputReview, text: str, plan: TurnPlan) -> None:
        categories = tuple(sorted(str(c) for c in review.categories))
        plan.events.append(InterventionStarted(review.tier, categories, review.show_crisis_card))
        if review.child_warning:
            plan.events.append(ChildWarned(review.child_warning))
        if review.redisclose_ai:
            plan.events.append(AiRedisclosureDue("safety"))
        if review.alert_guardian and self.alerts is not None:
            for category in categories:
                self.alerts.raise_alert(self.profile, category, review.tier, text)
        if not review.call_model and review.fixed_reply:
            plan.notice = self.repo.add_message(
                self.conversation.id,
                Role.ASSISTANT,
                review.fixed_reply,
                MessageStatus.NOTICE,
                now=self.clock.now(),
                meta={"tier": review.tier, "categories": list(categories)},
            )

    def _context(self) -> TurnContext:
        today = self.clock.now().date()
        return TurnContext(
            language=self.lang,
            child_name=self.profile.display_name,
            age=self.profile.age(today),
            persona_id=self.persona.id,
            persona_name=self.persona.name(self.lang),
            seed=self.seed,
        )


def _hints(review: InputReview | None) -> str | None:
    """Per-turn system-prompt additions from the safety review (comfort, privacy bounds)."""
    if review is None:
        return None
    hints = getattr(review, "system_hints", None) or ((review.comfort_hint,) if review.comfort_hint else ())
    return "\n".join(hints) or None


def _minor_band(profile: ChildProfile, clock: Clock) -> AgeBand:
    """The age band whose rules apply; a profile in minor mode never gets adult rules."""
    band = profile.age_band(clock.now().date())
    if profile.minor_mode and band is AgeBand.ADULT:
        return AgeBand.AGE_16_TO_17
    return band


def stream_filtered(
    backend: ChatBackend,
    plan: TurnPlan,
    cancel: CancelToken,
    output_filter: OutputFilter | None,
) -> Iterator[ReplyPiece]:
    """Run on a worker thread: stream the backend through the output filter.

    With a filter, only whole, checked sentences come out; once a sentence is blocked the rest of
    the reply is dropped and the filter's safe replacement is the last piece. Raises
    BackendError unchanged so the UI can name the failure and offer a retry.
    """
    if output_filter is None:
        for chunk in backend.stream_reply(plan.prompt, plan.context, cancel):
            if cancel.cancelled:
                return
            yield ReplyPiece(chunk)
        return
    for chunk in backend.stream_reply(plan.prompt, plan.context, cancel):
        if cancel.cancelled:
            return
        for piece in _filtered(output_filter.feed(chunk), output_filter):
            yield piece
            if piece.replaced:
                cancel.cancel()
                return
    if cancel.cancelled:
        return
    yield from _filtered(output_filter.flush(), output_filter)


def _filtered(sentences: list, output_filter: OutputFilter) -> Iterator[ReplyPiece]:
    for sentence in sentences:
        if sentence.blocked:
            yield ReplyPiece(output_filter.safe_replacement, replaced=True, reason=sentence.reason)
            return
        yield ReplyPiece(sentence.text)


__all__ = [
    "AlertSink",
    "BackendError",
    "ConversationService",
    "LimitsGate",
    "ReplyPiece",
    "SafetyReviewer",
    "TurnPlan",
    "stream_filtered",
]
