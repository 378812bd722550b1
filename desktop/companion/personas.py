"""The persona catalogue and the one rule that decides who may talk to which persona.

Personas are data (``resources/personas/personas.json``). The rule lives here, in one function,
so the picker, the parental panel and the conversation service cannot disagree: anyone under 18
never gets a romantic partner or a family member (R12), whatever the file or the guardian says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop.resources import load_json


class Relationship(StrEnum):
    FRIEND = "friend"
    TUTOR = "tutor"
    STORYTELLER = "storyteller"
    GUIDE = "guide"
    ROMANTIC_PARTNER = "romantic_partner"
    FAMILY_MEMBER = "family_member"

    @property
    def is_intimate(self) -> bool:
        """Virtual intimate relationships that minors never get (R12, CN Art. 14)."""
        return self in (Relationship.ROMANTIC_PARTNER, Relationship.FAMILY_MEMBER)


ADULT_AGE = 18
DEFAULT_PERSONA_ID = "buddy"


@dataclass(frozen=True)
class Persona:
    id: str
    relationship: Relationship
    min_age: int
    icon: str
    names: dict[str, str]
    descriptions: dict[str, str]
    prompts: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names["en"]

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang) or self.descriptions["en"]

    def prompt(self, lang: str) -> str:
        return self.prompts.get(lang) or self.prompts["en"]

    def allowed_for_age(self, age: int) -> bool:
        if self.relationship.is_intimate and age < ADULT_AGE:
            return False
        return age >= self.min_age


def load_catalogue() -> list[Persona]:
    """Every persona in the resource file, in file order."""
    return [
        Persona(
            id=item["id"],
            relationship=Relationship(item["relationship"]),
            min_age=int(item["min_age"]),
            icon=item.get("icon", "persona-generic.svg"),
            names=dict(item["name"]),
            descriptions=dict(item["description"]),
            prompts=dict(item["prompt"]),
        )
        for item in load_json("personas", "personas.json")["personas"]
    ]


def personas_for(age: int, *, blocked: Iterable[str] = (), catalogue: list[Persona] | None = None) -> list[Persona]:
    """The personas a child of ``age`` may use, minus those the guardian blocked (R15)."""
    blocked_ids = set(blocked)
    return [
        p
        for p in (catalogue if catalogue is not None else load_catalogue())
        if p.allowed_for_age(age) and p.id not in blocked_ids
    ]


def persona_by_id(persona_id: str, catalogue: list[Persona] | None = None) -> Persona | None:
    for p in catalogue if catalogue is not None else load_catalogue():
        if p.id == persona_id:
            return p
    return None
