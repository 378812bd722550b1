"""Typed events the chat turn produces; only ``ui/`` turns them into translated sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatLocked:
    """Chatting is not allowed now; nothing was sent (R11)."""

    reason: str
    until: object | None = None  # datetime or None


@dataclass(frozen=True)
class SessionEnded:
    """The session ended at once: exit phrase, end button or window closed (R22)."""

    reason: str


@dataclass(frozen=True)
class InterventionStarted:
    """A safety tier ≥ 1 changed what happens to this turn (R19)."""

    tier: int
    categories: tuple[str, ...]
    show_crisis_card: bool = False


@dataclass(frozen=True)
class ChildWarned:
    """A warning the child sees before anything else, e.g. about sharing personal info (R23)."""

    text: str


@dataclass(frozen=True)
class AiRedisclosureDue:
    """Over-dependence showed: restate that replies are AI-generated in a modal (R3)."""

    source: str


@dataclass(frozen=True)
class InvisibleCharactersRemoved:
    """Control or bidi characters were stripped from the child's message."""


@dataclass(frozen=True)
class ReplyFiltered:
    """The output filter replaced (part of) a backend reply (R4, R12, R18, R21, R23)."""

    reason: str
