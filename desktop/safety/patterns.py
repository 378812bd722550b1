"""Turn one lexicon line into the regular expression that is compiled (see lexicon.py).

The lexicon files are written for people: plain words, ``{MACROS}``, and spaces between words.
This module adds what the normaliser's views need: a space also matches no space ("killmyself"),
a doubled letter also matches a single one (the normaliser squeezes "killll" to "kil"), and each
pattern is bounded by word edges. It also works out whether a rule is tied to the start or the
end of the message, which the windowed scan needs to know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.safety.prefilter import sre_c, sre_parse

_MACRO_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@dataclass(frozen=True)
class Script:
    """How the patterns of one lexicon folder are matched."""

    name: str
    view: str  # attribute of NormalizedText
    spaces_optional: bool
    word_bounded: bool
    relax_doubles: bool
    mask_replacement: str
    #: Shortest literal worth indexing: three letters in Latin script, one Chinese character.
    min_literal: int
    #: Characters that end a sentence in this view (the windowed scan stops there).
    sentence_breaks: str


SCRIPTS: tuple[Script, ...] = (
    Script(
        "en",
        "latin",
        spaces_optional=True,
        word_bounded=True,
        relax_doubles=True,
        mask_replacement=" , ",
        min_literal=2,
        sentence_breaks=".",
    ),
    Script(
        "pinyin",
        "pinyin",
        spaces_optional=True,
        word_bounded=True,
        relax_doubles=False,
        mask_replacement=" , ",
        min_literal=3,
        sentence_breaks=".",
    ),
    Script(
        "zh",
        "han",
        spaces_optional=False,
        word_bounded=False,
        relax_doubles=False,
        mask_replacement="，",
        min_literal=1,
        sentence_breaks="。!?;…\n",
    ),
    Script(
        "raw",
        "base",
        spaces_optional=False,
        word_bounded=False,
        relax_doubles=False,
        mask_replacement=" ",
        min_literal=3,
        sentence_breaks=".!?;。\n",
    ),
)


def expand_macros(pattern: str, macros: dict[str, str], where: str = "") -> str:
    """Replace ``{NAME}`` references (macros may use other macros) with ``(?:body)``."""
    for _ in range(10):
        expanded = _MACRO_REF.sub(lambda m: _macro(m, macros, where), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"{where}: macros nest too deeply")


def _macro(match: re.Match[str], macros: dict[str, str], where: str) -> str:
    name = match.group(1)
    if name not in macros:
        raise ValueError(f"{where}: unknown macro {{{name}}}")
    return f"(?:{macros[name]})"


#: Words whose squeezed form is another common word ("ass" -> "as", "off" -> "of"): kept exact.
_NO_RELAX = frozenset(
    {
        "ass",
        "butt",
        "off",
        "too",
        "all",
        "good",
        "feel",
        "see",
        "been",
        "need",
        "well",
        "will",
        "tell",
        "sell",
        "fell",
        "bee",
        "free",
        "fee",
        "wee",
        "boo",
        "moo",
        "inn",
        "add",
        "odd",
        "err",
        "egg",
        "ill",
        "mall",
        "xxx",
    }
)


def _literal_word(pattern: str, i: int) -> str:
    """The run of plain letters around position ``i`` of a pattern (for the stop list)."""
    start = i
    while (
        start > 0
        and pattern[start - 1].isalpha()
        and pattern[start - 1].islower()
        and (start < 2 or pattern[start - 2] != "\\")
    ):
        start -= 1
    end = i
    while end < len(pattern) and pattern[end].isalpha() and pattern[end].islower():
        end += 1
    return pattern[start:end]


def relax_doubles(pattern: str) -> str:
    """Let a doubled ASCII letter in the literal parts of ``pattern`` also match one letter."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
        elif ch == "[":
            end = pattern.index("]", i + 2 if pattern[i + 1 : i + 2] == "]" else i + 1)
            out.append(pattern[i : end + 1])
            i = end + 1
        elif ch == "{" and (close := pattern.find("}", i)) != -1:
            out.append(pattern[i : close + 1])
            i = close + 1
        elif (
            "a" <= ch <= "z"
            and i + 1 < n
            and pattern[i + 1] == ch
            and (i + 2 >= n or pattern[i + 2] not in "*+?{")
            and _literal_word(pattern, i) not in _NO_RELAX
        ):
            out.append(f"{ch}{{1,2}}")
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _split_lookbehinds(pattern: str) -> list[tuple[bool, str]]:
    """Cut ``pattern`` into (is_lookbehind, text) pieces; lookbehinds must stay fixed-width."""
    pieces: list[tuple[bool, str]] = []
    i = start = 0
    while True:
        i = min(
            (j for j in (pattern.find("(?<=", start), pattern.find("(?<!", start)) if j != -1),
            default=-1,
        )
        if i == -1:
            pieces.append((False, pattern[start:]))
            return pieces
        pieces.append((False, pattern[start:i]))
        depth, j = 0, i
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            if pattern[j] == "(":
                depth += 1
            elif pattern[j] == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        pieces.append((True, pattern[i : j + 1]))
        start = j + 1


def optional_spaces(pattern: str) -> str:
    """Let a space between words also match nothing ("kill myself" finds "killmyself").

    Spaces inside character classes are left alone, and a space right after a character class
    or quantifier (``[a-z ]{0,40} street``) stays required: otherwise "have" would end in "ave"
    (avenue) and a rule could match in the middle of a word.
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == " " and not (
            out
            and (
                out[-1][-1:] in ("]", "}", "*", "+")
                or (out[-1] == "?" and len(out) > 1 and out[-2] == ")")
            )
        ):
            out.append(" ?")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _loosen(pattern: str, script: Script) -> str:
    # Spaces first: a "{1,2}" added for a doubled letter must not make the next space required.
    if script.spaces_optional:
        pattern = optional_spaces(pattern)
    if script.relax_doubles:
        pattern = relax_doubles(pattern)
    return pattern


def prepare(pattern: str, script: Script, macros: dict[str, str], where: str = "") -> str:
    """Turn one lexicon line into the regular expression actually compiled."""
    pattern = expand_macros(pattern, macros, where)
    pattern = "".join(
        piece if fixed else _loosen(piece, script) for fixed, piece in _split_lookbehinds(pattern)
    )
    if script.word_bounded:
        pattern = f"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{where}: {exc}") from exc
    if compiled.groups:
        raise ValueError(f"{where}: use (?:...) instead of capturing groups")
    return pattern


def _pinned(items, at_code, *, last: bool) -> bool:
    """Whether every match of a parsed sequence starts (ends) at ^ ($)."""
    sequence = list(items)
    for op, av in reversed(sequence) if last else sequence:
        if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue
        if op is sre_c.AT:
            return av is at_code
        if op is sre_c.SUBPATTERN:
            return _pinned(av[-1], at_code, last=last)
        if op is sre_c.BRANCH:
            return all(_pinned(alt, at_code, last=last) for alt in av[1])
        return False
    return False


def anchor_of(pattern: str) -> str | None:
    """ "start" or "end" when every match of ``pattern`` is tied to that edge of the text."""
    parsed = sre_parse.parse(pattern)
    if _pinned(parsed, sre_c.AT_BEGINNING, last=False):
        return "start"
    if _pinned(parsed, sre_c.AT_END, last=True):
        return "end"
    return None
