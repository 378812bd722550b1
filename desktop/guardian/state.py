"""Small guardian facts: the ``guardian_state`` table and the keyring's family-setup marker.

The marker lives in the OS keyring, not in the database, so that deleting or replacing the
database is noticed: the keyring still says "this account has a family, installation X, whose
PIN hash is H". It also keeps a copy of the PIN and recovery-code hashes, which is what lets the
guardian prove who they are when the database was deleted or its PIN row was edited.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database


class StateKey(StrEnum):
    INSTALL_ID = "install_id"
    SET_UP_AT = "set_up_at"
    SETTINGS_MANIFEST = "settings_manifest"
    SECRETS_FILE_FALLBACK = "secrets_file_fallback"


class GuardianStateStore:
    """JSON values by key in ``guardian_state``."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, key: StateKey) -> Any | None:
        rows = list(self.db["guardian_state"].rows_where("key = ?", [StateKey(key).value]))
        return json.loads(rows[0]["value"]) if rows else None

    def set(self, key: StateKey, value: Any) -> None:
        self.db["guardian_state"].upsert(
            {"key": StateKey(key).value, "value": json.dumps(value, sort_keys=True)}, pk="key"
        )

    def delete(self, key: StateKey) -> None:
        self.db.execute("DELETE FROM guardian_state WHERE key = ?", [StateKey(key).value])


MARKER_FORMAT = 1


@dataclass(frozen=True)
class FamilyMarker:
    """What the keyring remembers about the family set up on this OS account."""

    install_id: str
    set_up_at: str
    pin_hash: str
    recovery_hash: str

    def to_json(self) -> str:
        return json.dumps({"format": MARKER_FORMAT, **asdict(self)}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> FamilyMarker | None:
        """Parse a marker; anything malformed counts as no marker (the caller fails closed)."""
        try:
            data = json.loads(text)
            if data.get("format") != MARKER_FORMAT:
                return None
            marker = cls(**{name: data[name] for name in cls.__dataclass_fields__})
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        if not all(isinstance(v, str) and v for v in asdict(marker).values()):
            return None
        return marker
