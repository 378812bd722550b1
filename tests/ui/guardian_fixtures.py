"""Fixtures for the guardian screens: a real Secret Service, a real SQLite file, real argon2.

Import what a test module needs by assignment (so linters see no unused import)::

    from tests.ui import guardian_fixtures as gf

    secret_service = gf.secret_service
    keyring_service = gf.keyring_service
    home = gf.home
    family = gf.family

``home`` is a data folder whose guardian core talks to the real keyring under a unique service
name; ``family`` is the same after a setup (PIN ``PIN``, guardian Ana, child Lily aged 10).
``on_modal`` answers a modal dialog opened by the code under test — the real dialog, found on
screen and driven like a user would, polled with a deadline (no sleeps).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.family_settings import FamilySettings
from desktop.guardian.core import GuardianCore, open_guardian
from desktop.profiles.models import ChildProfile, Guardian, Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database
from tests.integration import secret_service as _secret_service
from ui.parental.page import PanelContext

secret_service = _secret_service.secret_service
keyring_service = _secret_service.keyring_service

PIN = "592016"
GUARDIAN = Guardian(
    name="Ana Li",
    email="ana@example.org",
    phone="+86 138 0000 0000",
    emergency_name="Wei Li",
    emergency_phone="+86 139 0000 0000",
)


@dataclass
class Home:
    data_dir: Path
    service: str
    backend: object
    clock: object
    db: object = None
    core: GuardianCore | None = None

    def open(self) -> GuardianCore:
        """A fresh start of Hearth on this folder (new connection, new core)."""
        self.close()
        self.db = open_database(self.data_dir)
        self.core = open_guardian(
            self.db, self.data_dir, self.clock, service=self.service, keyring_backend=self.backend
        )
        return self.core

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def keyring_entry(self, entry: str) -> str | None:
        return self.backend.get_password(self.service, entry)

    def context(self) -> PanelContext:
        return PanelContext(
            db=self.db,
            data_dir=self.data_dir,
            clock=self.clock,
            guardian=self.core,
            settings=FamilySettings(self.core.settings),
        )


@pytest.fixture
def home(tmp_path, keyring_service, secret_service, clock):
    home = Home(tmp_path / "data", keyring_service, secret_service, clock)
    home.open()
    yield home
    home.close()


@dataclass
class Family:
    home: Home
    child: ChildProfile
    session: object
    recovery_code: str

    @property
    def core(self) -> GuardianCore:
        return self.home.core

    @property
    def db(self):
        return self.home.db

    def context(self) -> PanelContext:
        return self.home.context()


@pytest.fixture
def family(home):
    """A family set up through the core's own one-shot setup (one argon2 pair)."""
    core = home.core
    made: list[ChildProfile] = []

    def populate(_session):
        now = home.clock.now()
        profiles = ProfileRepository(home.db)
        profiles.save_guardian(GUARDIAN, now=now)
        made.append(profiles.add_child("Lily", date(2016, 3, 1), Language.EN, now=now))

    enrolment = core.enrol(PIN, populate=populate)
    return Family(home, made[0], enrolment.session, enrolment.recovery_code)


class ModalAnswer:
    """Finds the next visible top-level ``cls`` and runs ``action`` on it (see ``on_modal``)."""

    def __init__(self, cls, action, timeout_s: float):
        self.cls, self.action = cls, action
        self.deadline = time.monotonic() + timeout_s
        self.seen: QWidget | None = None
        self.error: BaseException | None = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, self.cls) and widget.isVisible():
                self.timer.stop()
                self.seen = widget
                try:
                    self.action(widget)
                except BaseException as exc:  # surfaced by check(); close so the test goes on
                    self.error = exc
                    widget.reject()
                return
        if time.monotonic() > self.deadline:
            self.timer.stop()
            self.error = TimeoutError(f"no {self.cls.__name__} appeared")

    def check(self) -> QWidget:
        self.timer.stop()
        if self.error is not None:
            raise self.error
        assert self.seen is not None, f"no {self.cls.__name__} was shown"
        return self.seen


def on_modal(cls, action, timeout_s: float = 10.0) -> ModalAnswer:
    """Arm an answer *before* the call that opens a modal dialog; ``check()`` afterwards."""
    return ModalAnswer(cls, action, timeout_s)


def enter_pin(pin: str):
    """An ``on_modal`` action for ``PinDialog``: type ``pin`` and press OK."""

    def action(dialog) -> None:
        dialog.pin_edit.setText(pin)
        dialog.ok_button.click()
        if dialog.isVisible():  # refused: close it, so the code under test gets None
            dialog.reject()

    return action


def press(button):
    """An ``on_modal`` action for a ``QMessageBox``: press the standard ``button``."""

    def action(box) -> None:
        box.button(button).click()

    return action


def announce_language_change(top: QWidget) -> None:
    """What installing a translator does: every widget gets a LanguageChange event."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in [top, *top.findChildren(QWidget)]:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
