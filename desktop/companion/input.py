"""Checking what the child typed before anything else touches it.

Bad input never loses the child's words: an empty or over-long message is refused with a key the
UI translates (the text stays in the input box), and invisible control or bidi-override
characters — which can hide text from a guardian reading the history — are removed, with a flag
so the UI can say so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

#: Long enough for a school essay, short enough that a paste cannot flood the model or the DB.
MAX_MESSAGE_CHARS = 4000

_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_KEEP = {"\n", "\t"}


class InputError(ValueError):
    def __init__(self, key: str, limit: int = 0):
        super().__init__(key)
        self.key = key  # "empty" | "too_long"
        self.limit = limit


@dataclass(frozen=True)
class CleanInput:
    text: str
    removed_invisible: bool


def clean_message(raw: str) -> CleanInput:
    """Strip control and bidi-override characters; refuse empty or over-long messages."""
    kept = []
    removed = False
    for ch in raw:
        if ch in _KEEP:
            kept.append(ch)
        elif ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs"):
            removed = True
        else:
            kept.append(ch)
    text = "".join(kept).strip()
    if not text:
        raise InputError("empty")
    if len(text) > MAX_MESSAGE_CHARS:
        raise InputError("too_long", MAX_MESSAGE_CHARS)
    return CleanInput(text, removed)
