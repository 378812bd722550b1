"""A real family for the lock, reminder, time-page and reports tests.

Real parts only: a SQLite file, a guardian core enrolled with a real argon2 PIN (secrets in the
guardian-chosen file fallback, so no D-Bus is needed), the signed time rules, a real ClockGuard
(fixed 32-byte key, ``boot_id=lambda: "boot-1"``) and a real ``LimitsService``, all on the
``FakeClock`` from ``tests/support``. Import into a test module by assignment::

    from tests.ui import limits_ui_support as sup

    family = sup.family
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.family_settings import FamilySettings
from desktop.guardian.core import GuardianCore, fallback_status
from desktop.guardian.secrets import FileSecretBackend, SecretStore
from desktop.limits.audit import SqliteAuditSink
from desktop.limits.clockguard import ClockGuard
from desktop.limits.rules import TimeRules
from desktop.limits.service import LimitsService
from desktop.limits.signed_rules import SignedTimeRulesRepository
from desktop.profiles.models import ChildProfile, Guardian, Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database
from ui.limits_controller import LimitsController
from ui.parental.page import PanelContext

PIN = "592016"
KEY = b"limits-ui-test-key-0123456789abc"
assert len(KEY) == 32


@dataclass
class Family:
    data_dir: Path
    db: object
    clock: object
    core: GuardianCore
    settings: FamilySettings
    rules_repo: SignedTimeRulesRepository
    audit: SqliteAuditSink
    guard: ClockGuard
    child: ChildProfile
    controllers: list = field(default_factory=list)

    def add_child(self, name: str, age: int, language: Language = Language.EN) -> ChildProfile:
        today = self.clock.now().date()
        return ProfileRepository(self.db).add_child(
            name, date(today.year - age, 1, 1), language, now=self.clock.now()
        )

    def set_rules(self, profile: ChildProfile | None = None, **fields) -> TimeRules:
        profile = profile or self.child
        return self.rules_repo.save(profile.id, TimeRules(**fields), now=self.clock.now())

    def service(self, profile: ChildProfile | None = None) -> LimitsService:
        return LimitsService(
            self.db, profile or self.child, self.guard, KEY, self.audit, rules_repo=self.rules_repo
        )

    def controller(self, profile: ChildProfile | None = None, **kw) -> LimitsController:
        controller = LimitsController(self.service(profile), **kw)
        self.controllers.append(controller)
        return controller

    def verify_pin(self, pin: str = PIN):
        """An ``ask_pin`` callable that checks ``pin`` with the real argon2 verification."""

        def ask(_parent, _reason):
            return self.core.pins.verify(pin).session

        return ask

    def panel_context(self) -> PanelContext:
        return PanelContext(
            db=self.db,
            data_dir=self.data_dir,
            clock=self.clock,
            guardian=self.core,
            settings=self.settings,
        )

    def guardian_audit(self, kind: str) -> list:
        return list(reversed(self.core.audit.recent(100, kind=kind)))

    def limit_events(self, kind: str) -> list:
        return self.audit.events(kind=kind)


@pytest.fixture
def family(tmp_path, clock, qapp):
    data_dir = tmp_path / "data"
    db = open_database(data_dir)
    path = data_dir / "secrets.fallback.json"
    core = GuardianCore(
        db, data_dir, clock, SecretStore(FileSecretBackend(path), fallback_status(path))
    )
    core.enrol(PIN)
    profiles = ProfileRepository(db)
    profiles.save_guardian(Guardian("Anna", email="anna@example.org"), now=clock.now())
    child = profiles.add_child("Lily", date(2016, 3, 1), Language.EN, now=clock.now())  # 10: 60 min
    settings = FamilySettings(core.settings)
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, KEY, audit, boot_id=lambda: "boot-1")
    guard.start()
    fam = Family(
        data_dir,
        db,
        clock,
        core,
        settings,
        SignedTimeRulesRepository(db, settings),
        audit,
        guard,
        child,
    )
    yield fam
    for controller in fam.controllers:
        controller.close_session()
    db.close()


def chat(controller: LimitsController, clock, seconds: float, step: float = 3.0) -> None:
    """The child chats for ``seconds``: time advances in poll steps, typing every 30 s."""
    elapsed = 0.0
    while elapsed < seconds - 1e-9:
        delta = min(step, seconds - elapsed)
        clock.advance(delta)
        elapsed += delta
        if int(elapsed) % 30 < step:
            controller.note_activity()
        else:
            controller.tick()


def wait_for_window(cls, timeout: float = 5.0) -> QWidget | None:
    """Poll (with a deadline) for a visible top-level widget of ``cls``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.isVisible():
                return widget
        time.sleep(0.01)
    return None
