"""R19's tier ladder as data: which category (and subtype) is how serious, for minors and adults.

The numbers live in ``resources/safety/tiers.json`` so a reviewer can read and change the policy
without reading code; this module only parses it into typed lookups.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from desktop.resources import load_json
from desktop.safety.categories import Category, Tier


@dataclass(frozen=True)
class TierPolicy:
    minor: dict[str, Tier]
    adult: dict[str, Tier]
    alert_from: Tier
    #: "category.subtype" (or "category") -> the other categories such a finding also shows.
    implies: dict[str, tuple[Category, ...]] = field(default_factory=dict)

    def implied_by(self, category: Category, subtype: str = "") -> tuple[Category, ...]:
        """Categories a finding is also evidence of (passive ideation is hopelessness too)."""
        if subtype and f"{category.value}.{subtype}" in self.implies:
            return self.implies[f"{category.value}.{subtype}"]
        return self.implies.get(category.value, ())

    def tier_for(self, category: Category, subtype: str = "", *, is_minor: bool = True) -> Tier:
        """Tier of one finding; a ``category.subtype`` entry wins over the bare category."""
        table = self.minor if is_minor else self.adult
        if subtype and f"{category.value}.{subtype}" in table:
            return table[f"{category.value}.{subtype}"]
        if category.value in table:
            return table[category.value]
        # A subtype-only entry (personal_info.shared/.sought): take the strictest of them.
        related = [t for key, t in table.items() if key.startswith(f"{category.value}.")]
        return max(related, default=Tier.NONE)

    def highest(self, findings: Iterable[tuple[Category, str]], *, is_minor: bool = True) -> Tier:
        return max((self.tier_for(c, s, is_minor=is_minor) for c, s in findings), default=Tier.NONE)

    def alerts_guardian(self, tier: Tier) -> bool:
        return tier >= self.alert_from


@cache
def tier_policy() -> TierPolicy:
    data = load_json("safety", "tiers.json")
    minor = {key: Tier(value["minor"]) for key, value in data["tiers"].items()}
    adult = {key: Tier(value["adult"]) for key, value in data["tiers"].items()}
    implies = {
        key: tuple(Category(value) for value in values)
        for key, values in data.get("implies", {}).items()
    }
    return TierPolicy(minor, adult, Tier(data["alert_guardian_from_tier"]), implies)
