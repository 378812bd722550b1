"""Tables for conversations and messages (append-only migrations)."""

from sqlite_utils import Migrations

migrations = Migrations("hearth.companion")


@migrations()
def create_conversations_and_messages(db):
    db["conversations"].create(
        {
            "id": int,
            "profile_id": int,
            "persona_id": str,
            "started_at": str,
            "ended_at": str,
            "end_reason": str,
        },
        pk="id",
        foreign_keys=[("profile_id", "child_profiles", "id")],
        not_null={"profile_id", "persona_id", "started_at"},
    )
    db["messages"].create(
        {
            "id": int,
            "conversation_id": int,
            "role": str,
            "content": str,
            "status": str,
            "created_at": str,
            "meta": str,
        },
        pk="id",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "role", "content", "status", "created_at"},
    )
    db["messages"].create_index(["conversation_id", "id"])
    db["conversations"].create_index(["profile_id", "started_at"])
