"""Time rules kept in the guardian's HMAC-signed settings, so an edited limit fails closed.

The plain :class:`TimeRulesRepository` table is convenient for tests and tools, but a child with
the ``sqlite3`` tool could raise their own daily minutes there. In the app the rules live in the
signed store (``desktop.family_settings``): a value that does not verify yields rules with
``locked=True`` — chat stays locked until the guardian enters the PIN and reseals.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from desktop.family_settings import FamilySettings
from desktop.guardian.audit import Actor
from desktop.guardian.settings_store import SettingsIntegrityError
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import RulesError, TimeRules


class SignedTimeRulesRepository(TimeRulesRepository):
    def __init__(self, db, settings: FamilySettings, *, actor: Actor = Actor.GUARDIAN):
        super().__init__(db)
        self.settings = settings
        self.actor = actor

    def raw(self, profile_id: int) -> str | None:
        value = self.settings.time_rules(profile_id)
        return None if value is None else json.dumps(value, sort_keys=True)

    def get(self, profile_id: int) -> TimeRules:
        try:
            value = self.settings.time_rules(profile_id)
        except SettingsIntegrityError:
            return TimeRules(locked=True)
        if value is None:
            return TimeRules()
        try:
            return TimeRules.from_dict(value)
        except RulesError:
            return TimeRules(locked=True)

    def save(self, profile_id: int, rules: TimeRules, *, now: datetime) -> TimeRules:
        rules = rules.pruned(now.date())
        self.settings.set_time_rules(profile_id, rules.to_dict(), actor=self.actor)
        return rules

    def grant_extension(self, profile_id: int, day: date, minutes: int | None, *, now: datetime) -> TimeRules:
        return self.save(profile_id, self.get(profile_id).with_extension(day, minutes), now=now)

    def grant_curfew_exemption(self, profile_id: int, night: date, *, now: datetime) -> TimeRules:
        return self.save(profile_id, self.get(profile_id).with_curfew_exemption(night), now=now)
