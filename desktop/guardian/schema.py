"""Tables owned by the guardian core (append-only migrations).

- ``guardian_pin``: the argon2id hashes of the PIN and of the recovery code (one row).
- ``pin_lockout``: failed attempts and when the last one happened, so a restart keeps the ladder.
- ``guardian_state``: small facts as JSON (install id, settings manifest, secrets opt-in).
- ``guardian_settings``: guardian settings with an HMAC each (see ``settings_store``).
- ``audit_log``: who did what, when (see ``audit``).
- ``consents``: the guardian's recorded consent per child and kind (R13, R25).
"""

from sqlite_utils import Migrations

migrations = Migrations("hearth.guardian")


@migrations()
def create_guardian_tables(db):
    db["guardian_pin"].create(
        {"id": int, "pin_hash": str, "recovery_hash": str, "changed_at": str},
        pk="id",
        not_null={"pin_hash", "recovery_hash", "changed_at"},
    )
    db["pin_lockout"].create(
        {
            "id": int,
            "failed_attempts": int,
            "last_failure_at": str,
            "last_failure_uptime": float,
        },
        pk="id",
        not_null={"failed_attempts"},
        defaults={"failed_attempts": 0},
    )
    db["guardian_state"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["guardian_settings"].create(
        {"key": str, "value": str, "mac": str, "updated_at": str, "updated_by": str},
        pk="key",
        not_null={"value", "mac"},
    )
    db["audit_log"].create(
        {"id": int, "at": str, "actor": str, "kind": str, "detail": str},
        pk="id",
        not_null={"at", "actor", "kind", "detail"},
    )
    db["audit_log"].create_index(["kind", "id"])
    # Raw SQL for ON DELETE CASCADE: removing a child's profile removes its consent records too
    # (data minimisation, R26); sqlite-utils' create() cannot express the cascade.
    db.execute(
        """
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES child_profiles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            given_by TEXT NOT NULL,
            giver TEXT NOT NULL,
            notice_version TEXT NOT NULL,
            given_at TEXT NOT NULL,
            withdrawn_at TEXT,
            withdrawn_by TEXT
        )
        """
    )
    db["consents"].create_index(["profile_id", "kind", "id"])
