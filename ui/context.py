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
    #: Built on first use (``ensure_backend``): the companion is not needed to show the window.
    backend: ChatBackend | None
    profiles: ProfileRepository
    conversations: ConversationRepository
    seed: int | None = None
    quiet_disclosure: bool = False
    #: ``desktop.guardian.core.GuardianCore``. None only in tests of the chat view alone; the
    #: app always has one, and without it no limits, consent or alerts would apply.
    guardian: object | None = None
    settings: object | None = None  # FamilySettings
    clock_guard: object | None = None  # desktop.limits.clockguard.ClockGuard (one per process)
    alerts: object | None = None  # AlertService
    alert_runner: object | None = None  # AlertDispatcherThread
    alert_sink: object | None = None  # desktop.alerts.emergency.FamilyAlertSink (what the chat uses)
    complaints: object | None = None  # ComplaintRepository
    notifier: object | None = None  # ui.notify.NotificationDispatcher
    safety: object | None = None  # desktop.safety reviewer for ConversationService
    keyring_service: str = ""
    #: Work that may wait until the window is up (alert senders, safety lexicons).
    background_start: object | None = None

    #: Called by ``ensure_backend`` to build the guardian's chosen backend.
    backend_builder: object | None = None

    def ensure_backend(self) -> ChatBackend:
        if self.backend is None:
            if self.backend_builder is not None:
                self.backend_builder(self)
            if self.backend is None:
                from desktop.companion.backend_factory import make_backend

                self.backend = make_backend()
        return self.backend

    @staticmethod
    def icon(name: str) -> str | None:
        path = resource_path("icons", name)
        return str(path) if path.exists() else None
