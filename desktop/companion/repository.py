"""Conversations and messages in SQLite.

History is read in pages by keyset (``id < ?``), never by OFFSET, so opening the newest page of
a 100,000-message conversation costs the same as opening a short one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlite_utils import Database

from desktop.companion.backends.base import Role


class MessageStatus(StrEnum):
    SENT = "sent"  # a child's message, stored before any network I/O
    COMPLETE = "complete"  # a full reply
    PARTIAL = "partial"  # a reply cut short (stop button, limit reached, exit)
    FAILED = "failed"  # the backend failed; the child's message stays and can be retried
    BLOCKED = "blocked"  # replaced by the output filter or a safety intervention
    NOTICE = "notice"  # a fixed, kind reply from Hearth itself (not the model)


@dataclass(frozen=True)
class StoredMessage:
    id: int
    conversation_id: int
    role: Role
    content: str
    status: MessageStatus
    created_at: datetime
    meta: dict


@dataclass(frozen=True)
class Conversation:
    id: int
    profile_id: int
    persona_id: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None


class ConversationRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- conversations --------------------------------------------------------------------
    def start(self, profile_id: int, persona_id: str, *, now: datetime) -> Conversation:
        table = self.db["conversations"]
        table.insert({"profile_id": profile_id, "persona_id": persona_id, "started_at": now.isoformat()})
        return self.get(table.last_pk)

    def get(self, conversation_id: int) -> Conversation:
        return _conversation(self.db["conversations"].get(conversation_id))

    def end(self, conversation_id: int, reason: str, *, now: datetime) -> None:
        self.db["conversations"].update(conversation_id, {"ended_at": now.isoformat(), "end_reason": reason})

    def for_profile(self, profile_id: int) -> list[Conversation]:
        rows = self.db["conversations"].rows_where("profile_id = ?", [profile_id], order_by="id desc")
        return [_conversation(r) for r in rows]

    def latest(self, profile_id: int) -> Conversation | None:
        rows = list(
            self.db["conversations"].rows_where("profile_id = ?", [profile_id], order_by="id desc", limit=1)
        )
        return _conversation(rows[0]) if rows else None

    def delete(self, conversation_id: int) -> None:
        with self.db.atomic():
            self.db.execute("delete from messages where conversation_id = ?", [conversation_id])
            self.db["conversations"].delete(conversation_id)

    def delete_all(self, profile_id: int) -> int:
        ids = [c.id for c in self.for_profile(profile_id)]
        with self.db.atomic():
            for cid in ids:
                self.db.execute("delete from messages where conversation_id = ?", [cid])
            self.db.execute("delete from conversations where profile_id = ?", [profile_id])
        return len(ids)

    def purge_older_than(self, cutoff: datetime) -> int:
        """Delete whole conversations that started before ``cutoff`` (retention, R26)."""
        rows = list(self.db.query("select id from conversations where started_at < ?", [cutoff.isoformat()]))
        with self.db.atomic():
            for row in rows:
                self.db.execute("delete from messages where conversation_id = ?", [row["id"]])
                self.db.execute("delete from conversations where id = ?", [row["id"]])
        return len(rows)

    # -- messages -------------------------------------------------------------------------
    def add_message(
        self,
        conversation_id: int,
        role: Role,
        content: str,
        status: MessageStatus,
        *,
        now: datetime,
        meta: dict | None = None,
    ) -> StoredMessage:
        table = self.db["messages"]
        table.insert(
            {
                "conversation_id": conversation_id,
                "role": role.value,
                "content": content,
                "status": status.value,
                "created_at": now.isoformat(),
                "meta": json.dumps(meta or {}, ensure_ascii=False),
            }
        )
        return self.message(table.last_pk)

    def update_message(self, message_id: int, content: str, status: MessageStatus, meta: dict | None = None) -> None:
        values = {"content": content, "status": status.value}
        if meta is not None:
            values["meta"] = json.dumps(meta, ensure_ascii=False)
        self.db["messages"].update(message_id, values)

    def message(self, message_id: int) -> StoredMessage:
        return _message(self.db["messages"].get(message_id))

    def count(self, conversation_id: int) -> int:
        row = self.db.execute("select count(*) from messages where conversation_id = ?", [conversation_id]).fetchone()
        return row[0]

    def page_before(self, conversation_id: int, before_id: int | None, limit: int) -> list[StoredMessage]:
        """Up to ``limit`` messages older than ``before_id`` (newest page when None), oldest first."""
        if before_id is None:
            sql = "select * from messages where conversation_id = ? order by id desc limit ?"
            params = [conversation_id, limit]
        else:
            sql = "select * from messages where conversation_id = ? and id < ? order by id desc limit ?"
            params = [conversation_id, before_id, limit]
        rows = list(self.db.query(sql, params))
        rows.reverse()
        return [_message(r) for r in rows]

    def recent(self, conversation_id: int, limit: int) -> list[StoredMessage]:
        return self.page_before(conversation_id, None, limit)

    def all_messages(self, conversation_id: int) -> list[StoredMessage]:
        rows = self.db["messages"].rows_where("conversation_id = ?", [conversation_id], order_by="id")
        return [_message(r) for r in rows]


def _conversation(row: dict) -> Conversation:
    return Conversation(
        id=row["id"],
        profile_id=row["profile_id"],
        persona_id=row["persona_id"],
        started_at=datetime.fromisoformat(row["started_at"]),
        ended_at=datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
        end_reason=row["end_reason"],
    )


def _message(row: dict) -> StoredMessage:
    return StoredMessage(
        id=row["id"],
        conversation_id=row["conversation_id"],
        role=Role(row["role"]),
        content=row["content"],
        status=MessageStatus(row["status"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        meta=json.loads(row["meta"] or "{}"),
    )
