"""Storing each child's :class:`TimeRules` as one JSON document in ``limits_rules``.

One row per profile with the whole document keeps the format simple for the settings-signing
layer (it can authenticate ``rules`` as an opaque string). A row that cannot be read falls back
to the defaults for the child's age, which are the strict ones (R7, R9): a broken document must
never unlock more than the law's defaults.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlite_utils import Database

from desktop.limits.rules import RulesError, TimeRules


class TimeRulesRepository:
    """The ``limits_rules`` table; callers get :class:`TimeRules`, never rows."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, profile_id: int) -> TimeRules:
        """The child's rules, or the defaults when the guardian has set none."""
        raw = self.raw(profile_id)
        if raw is None:
            return TimeRules()
        try:
            return TimeRules.from_dict(json.loads(raw))
        except (RulesError, json.JSONDecodeError):
            return TimeRules()

    def raw(self, profile_id: int) -> str | None:
        """The stored JSON text, for code that signs or verifies it."""
        row = self.db.execute(
            "select rules from limits_rules where profile_id = ?", [profile_id]
        ).fetchone()
        return None if row is None else row[0]

    def save(self, profile_id: int, rules: TimeRules, *, now: datetime) -> TimeRules:
        rules = rules.pruned(now.date())
        text = json.dumps(rules.to_dict(), sort_keys=True, separators=(",", ":"))
        self.db.execute(
            "insert into limits_rules (profile_id, rules, updated_at) values (?, ?, ?) "
            "on conflict(profile_id) do update set rules = excluded.rules, "
            "updated_at = excluded.updated_at",
            [profile_id, text, now.isoformat()],
        )
        return rules

    # -- one-off grants (the caller has checked the guardian's PIN) ---------------------------
    def grant_extension(
        self, profile_id: int, day: date, minutes: int | None, *, now: datetime
    ) -> TimeRules:
        """More time on ``day``: ``minutes`` more, or the rest of the day when ``None``."""
        return self.save(profile_id, self.get(profile_id).with_extension(day, minutes), now=now)

    def grant_curfew_exemption(self, profile_id: int, night: date, *, now: datetime) -> TimeRules:
        """No curfew during the night that starts on ``night`` (R9 exemption)."""
        return self.save(profile_id, self.get(profile_id).with_curfew_exemption(night), now=now)


def forget_profile(db: Database, profile_id: int) -> None:
    """Delete everything time-related about a child (the guardian removed the profile).

    Profile ids can be reused by SQLite, so leftovers would otherwise count against a new child.
    """
    with db.atomic():
        for table in (
            "limits_rules",
            "limits_usage",
            "limits_state",
            "limits_events",
            "reminder_log",
            "reminder_flags",
        ):
            db.execute(f"delete from [{table}] where profile_id = ?", [profile_id])
