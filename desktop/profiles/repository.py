"""Reading and writing profiles; callers get dataclasses, never rows."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from sqlite_utils import Database

from desktop.profiles.models import ChildProfile, Guardian, Language


class ProfileError(ValueError):
    """A profile value that cannot be stored; ``key`` names the field for the UI."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


def validate_child(display_name: str, birthday: date, today: date) -> str:
    name = " ".join(display_name.split())
    if not name:
        raise ProfileError("display_name", "a profile needs a name")
    if len(name) > 40:
        raise ProfileError("display_name", "a name is at most 40 characters")
    if birthday > today:
        raise ProfileError("birthday", "the birthday is in the future")
    if birthday.year < today.year - 120:
        raise ProfileError("birthday", "the birthday is too far in the past")
    return name


class ProfileRepository:
    """The guardian row and the child profiles."""

    def __init__(self, db: Database):
        self.db = db

    # -- children -------------------------------------------------------------------------
    def add_child(
        self, display_name: str, birthday: date, language: Language, *, now: datetime
    ) -> ChildProfile:
        name = validate_child(display_name, birthday, now.date())
        table = self.db["child_profiles"]
        table.insert(
            {
                "display_name": name,
                "birthday": birthday.isoformat(),
                "language": Language(language).value,
                "minor_mode": 1,
                "created_at": now.isoformat(),
            }
        )
        return self.get_child(table.last_pk)

    def update_child(self, profile: ChildProfile, *, today: date) -> ChildProfile:
        name = validate_child(profile.display_name, profile.birthday, today)
        self.db["child_profiles"].update(
            profile.id,
            {
                "display_name": name,
                "birthday": profile.birthday.isoformat(),
                "language": profile.language.value,
                "minor_mode": int(profile.minor_mode),
            },
        )
        return self.get_child(profile.id)

    def remove_child(self, profile_id: int) -> None:
        self.db["child_profiles"].delete(profile_id)

    def get_child(self, profile_id: int) -> ChildProfile:
        return _child(self.db["child_profiles"].get(profile_id))

    def children(self) -> list[ChildProfile]:
        return [_child(r) for r in self.db["child_profiles"].rows_where(order_by="id")]

    # -- guardian -------------------------------------------------------------------------
    def guardian(self) -> Guardian | None:
        rows = list(self.db["guardian"].rows_where("id = 1"))
        if not rows:
            return None
        row = rows[0]
        return Guardian(**{k: row[k] or "" for k in Guardian.__dataclass_fields__})

    def save_guardian(self, guardian: Guardian, *, now: datetime) -> None:
        if not guardian.name.strip():
            raise ProfileError("name", "the guardian needs a name")
        record = {"id": 1, **asdict(guardian)}
        if self.guardian() is None:
            record["created_at"] = now.isoformat()
        self.db["guardian"].upsert(record, pk="id")


def _child(row: dict) -> ChildProfile:
    return ChildProfile(
        id=row["id"],
        display_name=row["display_name"],
        birthday=date.fromisoformat(row["birthday"]),
        language=Language(row["language"]),
        minor_mode=bool(row["minor_mode"]),
    )
