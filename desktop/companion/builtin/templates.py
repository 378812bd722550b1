"""Reply templates: a line with named slots, and the seeded choice among several of them.

A template names the facts it needs ("{pet_name}"); it is only eligible when every one is
known, so a reply never shows a hole or a made-up name. The choice avoids any line already
present in the previous reply (ignoring case), which is what keeps the companion from repeating
itself.
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Template:
    text: str
    fields: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> Template:
        fields = frozenset(name for _, name, _, _ in _FORMATTER.parse(text) if name)
        return cls(text, fields)

    def fits(self, slots: Mapping[str, str]) -> bool:
        return self.fields <= slots.keys()

    def fill(self, slots: Mapping[str, str]) -> str:
        return self.text.format_map(slots)


def parse_all(raw: Iterable[str] | None) -> tuple[Template, ...]:
    return tuple(Template.parse(text) for text in raw or ())


def with_capitals(slots: Mapping[str, str]) -> dict[str, str]:
    """Add "Topic" next to "topic" (first letter upper-cased) for sentence-initial slots."""
    out = dict(slots)
    for key, value in slots.items():
        if key[:1].islower() and value:
            out.setdefault(key[:1].upper() + key[1:], value[:1].upper() + value[1:])
    return out


def choose(
    rng: random.Random,
    pool: Sequence[Template],
    slots: Mapping[str, str],
    *,
    avoid: str = "",
    reject=None,
) -> str | None:
    """One filled template that fits ``slots``, preferring lines not already in ``avoid``.

    ``reject`` (a predicate on the filled text) removes unsafe lines outright, e.g. a homework
    hint that would reveal the answer. None when nothing fits.
    """
    filled = [t.fill(slots) for t in pool if t.fits(slots)]
    if reject is not None:
        filled = [line for line in filled if not reject(line)]
    if not filled:
        return None
    seen = avoid.casefold()
    fresh = [line for line in filled if line.casefold() not in seen] if avoid else filled
    return rng.choice(fresh or filled)
