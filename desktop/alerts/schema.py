"""Tables of the alerts-and-notifications area (append-only migrations, set ``hearth.alerts``).

- ``alerts`` is the outbox *and* the guardian's local inbox: a row is written before any network
  I/O, so an alert survives a crash, an outage or a restart, and the guardian can acknowledge it.
  No foreign key to ``child_profiles``: an alert must outlive a deleted profile, which is why the
  child's display name is copied in.
- ``alert_deliveries`` holds one row per (alert, channel) with the retry state.
- ``alert_channel_health`` counts consecutive failures per channel for the panel and ``hearth
  doctor``.
- ``alert_channels`` stores the guardian's channel settings (never secrets: only the names under
  which the keyring holds them).
- ``reminder_rotation`` remembers each profile's place in the rest-reminder rotation so a restart
  does not repeat one (it lives here because this area owns one migration set).

Times are ISO-8601 strings in UTC with a fixed format, so they compare correctly as text.
"""

from sqlite_utils import Migrations

migrations = Migrations("hearth.alerts")


@migrations()
def create_alert_outbox(db):
    db["alerts"].create(
        {
            "id": int,
            "idempotency_key": str,
            "category": str,
            "tier": int,
            "profile_id": int,
            "child_name": str,
            "created_at": str,
            "excerpt": str,
            "acknowledged_at": str,
            "acknowledged_by": str,
        },
        pk="id",
        not_null={"idempotency_key", "category", "tier", "created_at"},
    )
    db["alerts"].create_index(["idempotency_key"], unique=True)
    db["alerts"].create_index(["acknowledged_at", "created_at"])
    db["alert_deliveries"].create(
        {
            "id": int,
            "alert_id": int,
            "channel_id": str,
            "status": str,
            "attempts": int,
            "next_attempt_at": str,
            "lease_until": str,
            "last_error": str,
            "delivered_at": str,
        },
        pk="id",
        foreign_keys=[("alert_id", "alerts", "id")],
        not_null={"alert_id", "channel_id", "status", "attempts", "next_attempt_at"},
        defaults={"status": "pending", "attempts": 0},
    )
    db["alert_deliveries"].create_index(["alert_id", "channel_id"], unique=True)
    db["alert_deliveries"].create_index(["status", "next_attempt_at"])
    db["alert_channel_health"].create(
        {
            "channel_id": str,
            "consecutive_failures": int,
            "last_error": str,
            "last_failure_at": str,
            "last_success_at": str,
        },
        pk="channel_id",
        not_null={"consecutive_failures"},
        defaults={"consecutive_failures": 0},
    )
    db["alert_channels"].create(
        {"channel_id": str, "kind": str, "config": str, "position": int},
        pk="channel_id",
        not_null={"kind", "config"},
    )
    db["reminder_rotation"].create(
        {"profile_id": int, "cycle": int, "position": int, "order_ids": str},
        pk="profile_id",
        not_null={"cycle", "position", "order_ids"},
    )
