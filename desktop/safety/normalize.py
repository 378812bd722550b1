"""Undo the ways a message can be disguised, once, before any pattern looks at it.

Children (and anyone testing the app) dodge word filters with case, full-width letters,
zero-width or combining characters, letters spaced or dotted apart, leetspeak, stretched
letters, Traditional characters and pinyin. Every trick is undone here, in one place, so the
lexicons can be written in plain lower-case Simplified Chinese and plain English.

One pass produces several *views* because no single form suits every script:

- ``base``: Unicode-folded text (NFKC, casefold, invisibles and accents removed, Traditional
  characters mapped to Simplified). Digits are untouched, so phone numbers survive here.
- ``latin``: for English lexicons. Apostrophes dropped ("don't" -> "dont"), leetspeak decoded
  inside words, single letters joined ("k.i.l.l" -> "kill"), runs of three or more identical
  letters squeezed to one ("diiie" -> "die"), sentence punctuation turned into " . ".
- ``pinyin``: for romanised Chinese. Like ``latin`` but tone digits are dropped instead of
  being read as leetspeak ("zi4 sha1" -> "zi sha").
- ``han``: for Chinese lexicons. All spacing and joiner symbols between characters removed
  ("自 杀", "自.杀" -> "自杀"); Latin letters stay so mixed text ("我想die") still matches.

Everything is done with ``str.translate`` and precompiled regular expressions so that a long
post costs well under a millisecond per kilobyte.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from desktop.resources import resource_path

#: Zero-width, joiner, soft-hyphen and bidirectional control characters: all deleted.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a"
    "\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"
)
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe20-\ufe2f\u3099\u309a]+"
)
#: Typographic quotes and dashes folded to ASCII so one apostrophe rule covers them all.
_PUNCT_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u3000": " ",
        "\u00a0": " ",
    }
)

_HAS_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAS_LATIN = re.compile("[a-z]")
#: Where the pinyin view needs its own pass: a tone digit after a letter ("zi4 sha1"), which the
#: latin view would read as leetspeak ("zia"). Elsewhere the latin view serves pinyin too: its
#: other changes (leetspeak decoded, starred words filled, long runs squeezed) only help there.
_PINYIN_DIFFERS = re.compile(r"(?<=[a-z])[1-5](?![0-9])")

# Leetspeak: a "word" of letters, digits and look-alike symbols containing at least one letter.
_LEET_WORD = re.compile(
    r"(?<![a-z0-9@$|+!€])[a-z0-9@$|+!€]*(?:[a-z][0134579@$|+!€]|[0134579@$|+!€][a-z])[a-z0-9@$|+!€]*"
)
_LEET_SYMBOLS = frozenset("0134579@$|+!€")
_LEET_MAP = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "9": "g",
        "@": "a",
        "$": "s",
        "|": "l",
        "+": "t",
        "!": "i",
        "€": "e",
    }
)
#: Units and ordinals a digit legitimately sits next to ("4pm", "21st", "5kg"): not leetspeak.
_NOT_LEET = re.compile(
    r"\d+(?:st|nd|rd|th|s|am|pm|k|m|g|kg|cm|mm|km|h|hr|hrs|min|mins|yo|yrs|x|d|p|gb|mb|v|w)"
)

_TRAILING_DIGITS = re.compile(r"[0-9]+$")
_BETWEEN_LETTERS = re.compile(r"(?<=[a-z])[._*~\-](?=[a-z])")
# Every letter spaced out and words set apart by wider gaps: "i w a n t  t o  d i e". Two-letter
# words ("t o") are too short for the rule below, so such runs are joined word by word first.
_SPACED_WORDS = re.compile(r"(?<![a-z0-9])[a-z](?: [a-z])*(?: {2,}[a-z](?: [a-z])*)+(?![a-z0-9])")
_WIDE_GAP = re.compile(r" {2,}")
# Three or more single letters separated by spacing or punctuation: "k i l l", "s.u.i.c.i.d.e".
_SPACED_LETTERS = re.compile(
    r"(?<![a-z0-9])[a-z](?P<sep>[ .\-_*~/|,+·•]+)[a-z](?:(?P=sep)[a-z])+(?![a-z0-9])"
)
_NON_LETTER = re.compile(r"[^a-z]+")
_LONG_RUN = re.compile(r"([a-z])\1{2,}")
_TONE_DIGIT = re.compile(r"(?<=[a-z])[1-5](?![0-9])")
_SENTENCE_END = re.compile(r"[.!?;:\n\r\u3002\uff01\uff1f\uff1b\u2026]+")
_COMMA = re.compile(r"[,\u3001\uff0c]+")
_LATIN_JUNK = re.compile(r"[^a-z0-9\u3400-\u4dbf\u4e00-\u9fff.,]+")
_SPACES = re.compile(r" {2,}")
_HAN_SENTENCE_END = re.compile(r"\.\s+|\s*\n\s*")
_HAN_JOINERS = re.compile(r"[\s\-_*~/|\\.'\"^`#=+·•]+")


@cache
def _trad_to_simp() -> dict[int, str]:
    """The Traditional -> Simplified table for characters the lexicons use.

    Only characters whose Traditional form is never a valid Simplified character with another
    meaning are listed, so mapping can not damage Simplified text.
    """
    table: dict[int, str] = {}
    text = resource_path("safety", "trad2simp.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        for pair in line.split():
            if len(pair) == 2:
                table[ord(pair[0])] = pair[1]
    return table


@cache
def _censored_words() -> frozenset[str]:
    text = resource_path("safety", "censored.txt").read_text(encoding="utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


_STARRED = re.compile(r"(?<![a-z*])[a-z]+(?:\*[a-z]*)+(?![a-z*])")
_VOWELS = "aeiou"


def _unstar(match: re.Match[str]) -> str:
    """Fill "*" in a censored word ("p*rn" -> "porn") when a vowel gives a listed word."""
    word = match.group(0)
    if word.count("*") > 2:
        return word
    candidates = [""]
    for ch in word:
        candidates = [c + v for c in candidates for v in (_VOWELS if ch == "*" else ch)]
    vocabulary = _censored_words()
    for candidate in candidates:
        if candidate in vocabulary:
            return candidate
    return word


@cache
def _base_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
    table.update(_PUNCT_FOLD)
    table.update(_trad_to_simp())
    return table


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The views of one message; see the module docstring for what each is for."""

    original: str
    base: str
    latin: str
    pinyin: str
    han: str
    has_cjk: bool
    has_latin: bool


def fold(text: str) -> str:
    """The ``base`` view: Unicode compatibility forms, case, invisibles, accents, script."""
    text = text.translate(_base_table())
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = _COMBINING.sub("", text)
        text = unicodedata.normalize("NFKC", text)
        # NFKC can produce characters from the tables again (e.g. full-width apostrophes).
        text = text.translate(_base_table())
    return text.casefold()


def _decode_leet(match: re.Match[str]) -> str:
    word = match.group(0)
    if _LEET_SYMBOLS.isdisjoint(word) or _NOT_LEET.fullmatch(word):
        return word
    core = word.rstrip("!|+").lstrip("!|+")
    if not core:
        return word
    letters = sum(ch.isalpha() for ch in core)
    short_word = core[0].isalpha() and len(core) <= 4  # "d13", "k1ll"
    # "5u1c1d3" and "h0p3l355" are words; "kid2013" is a name followed by a number.
    block = _TRAILING_DIGITS.search(core)
    interleaved = (
        not block or len(block.group()) < 3 or any(ch.isdigit() for ch in core[: block.start()])
    )
    mostly_letters = letters >= len(core) - letters
    label = core[0].isdigit() and (len(core) == 2 or core[1].isdigit())  # "3b", "221b"
    if label or not (mostly_letters or short_word or interleaved):
        return word
    start = word.index(core)
    decoded = core.replace("11", "ll").translate(_LEET_MAP)
    return word[:start] + decoded + word[start + len(core) :]


def _join_letters(match: re.Match[str]) -> str:
    joined = _NON_LETTER.sub("", match.group(0))
    # "s u i c i d e a lot": with plain spaces the words "a" and "i" after a spelled-out word
    # would be glued on; keep them apart (a word that really ends in a or i is rarely risky).
    if match.group("sep").strip() == "" and len(joined) > 4 and joined[-1] in "ai":
        return f"{joined[:-1]} {joined[-1]}"
    return joined


def _join_spaced_words(match: re.Match[str]) -> str:
    groups = _WIDE_GAP.split(match.group(0))
    if max(len(g) for g in groups) < 5:  # "a  b": no word of three letters or more spelled out
        return match.group(0)
    return " ".join(g.replace(" ", "") for g in groups)


def _punctuate(text: str) -> str:
    text = _SENTENCE_END.sub(" . ", text)
    text = _COMMA.sub(" , ", text)
    text = _LATIN_JUNK.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


#: Emoji that stand for a dangerous object in a sentence ("take a 🔪 to my wrists"): the latin
#: view reads them as the word, which it would otherwise drop with the other symbols.
_EMOJI_WORDS = str.maketrans(
    {
        "\U0001f52a": " knife ",  # kitchen knife
        "\U0001f5e1": " knife ",  # dagger
        "\U0001f48a": " pills ",  # pill
        "\U0001f52b": " gun ",  # pistol
        "\U0001f4a3": " bomb ",  # bomb
        "\U0001f9e8": " bomb ",  # firecracker
        "\U0001fa62": " rope ",  # knot
    }
)


def latin_view(base: str) -> str:
    """English-lexicon form of an already folded string."""
    text = base.replace("'", "").replace('"', " ").translate(_EMOJI_WORDS)
    if "*" in text:
        text = _STARRED.sub(_unstar, text)
    text = _LEET_WORD.sub(_decode_leet, text)
    text = _SPACED_WORDS.sub(_join_spaced_words, text)
    text = _SPACED_LETTERS.sub(_join_letters, text)
    text = _BETWEEN_LETTERS.sub(" ", text)
    text = _LONG_RUN.sub(r"\1", text)
    return _punctuate(text)


def pinyin_view(base: str) -> str:
    """Romanised-Chinese form: tone digits dropped, spaced syllables kept apart."""
    text = base.replace("'", "").replace('"', " ")
    text = _TONE_DIGIT.sub("", text)
    text = _SPACED_WORDS.sub(_join_spaced_words, text)
    text = _SPACED_LETTERS.sub(_join_letters, text)
    text = _BETWEEN_LETTERS.sub(" ", text)
    return _punctuate(text)


def han_view(base: str) -> str:
    """Chinese-lexicon form: spacing and joiner symbols between characters removed.

    A full stop followed by a space, or a line break, still ends a sentence ("不聊了. 狼人杀"
    must not read as one phrase); a dot between two characters ("自.杀") is a disguise.
    """
    return _HAN_JOINERS.sub("", _HAN_SENTENCE_END.sub("。", base))


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` once and derive every view the detector needs.

    Views a message cannot use are left empty: an all-Chinese message has no ``latin`` or
    ``pinyin`` view worth scanning, an all-English one no ``han`` view.
    """
    base = fold(text)
    has_cjk = bool(_HAS_CJK.search(base))
    has_latin = bool(_HAS_LATIN.search(base))
    if has_latin:
        latin = latin_view(base)
        # Without tone digits the latin view reads pinyin as well (saves a pass on long posts).
        pinyin = pinyin_view(base) if _PINYIN_DIFFERS.search(base) else latin
    else:
        latin = pinyin = ""
    # Digit-only messages ("886", "88") are Chinese farewells, so they get a han view too.
    han = han_view(base) if has_cjk or not has_latin else ""
    return NormalizedText(text, base, latin, pinyin, han, has_cjk, has_latin)
