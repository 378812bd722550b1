"""What the child's message is about: one intent, chosen by priority, in well under a millisecond.

Patterns live in ``resources/companion/intents.<lang>.json`` next to the replies, so a
translator can see both. Each intent's patterns are compiled into one alternation; English
patterns get word boundaries added here, so the data stays free of regex noise. The order of
:class:`Intent` is the priority: honesty about being an AI (R4) and refusing intimate roles
(R12) come before anything playful, feelings come before topics, small talk comes last.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from desktop.companion.builtin.language import squeeze
from desktop.resources import load_json


class Intent(StrEnum):
    # Safety is decided before the backend is called (desktop/safety); these two are a second
    # line, so that a missed crisis message is never met with small talk (R19, R21, R18).
    DISTRESS = "distress"
    OFF_LIMITS = "off_limits"
    IDENTITY = "identity"  # "are you real?" (R4)
    ABOUT_ME = "about_me"
    ROMANTIC_ROLE = "romantic_role"  # R12
    FAMILY_ROLE = "family_role"  # R12
    AFFECTION = "affection"  # over-attachment: answered honestly, pointing to real people (R21)
    PERSONAL_INFO = "personal_info"  # the child starts to share private data (R23)
    MONEY = "money"  # paying, topping up, sending money: check with a grown-up first (R19)
    RECALL = "recall"  # decided by memory.py
    SAD = "sad"
    WORRIED = "worried"
    ANGRY = "angry"
    HOMEWORK = "homework"  # decided by homework.py
    JOKE = "joke"
    STORY = "story"
    FUN_FACT = "fun_fact"
    SHARE = "share"  # the child told a fact about themselves; decided by memory.py
    TIRED = "tired"
    BORED = "bored"
    HAPPY = "happy"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    HOW_ARE_YOU = "how_are_you"
    ASK_OPINION = "ask_opinion"
    MORE = "more"
    YES = "yes"
    NO = "no"
    SCHOOL = "school"
    FRIENDS = "friends"
    FAMILY = "family"
    ANIMALS = "animals"
    HOBBIES = "hobbies"
    GAMES = "games"
    FOOD = "food"
    WEATHER = "weather"
    MUSIC = "music"
    BOOKS = "books"
    SPORTS = "sports"
    DREAMS = "dreams"
    SCIENCE = "science"
    GREETING = "greeting"
    FALLBACK = "fallback"


#: Intents that other modules decide (their patterns are richer than a keyword list).
DECIDED_ELSEWHERE = frozenset({Intent.RECALL, Intent.HOMEWORK, Intent.SHARE, Intent.FALLBACK})

#: Also matched against the squeezed text ("s u i c i d e", "su1c1de").
DISGUISABLE = frozenset({Intent.DISTRESS, Intent.OFF_LIMITS})

#: Feelings can be negated ("I'm not sad"); a negated hit does not count.
NEGATABLE = frozenset(
    {Intent.SAD, Intent.WORRIED, Intent.ANGRY, Intent.TIRED, Intent.BORED, Intent.HAPPY}
)

_NEGATORS = {
    "en": re.compile(r"(?:\bnot|n't|\bnever|\bno longer|\bnot that)\s+(?:\w+\s+)?$", re.I),
    "zh": re.compile(r"(?:不|没|别|不太|没有)$"),
}


@dataclass(frozen=True)
class IntentMatch:
    intent: Intent
    #: Named groups of the pattern that matched, e.g. ``role`` for R12 refusals.
    groups: Mapping[str, str] = field(default_factory=dict)
    #: The message also opened with a greeting ("hi! I got a puppy").
    greeted: bool = False


def _unique_groups(pattern: str, index: int) -> str:
    """Suffix named groups so several patterns may all use ``(?P<role>…)`` in one alternation."""
    return re.sub(r"\(\?P<(\w+)>", rf"(?P<\1__{index}>", pattern)


def _compile(pattern: str, word_bounded: bool) -> re.Pattern:
    if word_bounded:
        pattern = rf"(?<![a-z0-9'])(?:{pattern})(?![a-z0-9])"
    return re.compile(pattern, re.IGNORECASE)


class IntentMatcher:
    """Keyword/regex classification for one language, built once and reused (stateless)."""

    def __init__(self, language: str):
        data = load_json("companion", f"intents.{language}.json")
        bounded = data.get("word_boundaries", False)
        self.language = language
        self._negator = _NEGATORS[language]
        compiled: dict[Intent, re.Pattern] = {}
        for key, spec in data["intents"].items():
            intent = Intent(key)
            patterns = spec.get("patterns", [])
            if patterns:
                joined = "|".join(f"(?:{_unique_groups(p, i)})" for i, p in enumerate(patterns))
                compiled[intent] = _compile(joined, bounded)
        self._patterns = MappingProxyType(compiled)
        self._greeting_start = _compile("^(?:" + "|".join(data["greeting_start"]) + ")", bounded)

    def search(self, intent: Intent, text: str) -> re.Match | None:
        """First hit of the intent's patterns; negated feelings are skipped."""
        pattern = self._patterns.get(intent)
        if pattern is None:
            return None
        if intent in DISGUISABLE:
            return pattern.search(text) or pattern.search(squeeze(text))
        for match in pattern.finditer(text):
            if intent in NEGATABLE and self._negator.search(text[: match.start()]):
                continue
            return match
        return None

    def greeted(self, text: str) -> bool:
        return self._greeting_start.search(text) is not None

    def classify(
        self, text: str, *, recall: bool = False, share: bool = False, homework: bool = False
    ) -> IntentMatch:
        """The highest-priority intent of ``text`` (already normalised).

        The flags say what memory.py and homework.py found; they slot into the same priority
        order as the keyword intents.
        """
        decided = {Intent.RECALL: recall, Intent.SHARE: share, Intent.HOMEWORK: homework}
        for intent in Intent:
            if intent in decided:
                if decided[intent]:
                    return IntentMatch(intent, greeted=self.greeted(text))
                continue
            match = self.search(intent, text)
            if match is not None:
                groups = {k.split("__")[0]: v for k, v in match.groupdict().items() if v}
                return IntentMatch(intent, groups, greeted=self.greeted(text))
        return IntentMatch(Intent.FALLBACK, greeted=self.greeted(text))


@cache
def matcher(language: str) -> IntentMatcher:
    return IntentMatcher(language)
