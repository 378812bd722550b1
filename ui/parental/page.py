"""The contract every parental-panel page keeps (Picard's option pages, in Hearth's words).

A page reads its settings in ``load()``, writes them in ``save()`` and puts the shipped defaults
back in its widgets with ``restore_defaults()`` (the guardian still has to press Save). Pages
that only show data (reports, audit) implement ``save`` and ``restore_defaults`` as no-ops and
say so. ``changed`` tells the panel there is something unsaved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from desktop.clock import Clock


@dataclass
class PanelContext:
    """What pages need. ``guardian`` is a ``desktop.guardian.core.GuardianCore``;
    ``settings`` a ``desktop.family_settings.FamilySettings``; ``alerts`` an
    ``desktop.alerts.AlertService`` or None; ``complaints`` a ComplaintRepository or None."""

    db: Database
    data_dir: Path
    clock: Clock
    guardian: object
    settings: object
    alerts: object | None = None
    complaints: object | None = None
    on_backend_changed: object | None = None  # callable() after the backend setting changes


class PanelPage(QWidget):
    changed = Signal()
    #: A stable id for tests and for remembering the last page.
    page_id = "page"

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def restore_defaults(self) -> None:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Re-set every visible string; called on LanguageChange."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
