"""Crisis lines and the calm message for the crisis card (R20), read from resources/crisis/.

The card must work offline, in both languages, and never be blocked by limits, so it is plain
data with no network or database behind it. Each line carries the date it was last verified;
the profile's region comes first, and every region's lines are always shown (a family may live
in one country and speak the other's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from desktop.resources import load_json
from desktop.safety.replies import language_of


class ContactKind(StrEnum):
    CALL = "call"
    TEXT = "text"
    CALL_TEXT = "call_text"

    @property
    def can_call(self) -> bool:
        return self in (ContactKind.CALL, ContactKind.CALL_TEXT)

    @property
    def can_text(self) -> bool:
        return self in (ContactKind.TEXT, ContactKind.CALL_TEXT)


@dataclass(frozen=True)
class Hotline:
    region: str
    number: str
    name_en: str
    name_zh: str
    hours_en: str
    hours_zh: str
    kind: ContactKind
    available_24h: bool
    note_en: str
    note_zh: str
    last_verified: date

    def name(self, lang: str) -> str:
        return self.name_zh if language_of(lang) == "zh" else self.name_en

    def hours(self, lang: str) -> str:
        return self.hours_zh if language_of(lang) == "zh" else self.hours_en

    def note(self, lang: str) -> str:
        return self.note_zh if language_of(lang) == "zh" else self.note_en

    @property
    def dial(self) -> str:
        """The number with separators removed, for tel: links."""
        return "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


@dataclass(frozen=True)
class CrisisCard:
    """What the card shows: a calm title and message, then the lines, region first."""

    title: str
    message: str
    hotlines: tuple[Hotline, ...]
    last_verified: date


@cache
def _data() -> dict:
    return load_json("crisis", "hotlines.json")


@cache
def all_hotlines() -> tuple[Hotline, ...]:
    """Every line in file order (the order within a region is the order shown)."""
    return tuple(
        Hotline(
            region=entry["region"],
            number=entry["number"],
            name_en=entry["name"]["en"],
            name_zh=entry["name"]["zh"],
            hours_en=entry["hours"]["en"],
            hours_zh=entry["hours"]["zh"],
            kind=ContactKind(entry["kind"]),
            available_24h=bool(entry["available_24h"]),
            note_en=entry.get("note", {}).get("en", ""),
            note_zh=entry.get("note", {}).get("zh", ""),
            last_verified=date.fromisoformat(entry["last_verified"]),
        )
        for entry in _data()["hotlines"]
    )


def regions() -> tuple[str, ...]:
    return tuple(_data()["regions"])


def region_for(locale: str | None) -> str:
    """The region whose lines come first for a locale.

    A country in the locale wins when there are lines for it ("en_US" -> US, "zh_CN" -> CN);
    otherwise the language decides: Chinese -> CN, anything else -> US.
    """
    known = regions()
    if locale:
        parts = locale.replace("-", "_").split("_")
        for part in parts[1:]:
            if part.upper() in known:
                return part.upper()
    return "CN" if language_of(locale) == "zh" else "US"


def hotlines_for(locale: str | None) -> list[Hotline]:
    """All lines, the locale's region first, then the other regions in file order."""
    first = region_for(locale)
    order = [first] + [r for r in regions() if r != first]
    lines = all_hotlines()
    return [line for region in order for line in lines if line.region == region]


def calm_message(lang: str | None) -> tuple[str, str]:
    """(title, body) of the calm message shown above the lines."""
    message = _data()["calm_message"]
    key = language_of(lang)
    return message["title"][key], message["body"][key]


def crisis_card(locale: str | None, lang: str | None = None) -> CrisisCard:
    """Everything the card needs; ``lang`` defaults to the locale's language."""
    title, body = calm_message(lang or locale)
    lines = tuple(hotlines_for(locale))
    return CrisisCard(title, body, lines, min(line.last_verified for line in lines))
