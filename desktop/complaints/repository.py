"""Filing and following complaint tickets in SQLite (R16, R27).

The repository only records: it never changes a profile, a limit or minor mode. In particular an
"I am an adult" appeal is a ticket like any other; accepting it is the guardian's decision in the
PIN-locked panel, which then changes the profile through its own code path (R16: an appeal never
unlocks anything by itself).

A report copies the reported message's text into the ticket (``evidence``). Deleting the chat
history (R24) or the profile therefore does not destroy the evidence a complaint is about; a
guardian who wants that gone too deletes the tickets (``delete_for_profile``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from desktop.companion.backends.base import Role
from desktop.complaints.models import (
    MAX_EVIDENCE_LENGTH,
    MAX_TEXT_LENGTH,
    ComplaintCategory,
    ComplaintError,
    ReportableMessage,
    ReportReason,
    StatusChange,
    Ticket,
    TicketKind,
    TicketStatus,
    format_human_id,
    guardian_due_at,
)

#: Who filed a ticket, as written in its first history line.
FILED_BY_CHILD = "child"


class ComplaintRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- filing ---------------------------------------------------------------------------
    def file_report(
        self,
        profile_id: int,
        message_id: int,
        reason: ReportReason | str,
        comment: str,
        now: datetime,
    ) -> Ticket:
        """Report one AI message; its text is copied into the ticket as evidence."""
        reason = _parse(ReportReason, reason, "reason")
        message = self.reportable_message(profile_id, message_id)
        evidence = message.content
        if len(evidence) > MAX_EVIDENCE_LENGTH:
            evidence = evidence[: MAX_EVIDENCE_LENGTH - 1] + "…"
        return self._file(
            TicketKind.REPORT, profile_id, now,
            message_id=message_id, reason=reason.value,
            text=_clean_text(comment, required=False), evidence=evidence,
        )

    def file_complaint(
        self, profile_id: int, category: ComplaintCategory | str, text: str, now: datetime
    ) -> Ticket:
        category = _parse(ComplaintCategory, category, "category")
        return self._file(
            TicketKind.COMPLAINT, profile_id, now,
            reason=category.value, text=_clean_text(text, required=True),
        )

    def file_appeal(self, profile_id: int, text: str, now: datetime) -> Ticket:
        """Record "I am an adult" for the guardian's inbox. Changes nothing else (R16)."""
        return self._file(TicketKind.APPEAL, profile_id, now, text=_clean_text(text, required=False))

    def reportable_message(self, profile_id: int, message_id: int) -> ReportableMessage:
        """The AI message ``message_id`` of ``profile_id``'s chats, or ComplaintError.

        Only the companion's messages can be reported, and only by the profile that received
        them, so a ticket's evidence always belongs to the child who filed it.
        """
        row = next(
            self.db.query(
                "select m.id, m.role, m.content, c.profile_id from messages m"
                " join conversations c on c.id = m.conversation_id where m.id = ?",
                [message_id],
            ),
            None,
        )
        if row is None or row["profile_id"] != profile_id:
            raise ComplaintError("unknown_message", f"no message {message_id} for profile {profile_id}")
        if row["role"] != Role.ASSISTANT.value:
            raise ComplaintError("not_ai_message", "only the companion's messages can be reported")
        return ReportableMessage(row["id"], row["content"])

    def _file(
        self,
        kind: TicketKind,
        profile_id: int,
        now: datetime,
        *,
        message_id: int | None = None,
        reason: str | None = None,
        text: str = "",
        evidence: str = "",
    ) -> Ticket:
        _require_aware(now)
        profile = next(
            self.db.query("select display_name from child_profiles where id = ?", [profile_id]), None
        )
        if profile is None:
            raise ComplaintError("unknown_profile", f"no profile {profile_id}")
        with self.db.atomic():
            cursor = self.db.execute(
                "insert into complaint_tickets (kind, profile_id, child_name, message_id, reason,"
                " text, evidence, created_at, due_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    kind.value, profile_id, profile["display_name"], message_id, reason, text,
                    evidence, _to_db(now), _to_db(guardian_due_at(now)), TicketStatus.OPEN.value,
                ],
            )
            ticket_id = cursor.lastrowid
            self.db.execute(
                "update complaint_tickets set human_id = ? where id = ?",
                [format_human_id(ticket_id, now), ticket_id],
            )
            self._add_history(ticket_id, now, None, TicketStatus.OPEN, "", FILED_BY_CHILD)
        return self.get(ticket_id)

    # -- reading --------------------------------------------------------------------------
    def get(self, ticket_id: int) -> Ticket:
        row = next(self.db.query("select * from complaint_tickets where id = ?", [ticket_id]), None)
        if row is None:
            raise ComplaintError("unknown_ticket", f"no ticket {ticket_id}")
        return self._ticket(row)

    def by_human_id(self, human_id: str) -> Ticket:
        row = next(
            self.db.query(
                "select * from complaint_tickets where human_id = ?", [human_id.strip().upper()]
            ),
            None,
        )
        if row is None:
            raise ComplaintError("unknown_ticket", f"no ticket {human_id}")
        return self._ticket(row)

    def tickets(
        self,
        status: TicketStatus | str | None = None,
        profile_id: int | None = None,
        kind: TicketKind | str | None = None,
    ) -> list[Ticket]:
        """Tickets, newest first, optionally filtered."""
        where, params = [], []
        if status is not None:
            where.append("status = ?")
            params.append(TicketStatus(status).value)
        if profile_id is not None:
            where.append("profile_id = ?")
            params.append(profile_id)
        if kind is not None:
            where.append("kind = ?")
            params.append(TicketKind(kind).value)
        sql = "select * from complaint_tickets"
        if where:
            sql += " where " + " and ".join(where)
        rows = list(self.db.query(sql + " order by id desc", params))
        return self._tickets(rows)

    def overdue(self, now: datetime) -> list[Ticket]:
        """Open or in-review tickets whose guardian deadline has passed, oldest due first."""
        rows = list(
            self.db.query(
                "select * from complaint_tickets where status in (?, ?) and due_at < ?"
                " order by due_at, id",
                [TicketStatus.OPEN.value, TicketStatus.IN_REVIEW.value, _to_db(now)],
            )
        )
        return self._tickets(rows)

    def open_appeal(self, profile_id: int) -> Ticket | None:
        """The newest undecided appeal of a profile, so the child is not asked to file twice."""
        rows = list(
            self.db.query(
                "select * from complaint_tickets where profile_id = ? and kind = ?"
                " and status in (?, ?) order by id desc limit 1",
                [profile_id, TicketKind.APPEAL.value, TicketStatus.OPEN.value, TicketStatus.IN_REVIEW.value],
            )
        )
        return self._ticket(rows[0]) if rows else None

    # -- changing -------------------------------------------------------------------------
    def set_status(
        self, ticket_id: int, status: TicketStatus | str, note: str, by: str, now: datetime
    ) -> Ticket:
        """Move a ticket to ``status`` and log who did it, when, and why.

        Any move is allowed, including reopening a closed ticket: the guardian may change their
        mind, and the history keeps every step. Setting the same status again records the note.
        """
        _require_aware(now)
        status = _parse(TicketStatus, status, "status")
        if not by.strip():
            raise ComplaintError("by_required", "a status change needs its author")
        note = _clean_text(note, required=False)
        with self.db.atomic():
            current = self.get(ticket_id).status
            self.db.execute("update complaint_tickets set status = ? where id = ?", [status.value, ticket_id])
            self._add_history(ticket_id, now, current, status, note, by.strip())
        return self.get(ticket_id)

    def delete_for_profile(self, profile_id: int) -> int:
        """Delete a profile's tickets and their history (the guardian's choice, R24)."""
        ids = [r["id"] for r in self.db.query("select id from complaint_tickets where profile_id = ?", [profile_id])]
        with self.db.atomic():
            for ticket_id in ids:
                self.db.execute("delete from complaint_ticket_history where ticket_id = ?", [ticket_id])
            self.db.execute("delete from complaint_tickets where profile_id = ?", [profile_id])
        return len(ids)

    def purge_closed_before(self, cutoff: datetime) -> int:
        """Delete resolved or rejected tickets filed before ``cutoff`` (retention, R26).

        Open and in-review tickets are kept whatever their age: a complaint nobody answered
        must not disappear by itself.
        """
        _require_aware(cutoff)
        ids = [
            r["id"]
            for r in self.db.query(
                "select id from complaint_tickets where status in (?, ?) and created_at < ?",
                [TicketStatus.RESOLVED.value, TicketStatus.REJECTED.value, _to_db(cutoff)],
            )
        ]
        with self.db.atomic():
            for ticket_id in ids:
                self.db.execute("delete from complaint_ticket_history where ticket_id = ?", [ticket_id])
                self.db.execute("delete from complaint_tickets where id = ?", [ticket_id])
        return len(ids)

    # -- rows -----------------------------------------------------------------------------
    def _add_history(self, ticket_id, now, from_status, to_status, note, by) -> None:
        self.db["complaint_ticket_history"].insert(
            {
                "ticket_id": ticket_id,
                "at": _to_db(now),
                "from_status": from_status.value if from_status else None,
                "to_status": to_status.value,
                "note": note,
                "by": by,
            }
        )

    def _history(self, ticket_ids: list[int]) -> dict[int, list[StatusChange]]:
        found: dict[int, list[StatusChange]] = {i: [] for i in ticket_ids}
        for start in range(0, len(ticket_ids), 500):
            chunk = ticket_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(
                f"select * from complaint_ticket_history where ticket_id in ({marks}) order by id", chunk
            ):
                found[row["ticket_id"]].append(
                    StatusChange(
                        at=_from_db(row["at"]),
                        from_status=TicketStatus(row["from_status"]) if row["from_status"] else None,
                        to_status=TicketStatus(row["to_status"]),
                        note=row["note"] or "",
                        by=row["by"],
                    )
                )
        return found

    def _tickets(self, rows: list[dict]) -> list[Ticket]:
        history = self._history([r["id"] for r in rows])
        return [_ticket(r, history[r["id"]]) for r in rows]

    def _ticket(self, row: dict) -> Ticket:
        return _ticket(row, self._history([row["id"]])[row["id"]])


def _ticket(row: dict, history: list[StatusChange]) -> Ticket:
    return Ticket(
        id=row["id"],
        human_id=row["human_id"],
        kind=TicketKind(row["kind"]),
        profile_id=row["profile_id"],
        child_name=row["child_name"],
        message_id=row["message_id"],
        reason=row["reason"],
        text=row["text"] or "",
        evidence=row["evidence"] or "",
        created_at=_from_db(row["created_at"]),
        due_at=_from_db(row["due_at"]),
        status=TicketStatus(row["status"]),
        history=tuple(history),
    )


def _parse(enum, value, key: str):
    try:
        return enum(value)
    except ValueError:
        raise ComplaintError(key, f"unknown {key}: {value!r}") from None


def _clean_text(text: str | None, *, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise ComplaintError("text_required", "please say what the problem is")
    if len(text) > MAX_TEXT_LENGTH:
        raise ComplaintError("text_too_long", f"at most {MAX_TEXT_LENGTH} characters")
    return text


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the core works with aware times only")


def _to_db(moment: datetime) -> str:
    """UTC, microseconds, fixed width: such strings sort like the moments they name."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_db(text: str) -> datetime:
    return datetime.fromisoformat(text)
