"""The reply texts of one language, loaded once from ``resources/companion/``.

Everything a child reads comes from JSON so it can be reviewed and translated without touching
code: per-intent replies and follow-up questions, jokes, stories, fun facts, persona styles
and the shared phrases (greeting openers, fallback lines, offers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from desktop.companion.builtin.intents import Intent
from desktop.companion.builtin.templates import Template, parse_all
from desktop.resources import load_json


class OfferKind(StrEnum):
    """Things the companion can offer and then deliver when the child says "yes"."""

    JOKE = "joke"
    STORY = "story"
    FACT = "fact"


@dataclass(frozen=True)
class IntentSpec:
    replies: tuple[Template, ...]
    young: tuple[Template, ...] = ()
    followups: tuple[Template, ...] = ()
    young_followups: tuple[Template, ...] = ()

    def lines(self, young: bool) -> tuple[Template, ...]:
        """Under-8s get the simpler lines when the intent has them."""
        return self.young if young and self.young else self.replies

    def questions(self, young: bool) -> tuple[Template, ...]:
        return self.young_followups if young and self.young_followups else self.followups


@dataclass(frozen=True)
class Story:
    title: str
    text: Template
    #: Who the story is about when the child's name is unknown ("a little fox called Pip").
    hero: str
    #: The short form used after the first mention ("Pip").
    hero_short: str


@dataclass(frozen=True)
class PersonaStyle:
    """How a persona flavours replies: openers, what it offers, extra lines for some intents."""

    openers: tuple[Template, ...] = ()
    opener_chance: float = 0.0
    offer: OfferKind = OfferKind.JOKE
    offer_chance: float = 0.0
    fact_intents: frozenset[Intent] = frozenset()
    fact_chance: float = 0.0
    extras: dict[Intent, tuple[Template, ...]] = field(default_factory=dict)
    extra_chance: float = 0.0


@dataclass(frozen=True)
class Phrases:
    joiner: str
    greeting_prefix: tuple[Template, ...]
    generic_followups: tuple[Template, ...]
    fallback_topic: tuple[Template, ...]
    fallback_topic_followups: tuple[Template, ...]
    fallback_plain: tuple[Template, ...]
    fallback_plain_followups: tuple[Template, ...]
    #: For small talk with nothing to reflect ("ok", "lol"): no "what happened next?".
    fallback_filler: tuple[Template, ...]
    fallback_concerned: tuple[Template, ...]
    fallback_concerned_followups: tuple[Template, ...]
    fact_lead: tuple[Template, ...]
    offers: dict[OfferKind, tuple[Template, ...]]
    #: Words whose presence in the previous reply's last question means "an offer of X".
    offer_markers: dict[OfferKind, tuple[str, ...]]
    #: A message that is only laughter ("haha", "哈哈哈"), and what to say to it.
    laughter: re.Pattern | None = None
    laughter_replies: tuple[Template, ...] = ()
    laughter_followups: tuple[Template, ...] = ()
    #: In the previous reply's last question, "another one" of what it just told ("再听一个").
    another_markers: tuple[str, ...] = ()
    #: A line that starts with one of these ("Ooh, animals!") gets no persona opener before it.
    interjections: tuple[str, ...] = ()

    def starts_with_interjection(self, line: str) -> bool:
        head = line.lstrip().lower()
        return any(head.startswith(word) and not head[len(word) : len(word) + 1].isalnum()
                   for word in self.interjections)


@dataclass(frozen=True)
class LanguagePack:
    language: str
    intents: dict[Intent, IntentSpec]
    phrases: Phrases
    jokes: tuple[str, ...]
    stories: tuple[Story, ...]
    facts: tuple[str, ...]
    personas: dict[str, PersonaStyle]

    def spec(self, intent: Intent) -> IntentSpec:
        return self.intents.get(intent) or IntentSpec(replies=())

    def persona(self, persona_id: str) -> PersonaStyle:
        """Unknown persona ids fall back to the friendly "buddy" style."""
        return self.personas.get(persona_id) or self.personas["buddy"]


def _intent_specs(data: dict) -> dict[Intent, IntentSpec]:
    specs = {}
    for key, raw in data["intents"].items():
        specs[Intent(key)] = IntentSpec(
            replies=parse_all(raw.get("replies")),
            young=parse_all(raw.get("young")),
            followups=parse_all(raw.get("followups")),
            young_followups=parse_all(raw.get("young_followups")),
        )
    return specs


def _phrases(data: dict) -> Phrases:
    laugh = data.get("laughter", {})
    return Phrases(
        joiner=data["joiner"],
        greeting_prefix=parse_all(data["greeting_prefix"]),
        generic_followups=parse_all(data["generic_followups"]),
        fallback_topic=parse_all(data["fallback_topic"]),
        fallback_topic_followups=parse_all(data["fallback_topic_followups"]),
        fallback_plain=parse_all(data["fallback_plain"]),
        fallback_plain_followups=parse_all(data["fallback_plain_followups"]),
        fallback_filler=parse_all(data["fallback_filler"]),
        fallback_concerned=parse_all(data["fallback_concerned"]),
        fallback_concerned_followups=parse_all(data["fallback_concerned_followups"]),
        fact_lead=parse_all(data["fact_lead"]),
        offers={OfferKind(k): parse_all(v) for k, v in data["offers"].items()},
        offer_markers={OfferKind(k): tuple(v) for k, v in data["offer_markers"].items()},
        laughter=re.compile(laugh["pattern"], re.IGNORECASE) if laugh.get("pattern") else None,
        laughter_replies=parse_all(laugh.get("replies")),
        laughter_followups=parse_all(laugh.get("followups")),
        another_markers=tuple(data.get("another_markers", ())),
        interjections=tuple(w.lower() for w in data.get("interjections", ())),
    )


def _personas(data: dict) -> dict[str, PersonaStyle]:
    styles = {}
    for persona_id, raw in data["personas"].items():
        styles[persona_id] = PersonaStyle(
            openers=parse_all(raw.get("openers")),
            opener_chance=float(raw.get("opener_chance", 0.0)),
            offer=OfferKind(raw.get("offer", "joke")),
            offer_chance=float(raw.get("offer_chance", 0.0)),
            fact_intents=frozenset(Intent(i) for i in raw.get("fact_intents", [])),
            fact_chance=float(raw.get("fact_chance", 0.0)),
            extras={Intent(k): parse_all(v) for k, v in raw.get("extras", {}).items()},
            extra_chance=float(raw.get("extra_chance", 0.0)),
        )
    return styles


def _stories(data: dict) -> tuple[Story, ...]:
    return tuple(
        Story(s["title"], Template.parse(s["text"]), s["hero"], s["hero_short"])
        for s in data["stories"]
    )


@cache
def language_pack(language: str) -> LanguagePack:
    """All texts of ``language`` ("en" or "zh"), parsed once per process."""

    def read(kind: str) -> dict:
        return load_json("companion", f"{kind}.{language}.json")

    return LanguagePack(
        language=language,
        intents=_intent_specs(read("intents")),
        phrases=_phrases(read("phrases")),
        jokes=tuple(read("jokes")["jokes"]),
        stories=_stories(read("stories")),
        facts=tuple(read("facts")["facts"]),
        personas=_personas(read("personas")),
    )
