"""Asking for the guardian's PIN: masked entry, the lockout countdown, and "Forgot PIN?".

``PinDialog.ask(parent, ctx_or_guardian, reason)`` returns a fresh ``GuardianSession`` or None.
Every check goes through ``core.pins`` (argon2id, persisted lockout ladder); the dialog only
words the outcome. Empty and over-long input is refused here, before the core sees it, so it
never costs an attempt and a 10,000-character paste is answered at once. The typed text is
cleared after each check (see ``desktop.guardian.pin`` on what Python can and cannot wipe).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.guardian.lockout import LockoutState
from desktop.guardian.pin import GuardianSession, PinCheckResult, PinOutcome
from desktop.guardian.pin_rules import (
    PinRuleError,
    check_new_pin,
    normalize_input,
    normalize_recovery_code,
)
from ui.setup import texts
from ui.setup.forms import error_label
from ui.setup.recovery_code import RecoveryCodeView

ENTRY, RECOVERY, NEW_CODE = range(3)


def guardian_of(ctx_or_guardian):
    """Accept a ``PanelContext`` (or anything with ``.guardian``) or a ``GuardianCore``."""
    if hasattr(ctx_or_guardian, "pins"):
        return ctx_or_guardian
    return ctx_or_guardian.guardian


class PinDialog(QDialog):
    def __init__(self, guardian, reason_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.guardian = guardian_of(guardian)
        self.reason_text = reason_text
        self.session: GuardianSession | None = None
        self.last_result: PinCheckResult | None = None
        self._lockout: LockoutState | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_entry())
        self.stack.addWidget(self._build_recovery())
        self.stack.addWidget(self._build_new_code())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.refresh_lockout)
        self.retranslate_ui()
        self.show_page(ENTRY)
        self.refresh_lockout()

    @classmethod
    def ask(
        cls, parent: QWidget | None, ctx_or_guardian, reason_text: str
    ) -> GuardianSession | None:
        """Show the dialog modally; the session if the PIN (or a recovery) was accepted."""
        dialog = cls(ctx_or_guardian, reason_text, parent)
        try:
            dialog.exec()
            return dialog.session
        finally:
            dialog.deleteLater()

    # -- building -----------------------------------------------------------------------------
    def _build_entry(self) -> QWidget:
        page = QWidget(self)
        self.reason_label = QLabel(page)
        self.reason_label.setWordWrap(True)
        self.pin_caption = QLabel(page)
        self.pin_edit = QLineEdit(page)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_caption.setBuddy(self.pin_edit)
        self.pin_message = error_label(page, "pinMessage")
        self.forgot_button = QPushButton(page)
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(lambda: self.show_page(RECOVERY))
        self.ok_button = QPushButton(page)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.pin_caption)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.pin_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_recovery(self) -> QWidget:
        page = QWidget(self)
        self.recovery_intro = QLabel(page)
        self.recovery_intro.setWordWrap(True)
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("recoveryCodeEdit")
        self.new_pin_edit = QLineEdit(page)
        self.new_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_pin_edit = QLineEdit(page)
        self.repeat_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_caption, self.new_pin_caption, self.repeat_caption = (
            QLabel(page),
            QLabel(page),
            QLabel(page),
        )
        for caption, edit in (
            (self.code_caption, self.code_edit),
            (self.new_pin_caption, self.new_pin_edit),
            (self.repeat_caption, self.repeat_pin_edit),
        ):
            caption.setBuddy(edit)
            form.addRow(caption, edit)
        self.recovery_message = error_label(page, "recoveryMessage")
        self.back_button = QPushButton(page)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self.show_page(ENTRY))
        self.reset_button = QPushButton(page)
        self.reset_button.clicked.connect(self.submit_recovery)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.recovery_intro)
        layout.addLayout(form)
        layout.addWidget(self.recovery_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_new_code(self) -> QWidget:
        page = QWidget(self)
        self.new_code_view = RecoveryCodeView(page)
        self.continue_button = QPushButton(page)
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._finish_recovery)
        self.new_code_view.confirmed_changed.connect(self.continue_button.setEnabled)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.new_code_view)
        layout.addLayout(row)
        return page

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Guardian PIN"))
        self.reason_label.setText(self.reason_text or self.tr("This needs the guardian's PIN."))
        self.pin_caption.setText(self.tr("&PIN or passphrase:"))
        self.pin_edit.setAccessibleName(self.tr("Guardian PIN"))
        self.forgot_button.setText(self.tr("&Forgot PIN?"))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.recovery_intro.setText(
            self.tr(
                "Type the recovery code you wrote down at setup and choose a new PIN. "
                "You will get a new recovery code; the old one stops working."
            )
        )
        self.code_caption.setText(self.tr("&Recovery code:"))
        self.new_pin_caption.setText(self.tr("&New PIN or passphrase:"))
        self.repeat_caption.setText(self.tr("Re&peat it:"))
        self.code_edit.setAccessibleName(self.tr("Recovery code"))
        self.new_pin_edit.setAccessibleName(self.tr("New PIN"))
        self.repeat_pin_edit.setAccessibleName(self.tr("Repeat the new PIN"))
        self.back_button.setText(self.tr("&Back"))
        self.reset_button.setText(self.tr("&Set new PIN"))
        self.continue_button.setText(self.tr("&Continue"))
        self._render_lockout()  # the last state read; a language switch reads nothing

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- flow ---------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        default = (self.ok_button, self.reset_button, self.continue_button)[index]
        for button in (self.ok_button, self.reset_button, self.continue_button):
            button.setDefault(button is default)
        focus = {
            ENTRY: self.pin_edit,
            RECOVERY: self.code_edit,
            NEW_CODE: self.new_code_view.confirm,
        }
        if not self.pin_edit.isEnabled() and index == ENTRY:
            self.cancel_button.setFocus()
        else:
            focus[index].setFocus()

    def _tick(self, locked: bool) -> None:
        if locked and not self.countdown.isActive():
            self.countdown.start()
        elif not locked:
            self.countdown.stop()

    def refresh_lockout(self) -> bool:
        """Show the live countdown while locked; True while PIN entry is locked."""
        self._lockout = self.guardian.pins.lockout()
        return self._render_lockout()

    def _render_lockout(self) -> bool:
        state = self._lockout
        if state is None:
            return False
        was_locked = not self.pin_edit.isEnabled()
        for widget in (self.pin_edit, self.ok_button, self.reset_button):
            widget.setEnabled(not state.locked)
        if state.locked:
            text = texts.lockout_text(state)
            self.pin_message.setText(text)
            self.recovery_message.setText(text)
        elif was_locked:
            again = self.tr("You can try again now.")
            self.pin_message.setText(again)
            self.recovery_message.setText(again)
            if self.stack.currentIndex() == ENTRY:
                self.pin_edit.setFocus()
        self._tick(state.locked)
        return state.locked

    def _show_result(self, result: PinCheckResult, label: QLabel, *, recovery: bool) -> None:
        self.last_result = result
        if result.outcome is PinOutcome.NOT_SET:
            label.setText(self.tr("No guardian PIN has been set yet."))
        elif result.lockout.locked:
            label.setText(texts.lockout_text(result.lockout))
        elif result.outcome is PinOutcome.WRONG:
            label.setText(
                texts.wrong_pin_text(result.lockout.attempts_before_lockout, recovery=recovery)
            )
        self.refresh_lockout()

    def submit(self) -> None:
        """Check the typed PIN; accept the dialog with a session, or say why not."""
        typed = self.pin_edit.text()
        self.pin_edit.clear()
        try:
            normalize_input(typed)
        except PinRuleError as exc:
            self.pin_message.setText(texts.pin_rule_text(exc.rule))
            self.pin_edit.setFocus()
            return
        result = self.guardian.pins.verify(typed)
        del typed
        if result.ok:
            self.last_result = result
            self.session = result.session
            self.accept()
            return
        self._show_result(result, self.pin_message, recovery=False)
        if self.pin_edit.isEnabled():
            self.pin_edit.setFocus()

    def submit_recovery(self) -> None:
        """``pins.recover``: the new recovery code is shown once before the dialog closes."""
        code, new_pin, repeat = (
            self.code_edit.text(),
            self.new_pin_edit.text(),
            self.repeat_pin_edit.text(),
        )
        self.new_pin_edit.clear()
        self.repeat_pin_edit.clear()
        try:
            normalize_recovery_code(code)
        except PinRuleError as exc:
            self.recovery_message.setText(texts.recovery_rule_text(exc.rule))
            self.code_edit.setFocus()
            return
        try:
            check_new_pin(new_pin)
        except PinRuleError as exc:
            self.recovery_message.setText(texts.pin_rule_text(exc.rule, new_pin=True))
            self.new_pin_edit.setFocus()
            return
        if new_pin != repeat:
            self.recovery_message.setText(self.tr("The two new PINs are not the same."))
            self.new_pin_edit.setFocus()
            return
        result = self.guardian.pins.recover(code, new_pin)
        del new_pin, repeat
        if not result.ok:
            self._show_result(result, self.recovery_message, recovery=True)
            return
        self.code_edit.clear()
        self.last_result = result
        self.session = result.session
        self.new_code_view.set_code(result.recovery_code or "")
        self.show_page(NEW_CODE)
        self.resize(self.size().expandedTo(self.sizeHint()))

    def _finish_recovery(self) -> None:
        if self.new_code_view.is_confirmed():
            self.new_code_view.clear()
            self.accept()

    def reject(self) -> None:
        if self.stack.currentIndex() == NEW_CODE and self.session is not None:
            # The PIN was already reset: the new code must be acknowledged, not escaped.
            return
        self.session = None
        super().reject()

    def done(self, result: int) -> None:
        self.countdown.stop()
        self.pin_edit.clear()
        super().done(result)
