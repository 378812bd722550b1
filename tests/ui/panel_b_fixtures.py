"""Fixtures for the Companion, Alerts and Data page tests: a real SQLite file, a guardian core
(enrolled with a PIN) and a ``PanelContext`` as the panel builds it.

Import them into a test module by assignment (so linters see no unused or shadowed import)::

    from tests.ui import panel_b_fixtures as _fx

    panel_ctx = _fx.panel_ctx

``panel_ctx`` keeps secrets in the guardian-chosen file fallback (no D-Bus needed);
``keyring_ctx`` uses the real Secret Service from ``tests/integration/secret_service.py``.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.alerts import AlertService, ChannelRepository
from desktop.family_settings import FamilySettings
from desktop.guardian.core import GuardianCore, fallback_status, open_guardian
from desktop.guardian.secrets import FileSecretBackend, SecretStore
from desktop.profiles.models import Guardian, Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage.database import DB_FILENAME
from tests.integration import secret_service as _secret_service
from ui.parental.page import PanelContext

secret_service = _secret_service.secret_service
keyring_service = _secret_service.keyring_service

PIN = "592016"
GUARDIAN_NAME = "Anna"


def _context(core: GuardianCore, db, data_dir: Path, clock) -> PanelContext:
    ProfileRepository(db).save_guardian(Guardian(GUARDIAN_NAME, email="anna@example.org"), now=clock.now())
    settings = FamilySettings(core.settings)
    alerts = AlertService(db, clock, ChannelRepository(db).all())
    backend_changes: list[bool] = []
    ctx = PanelContext(
        db=db,
        data_dir=data_dir,
        clock=clock,
        guardian=core,
        settings=settings,
        alerts=alerts,
        on_backend_changed=lambda: backend_changes.append(True),
    )
    ctx.backend_changes = backend_changes  # what the tests check was called
    return ctx


@pytest.fixture
def panel_ctx(app_db, data_dir, clock):
    path = data_dir / "secrets.fallback.json"
    core = GuardianCore(app_db, data_dir, clock, SecretStore(FileSecretBackend(path), fallback_status(path)))
    core.enrol(PIN)
    return _context(core, app_db, data_dir, clock)


@pytest.fixture
def keyring_ctx(app_db, data_dir, clock, keyring_service, secret_service):
    core = open_guardian(app_db, data_dir, clock, service=keyring_service, keyring_backend=secret_service)
    core.enrol(PIN)
    return _context(core, app_db, data_dir, clock)


def add_child(ctx: PanelContext, name: str, age: int, language: Language = Language.EN):
    today = ctx.clock.now().date()
    birthday = date(today.year - age, 1, 1)  # exactly ``age`` on every day of the year
    return ProfileRepository(ctx.db).add_child(name, birthday, language, now=ctx.clock.now())


def database_bytes(data_dir: Path) -> bytes:
    """The database file with its WAL and shared-memory files: everything SQLite wrote."""
    return b"".join(p.read_bytes() for p in sorted(Path(data_dir).glob(DB_FILENAME + "*")))


def answer_modal(act) -> list:
    """Run ``act(dialog)`` on the next modal dialog from inside its own event loop (the way a
    guardian answers it); the returned list holds the dialog once that has happened."""
    done = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        act(dialog)
        done.append(dialog)

    QTimer.singleShot(0, poll)
    return done


def wait_for(predicate, timeout: float = 10.0) -> bool:
    """Poll with a deadline (for non-Qt conditions; Qt ones use ``qtbot.waitUntil``)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return bool(predicate())


def unnamed_controls(root) -> list[str]:
    """Interactive widgets a screen reader could not name (no text, no accessible name)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
    )

    missing = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView):
        for w in root.findChildren(kind):
            if w.objectName().startswith("qt_") or w.window() is not root.window() or isinstance(w, QHeaderView):
                continue  # Qt's own parts: a table's headers and corner button, a combo's popup
            text = w.text() if isinstance(w, QAbstractButton) else ""
            if not (text or w.accessibleName()):
                missing.append(f"{type(w).__name__} {w.objectName()!r}")
    return missing


def retranslates(page) -> bool:
    """A LanguageChange event reaches the page and its strings are set again."""
    from PySide6.QtCore import QEvent

    before = page.title()
    QApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    return page.title() == before and not unnamed_controls(page)
