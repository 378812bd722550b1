"""Building the bounded prompt for one turn: persona + age-band guard + recent history."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.companion.backends.base import ChatMessage, Role
from desktop.companion.personas import Persona
from desktop.companion.repository import MessageStatus, StoredMessage
from desktop.profiles.models import AgeBand
from desktop.resources import load_json

#: What the model sees of the past; keeps cost and latency flat however long the chat is.
HISTORY_MESSAGES = 20
HISTORY_CHARS = 8000

_IN_PROMPT = {MessageStatus.SENT, MessageStatus.COMPLETE, MessageStatus.PARTIAL}


def guard_prompt(band: AgeBand, lang: str) -> str:
    texts = load_json("personas", "guard.json")[band.value]
    return texts.get(lang) or texts["en"]


def build_prompt(
    persona: Persona,
    band: AgeBand,
    lang: str,
    history: Sequence[StoredMessage],
    *,
    extra_instruction: str | None = None,
) -> list[ChatMessage]:
    """System prompt first, then the newest history that fits, oldest first.

    Blocked replies and Hearth's own notices are left out, so a filtered sentence can never be
    fed back to the model as if it had been said.
    """
    system = f"{persona.prompt(lang)}\n\n{guard_prompt(band, lang)}"
    if extra_instruction:
        system += f"\n\n{extra_instruction}"
    kept: list[ChatMessage] = []
    budget = HISTORY_CHARS
    for msg in reversed(list(history)[-HISTORY_MESSAGES:]):
        if msg.status not in _IN_PROMPT:
            continue
        if len(msg.content) > budget:
            break
        budget -= len(msg.content)
        kept.append(ChatMessage(msg.role, msg.content))
    kept.reverse()
    return [ChatMessage(Role.SYSTEM, system), *kept]
