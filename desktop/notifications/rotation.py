"""Rotating rest reminders without repeats, remembered across restarts (R8).

Each profile walks through a shuffled order of every rest reminder; only when all were shown does
a new shuffled cycle start, and its first reminder is never the one just shown. The order and the
position are stored in ``reminder_rotation`` (one row per profile) in the same step as the pick,
so quitting and starting Hearth continues the cycle instead of starting over.

If a later version adds or removes reminders mid-cycle, removed ids are skipped and new ones join
at the next cycle.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

from sqlite_utils import Database

from desktop.alerts.sql import immediate_transaction
from desktop.notifications.texts import ReminderKind, ReminderText, reminder_text, rest_ids
from desktop.profiles.models import AgeBand, Language


class ReminderTextPicker:
    """Picks the next rest reminder for a profile and persists the rotation."""

    def __init__(self, db: Database, ids: Sequence[str] | None = None):
        self.db = db
        self._ids = list(ids) if ids is not None else rest_ids()
        if not self._ids:
            raise ValueError("there are no rest reminders to rotate")

    def next(self, profile_id: int, lang: Language | str, age_band: AgeBand | str) -> ReminderText:
        """The next rest reminder's text for this profile (advances the rotation)."""
        reminder_id = self.next_id(profile_id)
        return reminder_text(ReminderKind.REST, lang, age_band, reminder_id=reminder_id)

    def next_id(self, profile_id: int) -> str:
        with immediate_transaction(self.db):
            rows = list(self.db["reminder_rotation"].rows_where("profile_id = ?", [profile_id]))
            if rows:
                cycle = rows[0]["cycle"]
                position = rows[0]["position"]
                order = json.loads(rows[0]["order_ids"])
            else:
                cycle, position, order = 0, 0, self._shuffled(profile_id, 0, last=None)
            known = set(self._ids)
            while True:
                while position < len(order) and order[position] not in known:
                    position += 1  # a reminder removed by an update
                if position < len(order):
                    break
                last = order[-1] if order else None
                cycle += 1
                position = 0
                order = self._shuffled(profile_id, cycle, last=last)
            chosen = order[position]
            self.db["reminder_rotation"].upsert(
                {
                    "profile_id": profile_id,
                    "cycle": cycle,
                    "position": position + 1,
                    "order_ids": json.dumps(order),
                },
                pk="profile_id",
            )
        return chosen

    def _shuffled(self, profile_id: int, cycle: int, *, last: str | None) -> list[str]:
        order = sorted(self._ids)
        # Seeded so a test (or a support question) can reproduce a profile's sequence.
        random.Random(f"hearth.rest:{profile_id}:{cycle}").shuffle(order)
        if last is not None and len(order) > 1 and order[0] == last:
            order[0], order[1] = order[1], order[0]
        return order
