"""The alert outbox, the per-channel delivery state and the channel health counters (SQL only).

Exactly-once per channel works like this:
1. ``add`` writes the alert and one delivery row per enabled channel in one transaction; a second
   ``add`` with the same idempotency key returns the first alert and writes nothing.
2. ``claim_due`` leases due rows (``lease_until``) so two pumps cannot send the same row.
3. The channel sends; ``mark_delivered`` records it at once. A crash between 2 and 3 leaves the
   row leased; after the lease (or when the next process starts, see ``release_leases``) it is
   sent again *with the same idempotency key*, which is what receivers dedupe on.

Wall time orders retries, and a child can move the clock. A time further in the future than any
backoff or lease could produce is treated as due, so turning the clock back cannot park an alert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from desktop.alerts.models import Alert, Delivery, DeliveryStatus
from desktop.alerts.sql import from_db_time, immediate_transaction, to_db_time


@dataclass(frozen=True)
class ChannelCounters:
    channel_id: str
    consecutive_failures: int
    last_error: str | None
    last_failure_at: datetime | None
    last_success_at: datetime | None


def _alert(row: dict) -> Alert:
    return Alert(
        id=row["id"],
        idempotency_key=row["idempotency_key"],
        category=row["category"],
        tier=row["tier"],
        profile_id=row["profile_id"],
        child_name=row["child_name"] or "",
        created_at=from_db_time(row["created_at"]),
        excerpt=row["excerpt"],
        acknowledged_at=from_db_time(row["acknowledged_at"]),
        acknowledged_by=row["acknowledged_by"],
    )


def _delivery(row: dict) -> Delivery:
    return Delivery(
        id=row["id"],
        alert_id=row["alert_id"],
        channel_id=row["channel_id"],
        status=DeliveryStatus(row["status"]),
        attempts=row["attempts"],
        next_attempt_at=from_db_time(row["next_attempt_at"]),
        last_error=row["last_error"],
        delivered_at=from_db_time(row["delivered_at"]),
    )


def _placeholders(values: Sequence) -> str:
    return ", ".join("?" for _ in values)


class AlertOutbox:
    """Reads and writes the ``alerts``/``alert_deliveries``/``alert_channel_health`` tables."""

    def __init__(self, db: Database):
        self.db = db

    # -- writing alerts ----------------------------------------------------------------------
    def add(
        self,
        *,
        idempotency_key: str,
        category: str,
        tier: int,
        profile_id: int | None,
        child_name: str,
        created_at: datetime,
        excerpt: str | None,
        channel_ids: Iterable[str],
    ) -> tuple[Alert, bool]:
        """Store an alert and its deliveries atomically; ``(alert, False)`` if the key exists."""
        with immediate_transaction(self.db):
            existing = self.by_key(idempotency_key)
            if existing is not None:
                return existing, False
            created = to_db_time(created_at)
            cursor = self.db.execute(
                "insert into alerts (idempotency_key, category, tier, profile_id, child_name,"
                " created_at, excerpt) values (?, ?, ?, ?, ?, ?, ?)",
                [idempotency_key, str(category), tier, profile_id, child_name, created, excerpt],
            )
            alert_id = cursor.lastrowid
            for channel_id in dict.fromkeys(channel_ids):
                self.db.execute(
                    "insert into alert_deliveries (alert_id, channel_id, status, attempts,"
                    " next_attempt_at) values (?, ?, ?, 0, ?)",
                    [alert_id, channel_id, DeliveryStatus.PENDING.value, created],
                )
        return self.get(alert_id), True

    def acknowledge(self, alert_id: int, by: str, at: datetime) -> Alert:
        """Mark an inbox entry as seen; acknowledging twice keeps the first time and person."""
        self.db.execute(
            "update alerts set acknowledged_at = ?, acknowledged_by = ?"
            " where id = ? and acknowledged_at is null",
            [to_db_time(at), by, alert_id],
        )
        return self.get(alert_id)

    # -- reading alerts ----------------------------------------------------------------------
    def get(self, alert_id: int) -> Alert:
        return _alert(self.db["alerts"].get(alert_id))

    def by_key(self, idempotency_key: str) -> Alert | None:
        rows = list(self.db["alerts"].rows_where("idempotency_key = ?", [idempotency_key]))
        return _alert(rows[0]) if rows else None

    def inbox(
        self, *, profile_id: int | None = None, unacknowledged_only: bool = False, limit: int = 100
    ) -> list[Alert]:
        where, args = [], []
        if profile_id is not None:
            where.append("profile_id = ?")
            args.append(profile_id)
        if unacknowledged_only:
            where.append("acknowledged_at is null")
        rows = self.db["alerts"].rows_where(
            " and ".join(where) or None,
            args,
            order_by="created_at desc, id desc",
            limit=limit,
        )
        return [_alert(r) for r in rows]

    def deliveries(self, alert_id: int) -> list[Delivery]:
        rows = self.db["alert_deliveries"].rows_where(
            "alert_id = ?", [alert_id], order_by="channel_id"
        )
        return [_delivery(r) for r in rows]

    # -- the dispatcher's side ---------------------------------------------------------------
    def claim_due(
        self,
        now: datetime,
        channel_ids: Sequence[str],
        *,
        limit: int,
        lease: timedelta,
        horizon: timedelta,
    ) -> list[tuple[Delivery, Alert]]:
        """Lease up to ``limit`` due deliveries on the given channels, most urgent first.

        ``horizon`` is the longest backoff: a retry time beyond ``now + horizon`` can only come
        from a clock moved backwards, so it counts as due.
        """
        if not channel_ids or limit <= 0:
            return []
        t_now = to_db_time(now)
        t_far = to_db_time(now + max(horizon, lease))
        t_lease = to_db_time(now + lease)
        due = (
            f"d.status != 'delivered' and d.channel_id in ({_placeholders(channel_ids)})"
            " and (d.next_attempt_at <= ? or d.next_attempt_at > ?)"
            " and (d.lease_until is null or d.lease_until <= ? or d.lease_until > ?)"
        )
        with immediate_transaction(self.db):
            rows = list(
                self.db.query(
                    "select d.*, a.tier as a_tier, a.created_at as a_created"
                    " from alert_deliveries d join alerts a on a.id = d.alert_id"
                    f" where {due} order by a.tier desc, a.created_at, d.id limit ?",
                    [*channel_ids, t_now, t_far, t_now, t_far, limit],
                )
            )
            for row in rows:
                self.db.execute(
                    "update alert_deliveries set lease_until = ? where id = ?", [t_lease, row["id"]]
                )
        return [(_delivery(r), self.get(r["alert_id"])) for r in rows]

    def mark_delivered(self, delivery: Delivery, at: datetime) -> None:
        with immediate_transaction(self.db):
            self.db.execute(
                "update alert_deliveries set status = 'delivered', attempts = attempts + 1,"
                " delivered_at = ?, lease_until = null, last_error = null where id = ?",
                [to_db_time(at), delivery.id],
            )
            self._record(delivery.channel_id, at, error=None)

    def mark_failed(
        self, delivery: Delivery, at: datetime, error: str, next_attempt_at: datetime
    ) -> None:
        with immediate_transaction(self.db):
            self.db.execute(
                "update alert_deliveries set status = 'failed', attempts = attempts + 1,"
                " next_attempt_at = ?, lease_until = null, last_error = ? where id = ?",
                [to_db_time(next_attempt_at), error, delivery.id],
            )
            self._record(delivery.channel_id, at, error=error)

    def release(self, delivery: Delivery) -> None:
        """Give back a lease that was not used (the round ran out of time)."""
        self.db.execute(
            "update alert_deliveries set lease_until = null where id = ?", [delivery.id]
        )

    def release_leases(self) -> int:
        """Forget every lease. Only safe when no other process sends for this data directory,
        which the app's single-instance lock guarantees; called when a dispatcher starts."""
        cursor = self.db.execute(
            "update alert_deliveries set lease_until = null"
            " where lease_until is not null and status != 'delivered'"
        )
        return cursor.rowcount

    def next_due_by_channel(self, channel_ids: Sequence[str]) -> dict[str, datetime]:
        """For each channel with undelivered alerts, when the earliest becomes sendable."""
        if not channel_ids:
            return {}
        rows = self.db.execute(
            "select channel_id, min(max(next_attempt_at, coalesce(lease_until, '')))"
            " from alert_deliveries where status != 'delivered'"
            f" and channel_id in ({_placeholders(channel_ids)}) group by channel_id",
            list(channel_ids),
        ).fetchall()
        return {channel_id: from_db_time(when) for channel_id, when in rows}

    def pending_counts(self) -> dict[str, int]:
        rows = self.db.execute(
            "select channel_id, count(*) from alert_deliveries where status != 'delivered'"
            " group by channel_id"
        ).fetchall()
        return dict(rows)

    # -- channel health ----------------------------------------------------------------------
    def _record(self, channel_id: str, at: datetime, *, error: str | None) -> None:
        when = to_db_time(at)
        if error is None:
            self.db.execute(
                "insert into alert_channel_health (channel_id, consecutive_failures,"
                " last_success_at) values (?, 0, ?) on conflict(channel_id) do update set"
                " consecutive_failures = 0, last_success_at = excluded.last_success_at",
                [channel_id, when],
            )
        else:
            self.db.execute(
                "insert into alert_channel_health (channel_id, consecutive_failures,"
                " last_error, last_failure_at) values (?, 1, ?, ?) on conflict(channel_id)"
                " do update set consecutive_failures = consecutive_failures + 1,"
                " last_error = excluded.last_error, last_failure_at = excluded.last_failure_at",
                [channel_id, error, when],
            )

    def counters(self) -> dict[str, ChannelCounters]:
        return {
            r["channel_id"]: ChannelCounters(
                channel_id=r["channel_id"],
                consecutive_failures=r["consecutive_failures"],
                last_error=r["last_error"],
                last_failure_at=from_db_time(r["last_failure_at"]),
                last_success_at=from_db_time(r["last_success_at"]),
            )
            for r in self.db["alert_channel_health"].rows
        }
