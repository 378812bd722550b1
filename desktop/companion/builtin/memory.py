"""What the child has told the companion about themselves, re-read from the history every turn.

The companion object keeps no state: memory is derived from the user messages it is given, so
reopening an old conversation (or restarting Hearth) remembers exactly what that conversation
holds. Only what the child chose to say is kept — a name, pets, favourites, a hobby — never
anything the companion asked for (R23: it never asks for personal information).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from desktop.companion.builtin.language import detect_language, normalize
from desktop.companion.builtin.templates import Template, parse_all
from desktop.resources import load_json

MAX_LIKES = 3


class FactKind(StrEnum):
    NAME = "name"
    PET = "pet"
    FAVOURITE = "favourite"
    HOBBY = "hobby"
    LIKE = "like"


class Favourite(StrEnum):
    ANIMAL = "animal"
    COLOUR = "colour"
    FOOD = "food"
    GAME = "game"
    SPORT = "sport"
    BOOK = "book"
    SONG = "song"
    SUBJECT = "subject"
    MOVIE = "movie"


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    value: str
    favourite: Favourite | None = None
    pet_kind: str = ""


@dataclass(frozen=True)
class Pet:
    kind: str
    name: str


@dataclass
class ChildMemory:
    name: str | None = None
    pets: list[Pet] = field(default_factory=list)
    favourites: dict[Favourite, str] = field(default_factory=dict)
    hobby: str | None = None
    likes: list[str] = field(default_factory=list)

    def remember(self, fact: Fact) -> None:
        """Later statements win: "my favourite colour is red" then "…is blue" gives blue."""
        if fact.kind is FactKind.NAME:
            self.name = fact.value
        elif fact.kind is FactKind.PET:
            self.pets = [p for p in self.pets if p.name != fact.value]
            self.pets.append(Pet(fact.pet_kind, fact.value))
        elif fact.kind is FactKind.FAVOURITE and fact.favourite is not None:
            self.favourites[fact.favourite] = fact.value
        elif fact.kind is FactKind.HOBBY:
            self.hobby = fact.value
        elif fact.kind is FactKind.LIKE:
            self.likes = [x for x in self.likes if x != fact.value][-(MAX_LIKES - 1) :]
            self.likes.append(fact.value)

    def pet(self, kind: str = "") -> Pet | None:
        for pet in reversed(self.pets):
            if not kind or pet.kind == kind:
                return pet
        return self.pets[-1] if self.pets else None

    def slots(self) -> dict[str, str]:
        """Template slots for what is known (a template needing an unknown slot is skipped)."""
        slots: dict[str, str] = {}
        pet = self.pet()
        if pet is not None:
            slots["pet_name"], slots["pet_kind"] = pet.name, pet.kind
        for favourite, value in self.favourites.items():
            slots[favourite.value] = value
        if self.hobby:
            slots["hobby"] = self.hobby
        if self.likes:
            slots["like"] = self.likes[-1]
        return slots


@dataclass(frozen=True)
class RecallQuestion:
    """ "What's my name?" and friends; ``kind`` None means "what do you know about me?"."""

    kind: FactKind | None
    favourite: Favourite | None = None
    pet_kind: str = ""


@dataclass(frozen=True)
class _Rule:
    kind: FactKind
    pattern: re.Pattern
    weak: bool = False  # "I'm Tom": only a name if the word is not a known non-name


class MemoryReader:
    """Fact extraction and the memory texts of one language."""

    def __init__(self, language: str):
        data = load_json("companion", f"memory.{language}.json")
        self.language = language
        self._pet_kinds: dict[str, str] = data["pet_kinds"]
        self._favourite_kinds = {k: Favourite(v) for k, v in data["favourite_kinds"].items()}
        self._not_names = {w.lower() for w in data["not_names"]}
        self._not_likes = tuple(w.lower() for w in data["not_likes"])
        self._hobby_words = {w.lower() for w in data["hobby_words"]}
        self._hobby_prefixes = tuple(data.get("hobby_prefixes", []))
        self._hobby_suffixes = tuple(data.get("hobby_suffixes", []))
        self._weak_suffixes = tuple(data.get("weak_suffixes", []))
        self._not_name_prefixes = tuple(data.get("not_name_prefixes", []))
        self._trim = re.compile(data["trim"], re.IGNORECASE)
        self._swaps = data.get("swaps", {})
        placeholders = dict(data["placeholders"])
        placeholders["pet"] = _alternation(self._pet_kinds)
        placeholders["fav"] = _alternation(self._favourite_kinds)
        self._rules = [
            _Rule(FactKind(r["kind"]), _compile(r["pattern"], placeholders), r.get("weak", False))
            for r in data["rules"]
        ]
        self._recall = [
            (
                FactKind(r["kind"]) if r["kind"] != "all" else None,
                _compile(r["pattern"], placeholders),
            )
            for r in data["recall_patterns"]
        ]
        self.favourite_words = {Favourite(k): v for k, v in data["favourite_words"].items()}
        self.ack = {FactKind(k): parse_all(v) for k, v in data["ack"].items()}
        self.ack_followups = {FactKind(k): parse_all(v) for k, v in data["ack_followups"].items()}
        self.recall_known = {k: parse_all(v) for k, v in data["recall"]["known"].items()}
        self.recall_unknown = {k: parse_all(v) for k, v in data["recall"]["unknown"].items()}
        self.fact_phrases = {
            FactKind(k): Template.parse(v) for k, v in data["fact_phrases"].items()
        }
        self.list_separator = data["list_separator"]
        self.list_last = data["list_last"]
        self.callbacks = {k: parse_all(v) for k, v in data["callbacks"].items()}

    # -- reading facts ---------------------------------------------------------------------
    def facts(self, text: str) -> list[Fact]:
        """Facts stated in one (normalised) message, in the order of the rules."""
        found: list[Fact] = []
        taken: list[tuple[int, int]] = []
        for rule in self._rules:
            for match in rule.pattern.finditer(text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                fact = self._fact(rule, match)
                if fact is not None:
                    found.append(fact)
                    taken.append(match.span())
                    break
        return found

    def _fact(self, rule: _Rule, match: re.Match) -> Fact | None:
        groups = match.groupdict()
        if rule.kind is FactKind.NAME:
            name = self._clean(groups["name"])
            if not self._plausible_name(name):
                return None
            if rule.weak and name.islower() and name.endswith(self._weak_suffixes):
                return None  # "i'm drawing": a lower-case word that looks like a verb or adjective
            if rule.weak and self._not_name_prefixes and name.startswith(self._not_name_prefixes):
                return None  # "我是说…", "我是在…": a verb or particle, not a name
            return Fact(FactKind.NAME, name[:1].upper() + name[1:])
        if rule.kind is FactKind.PET:
            name = self._clean(groups["name"])
            if not self._plausible_name(name):
                return None
            kind = self._pet_kinds.get(groups["kind"].lower(), groups["kind"])
            return Fact(FactKind.PET, name[:1].upper() + name[1:], pet_kind=kind)
        value = self._swap(self._clean(groups.get("value") or ""))
        if not value or self._excluded(value):
            return None
        if rule.kind is FactKind.FAVOURITE:
            return Fact(
                FactKind.FAVOURITE, value, favourite=self._favourite_kinds[groups["kind"].lower()]
            )
        if rule.kind is FactKind.HOBBY or self._is_hobby(value):
            return Fact(FactKind.HOBBY, value)
        return Fact(FactKind.LIKE, value)

    def _excluded(self, value: str) -> bool:
        """ "I love you", "I like it", "我喜欢你": not facts worth remembering."""
        lowered = value.lower()
        first = lowered.split(" ")[0]
        return any(
            first == w or (not w.isascii() and lowered.startswith(w)) for w in self._not_likes
        )

    def _clean(self, value: str) -> str:
        return self._trim.sub("", value.strip()).strip()

    def _swap(self, value: str) -> str:
        """ "my bike" is "your bike" when the companion says it back."""
        words = value.split(" ")
        return " ".join(self._swaps.get(w.lower(), w) for w in words)

    def _plausible_name(self, name: str) -> bool:
        lowered = name.lower()
        if not name or lowered in self._not_names or any(ch.isdigit() for ch in name):
            return False
        return not any(
            bad in lowered for bad in self._not_names if len(bad) > 1 and not bad.isascii()
        )

    def _is_hobby(self, value: str) -> bool:
        lowered = value.lower()
        first = lowered.split(" ")[0]
        return (
            lowered in self._hobby_words
            or first in self._hobby_words
            or (bool(self._hobby_suffixes) and first.endswith(self._hobby_suffixes))
            or (bool(self._hobby_prefixes) and lowered.startswith(self._hobby_prefixes))
        )

    def recall_question(self, text: str) -> RecallQuestion | None:
        for kind, pattern in self._recall:
            match = pattern.search(text)
            if match is None:
                continue
            kinds = [v for k, v in match.groupdict().items() if k.startswith("kind") and v]
            raw_kind = kinds[0].lower() if kinds else ""
            if kind is FactKind.FAVOURITE:
                return RecallQuestion(
                    kind, favourite=self._favourite_kinds.get(raw_kind, Favourite.ANIMAL)
                )
            if kind is FactKind.PET:
                return RecallQuestion(kind, pet_kind=self._pet_kinds.get(raw_kind, ""))
            return RecallQuestion(kind)
        return None

    # -- speaking about memory ---------------------------------------------------------------
    def summary(self, memory: ChildMemory, name: str | None) -> str:
        """ "your name is Lily, you have a dog called Max and …" for "what do you know about me?"."""
        parts = []
        if name:
            parts.append(self.fact_phrases[FactKind.NAME].fill({"name": name}))
        for pet in memory.pets:
            parts.append(
                self.fact_phrases[FactKind.PET].fill({"pet_name": pet.name, "pet_kind": pet.kind})
            )
        for favourite, value in memory.favourites.items():
            word = self.favourite_words[favourite]
            parts.append(
                self.fact_phrases[FactKind.FAVOURITE].fill({"favourite_word": word, "value": value})
            )
        if memory.hobby:
            parts.append(self.fact_phrases[FactKind.HOBBY].fill({"hobby": memory.hobby}))
        for like in memory.likes:
            parts.append(self.fact_phrases[FactKind.LIKE].fill({"like": like}))
        if len(parts) <= 1:
            return "".join(parts)
        return self.list_separator.join(parts[:-1]) + self.list_last + parts[-1]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(pattern: str, placeholders: dict[str, str]) -> re.Pattern:
    for key, value in placeholders.items():
        pattern = pattern.replace("{" + key + "}", f"(?:{value})")
    return re.compile(pattern, re.IGNORECASE)


@cache
def memory_reader(language: str) -> MemoryReader:
    return MemoryReader(language)


def build_memory(user_texts: Iterable[str], default_language: str) -> ChildMemory:
    """Fold every user message, oldest first, into what the child has told us.

    Each message is read in its own language, so "我叫小明" is remembered in an English chat.
    Questions about memory ("what's my name?") are not statements and are skipped.
    """
    memory = ChildMemory()
    for raw in user_texts:
        text = normalize(raw)
        reader = memory_reader(detect_language(text, default_language))
        if reader.recall_question(text) is not None:
            continue
        for fact in reader.facts(text):
            memory.remember(fact)
    return memory
