"""Tables for time accounting (append-only migrations, set ``hearth.limits``).

One migration set covers both limits and reminders because both are fed by the same usage
ledger; the reminder tables' definitions live with their owner in
:mod:`desktop.reminders.schema` and are registered here, in order, after the limits tables.

No foreign keys to ``child_profiles``: removing a profile must not fail because of its ledger,
and deleting ledger rows is exactly what the integrity checks in :mod:`desktop.limits.ledger`
are there to notice.
"""

from sqlite_utils import Migrations

from desktop.reminders.schema import create_reminder_tables

migrations = Migrations("hearth.limits")


@migrations()
def create_limits_tables(db):
    # The guardian's rules for one child, as one JSON document so settings signing can wrap it.
    db["limits_rules"].create(
        {"profile_id": int, "rules": str, "updated_at": str},
        pk="profile_id",
        not_null={"rules"},
    )
    # One row per child and local day; ``mac`` authenticates every column that matters.
    db["limits_usage"].create(
        {
            "profile_id": int,
            "day": str,
            "used_ms": int,
            "limit_hit": int,
            "curfew_attempts": int,
            "updated_at": str,
            "mac": str,
        },
        pk=("profile_id", "day"),
        not_null={"used_ms", "limit_hit", "curfew_attempts", "mac"},
        defaults={"used_ms": 0, "limit_hit": 0, "curfew_attempts": 0},
    )
    # Per child: the newest day written, its high-water usage and the running streaks (MAC'd).
    db["limits_state"].create(
        {"profile_id": int, "state": str, "mac": str},
        pk="profile_id",
        not_null={"state", "mac"},
    )
    # The clock high-water mark and the correction in force (one row, id = 1, MAC'd).
    db["limits_clock"].create({"id": int, "state": str, "mac": str}, pk="id")
    # What the guardian sees: clock tampering, ledger tampering, curfew attempts, limit hits.
    db["limits_events"].create(
        {
            "id": int,
            "profile_id": int,
            "kind": str,
            "at": str,
            "day": str,
            "detail": str,
        },
        pk="id",
        not_null={"kind", "at"},
    )
    db["limits_events"].create_index(["profile_id", "kind", "day"])


migrations(name="create_reminder_tables")(create_reminder_tables)
