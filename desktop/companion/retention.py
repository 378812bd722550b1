"""Retention: chat history older than the guardian's limit is deleted (R26, R24).

The lead runs :func:`purge_expired` at start-up and once a day with
``FamilySettings.retention_days()`` (90 by default). What counts is when a message was written,
not when its conversation began: a conversation the child resumed keeps its recent messages and
loses only the old ones, and a conversation disappears once nothing in it is young enough.

Times are compared with SQLite's ``julianday()``, which understands the UTC offsets stored with
every timestamp, so a family that changed time zone (or a summer-time switch) does not keep or
lose a day of history by string order. A timestamp SQLite cannot read is kept, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.companion.repository import ConversationRepository
from desktop.family_settings import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from desktop.guardian.audit import Actor, AuditKind, AuditLog

AUDIT_KIND = AuditKind.HISTORY_PURGED


@dataclass(frozen=True)
class PurgeReport:
    cutoff: datetime
    messages: int
    conversations: int


class _At:
    """A clock stopped at ``now``, so the audit event carries the purge's own time."""

    def __init__(self, now: datetime):
        self._now = now

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return 0.0

    def boot_offset(self) -> float:
        return 0.0


def retention_cutoff(now: datetime, days: int) -> datetime:
    """The instant before which history is expired; ``now`` must be timezone-aware."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (use the injected Clock)")
    days = int(days)
    if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        raise ValueError(f"retention must be {MIN_RETENTION_DAYS}..{MAX_RETENTION_DAYS} days")
    return now - timedelta(days=days)


def purge(repo: ConversationRepository, now: datetime, days: int) -> PurgeReport:
    """Delete expired messages, then conversations that are expired and empty."""
    cutoff = retention_cutoff(now, days).isoformat()
    db = repo.db
    with db.atomic():
        messages = db.execute(
            "delete from messages where julianday(created_at) < julianday(?)", [cutoff]
        ).rowcount
        conversations = db.execute(
            "delete from conversations where julianday(started_at) < julianday(?) "
            "and not exists (select 1 from messages m where m.conversation_id = conversations.id)",
            [cutoff],
        ).rowcount
    return PurgeReport(datetime.fromisoformat(cutoff), messages, conversations)


def purge_expired(
    repo: ConversationRepository, now: datetime, days: int, *, audit: AuditLog | None = None
) -> int:
    """Apply the retention limit; returns how many conversations were deleted entirely.

    When anything was deleted, an audit event (``history.purged``, actor ``system``) records the
    cutoff and the counts, so the guardian can see that retention works. ``audit`` defaults to
    the database's own audit log.
    """
    report = purge(repo, now, days)
    if report.messages or report.conversations:
        log = audit if audit is not None else AuditLog(repo.db, _At(now))
        log.record(
            Actor.SYSTEM,
            AUDIT_KIND,
            {
                "retention_days": int(days),
                "cutoff": report.cutoff.isoformat(),
                "messages": report.messages,
                "conversations": report.conversations,
            },
        )
    return report.conversations
