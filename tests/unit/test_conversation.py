"""The chat turn: order of steps, storage before I/O, seams for limits/safety/alerts."""

from dataclasses import dataclass, field
from datetime import date

import pytest

from desktop.companion.backends.base import CancelToken, Role
from desktop.companion.conversation import ConversationService, stream_filtered
from desktop.companion.events import (
    ChatLocked,
    InterventionStarted,
    InvisibleCharactersRemoved,
    SessionEnded,
)
from desktop.companion.input import MAX_MESSAGE_CHARS, InputError
from desktop.companion.personas import persona_by_id
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from tests.support.backends import ScriptedBackend


@dataclass
class Review:
    tier: int = 0
    categories: frozenset = frozenset()
    call_model: bool = True
    fixed_reply: str | None = None
    child_warning: str | None = None
    alert_guardian: bool = False
    show_crisis_card: bool = False
    redisclose_ai: bool = False
    comfort_hint: str | None = None
    end_session: bool = False


@dataclass
class StaticSafety:
    review: Review = field(default_factory=Review)

    def review_input(self, text, *, lang, is_minor):
        return self.review

    def output_filter(self, *, lang, is_minor):
        return None


class RecordingAlerts:
    def __init__(self):
        self.raised = []

    def raise_alert(self, profile, category, tier, excerpt):
        self.raised.append((profile.id, category, tier))


class Locked:
    def chat_lock(self):
        return ChatLocked("daily_limit")


@pytest.fixture
def service(memory_db, clock):
    child = ProfileRepository(memory_db).add_child("Lily", date(2016, 3, 1), Language.EN, now=clock.now())
    svc = ConversationService(ConversationRepository(memory_db), child, persona_by_id("buddy"), clock)
    svc.open_session()
    return svc


def test_message_is_stored_before_the_backend_runs(service):
    plan = service.begin_turn("hi there")
    assert plan.call_model
    stored = service.repo.all_messages(service.conversation.id)
    assert [(m.role, m.content, m.status) for m in stored] == [(Role.USER, "hi there", MessageStatus.SENT)]
    assert plan.prompt[0].role is Role.SYSTEM
    assert plan.prompt[-1].content == "hi there"
    assert "AI" in plan.prompt[0].content


def test_streamed_reply_is_stored_when_finished(service):
    plan = service.begin_turn("hello")
    backend = ScriptedBackend("Hi Lily. What did you do today?")
    text = "".join(p.text for p in stream_filtered(backend, plan, CancelToken(), None))
    service.finish_turn(text, MessageStatus.COMPLETE)
    roles = [m.role for m in service.repo.all_messages(service.conversation.id)]
    assert roles == [Role.USER, Role.ASSISTANT]
    assert text == "Hi Lily. What did you do today?"


def test_bad_input_is_refused_and_nothing_is_stored(service):
    for text, key in (("   \n ", "empty"), ("x" * (MAX_MESSAGE_CHARS + 1), "too_long"), ("a" * 1_000_000, "too_long")):
        with pytest.raises(InputError) as info:
            service.begin_turn(text)
        assert info.value.key == key
    assert service.repo.count(service.conversation.id) == 0


def test_bidi_and_control_characters_are_removed_and_reported(service):
    plan = service.begin_turn("hi\u202e there\x07")
    assert any(isinstance(e, InvisibleCharactersRemoved) for e in plan.events)
    assert plan.user_message.content == "hi there"


def test_locked_chat_sends_and_stores_nothing(service):
    service.limits = Locked()
    plan = service.begin_turn("hello")
    assert not plan.call_model
    assert isinstance(plan.events[0], ChatLocked)
    assert service.repo.count(service.conversation.id) == 0


def test_exit_ends_session_without_model(service):
    service.safety = StaticSafety(Review(end_session=True, categories=frozenset({"exit"})))
    plan = service.begin_turn("bye")
    assert not plan.call_model
    assert isinstance(plan.events[-1], SessionEnded)
    assert service.repo.get(service.conversation.id).ended_at is not None


def test_tier_two_stores_fixed_reply_alerts_and_skips_model(service):
    alerts = RecordingAlerts()
    service.alerts = alerts
    service.safety = StaticSafety(Review(tier=2, categories=frozenset({"financial"}), call_model=False,
                                         fixed_reply="Let's not share card numbers.", alert_guardian=True))
    plan = service.begin_turn("my card number is ...")
    assert not plan.call_model
    assert plan.notice.status is MessageStatus.NOTICE
    assert isinstance(plan.events[0], InterventionStarted)
    assert alerts.raised == [(service.profile.id, "financial", 2)]


def test_history_in_prompt_is_bounded_and_skips_blocked(service):
    for i in range(60):
        service.begin_turn(f"message {i}")
        service.finish_turn(f"reply {i}", MessageStatus.BLOCKED if i == 59 else MessageStatus.COMPLETE)
    plan = service.begin_turn("latest")
    assert len(plan.prompt) <= 21
    assert all(m.content != "reply 59" for m in plan.prompt)
    assert plan.prompt[-1].content == "latest"


def test_cancel_stops_the_stream(service):
    plan = service.begin_turn("hello")
    token = CancelToken()
    pieces = []
    for piece in stream_filtered(ScriptedBackend("one two three four five"), plan, token, None):
        pieces.append(piece.text)
        if len(pieces) == 2:
            token.cancel()
    assert pieces == ["one ", "two "]


def test_retry_reuses_the_stored_message(service):
    plan = service.begin_turn("are you there")
    service.finish_turn("", MessageStatus.PARTIAL)
    again = service.retry_plan(plan.user_message)
    assert again.call_model and again.prompt[-1].content == "are you there"
    assert service.repo.count(service.conversation.id) == 1
