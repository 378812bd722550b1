"""Opening Hearth's SQLite database safely.

Every subsystem owns its tables through its own append-only sqlite-utils ``Migrations`` set,
listed in :mod:`desktop.storage.schema`. Opening the database applies what is pending, and refuses
(with a typed error the UI can translate) a file that is corrupt, was written by a newer Hearth,
or lives in a folder we cannot write — in each case without touching the file, so nothing is lost.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

DB_FILENAME = "hearth.db"


class StorageError(Exception):
    """Base for problems that stop Hearth from using its database."""

    #: Stable key the UI maps to a translated sentence.
    key = "storage"

    def __init__(self, path: Path, detail: str = ""):
        super().__init__(f"{self.key}: {path}{': ' + detail if detail else ''}")
        self.path = path
        self.detail = detail


class DatabaseCorruptError(StorageError):
    """The file is not a readable SQLite database; it is left exactly as it was."""

    key = "corrupt"


class DatabaseTooNewError(StorageError):
    """A newer Hearth wrote migrations this version does not know; opening could damage them."""

    key = "too_new"


class DataDirNotWritableError(StorageError):
    """The data directory cannot be created or written."""

    key = "not_writable"


# ``execute_plugins=False``: no third-party sqlite-utils plugin runs on a family's database, and
# start-up skips scanning every installed package's entry points.


def _configure(db: Database, *, durable: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if durable:
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: the usage ledger must survive a SIGKILL or a power cut (DESIGN.md).
        db.execute("PRAGMA synchronous = FULL")


def _known_sets() -> list[Migrations]:
    from desktop.storage.schema import MIGRATION_SETS

    return MIGRATION_SETS


def _check_not_newer(db: Database, sets: list[Migrations]) -> None:
    table = Migrations.migrations_table
    if not db[table].exists():
        return
    known = {(m.name, mig.name) for m in sets for mig in m._migrations}
    known_sets = {m.name for m in sets}
    for row in db.query(f"select migration_set, name from [{table}]"):
        pair = (row["migration_set"], row["name"])
        ours = row["migration_set"] in known_sets or row["migration_set"].startswith("hearth.")
        if ours and pair not in known:
            raise DatabaseTooNewError(Path(), f"unknown migration {pair[0]}/{pair[1]}")


def migrate(db: Database) -> None:
    """Apply every pending migration of every subsystem, refusing a newer schema first."""
    sets = _known_sets()
    _check_not_newer(db, sets)
    for migration_set in sets:
        migration_set.apply(db)


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) ``data_dir/hearth.db`` and bring its schema up to date."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise DataDirNotWritableError(data_dir, exc.strerror or str(exc)) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirNotWritableError(data_dir, "permission denied")
    path = data_dir / DB_FILENAME
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DataDirNotWritableError(path, "permission denied")
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        db = Database(conn, execute_plugins=False)
        result = db.execute("PRAGMA quick_check").fetchone()
        if result is None or result[0] != "ok":
            conn.close()
            raise DatabaseCorruptError(path, str(result[0]) if result else "no answer")
        _configure(db, durable=True)
        migrate(db)
    except DatabaseTooNewError as exc:
        conn.close()
        raise DatabaseTooNewError(path, exc.detail) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "readonly" in str(exc) or "unable to open" in str(exc):
            raise DataDirNotWritableError(path, str(exc)) from exc
        raise DatabaseCorruptError(path, str(exc)) from exc
    return db


def open_memory_database() -> Database:
    """An in-memory database with the full schema, for tests and benchmarks."""
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    db = Database(conn, execute_plugins=False)
    _configure(db, durable=False)
    migrate(db)
    return db
