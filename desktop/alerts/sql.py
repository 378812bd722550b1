"""Small SQLite helpers shared by the outbox, the dispatcher and the reminder rotation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlite_utils import Database


@contextmanager
def immediate_transaction(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock up front.

    A deferred ``BEGIN`` that reads first and writes later fails at once with "database is
    locked" if another connection (the dispatcher thread has its own) wrote in between;
    ``BEGIN IMMEDIATE`` waits on ``busy_timeout`` instead. Nested use becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def to_db_time(moment: datetime) -> str:
    """UTC, microseconds, fixed width: such strings sort like the moments they name."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the core works with aware times only")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
