"""Reading one turn out of the message list: the child's last message, what came before, who.

Everything the engine knows about the conversation is rebuilt here on every call (memory,
the previous reply, what was already told), which is what makes the companion stateless.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.companion.backends.base import ChatMessage, Role, TurnContext
from desktop.companion.builtin.content import LanguagePack, OfferKind, PersonaStyle, language_pack
from desktop.companion.builtin.language import base_language, detect_language, normalize
from desktop.companion.builtin.memory import ChildMemory, build_memory

YOUNG_AGE = 8  # under 8: simpler words (MMG age bands)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


@dataclass(frozen=True)
class Turn:
    """Everything derived from the messages and context for this one reply."""

    text: str  # the child's last message, normalised
    language: str
    young: bool
    pack: LanguagePack
    persona: PersonaStyle
    memory: ChildMemory
    name: str | None
    previous_reply: str
    told: str  # everything the companion said before: jokes and stories are not retold
    earlier_user: tuple[str, ...]
    slots: dict[str, str]


def read_turn(messages: Sequence[ChatMessage], context: TurnContext) -> Turn:
    """The last user message is what to answer; system messages are ignored. The name the
    child said ("my name is Lily") wins over the profile's display name."""
    history = [m for m in messages if m.role in (Role.USER, Role.ASSISTANT)]
    last = max((i for i, m in enumerate(history) if m.role is Role.USER), default=None)
    raw = history[last].content if last is not None else ""
    earlier = history[:last] if last is not None else history
    earlier_user = tuple(m.content for m in earlier if m.role is Role.USER)
    said = [m.content for m in earlier if m.role is Role.ASSISTANT]
    default = base_language(context.language)
    text = normalize(raw)
    language = detect_language(text, default)
    memory = build_memory([*earlier_user, raw], default)
    name = memory.name or (context.child_name or "").strip() or None
    pack = language_pack(language)
    slots = {"persona": (context.persona_name or "").strip() or _default_persona(language)}
    if name:
        slots["name"] = name
    slots.update(memory.slots())
    return Turn(
        text=text,
        language=language,
        young=context.age < YOUNG_AGE,
        pack=pack,
        persona=pack.persona(context.persona_id),
        memory=memory,
        name=name,
        previous_reply=said[-1] if said else "",
        told="\n".join(said),
        earlier_user=tuple(normalize(t) for t in earlier_user),
        slots=slots,
    )


def _default_persona(language: str) -> str:
    return "小伙伴" if language == "zh" else "Buddy"


def unseen(pool, turn: Turn, key):
    """Items not yet in this conversation; then any but the last one told; then anything."""
    fresh = [item for item in pool if key(item) not in turn.told]
    if fresh:
        return fresh
    return [item for item in pool if key(item) not in turn.previous_reply] or list(pool)


def offered(turn: Turn) -> OfferKind | None:
    """What the previous reply offered: by name ("Want to hear a joke?"), or "another one" of
    the joke, story or fact it had just told ("Want to hear another one?")."""
    kind = offer_in(turn.previous_reply, turn.pack)
    if kind is None:
        last = _last_question(turn.previous_reply).lower()
        if last and any(m.lower() in last for m in turn.pack.phrases.another_markers):
            kind = previous_kind(turn)
    return kind


def _last_question(text: str) -> str:
    questions = [s for s in _SENTENCE_END.split(text) if s.rstrip().endswith(("?", "？"))]
    return questions[-1] if questions else ""


def offer_in(previous_reply: str, pack: LanguagePack) -> OfferKind | None:
    """What the previous reply offered in its last question ("Want to hear a joke?")."""
    last = _last_question(previous_reply).lower()
    if not last:
        return None
    best: tuple[int, OfferKind] | None = None
    for kind, markers in pack.phrases.offer_markers.items():
        for marker in markers:
            at = last.find(marker.lower())
            if at >= 0 and (best is None or at < best[0]):
                best = (at, kind)
    return best[1] if best else None


def previous_kind(turn: Turn) -> OfferKind | None:
    """Whether the last reply was a joke, a story or a fact, so "another one!" means more of it."""
    prev, pack = turn.previous_reply, turn.pack
    if any(j in prev for j in pack.jokes):
        return OfferKind.JOKE
    if any(s.title in prev for s in pack.stories):
        return OfferKind.STORY
    if any(f in prev for f in pack.facts):
        return OfferKind.FACT
    return None
