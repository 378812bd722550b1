"""The usage ledger: seconds of active use per child and local day, protected against editing.

Two tables, both authenticated with an HMAC key the caller supplies (see ``integrity``):

- ``limits_usage``: one row per (child, day) with the milliseconds used, whether a limit was hit
  and the curfew attempts. Its tag covers every column, so lowering the usage, clearing the
  limit-hit flag or moving a row to another day does not verify.
- ``limits_state``: one row per child with the newest day written and its usage high-water mark,
  and the running session/continuous-use streaks. Deleting today's row, lowering it to an older
  valid copy, or deleting the state while day rows exist, is noticed against it.

Anything that does not verify **fails closed**: the day counts as fully used (24 h) until the
guardian grants more time, and the caller records a ``ledger_tampered`` event. Replacing the
whole database with an older copy is not visible from inside it; the caller can mirror
:meth:`UsageLedger.state` outside (the keyring) if it wants to catch that too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlite_utils import Database

from desktop.limits.integrity import check_key, tag, verify

FULL_DAY_MS = 86_400_000
_ROW = "hearth.limits.usage.v1"
_STATE = "hearth.limits.state.v1"


@dataclass(frozen=True)
class DayUsage:
    day: date
    used_ms: int = 0
    limit_hit: bool = False
    curfew_attempts: int = 0
    #: False when the stored row did not verify (the values are then the fail-closed ones).
    verified: bool = True

    @property
    def used_seconds(self) -> float:
        return self.used_ms / 1000.0


@dataclass
class Streak:
    """Active use with no idle gap of at least ``gap`` seconds (timestamps are trusted UTC).

    R5's "continuous use" is a streak with a 30-minute gap; a session for the session cap is a
    streak whose gap is the required break.
    """

    active: float = 0.0
    started: float | None = None
    last: float | None = None

    def add(self, start_ts: float, end_ts: float, seconds: float, gap: float) -> None:
        if self.last is None or start_ts - self.last >= gap:
            self.active, self.started = 0.0, start_ts
        self.active += seconds
        self.last = end_ts

    def live(self, now_ts: float, gap: float) -> Streak:
        """This streak as seen at ``now_ts``: an empty one if the gap has already passed."""
        if self.last is None or now_ts - self.last >= gap:
            return Streak()
        return Streak(self.active, self.started, self.last)


@dataclass
class TrackerState:
    """What survives a restart besides the day rows."""

    day: date | None = None
    day_used_ms: int = 0
    session: Streak = field(default_factory=Streak)
    continuous: Streak = field(default_factory=Streak)

    def to_json(self) -> str:
        return json.dumps(
            {
                "day": None if self.day is None else self.day.isoformat(),
                "day_used_ms": self.day_used_ms,
                "session": [self.session.active, self.session.started, self.session.last],
                "continuous": [
                    self.continuous.active,
                    self.continuous.started,
                    self.continuous.last,
                ],
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> TrackerState:
        data = json.loads(text)
        return cls(
            day=None if data["day"] is None else date.fromisoformat(data["day"]),
            day_used_ms=int(data["day_used_ms"]),
            session=Streak(*data["session"]),
            continuous=Streak(*data["continuous"]),
        )


@dataclass(frozen=True)
class LedgerOpen:
    """The result of opening a child's ledger for a day."""

    state: TrackerState
    today: DayUsage
    #: What did not verify (empty when all is well); non-empty means the day failed closed.
    problems: tuple[str, ...] = ()


class UsageLedger:
    """Reads and writes the two ledger tables; knows nothing about rules or clocks."""

    def __init__(self, db: Database, key: bytes):
        self.db = db
        self.key = check_key(key)

    # -- day rows -----------------------------------------------------------------------------
    @staticmethod
    def _row_fields(profile_id: int, u: DayUsage) -> tuple:
        return (profile_id, u.day.isoformat(), u.used_ms, int(u.limit_hit), u.curfew_attempts)

    def _from_row(self, profile_id: int, row) -> DayUsage:
        day, used_ms, limit_hit, attempts, mac = row
        usage = DayUsage(date.fromisoformat(day), int(used_ms), bool(limit_hit), int(attempts))
        if not verify(self.key, mac, _ROW, *self._row_fields(profile_id, usage)):
            return DayUsage(usage.day, FULL_DAY_MS, True, usage.curfew_attempts, verified=False)
        return usage

    def day(self, profile_id: int, day: date) -> DayUsage | None:
        """The stored row for ``day`` (fail-closed values if it does not verify), or ``None``."""
        row = self.db.execute(
            "select day, used_ms, limit_hit, curfew_attempts, mac from limits_usage "
            "where profile_id = ? and day = ?",
            [profile_id, day.isoformat()],
        ).fetchone()
        return None if row is None else self._from_row(profile_id, row)

    def days(self, profile_id: int, first: date, last: date) -> list[DayUsage]:
        """Stored rows from ``first`` to ``last`` inclusive, oldest first (for reports)."""
        rows = self.db.execute(
            "select day, used_ms, limit_hit, curfew_attempts, mac from limits_usage "
            "where profile_id = ? and day between ? and ? order by day",
            [profile_id, first.isoformat(), last.isoformat()],
        ).fetchall()
        return [self._from_row(profile_id, r) for r in rows]

    def recent(self, profile_id: int, last: date, count: int) -> list[DayUsage]:
        return self.days(profile_id, last - timedelta(days=count - 1), last)

    def has_rows(self, profile_id: int) -> bool:
        row = self.db.execute(
            "select 1 from limits_usage where profile_id = ? limit 1", [profile_id]
        ).fetchone()
        return row is not None

    # -- state --------------------------------------------------------------------------------
    def state(self, profile_id: int) -> tuple[TrackerState | None, bool]:
        """The stored state and whether it verified (``(None, True)`` when there is none)."""
        row = self.db.execute(
            "select state, mac from limits_state where profile_id = ?", [profile_id]
        ).fetchone()
        if row is None:
            return None, True
        if not verify(self.key, row[1], _STATE, profile_id, row[0]):
            return None, False
        try:
            return TrackerState.from_json(row[0]), True
        except (KeyError, TypeError, ValueError):
            return None, False

    # -- opening and saving -------------------------------------------------------------------
    def open(
        self, profile_id: int, local_today: date, known: TrackerState | None = None
    ) -> LedgerOpen:
        """Load the ledger for the day to count on now, checking everything that can be checked.

        ``known`` is the caller's in-memory state (trusted: it never left the process); without
        it the stored state is read and verified.
        """
        problems: list[str] = []
        state = known
        if state is None:
            state, ok = self.state(profile_id)
            if not ok:
                problems.append("state_invalid")
            elif state is None and self.has_rows(profile_id):
                problems.append("state_missing")
            state = state or TrackerState()
        day = local_today if state.day is None or local_today >= state.day else state.day
        usage = self.day(profile_id, day)
        if usage is not None and not usage.verified:
            problems.append("row_invalid")
        if state.day == day and (usage is None or usage.used_ms < state.day_used_ms):
            problems.append("row_missing" if usage is None else "row_lowered")
        usage = usage or DayUsage(day)
        if problems:
            usage = DayUsage(day, FULL_DAY_MS, True, usage.curfew_attempts, verified=False)
        return LedgerOpen(state, usage, tuple(problems))

    def save(self, profile_id: int, usage: DayUsage, state: TrackerState, *, at: str) -> None:
        """Write the day row and the state together (one transaction, so they always agree).

        Also advances ``state.day`` / ``state.day_used_ms``, the high-water mark checked by
        :meth:`open`.
        """
        state.day = usage.day if state.day is None or usage.day >= state.day else state.day
        if state.day == usage.day:
            state.day_used_ms = usage.used_ms
        text = state.to_json()
        with self.db.atomic():
            self.db.execute(
                "insert into limits_usage (profile_id, day, used_ms, limit_hit, curfew_attempts,"
                " updated_at, mac) values (?, ?, ?, ?, ?, ?, ?) on conflict(profile_id, day) do"
                " update set used_ms = excluded.used_ms, limit_hit = excluded.limit_hit,"
                " curfew_attempts = excluded.curfew_attempts, updated_at = excluded.updated_at,"
                " mac = excluded.mac",
                [
                    profile_id,
                    usage.day.isoformat(),
                    usage.used_ms,
                    int(usage.limit_hit),
                    usage.curfew_attempts,
                    at,
                    tag(self.key, _ROW, *self._row_fields(profile_id, usage)),
                ],
            )
            self.db.execute(
                "insert into limits_state (profile_id, state, mac) values (?, ?, ?) "
                "on conflict(profile_id) do update set state = excluded.state, mac = excluded.mac",
                [profile_id, text, tag(self.key, _STATE, profile_id, text)],
            )
