"""``assess(text)``: which risk categories a message carries, how serious, and why.

The detector is rules, not a model: normalised views of the message (see
:mod:`desktop.safety.normalize`) are scanned by the compiled lexicons (see
:mod:`desktop.safety.lexicon`). Idioms, negations and harmless look-alikes are blanked out first
(``_masks.txt``), so "this homework is killing me" or 笑死我了 never reach the self-harm rules.
Rules are auditable, need no download, run in well under a millisecond for a chat message, and a
reviewer can add a phrase without retraining anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.safety.categories import Category, Tier
from desktop.safety.lexicon import compiled_scripts
from desktop.safety.normalize import NormalizedText, normalize
from desktop.safety.policy import tier_policy
from desktop.safety.scanner import Evidence, scan

__all__ = ["Assessment", "Evidence", "assess", "guess_language"]


@dataclass(frozen=True, slots=True)
class Assessment:
    """The detector's verdict on one message.

    ``tier`` follows the *minor* policy (the strictest); :func:`plan_intervention` recomputes it
    for adults. ``categories`` is ``{Category.NONE}`` when nothing was found.
    """

    tier: Tier
    categories: frozenset[Category]
    evidence: tuple[Evidence, ...]
    lang: str

    def has(self, category: Category) -> bool:
        return category in self.categories

    @property
    def is_risky(self) -> bool:
        return self.tier > Tier.NONE

    def subtypes(self, category: Category) -> frozenset[str]:
        return frozenset(e.subtype for e in self.evidence if e.category is category)


def guess_language(norm: NormalizedText) -> str:
    """ "zh" when the message has Chinese characters, otherwise "en" (pinyin counts as en)."""
    return "zh" if norm.has_cjk else "en"


def _with_implied(found: list[Evidence]) -> tuple[Evidence, ...]:
    """Add the categories a finding also shows (tiers.json "implies"), citing the same rule.

    Passive ideation ("I wish I was dead") is hopelessness as well as self-harm, so the support
    a guardian reads about names both; the tier is unchanged because self-harm is the higher one.
    """
    policy = tier_policy()
    present = {e.category for e in found}
    extra: list[Evidence] = []
    for e in found:
        for category in policy.implied_by(e.category, e.subtype):
            if category not in present:
                present.add(category)
                extra.append(Evidence(category, "implied", e.rule, e.matched))
    return tuple(found + extra)


def assess(text: str, lang: str | None = None) -> Assessment:
    """Assess one message in English, Chinese (Simplified, Traditional, pinyin) or a mix.

    ``lang`` is a hint for the caller's replies only; every script's rules always run because
    children mix languages ("我想die") and pinyin carries Chinese meaning in Latin letters.
    """
    norm = normalize(text)
    evidence = _with_implied(scan(norm, compiled_scripts()))
    categories = frozenset(e.category for e in evidence) or frozenset({Category.NONE})
    tier = tier_policy().highest((e.category, e.subtype) for e in evidence)
    return Assessment(tier, categories, evidence, lang or guess_language(norm))
