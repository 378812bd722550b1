"""Screenshots for the docs: the main screens of Hearth, in English and Chinese.

The screens are the real ones, wired by ``ui.app.build_main_window`` as in production, on a
temporary family: a real SQLite file, a real argon2 PIN and the real Secret Service (so the
integrity checks, the signed time rules and the usage ledger verify), the built-in companion
with a fixed seed, and a FakeClock so the daily limit is reached without waiting. Nothing is
kept outside ``--out``; the keyring entries are removed at the end. Run it inside the test
session, which provides Xvfb, gnome-keyring and dunst::

    HEARTH_ROOT="$PWD" HEARTH_SESSION_CMD='/work/venv/bin/python scripts/screenshots.py' \\
        dbus-run-session -- bash scripts/test-session.sh

Options: ``--out docs/screenshots``, ``--lang en zh``, ``--theme light|dark``. With ``DISPLAY``
set Qt uses xcb (real X windows), else offscreen; ``QT_QPA_PLATFORM`` overrides both.
``tests/ui/test_screenshots_script.py`` runs some of the shots so this script cannot rot.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for tests.support.fake_clock when run as a script

SIZE = (1024, 720)
PIN = "592016"
SEED = 7
LANGS = ("en", "zh")
#: The docs screenshots must stay small (the whole folder well under ~3 MB).
MAX_BYTES_PER_SHOT = 400_000

#: Per language: the child who chats, and a short conversation (greeting, animals, homework).
CONVERSATIONS = {
    "en": ("Hi! I'm Lily.", "I love dolphins! Do you like animals too?",
           "Can you help me with my homework? What is 7 x 8?"),
    "zh": ("你好！我是小明。", "你喜欢动物吗？我最喜欢海豚！", "能帮我做作业吗？7乘8等于几？"),
}
PANEL_PAGES = ("time", "reports", "alerts", "profiles")


@dataclass
class Family:
    """The temporary family every shot works on."""

    data_dir: Path
    service: str
    clock: object
    db: object
    core: object
    children: dict = field(default_factory=dict)  # lang -> ChildProfile


# -- waiting and saving ---------------------------------------------------------------------------
def pump(until=None, timeout: float = 10.0) -> bool:
    """Run the event loop until ``until()`` is true (or once, without it); False on timeout."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while True:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if until is None or until():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)  # polling, with the deadline above


def save_shot(widget, path: Path, size: tuple[int, int] | None = SIZE) -> Path:
    """Resize, paint and save ``widget`` as a PNG; returns the path."""
    if size is not None:
        widget.resize(*size)
    pump()
    pixmap = widget.grab()
    if pixmap.isNull():
        raise RuntimeError(f"nothing to grab for {path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(path), "PNG", 9):
        raise RuntimeError(f"could not write {path}")
    if path.stat().st_size > MAX_BYTES_PER_SHOT:  # keep the docs folder small: scale down
        from PySide6.QtCore import Qt

        smaller = pixmap.scaledToWidth(pixmap.width() * 3 // 4, Qt.TransformationMode.SmoothTransformation)
        smaller.save(str(path), "PNG", 9)
    return path


def close_dialogs() -> None:
    """Close every visible dialog (a reminder the child would have dismissed, a card)."""
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    pump()


# -- the family -------------------------------------------------------------------------------------
def make_family(data_dir: Path, clock, *, service: str | None = None, keyring_backend=None) -> Family:
    """Guardian Ana, Lily (9, English) and 小明 (10, Chinese), both with consent and time rules."""
    from desktop.family_settings import FamilySettings
    from desktop.guardian.consent import ConsentKind
    from desktop.guardian.core import open_guardian
    from desktop.guardian.notices import current_notice_version
    from desktop.limits.rules import TimeRules
    from desktop.limits.signed_rules import SignedTimeRulesRepository
    from desktop.profiles.models import Guardian, Language
    from desktop.profiles.repository import ProfileRepository
    from desktop.storage import open_database

    service = service or f"org.hearthapp.Hearth.screenshots-{uuid.uuid4().hex[:12]}"
    db = open_database(data_dir)
    core = open_guardian(db, data_dir, clock, service=service, keyring_backend=keyring_backend)
    if not core.secrets.status.available:
        db.close()
        raise SystemExit("hearth screenshots: no Secret Service answered; run inside "
                         "scripts/test-session.sh (see this script's docstring)")
    today = clock.now().date()
    made = {}

    def populate(_session) -> None:
        now = clock.now()
        profiles = ProfileRepository(db)
        profiles.save_guardian(Guardian(name="Ana Li", email="ana@example.org", phone="+86 138 0000 0000",
                                        emergency_name="Wei Li", emergency_phone="+86 139 0000 0000"), now=now)
        made["en"] = profiles.add_child("Lily", date(today.year - 9, 3, 1), Language.EN, now=now)
        made["zh"] = profiles.add_child("小明", date(today.year - 10, 5, 20), Language.ZH, now=now)
        for child in made.values():
            core.consents.record(child.id, ConsentKind.SERVICE, "Ana Li",
                                 current_notice_version(ConsentKind.SERVICE), now)

    core.enrol(PIN, populate=populate)
    rules = SignedTimeRulesRepository(db, FamilySettings(core.settings))
    rules.save(made["en"].id, TimeRules(daily_minutes=(45,) * 5 + (90,) * 2), now=clock.now())
    rules.save(made["zh"].id, TimeRules(daily_minutes=(60,) * 5 + (120,) * 2), now=clock.now())
    return Family(data_dir, service, clock, db, core, made)


def seed_history(family: Family, days: int = 6) -> None:
    """Past days of use (signed ledger rows) and chat times, so the Reports charts are not empty."""
    from desktop.companion.backends.base import Role
    from desktop.companion.repository import ConversationRepository, MessageStatus
    from desktop.limits.ledger import DayUsage, TrackerState, UsageLedger
    from ui.limits_controller import ledger_key

    ledger = UsageLedger(family.db, ledger_key(family.core))
    repo = ConversationRepository(family.db)
    now = family.clock.now()
    minutes = {"en": (25, 40, 45, 15, 35, 30), "zh": (30, 55, 20, 60, 10, 40)}
    hours = {"en": (16, 17, 17, 19), "zh": (15, 18, 18, 20)}
    for lang, child in family.children.items():
        for offset in range(days, 0, -1):
            used = minutes[lang][(days - offset) % len(minutes[lang])]
            day = now.date() - timedelta(days=offset)
            ledger.save(child.id, DayUsage(day, used * 60_000, used >= 45 and lang == "en", 0), TrackerState(),
                        at=f"{day.isoformat()}T20:00:00+08:00")
            start = now - timedelta(days=offset)
            conv = repo.start(child.id, "buddy", now=start.replace(hour=hours[lang][0]))
            for i, hour in enumerate(hours[lang][: 1 + offset % len(hours[lang])]):
                at = start.replace(hour=hour, minute=5 + i)
                repo.add_message(conv.id, Role.USER, "(earlier chat)", MessageStatus.SENT, now=at)
            repo.end(conv.id, "end_button", now=start.replace(hour=hours[lang][-1], minute=30))


def seed_alerts(window, family: Family) -> None:
    """A few guardian alerts (tiers 1-2; a tier 3 would close the chat until acknowledged)."""
    from desktop.alerts.models import AlertCategory

    alerts = window.ctx.alerts
    lily, ming = family.children["en"], family.children["zh"]
    first = alerts.raise_alert(lily, AlertCategory.DISTRESS, 2, idempotency_key="shots-1")
    alerts.acknowledge(first.id, "Ana Li")
    family.clock.advance(90)
    alerts.raise_alert(ming, AlertCategory.DEPENDENCE, 1, idempotency_key="shots-2")
    family.clock.advance(90)
    alerts.raise_alert(lily, AlertCategory.PERSONAL_INFO, 2, idempotency_key="shots-3")


def forget_keyring(service: str) -> None:
    """Remove the temporary family's entries from the Secret Service."""
    if shutil.which("secret-tool"):
        subprocess.run(["secret-tool", "clear", "service", service], check=False, timeout=10)


# -- the screens -------------------------------------------------------------------------------------
def build_window(family: Family, seed: int = SEED):
    """The main window exactly as the app composes it, on the family's clock and the built-in
    companion (fixed seed, no pacing delay between chunks)."""
    from desktop.companion.builtin import BuiltinCompanion
    from ui.app import build_main_window

    window = build_main_window(family.data_dir, family.db, family.clock, backend=BuiltinCompanion(chunk_delay=0),
                               quiet_disclosure=True, guardian=family.core, seed=seed)
    window.resize(*SIZE)
    window.show()
    pump()
    return window


def shoot_picker(window, path: Path) -> Path:
    window.show_picker()
    return save_shot(window, path)


def shoot_chat(window, family: Family, lang: str, path: Path) -> Path:
    chat = window.open_chat(family.children[lang].id)
    if chat is None:
        raise RuntimeError(f"the chat did not open (screen: {window.stack.currentWidget().objectName()})")
    for text in CONVERSATIONS[lang]:
        chat.input.setPlainText(text)
        chat.send()
        if not pump(lambda: not chat.busy, timeout=15):
            raise RuntimeError(f"no reply to {text!r} within 15 s")
        family.clock.advance(40)  # a child types at a child's pace: the times differ a little
    pump()
    chat.list.scrollToBottom()
    return save_shot(window, path)


def shoot_crisis(window, path: Path) -> Path:
    """The help card the "Need help now?" button opens (R20), for the open chat's child."""
    from PySide6.QtWidgets import QApplication

    from ui.crisis import CrisisCardDialog

    window.show_crisis_card()
    found = []
    pump(lambda: found.extend(w for w in QApplication.topLevelWidgets()
                              if isinstance(w, CrisisCardDialog) and w.isVisible()) or found)
    if not found:
        raise RuntimeError("the crisis card did not open")
    try:
        return save_shot(found[0], path)
    finally:
        close_dialogs()


def shoot_lock(window, family: Family, path: Path, limit_minutes: int = 180) -> Path:
    """Chat on (FakeClock time, typing every 30 s) until the daily limit locks the chat (R11)."""
    session, controller = window.session, window.session.controller
    elapsed, step = 0.0, 3.0  # the usage poll
    while window.stack.currentWidget() is not session.lock_view:
        if elapsed > limit_minutes * 60:
            raise RuntimeError("the daily limit never locked the chat")
        family.clock.advance(step)
        elapsed += step
        if int(elapsed) % 30 < step:
            controller.note_activity()
        else:
            controller.tick()
        if int(elapsed) % 300 < step:
            pump()
    close_dialogs()  # reminders shown on the way, which the child would have closed
    return save_shot(window, path)


def open_panel(window, family: Family):
    """The parental panel, as after the guardian typed the PIN (a fresh argon2 check)."""
    import ui.complaints
    from ui.parental.panel import ParentalPanel
    from ui.parental_panel_factory import ComplaintsPanelPage, page_factories, panel_context

    window.close_chat("guardian_panel")
    factories = page_factories(window.ctx)
    if not hasattr(ui.complaints, "ComplaintsPage"):  # that page cannot be built: say so, go on
        print("hearth screenshots: WARNING: ui.complaints does not export ComplaintsPage; "
              "the panel is shown without its Complaints page", file=sys.stderr)
        factories = [f for f in factories if f is not ComplaintsPanelPage]
    session = family.core.pins.verify(PIN).session
    panel = ParentalPanel(panel_context(window.ctx), factories, window, session=session)
    panel.resize(*SIZE)
    panel.show()
    pump()
    return panel


def shoot_panel(window, family: Family, lang: str, out: Path) -> list[Path]:
    panel = open_panel(window, family)
    saved = []
    try:
        for page_id in PANEL_PAGES:
            if not panel.show_page(page_id):
                raise RuntimeError(f"the panel has no page {page_id!r}")
            combo = getattr(panel.page(page_id), "child_combo", None)
            if combo is not None:
                combo.select(family.children[lang].id)
            saved.append(save_shot(panel, out / f"panel-{page_id}-{lang}.png"))
    finally:
        panel.close_discarding()
        panel.deleteLater()
        pump()
    return saved


def shoot_setup(lang: str, clock, path: Path, *, data_dir: Path | None = None, keyring_backend=None) -> Path:
    """The wizard on a fresh data folder (a temporary one unless given), stopped at the first
    consent page (R13) and then discarded, so nothing is stored."""
    from PySide6.QtWidgets import QWizard

    from desktop.guardian.core import open_guardian
    from desktop.profiles.models import Language
    from desktop.storage import open_database
    from ui.setup.wizard import SetupWizard

    service = f"org.hearthapp.Hearth.screenshots-{uuid.uuid4().hex[:12]}"
    with contextlib.ExitStack() as stack:
        if data_dir is None:
            data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hearth-setup-")))
        db = open_database(data_dir)
        stack.callback(lambda: forget_keyring(service))
        stack.callback(db.close)
        core = open_guardian(db, data_dir, clock, service=service, keyring_backend=keyring_backend)
        wizard = SetupWizard(core, language=Language(lang))
        stack.callback(pump)
        stack.callback(wizard.deleteLater)
        stack.callback(wizard.discard)
        wizard.resize(*SIZE)
        wizard.show()

        def next_page() -> None:
            button = wizard.button(QWizard.WizardButton.NextButton)
            if not button.isEnabled():
                raise RuntimeError(f"the wizard cannot go on from page {wizard.currentId()}")
            button.click()
            pump()

        next_page()
        wizard.pin_page.pin_edit.setText("480213")
        wizard.pin_page.repeat_edit.setText("480213")
        next_page()
        wizard.recovery_page.view.confirm.setChecked(True)
        next_page()
        for name, value in {"name": "Ana Li", "email": "ana@example.org", "emergency_name": "Wei Li",
                            "emergency_phone": "+86 139 0000 0000"}.items():
            wizard.contacts_page.form.edits[name].setText(value)
        next_page()
        birthday = date(clock.now().year - (9 if lang == "en" else 10), 3, 1)
        wizard.children_page.form.set_child("Lily" if lang == "en" else "小明", birthday, Language(lang))
        if not wizard.children_page.add_from_form():
            raise RuntimeError("the wizard refused the child")
        next_page()
        return save_shot(wizard, path)


# -- the whole run -------------------------------------------------------------------------------------
def make_app(theme: str = "light"):
    from PySide6.QtWidgets import QApplication

    from desktop import meta
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication([meta.APP_NAME])
    app.setApplicationDisplayName(meta.APP_NAME)
    apply_theme(app, theme)  # as ui.app.run_gui does
    return app


def run(out: Path, langs: tuple[str, ...], *, theme: str = "light") -> list[Path]:
    from tests.support.fake_clock import FakeClock

    _app = make_app(theme)  # the QApplication lives for the whole run
    clock = FakeClock()  # 2026-11-26 16:00 Asia/Shanghai, a Thursday after school
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="hearth-shots-") as tmp:
        family = make_family(Path(tmp) / "data", clock)
        window = None
        try:
            seed_history(family)
            window = build_window(family)
            alerts_seeded = False
            for lang in langs:
                window.set_language(lang)
                saved.append(shoot_setup(lang, clock, out / f"setup-{lang}.png"))
                saved.append(shoot_picker(window, out / f"picker-{lang}.png"))
                saved.append(shoot_chat(window, family, lang, out / f"chat-{lang}.png"))
                saved.append(shoot_crisis(window, out / f"crisis-{lang}.png"))
                saved.append(shoot_lock(window, family, out / f"lock-{lang}.png"))
                if not alerts_seeded:
                    seed_alerts(window, family)
                    alerts_seeded = True
                window.set_language(lang)  # the chat switched to the child's language
                saved.extend(shoot_panel(window, family, lang, out))
                window.show_picker()
        finally:
            if window is not None:
                window.close()
                runner = window.ctx.alert_runner
                if runner is not None and runner.is_alive:
                    runner.stop()
            pump()
            family.db.close()
            forget_keyring(family.service)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save Hearth's docs screenshots (see the module docstring).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", choices=LANGS, default=list(LANGS))
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args(argv)
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    started = time.monotonic()
    saved = run(args.out, tuple(args.lang), theme=args.theme)
    for path in saved:
        print(f"{path.stat().st_size // 1024:5d} KB  {path}")
    total = sum(p.stat().st_size for p in saved) / 1_000_000
    print(f"hearth screenshots: {len(saved)} files, {total:.2f} MB, {time.monotonic() - started:.1f} s "
          f"(Qt platform {os.environ['QT_QPA_PLATFORM']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
