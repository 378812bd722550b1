"""Tables for the guardian account and child profiles (append-only migrations)."""

from sqlite_utils import Migrations

migrations = Migrations("hearth.profiles")


@migrations()
def create_guardian_and_children(db):
    db["guardian"].create(
        {
            "id": int,
            "name": str,
            "email": str,
            "phone": str,
            "emergency_name": str,
            "emergency_phone": str,
            "emergency_email": str,
            "created_at": str,
        },
        pk="id",
    )
    db["child_profiles"].create(
        {
            "id": int,
            "display_name": str,
            "birthday": str,
            "language": str,
            "minor_mode": int,
            "created_at": str,
        },
        pk="id",
        not_null={"display_name", "birthday", "language", "minor_mode"},
        defaults={"language": "en", "minor_mode": 1},
    )
