"""Tables of the complaints area (append-only migrations, set ``hearth.complaints``).

- ``complaint_tickets`` holds reports, general complaints and "I am an adult" appeals (R16, R27).
  ``AUTOINCREMENT`` makes SQLite never reuse a row id, and the human id shown on the receipt is
  derived from it, so a receipt can never come to name a different ticket.
  There are deliberately **no foreign keys** to ``child_profiles`` or ``messages``: a report must
  survive when the guardian deletes the chat history (R24) or the profile. For the same reason
  the reported message's text and the child's display name are *copied* into the ticket.
- ``complaint_ticket_history`` is the append-only log of status changes, one row per change,
  with the guardian's note.

Times are ISO-8601 strings in UTC with a fixed format, so they compare correctly as text.
"""

from sqlite_utils import Migrations

migrations = Migrations("hearth.complaints")


@migrations()
def create_complaint_tickets(db):
    db.execute(
        """
        CREATE TABLE complaint_tickets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            human_id TEXT UNIQUE,  -- set in the same transaction as the insert
            kind TEXT NOT NULL,
            profile_id INTEGER NOT NULL,
            child_name TEXT NOT NULL,
            message_id INTEGER,
            reason TEXT,
            text TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            due_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
        )
        """
    )
    db["complaint_tickets"].create_index(["status", "due_at"])
    db["complaint_tickets"].create_index(["profile_id", "kind", "status"])
    db["complaint_ticket_history"].create(
        {
            "id": int,
            "ticket_id": int,
            "at": str,
            "from_status": str,
            "to_status": str,
            "note": str,
            "by": str,
        },
        pk="id",
        foreign_keys=[("ticket_id", "complaint_tickets", "id")],
        not_null={"ticket_id", "at", "to_status", "by"},
        defaults={"note": ""},
    )
    db["complaint_ticket_history"].create_index(["ticket_id", "id"])
