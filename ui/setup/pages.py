"""The fixed pages of the setup wizard: welcome and secrets, PIN, recovery code, contacts,
children, summary. Nothing is written while they are filled in; the wizard stores everything
in one transaction when the guardian presses Finish (see ``ui.setup.wizard``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop.guardian.pin_rules import PinRuleError, check_new_pin
from desktop.guardian.secrets import SecretBackendKind, SecretsUnavailableError
from ui.setup import texts
from ui.setup.forms import ChildForm, ContactsForm, error_label
from ui.setup.recovery_code import RecoveryCodeView

if TYPE_CHECKING:
    from ui.setup.wizard import SetupWizard


def _wrapping_label(page: QWizardPage) -> QLabel:
    label = QLabel(page)
    label.setWordWrap(True)
    return label


class _Page(QWizardPage):
    def setup_wizard(self) -> SetupWizard:
        return self.wizard()

    def retranslate_ui(self) -> None:  # pages re-set their strings; the wizard calls this
        pass


class IntroPage(_Page):
    """Welcome, and where secrets will live: the keyring, or the guardian's explicit choice of
    the weaker plain file when no keyring answers (never silently)."""

    def __init__(self, core, parent=None):
        super().__init__(parent)
        self.core = core
        self.welcome = _wrapping_label(self)
        self.secrets_label = _wrapping_label(self)
        self.secrets_label.setObjectName("secretsStatus")
        self.fallback_check = QCheckBox(self)
        self.fallback_check.setObjectName("fallbackCheck")
        self.fallback_check.setChecked(False)
        self.fallback_check.toggled.connect(self.completeChanged)
        self.problem = error_label(self, "setupProblem")
        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome)
        layout.addSpacing(12)
        layout.addWidget(self.secrets_label)
        layout.addWidget(self.fallback_check)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.keyring_missing = not core.secrets.status.available
        self.fallback_check.setVisible(self.keyring_missing)
        self.already_set_up = self._already_set_up()
        self.retranslate_ui()

    def _already_set_up(self) -> bool:
        if self.core.is_set_up():
            return True
        try:
            return self.core.secrets.family_marker() is not None
        except SecretsUnavailableError:
            return False

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Welcome to Hearth"))
        self.welcome.setText(
            self.tr(
                "A few steps for the guardian: choose a PIN, write down a recovery code, give "
                "a way to reach you, and add your children. Nothing is saved until you press "
                "Finish; Cancel leaves nothing behind."
            )
        )
        status = self.core.secrets.status
        if status.kind is SecretBackendKind.KEYRING:
            self.secrets_label.setText(
                self.tr(
                    "Hearth will keep the key that protects your settings in this computer's "
                    "keyring (%1)."
                ).replace("%1", status.backend)
            )
        elif status.kind is SecretBackendKind.FILE_FALLBACK:
            self.secrets_label.setText(
                self.tr("Hearth keeps its secrets in a plain file (weaker), as you chose.")
            )
        else:
            self.secrets_label.setText(
                self.tr(
                    "Hearth could not reach a system keyring (Secret Service, such as GNOME "
                    "Keyring or KWallet): %1. Hearth keeps the key that protects your settings "
                    "there. You can cancel, start or install a keyring and open Hearth again. "
                    "Or you can keep the secrets in a plain file in Hearth's data folder. That "
                    "is weaker: anyone who can read the file can change Hearth's settings."
                ).replace("%1", status.detail or status.kind.value)
            )
        self.fallback_check.setText(
            self.tr("Keep Hearth's secrets in a plain file instead (weaker)")
        )
        self.fallback_check.setAccessibleName(self.fallback_check.text())
        self.problem.setText(
            self.tr(
                "A family is already set up for this account. Open Hearth normally and use "
                "Guardian settings, or restore the family from its export."
            )
            if self.already_set_up
            else ""
        )

    def fallback_chosen(self) -> bool:
        return self.keyring_missing and self.fallback_check.isChecked()

    def isComplete(self) -> bool:
        if self.already_set_up:
            return False
        return not self.keyring_missing or self.fallback_check.isChecked()


class PinPage(_Page):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.explain = _wrapping_label(self)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("newPinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeatPinEdit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_caption, self.repeat_caption = QLabel(self), QLabel(self)
        self.pin_caption.setBuddy(self.pin_edit)
        self.repeat_caption.setBuddy(self.repeat_edit)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.pin_caption, self.pin_edit)
        form.addRow(self.repeat_caption, self.repeat_edit)
        self.status = _wrapping_label(self)
        self.message = error_label(self, "pinError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.pin_edit.textChanged.connect(self.completeChanged)
        self.repeat_edit.textChanged.connect(self.completeChanged)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the guardian PIN"))
        self.explain.setText(
            self.tr(
                "The PIN opens Guardian settings and lets a child leave minor mode. Use at least "
                "6 digits, or a passphrase of at least 8 characters. Do not tell your child."
            )
        )
        self.pin_caption.setText(self.tr("&PIN or passphrase:"))
        self.repeat_caption.setText(self.tr("&Repeat it:"))
        self.pin_edit.setAccessibleName(self.tr("New guardian PIN"))
        self.repeat_edit.setAccessibleName(self.tr("Repeat the new guardian PIN"))
        self._update_status()

    def _update_status(self) -> None:
        wizard = self.wizard()
        chosen = wizard is not None and wizard.has_pin()
        self.status.setText(
            self.tr("A PIN is chosen. Type a new one here only to change it.") if chosen else ""
        )

    def initializePage(self) -> None:
        self._update_status()

    def isComplete(self) -> bool:
        typed = bool(self.pin_edit.text() or self.repeat_edit.text())
        return typed or (self.wizard() is not None and self.wizard().has_pin())

    def validatePage(self) -> bool:
        pin, repeat = self.pin_edit.text(), self.repeat_edit.text()
        if not pin and not repeat and self.setup_wizard().has_pin():
            return True
        try:
            check_new_pin(pin)
        except PinRuleError as exc:
            self.message.setText(texts.pin_rule_text(exc.rule, new_pin=True))
            self.pin_edit.setFocus()
            return False
        if pin != repeat:
            self.message.setText(self.tr("The two entries are not the same. Type the PIN again."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return False
        self.pin_edit.clear()
        self.repeat_edit.clear()
        self.message.clear()
        self.setup_wizard().set_pin(pin)
        del pin, repeat
        self._update_status()
        return True


class RecoveryPage(_Page):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = RecoveryCodeView(self)
        self.view.confirmed_changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your recovery code"))

    def initializePage(self) -> None:
        code = self.setup_wizard().recovery_code() or ""
        if self.view.code() != code:
            self.view.set_code(code)

    def isComplete(self) -> bool:
        return bool(self.view.code()) and self.view.is_confirmed()


class ContactsPage(_Page):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = ContactsForm(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("How Hearth can reach a grown-up"))

    def validatePage(self) -> bool:
        guardian = self.form.validate()
        if guardian is None:
            return False
        self.setup_wizard().guardian = guardian
        return True


class ChildrenPage(_Page):
    """One or more children; each gets a profile with a birthday and a language (R10)."""

    def __init__(self, today, parent=None):
        super().__init__(parent)
        self.today = today
        self.drafts = []
        self.form = ChildForm(today, self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addChildButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_from_form)
        self.list = QListWidget(self)
        self.list.setObjectName("childrenList")
        self.remove_button = QPushButton(self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list_caption = QLabel(self)
        self.list_caption.setBuddy(self.list)
        self.explain = _wrapping_label(self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        under = QHBoxLayout()
        under.addStretch(1)
        under.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.form)
        layout.addLayout(row)
        layout.addWidget(self.list_caption)
        layout.addWidget(self.list, 1)
        layout.addLayout(under)
        self.form.name_edit.textChanged.connect(self.completeChanged)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your children"))
        self.explain.setText(
            self.tr(
                "Add each child who will use Hearth. The birthday sets the age rules (daily "
                "time, night-time pause); each child starts in minor mode."
            )
        )
        self.add_button.setText(self.tr("&Add this child"))
        self.remove_button.setText(self.tr("&Remove selected child"))
        self.list_caption.setText(self.tr("Children to add:"))
        self.list.setAccessibleName(self.tr("Children to add"))
        self._refresh()

    def _refresh(self) -> None:
        self.list.clear()
        for draft in self.drafts:
            text = self.tr("%1, age %2").replace("%1", draft.display_name)
            text = text.replace("%2", str(draft.age(self.today)))
            self.list.addItem(QListWidgetItem(text))
        self.remove_button.setEnabled(bool(self.drafts))
        self.completeChanged.emit()

    def add_from_form(self) -> bool:
        draft = self.form.validate()
        if draft is None:
            return False
        self.drafts.append(draft)
        self.form.set_child(None)
        self.form.focus_first()
        self._refresh()
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self._refresh()

    def isComplete(self) -> bool:
        return bool(self.drafts) or bool(self.form.name_edit.text().strip())

    def validatePage(self) -> bool:
        # A name typed but not yet added counts: pressing Next adds it (or says what is wrong).
        if self.form.name_edit.text().strip() and not self.add_from_form():
            return False
        if not self.drafts:
            return False
        self.setup_wizard().set_children(list(self.drafts))
        return True


class SummaryPage(_Page):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = _wrapping_label(self)
        self.summary.setObjectName("setupSummary")
        self.error = error_label(self, "setupError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Ready to set up Hearth"))
        if self.wizard() is not None:
            self.summary.setText(self.setup_wizard().summary_text())

    def initializePage(self) -> None:
        self.summary.setText(self.setup_wizard().summary_text())
        self.error.clear()

    def validatePage(self) -> bool:
        return self.setup_wizard().commit()
