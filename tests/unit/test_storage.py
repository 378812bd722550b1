"""The database opens safely and refuses, without touching the file, what it cannot use."""

import sqlite3
from pathlib import Path

import pytest

from desktop.storage import (
    DatabaseCorruptError,
    DatabaseTooNewError,
    DataDirNotWritableError,
    open_database,
)
from desktop.storage.database import DB_FILENAME


def test_new_database_uses_wal_foreign_keys_and_full_sync(tmp_path):
    db = open_database(tmp_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert {"guardian", "child_profiles", "conversations", "messages"} <= set(db.table_names())
    db.close()


def test_reopening_applies_nothing_twice(tmp_path):
    open_database(tmp_path).close()
    db = open_database(tmp_path)
    rows = list(db.query("select migration_set, name, count(*) n from _sqlite_migrations group by 1, 2"))
    assert rows and all(r["n"] == 1 for r in rows)
    db.close()


def test_foreign_keys_are_enforced(tmp_path):
    db = open_database(tmp_path)
    with pytest.raises(sqlite3.IntegrityError):
        db["conversations"].insert({"profile_id": 999, "persona_id": "buddy", "started_at": "2026-01-01"})
    db.close()


def test_corrupt_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / DB_FILENAME
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(tmp_path)
    assert info.value.key == "corrupt"
    assert path.read_bytes() == garbage


def test_database_from_newer_version_is_refused_and_left_unchanged(tmp_path):
    db = open_database(tmp_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "hearth.profiles", "name": "from_the_future", "applied_at": "2099-01-01"}
    )
    db.close()
    before = (tmp_path / DB_FILENAME).stat().st_size
    with pytest.raises(DatabaseTooNewError) as info:
        open_database(tmp_path)
    assert "from_the_future" in info.value.detail
    assert info.value.path == tmp_path / DB_FILENAME
    assert (tmp_path / DB_FILENAME).stat().st_size == before


def test_data_dir_on_a_read_only_filesystem_is_refused():
    # /proc refuses new folders even for root, so this holds on CI too.
    with pytest.raises(DataDirNotWritableError) as info:
        open_database(Path("/proc/hearth-cannot-be-here"))
    assert info.value.key == "not_writable"


def test_data_dir_that_is_a_file_is_refused(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirNotWritableError) as info:
        open_database(blocker)
    assert info.value.key == "not_writable"
    assert blocker.read_text() == "not a folder"
