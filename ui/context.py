"""The bundle of core services the composition root builds once and every screen shares."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.clock import Clock
from desktop.companion.backends.base import ChatBackend
from desktop.companion.repository import ConversationRepository
from desktop.profiles.repository import ProfileRepository
from desktop.resources import resource_path


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    clock: Clock
    backend: ChatBackend
    profiles: ProfileRepository
    conversations: ConversationRepository
    seed: int | None = None
    quiet_disclosure: bool = False

    @staticmethod
    def icon(name: str) -> str | None:
        path = resource_path("icons", name)
        return str(path) if path.exists() else None
