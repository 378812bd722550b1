"""Which language to answer in, and the one normalisation every matcher shares.

The child's profile says which language Hearth speaks, but a child who types in the other
language should be answered in the language they typed: a reply they cannot read is worse than
a reply in the "wrong" profile language. The text itself decides when it clearly can.
"""

from __future__ import annotations

import re
import unicodedata

SUPPORTED = ("en", "zh")

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Zero-width and soft-hyphen characters change nothing a child means but break matching.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def base_language(code: str | None) -> str:
    """Map a profile language code ("zh-CN", "en_GB", "") to one Hearth speaks."""
    code = (code or "").lower()
    return "zh" if code.startswith("zh") else "en"


def detect_language(text: str, default: str) -> str:
    """The language a message is written in; ``default`` when it has no letters at all.

    Han characters count against Latin words, so "我叫Tom" is Chinese and "I like 饺子 a lot"
    is English; a tie goes to Chinese because a short Chinese message has few characters.
    """
    han = len(_HAN.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    if han == 0 and latin == 0:
        return base_language(default)
    return "zh" if han >= latin else "en"


def normalize(text: str) -> str:
    """Fold width, invisible characters, curly quotes and spacing; keep case for names.

    NFKC turns full-width "？，！７" into "?,!7", so patterns only need the ASCII forms.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()


_SPACED_LETTERS = re.compile(r"(?<![A-Za-z])(?:[A-Za-z] ){2,}[A-Za-z](?![A-Za-z])")
_LEET = str.maketrans(
    {"1": "i", "0": "o", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s", "7": "t"}
)


def squeeze(text: str) -> str:
    """ "s u i c i d e" → "suicide", "su1c1de" → "suicide": a second look for the few intents
    where a disguised word must not slip through to small talk. Not used for ordinary topics,
    where digits are numbers."""
    text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    return text.translate(_LEET)


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None
