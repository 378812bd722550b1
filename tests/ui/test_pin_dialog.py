"""The PIN dialog against the real guardian core (argon2id, persisted lockout ladder, keyring).

Wrong PINs climb the ladder (6th failure → 1 min); empty and 10,000-character input is refused
in the dialog without costing an attempt; the lockout countdown is live; "Forgot PIN?" resets
the PIN with the recovery code and shows the new code once.
"""

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.guardian.audit import AuditKind
from desktop.guardian.pin import GuardianSession
from tests.ui import guardian_fixtures as gf
from ui.parental.pin_dialog import ENTRY, NEW_CODE, RECOVERY, PinDialog

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family


def make_dialog(qtbot, family, reason="Open Guardian settings."):
    dialog = PinDialog(family.context(), reason)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def failures(family) -> int:
    return family.core.pins.lockout().failed_attempts


def test_the_right_pin_returns_a_session(qtbot, family):
    seen = {}

    def type_pin(dialog):
        seen["masked"] = dialog.pin_edit.echoMode() == QLineEdit.EchoMode.Password
        gf.enter_pin(gf.PIN)(dialog)

    answer = gf.on_modal(PinDialog, type_pin)
    session = PinDialog.ask(None, family.context(), "Open Guardian settings.")
    answer.check()
    assert isinstance(session, GuardianSession) and session.is_fresh(family.home.clock)
    assert seen["masked"]
    assert family.core.audit.recent(1)[0].kind == AuditKind.PIN_ACCEPTED


def test_cancel_and_escape_return_none(qtbot, family):
    answer = gf.on_modal(PinDialog, lambda d: qtbot.keyClick(d.pin_edit, Qt.Key.Key_Escape))
    assert PinDialog.ask(None, family.core, "Leave minor mode?") is None
    answer.check()
    assert failures(family) == 0


def test_enter_submits_and_a_wrong_pin_is_said_plainly(qtbot, family):
    dialog = make_dialog(qtbot, family)
    assert dialog.reason_label.text() == "Open Guardian settings."
    qtbot.keyClicks(dialog.pin_edit, "000000")
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.session is None
    assert "The PIN is not correct." in dialog.pin_message.text()
    assert "5 more wrong tries" in dialog.pin_message.text()
    assert dialog.pin_edit.text() == ""  # cleared after every check
    assert failures(family) == 1


def test_empty_and_overlong_input_is_refused_without_costing_a_try(qtbot, family):
    dialog = make_dialog(qtbot, family)
    dialog.ok_button.click()
    assert dialog.pin_message.text() == "Type the PIN first."
    dialog.pin_edit.setText("7" * 10_000)
    started = time.perf_counter()
    dialog.ok_button.click()
    elapsed = time.perf_counter() - started
    assert "too long" in dialog.pin_message.text() and "128" in dialog.pin_message.text()
    assert elapsed < 0.05  # refused before argon2 ever runs
    assert dialog.isVisible() and failures(family) == 0


def test_lockout_shows_a_live_countdown_and_ends(qtbot, family):
    clock = family.home.clock
    dialog = make_dialog(qtbot, family)
    for _ in range(6):
        dialog.pin_edit.setText("000000")
        dialog.ok_button.click()
    assert failures(family) == 6
    assert dialog.pin_message.text() == "Too many tries. Try again in 1 min."
    assert not dialog.pin_edit.isEnabled() and not dialog.ok_button.isEnabled()
    assert dialog.countdown.isActive()
    # The countdown follows the clock by itself (its QTimer ticks every second).
    clock.advance(10)
    qtbot.waitUntil(
        lambda: dialog.pin_message.text() == "Too many tries. Try again in 50 s.", timeout=3000
    )
    # A new dialog (or a restart) shows the same lockout at once: it is persisted.
    second = make_dialog(qtbot, family)
    assert second.pin_message.text() == "Too many tries. Try again in 50 s."
    assert not second.pin_edit.isEnabled()
    second.reject()
    clock.advance(50)
    qtbot.waitUntil(lambda: dialog.pin_edit.isEnabled(), timeout=3000)
    assert dialog.pin_message.text() == "You can try again now."
    # The 7th failure locks for 5 minutes.
    dialog.pin_edit.setText("000000")
    dialog.ok_button.click()
    assert dialog.pin_message.text() == "Too many tries. Try again in 5 min."
    clock.advance(10)
    assert dialog.refresh_lockout()
    assert dialog.pin_message.text() == "Too many tries. Try again in 4 min 50 s."


def test_forgot_pin_resets_it_with_the_recovery_code(qtbot, family):
    dialog = make_dialog(qtbot, family)
    dialog.forgot_button.click()
    assert dialog.stack.currentIndex() == RECOVERY
    dialog.code_edit.setText("AAAAA-BBBBB-CCCCC-DDDDD")
    dialog.new_pin_edit.setText("24680135")
    dialog.repeat_pin_edit.setText("24680135")
    dialog.reset_button.click()
    assert "recovery code is not correct" in dialog.recovery_message.text()
    assert failures(family) == 1
    # A new PIN that breaks the rules is refused before the code is even checked.
    dialog.new_pin_edit.setText("123")
    dialog.repeat_pin_edit.setText("123")
    dialog.reset_button.click()
    assert "at least 6 digits" in dialog.recovery_message.text()
    assert failures(family) == 1

    dialog.code_edit.setText(family.recovery_code.lower().replace("-", " "))
    dialog.new_pin_edit.setText("24680135")
    dialog.repeat_pin_edit.setText("24680135")
    dialog.reset_button.click()
    assert dialog.stack.currentIndex() == NEW_CODE
    new_code = dialog.new_code_view.code()
    assert new_code and new_code != family.recovery_code
    # The new code must be acknowledged: not pre-ticked, and Escape does not skip it.
    assert not dialog.new_code_view.confirm.isChecked()
    assert not dialog.continue_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    dialog.new_code_view.confirm.setChecked(True)
    dialog.continue_button.click()
    assert not dialog.isVisible() and dialog.session is not None
    assert dialog.new_code_view.code() == ""
    assert family.core.pins.verify("24680135").ok
    assert family.core.audit.recent(1, kind=AuditKind.PIN_RECOVERED)


def test_back_from_recovery_returns_to_the_pin(qtbot, family):
    dialog = make_dialog(qtbot, family)
    dialog.forgot_button.click()
    dialog.back_button.click()
    assert dialog.stack.currentIndex() == ENTRY
    assert dialog.ok_button.isDefault()


def test_language_change_keeps_the_lockout_message(qtbot, family):
    dialog = make_dialog(qtbot, family)
    for _ in range(6):
        dialog.pin_edit.setText("000000")
        dialog.ok_button.click()
    gf.announce_language_change(dialog)
    assert dialog.pin_message.text() == "Too many tries. Try again in 1 min."
    assert dialog.reason_label.text() == "Open Guardian settings."
