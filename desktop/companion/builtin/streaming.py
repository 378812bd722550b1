"""Cutting a finished reply into model-like chunks: a word at a time, or two Han characters.

The chat view and the output filter are built for streamed replies; the built-in companion
streams too, so it exercises the same path (and the stop button) as a real model.
"""

from __future__ import annotations

import re

_HAN_OR_CJK_PUNCT = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_UNITS = re.compile(rf"[{_HAN_OR_CJK_PUNCT}]\s*|[^\s{_HAN_OR_CJK_PUNCT}]+\s*|\s+")
_IS_HAN = re.compile(rf"[{_HAN_OR_CJK_PUNCT}]")
HAN_PER_CHUNK = 2


def chunk_text(text: str) -> list[str]:
    """Split ``text`` so that ``"".join(chunks) == text``: words with their trailing space,
    and runs of Han characters in pairs."""
    chunks: list[str] = []
    han_run = 0
    for unit in _UNITS.findall(text):
        is_han = _IS_HAN.match(unit) is not None
        if is_han and 0 < han_run < HAN_PER_CHUNK:
            chunks[-1] += unit
            han_run += 1
        else:
            chunks.append(unit)
            han_run = 1 if is_han else 0
    return chunks
