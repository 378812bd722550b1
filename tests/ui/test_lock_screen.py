"""The lock screen (R11): why and until when, the crisis card one click away, and "more time"
approved with the guardian's real PIN (argon2) and written to the audit log — deny too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton, QStackedWidget, QWidget

from desktop.guardian.audit import AuditKind
from desktop.limits.audit import LimitEventKind
from desktop.limits.policy import LimitKind, LockReason
from desktop.limits.rules import ClockWindow
from tests.ui import limits_ui_support as sup
from ui.lock import LockView, MoreTimeChoice, MoreTimeDialog
from ui.lock.more_time import AUDIT_KIND, offered_choices
from ui.parental.pin_dialog import PinDialog

family = sup.family
MORNINGS = ClockWindow(8 * 60, 12 * 60)  # it is 16:00: the window has passed for today


@pytest.fixture
def screens(qtbot, family):
    """A window stacking a stand-in chat and the lock screen, wired as the main window does."""

    def make(*, ask_pin=None, guardian=True):
        controller = family.controller()
        stack = QStackedWidget()
        chat = QWidget()
        lock = LockView(
            controller, family.core if guardian else None, ask_pin=ask_pin or family.verify_pin()
        )
        stack.addWidget(chat)
        stack.addWidget(lock)
        controller.locked.connect(lambda _d: stack.setCurrentWidget(lock))
        controller.unlocked.connect(lambda: stack.setCurrentWidget(chat))
        qtbot.addWidget(stack)
        stack.resize(900, 640)
        stack.show()
        return controller, stack, chat, lock

    return make


def reach_limit(family, controller, minutes=5):
    family.set_rules(daily_minutes=(minutes,) * 7)
    controller.open_session()
    sup.chat(controller, family.clock, minutes * 60)


def test_the_lock_screen_appears_when_the_daily_limit_is_reached(qtbot, family, screens):
    controller, stack, chat, lock = screens()
    family.set_rules(daily_minutes=(5,) * 7)
    controller.open_session()
    sup.chat(controller, family.clock, 290)
    assert stack.currentWidget() is chat
    sup.chat(controller, family.clock, 10)
    assert stack.currentWidget() is lock and lock.isVisible()
    assert lock.title.text() == "Today's chat time is used up"
    # Midnight ends the daily limit, but the curfew runs to 06:00: the lock says the real time.
    assert lock.until.text() == "You can chat again tomorrow at 06:00."
    assert lock.suggestion.text()
    assert lock.more_time_button.isVisible() and stack.focusWidget() is lock.more_time_button


@pytest.mark.parametrize(
    ("rules", "advance", "reason", "title", "until"),
    [
        (
            {},
            6.5 * 3600,
            LockReason.CURFEW,
            "It's night-time, so chatting is resting",
            "You can chat again tomorrow at 06:00.",
        ),
        (
            {"locked": True},
            0,
            LockReason.LOCKED_BY_GUARDIAN,
            "Chatting is paused",
            "It stays paused until your guardian unlocks it.",
        ),
        (
            {"allowed_hours": (MORNINGS,) * 7},
            0,
            LockReason.OUTSIDE_ALLOWED_HOURS,
            "Chatting isn't open right now",
            "You can chat again tomorrow at 08:00.",
        ),
    ],
)
def test_each_reason_is_explained_with_its_until(
    qtbot, family, screens, rules, advance, reason, title, until
):
    family.set_rules(**rules)
    family.clock.advance(advance)
    controller, stack, chat, lock = screens()
    controller.open_session()
    assert stack.currentWidget() is lock
    assert controller.decision.reason is reason
    assert (lock.title.text(), lock.until.text()) == (title, until)
    # R11: the crisis card is one click away on every lock screen.
    assert lock.crisis_button.isVisible() and lock.crisis_button.isEnabled()
    with qtbot.waitSignal(lock.crisis_requested, timeout=1000):
        qtbot.mouseClick(lock.crisis_button, Qt.MouseButton.LeftButton)
    # More time is offered only where it can open the lock.
    assert lock.more_time_button.isVisible() == (reason is LockReason.CURFEW)


def test_a_break_says_the_time_today(qtbot, family, screens):
    family.set_rules(daily_minutes=(None,) * 7, session_cap_minutes=5, session_break_minutes=15)
    controller, stack, chat, lock = screens()
    controller.open_session()
    sup.chat(controller, family.clock, 300)
    assert controller.decision.reason is LockReason.SESSION_BREAK
    assert lock.title.text() == "Time for a break"
    assert lock.until.text() == "You can chat again at 16:20."
    assert not lock.more_time_button.isVisible()


def test_keyboard_reaches_every_button_and_space_opens_the_crisis_card(qtbot, family, screens):
    controller, stack, chat, lock = screens()
    reach_limit(family, controller)
    order, widget = [], lock.more_time_button
    for _ in range(4):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not isinstance(widget, QPushButton):
            widget = widget.nextInFocusChain()
    assert order == [
        lock.more_time_button,
        lock.switch_button,
        lock.close_button,
        lock.crisis_button,
    ]
    for button in order:
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    lock.crisis_button.setFocus()
    with qtbot.waitSignal(lock.crisis_requested, timeout=1000):
        qtbot.keyClick(lock.crisis_button, Qt.Key.Key_Space)
    with qtbot.waitSignal(lock.switch_profile_requested, timeout=1000):
        qtbot.mouseClick(lock.switch_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(lock.close_requested, timeout=1000):
        qtbot.mouseClick(lock.close_button, Qt.MouseButton.LeftButton)


def open_dialog(lock) -> MoreTimeDialog:
    dialog = lock.ask_for_more_time()
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    return dialog


def test_more_time_with_the_correct_pin_grants_15_minutes_and_unlocks(qtbot, family, screens):
    controller, stack, chat, lock = screens()
    reach_limit(family, controller)
    dialog = open_dialog(lock)
    assert dialog.choices == (
        MoreTimeChoice.MINUTES_15,
        MoreTimeChoice.HOUR,
        MoreTimeChoice.REST_OF_DAY,
        MoreTimeChoice.DENY,
    )
    dialog.select(MoreTimeChoice.MINUTES_15)
    with qtbot.waitSignal(controller.unlocked, timeout=5000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert stack.currentWidget() is chat
    assert controller.decision.allowed
    assert controller.decision.seconds_left == pytest.approx(15 * 60)
    (entry,) = family.guardian_audit(AUDIT_KIND)
    assert entry.detail["choice"] == "15_minutes" and entry.detail["minutes"] == 15
    assert entry.detail["allowed_after"] is True and entry.detail["reasons"] == ["daily_limit"]
    assert entry.detail["profile_id"] == family.child.id
    assert family.limit_events(LimitEventKind.EXTENSION_GRANTED)
    assert family.guardian_audit(AuditKind.PIN_ACCEPTED)
    # The grant lives in the signed rules: a fresh service sees it too.
    assert family.service().decision().allowed


def test_deny_keeps_it_locked_and_is_audited(qtbot, family, screens):
    controller, stack, chat, lock = screens()
    reach_limit(family, controller)
    dialog = open_dialog(lock)
    dialog.select(MoreTimeChoice.DENY)
    with qtbot.waitSignal(dialog.decided, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["deny"]
    assert controller.is_locked and stack.currentWidget() is lock
    (entry,) = family.guardian_audit(AUDIT_KIND)
    assert entry.detail["choice"] == "deny" and entry.detail["allowed_after"] is False
    assert not family.limit_events(LimitEventKind.EXTENSION_GRANTED)


def test_a_wrong_pin_changes_nothing(qtbot, family, screens):
    controller, stack, chat, lock = screens(ask_pin=family.verify_pin("000000"))
    reach_limit(family, controller)
    dialog = open_dialog(lock)
    dialog.select(MoreTimeChoice.REST_OF_DAY)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.isVisible()
        and dialog.status.text() == "The PIN was not confirmed, so nothing changed."
    )
    assert controller.is_locked
    assert family.guardian_audit(AUDIT_KIND) == []
    assert family.guardian_audit(AuditKind.PIN_FAILED)


def test_tonights_curfew_off_is_the_curfew_choice(qtbot, family, screens):
    family.clock.advance(6.5 * 3600)  # 22:30
    controller, stack, chat, lock = screens()
    controller.open_session()
    dialog = open_dialog(lock)
    assert dialog.choices == (MoreTimeChoice.CURFEW_OFF, MoreTimeChoice.DENY)
    with qtbot.waitSignal(controller.unlocked, timeout=5000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    (entry,) = family.guardian_audit(AUDIT_KIND)
    assert entry.detail["choice"] == "curfew_off" and entry.detail["reasons"] == ["curfew"]
    assert family.limit_events(LimitEventKind.CURFEW_EXEMPTED)


def test_the_real_pin_dialog_confirms_the_rest_of_the_day(qtbot, family):
    """No injected asker: the guardian types the PIN into the real PinDialog."""
    controller = family.controller()
    lock = LockView(controller, family.core)
    qtbot.addWidget(lock)
    lock.show()
    reach_limit(family, controller)
    dialog = open_dialog(lock)
    dialog.select(MoreTimeChoice.REST_OF_DAY)

    typed = []

    def answer():
        pin = sup.wait_for_window(PinDialog)
        if pin is not None:
            pin.pin_edit.setText(sup.PIN)
            typed.append(pin)
            pin.ok_button.click()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(controller.unlocked, timeout=10000):
        dialog.confirm()
    assert typed, "the PIN dialog was not shown"
    assert controller.decision.allowed
    assert controller.decision.next_limit is LimitKind.CURFEW  # no daily limit left today
    (entry,) = family.guardian_audit(AUDIT_KIND)
    assert entry.detail["choice"] == "rest_of_day" and entry.detail["minutes"] is None


def test_no_guardian_no_more_time_button(qtbot, family, screens):
    controller, stack, chat, lock = screens(guardian=False)
    reach_limit(family, controller)
    assert not lock.more_time_button.isVisible()
    assert lock.ask_for_more_time() is None
    assert offered_choices(controller.decision)  # the reason allows it; the guardian is missing


class ShoutingTranslator(QTranslator):
    """A stand-in translation: every string of Hearth's own contexts in upper case."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context in {
            "LockView",
            "CountdownBanner",
            "TimeRulesForm",
            "TimePage",
            "ReportsPage",
            "ReminderBanner",
        }:
            return source.upper()
        return ""  # not translated: Qt keeps the source text

    def isEmpty(self) -> bool:
        return False


def test_language_change_retranslates_the_screens(qtbot, family, screens):
    from ui.lock import CountdownBanner
    from ui.parental.reports_page import ReportsPage
    from ui.parental.time_page import TimePage

    controller, stack, chat, lock = screens()
    reach_limit(family, controller)
    countdown = CountdownBanner()
    countdown.set_seconds(42)
    time_page, reports_page = TimePage(family.panel_context()), ReportsPage(family.panel_context())
    for widget in (countdown, time_page, reports_page):
        qtbot.addWidget(widget)
    time_page.load()
    reports_page.load()
    translator = ShoutingTranslator()
    QApplication.instance().installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: lock.title.text() == "TODAY'S CHAT TIME IS USED UP", timeout=2000)
        assert lock.crisis_button.text() == "NEED &HELP NOW?"
        assert lock.until.text() == "YOU CAN CHAT AGAIN TOMORROW AT 06:00."
        assert countdown.heading.text() == "1 MINUTE LEFT — TIME TO SAY GOODBYE"
        assert time_page.form.pause_check.text().startswith("&PAUSE CHATTING")
        assert reports_page.daily_chart.chart().title() == "MINUTES PER DAY"
    finally:
        QApplication.instance().removeTranslator(translator)
    qtbot.waitUntil(lambda: lock.title.text() == "Today's chat time is used up", timeout=2000)
