"""The Profiles page: children (R10), the guardian's and emergency contacts (R14), and each
child's consent records with their history (R13, R25).

Adding, editing and removing a child and recording or withdrawing consent take effect at once
(each is its own confirmed action and is audited); only the contact form waits for Save.
Removing a child deletes their chats and consent records, so it asks twice: a confirmation,
then the PIN again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.companion.repository import ConversationRepository
from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.consent import ConsentRecord
from desktop.guardian.notices import ConsentKind
from desktop.profiles.models import ChildProfile, Language
from desktop.profiles.repository import ProfileRepository
from ui.parental.minor_mode import enter_minor_mode, leave_minor_mode
from ui.parental.page import PanelContext, PanelPage
from ui.parental.pin_dialog import PinDialog
from ui.setup import texts
from ui.setup.consent import ConsentDialog
from ui.setup.consent_history import ConsentHistoryTable
from ui.setup.forms import ChildDialog, ContactsForm

AUDIT_ADDED = AuditKind.PROFILE_ADDED
AUDIT_UPDATED = AuditKind.PROFILE_UPDATED
AUDIT_REMOVED = AuditKind.PROFILE_REMOVED
AUDIT_CONTACTS = AuditKind.CONTACTS_CHANGED


@dataclass(frozen=True)
class _ConsentView:
    """What the consent section shows for one child, as read from the database."""

    child: ChildProfile
    service: ConsentRecord | None
    training: ConsentRecord | None
    chat_closed: bool
    history: list[ConsentRecord]


class ProfilesPage(PanelPage):
    page_id = "profiles"
    has_defaults = False  # the panel disables "Restore defaults" here

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.core = ctx.guardian
        self.repo = ProfileRepository(ctx.db)
        self._children: list[ChildProfile] = []
        self._consent: _ConsentView | None = None
        self._build()
        self.retranslate_ui()

    # -- building -----------------------------------------------------------------------------
    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.children_box = QGroupBox(self)
        self.child_list = QListWidget(self.children_box)
        self.child_list.setObjectName("profileList")
        self.child_list.currentRowChanged.connect(self._show_consents)
        self.add_button = self._button("addProfile", self.add_child)
        self.edit_button = self._button("editProfile", self.edit_child)
        self.remove_button = self._button("removeProfile", self.remove_child)
        self.minor_button = self._button("minorModeButton", self.toggle_minor_mode)
        actions = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.minor_button):
            actions.addWidget(button)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.child_list, 1)
        top.addLayout(actions)
        self.consent_caption = QLabel(self.children_box)
        font = self.consent_caption.font()
        font.setBold(True)
        self.consent_caption.setFont(font)
        self.service_status = QLabel(self.children_box)
        self.service_status.setObjectName("serviceConsentStatus")
        self.service_status.setWordWrap(True)
        self.training_status = QLabel(self.children_box)
        self.training_status.setObjectName("trainingConsentStatus")
        self.training_status.setWordWrap(True)
        self.record_service = self._button(
            "recordService", lambda: self.record_consent(ConsentKind.SERVICE)
        )
        self.withdraw_service = self._button(
            "withdrawService", lambda: self.withdraw_consent(ConsentKind.SERVICE)
        )
        self.record_training = self._button(
            "recordTraining", lambda: self.record_consent(ConsentKind.TRAINING)
        )
        self.withdraw_training = self._button(
            "withdrawTraining", lambda: self.withdraw_consent(ConsentKind.TRAINING)
        )
        service_row, training_row = QHBoxLayout(), QHBoxLayout()
        service_row.addStretch(1)
        service_row.addWidget(self.record_service)
        service_row.addWidget(self.withdraw_service)
        training_row.addStretch(1)
        training_row.addWidget(self.record_training)
        training_row.addWidget(self.withdraw_training)
        self.history = ConsentHistoryTable(self.children_box)
        box = QVBoxLayout(self.children_box)
        box.addLayout(top)
        box.addWidget(self.consent_caption)
        box.addWidget(self.service_status)
        box.addLayout(service_row)
        box.addWidget(self.training_status)
        box.addLayout(training_row)
        box.addWidget(self.history)
        self.contacts_box = QGroupBox(self)
        self.contacts = ContactsForm(self.contacts_box)
        self.contacts.changed.connect(self.changed)
        QVBoxLayout(self.contacts_box).addWidget(self.contacts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.children_box)
        layout.addWidget(self.contacts_box)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Profiles and consent")

    def retranslate_ui(self) -> None:
        self.children_box.setTitle(self.tr("Children"))
        self.child_list.setAccessibleName(self.tr("Child profiles"))
        self.add_button.setText(self.tr("&Add child…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Re&move…"))
        self.record_service.setText(self.tr("Record consent…"))
        self.withdraw_service.setText(self.tr("Withdraw"))
        self.record_training.setText(self.tr("Record training consent…"))
        self.withdraw_training.setText(self.tr("Withdraw training"))
        self.record_service.setAccessibleName(self.tr("Record service consent"))
        self.withdraw_service.setAccessibleName(self.tr("Withdraw service consent"))
        self.record_training.setAccessibleName(self.tr("Record training consent"))
        self.withdraw_training.setAccessibleName(self.tr("Withdraw training consent"))
        self.history.retranslate_ui()
        self.contacts_box.setTitle(self.tr("Guardian and emergency contact"))
        self.contacts.retranslate_ui()
        # Only re-render what was read: a language switch must not touch the database.
        self._render_children()
        self._render_consents()

    # -- the PanelPage contract ---------------------------------------------------------------
    def load(self) -> None:
        self._refresh_children()
        self.contacts.set_guardian(self.repo.guardian())

    def save(self) -> None:
        guardian = self.contacts.validate()
        if guardian is None:
            raise ValueError(self.contacts.error.text())
        self.repo.save_guardian(guardian, now=self.ctx.clock.now())
        self.core.audit.record(Actor.GUARDIAN, AUDIT_CONTACTS, {})

    def restore_defaults(self) -> None:
        """No-op: profiles and contacts have no shipped defaults to go back to."""

    # -- children -----------------------------------------------------------------------------
    def _today(self):
        return self.ctx.clock.now().date()

    def selected_child(self) -> ChildProfile | None:
        """The selected profile as last read (every change re-reads the list)."""
        item = self.child_list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((c for c in self._children if c.id == wanted), None)

    def _refresh_children(self, select_id: int | None = None) -> None:
        self._children = self.repo.children()
        self._render_children(select_id)
        self._show_consents()

    def _render_children(self, select_id: int | None = None) -> None:
        current = self.child_list.currentItem()
        keep = (
            select_id
            if select_id is not None
            else (current.data(Qt.ItemDataRole.UserRole) if current else None)
        )
        self.child_list.blockSignals(True)
        self.child_list.clear()
        for child in self._children:
            mode = self.tr("minor mode on") if child.minor_mode else self.tr("minor mode OFF")
            text = self.tr("%1 — age %2 — %3").replace("%1", child.display_name)
            text = text.replace("%2", str(child.age(self._today()))).replace("%3", mode)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, child.id)
            self.child_list.addItem(item)
            if child.id == keep:
                self.child_list.setCurrentItem(item)
        if self.child_list.currentRow() < 0 and self.child_list.count():
            self.child_list.setCurrentRow(0)
        self.child_list.blockSignals(False)

    def add_child(self) -> ChildProfile | None:
        dialog = ChildDialog(self._today(), None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        draft = dialog.draft
        child = self.repo.add_child(
            draft.display_name, draft.birthday, draft.language, now=self.ctx.clock.now()
        )
        self.core.audit.record(Actor.GUARDIAN, AUDIT_ADDED, {"profile_id": child.id})
        self._refresh_children(child.id)
        return child

    def edit_child(self) -> ChildProfile | None:
        child = self.selected_child()
        if child is None:
            return None
        dialog = ChildDialog(self._today(), child, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        draft = dialog.draft
        updated = self.repo.update_child(
            replace(
                child,
                display_name=draft.display_name,
                birthday=draft.birthday,
                language=draft.language,
            ),
            today=self._today(),
        )
        self.core.audit.record(Actor.GUARDIAN, AUDIT_UPDATED, {"profile_id": child.id})
        self._refresh_children(child.id)
        return updated

    def remove_child(self) -> bool:
        """Confirm, re-enter the PIN (destructive), then delete the profile and its chats."""
        child = self.selected_child()
        if child is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Remove %1?").replace("%1", child.display_name),
            self.tr(
                "Remove %1's profile? Their chats and consent records are deleted too. "
                "This cannot be undone."
            ).replace("%1", child.display_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        reason = self.tr("Removing %1's profile needs the PIN again.").replace(
            "%1", child.display_name
        )
        if PinDialog.ask(self, self.ctx, reason) is None:
            return False
        with self.ctx.db.atomic():
            chats = ConversationRepository(self.ctx.db).delete_all(child.id)
            self.repo.remove_child(child.id)
            self.core.audit.record(
                Actor.GUARDIAN, AUDIT_REMOVED, {"profile_id": child.id, "conversations": chats}
            )
        self._refresh_children()
        return True

    def toggle_minor_mode(self) -> ChildProfile | None:
        """Leaving minor mode asks for the PIN (R10); entering it is one click."""
        child = self.selected_child()
        if child is None:
            return None
        if child.minor_mode:
            updated = leave_minor_mode(self, self.ctx, child)
        else:
            updated = enter_minor_mode(self.ctx, child, actor=Actor.GUARDIAN)
        self._refresh_children(child.id)
        return updated

    # -- consent ------------------------------------------------------------------------------
    def _show_consents(self, *_args) -> None:
        """Read the selected child's consent records, then show them."""
        child = self.selected_child()
        self._consent = None
        if child is not None:
            consents = self.core.consents
            self._consent = _ConsentView(
                child,
                consents.current(child.id, ConsentKind.SERVICE),
                consents.current(child.id, ConsentKind.TRAINING),
                consents.chat_needs_consent(child, self._today()),
                consents.history(child.id),
            )
        self._render_consents()

    def _render_consents(self) -> None:
        view = self._consent
        for widget in (self.edit_button, self.remove_button, self.minor_button):
            widget.setEnabled(view is not None)
        if view is None:
            self.consent_caption.setText(self.tr("Consent"))
            self.service_status.setText(self.tr("Add a child to record consent."))
            self.training_status.clear()
            for button in (
                self.record_service,
                self.withdraw_service,
                self.record_training,
                self.withdraw_training,
            ):
                button.setEnabled(False)
            self.history.show_records([])
            return
        child = view.child
        self.minor_button.setText(
            self.tr("Leave minor mode…") if child.minor_mode else self.tr("Enter minor mode")
        )
        self.consent_caption.setText(self.tr("Consent for %1").replace("%1", child.display_name))
        service_on = view.service is not None and view.service.active
        training_on = view.training is not None and view.training.active
        if service_on:
            text = self._given_text(self.tr("Service consent"), view.service)
        elif view.chat_closed:
            text = self.tr(
                "Service consent: not given. %1 cannot chat until you record it."
            ).replace("%1", child.display_name)
        else:
            text = self.tr("Service consent: not needed (14 or older).")
        self.service_status.setText(text)
        self.training_status.setText(
            self._given_text(self.tr("Training use"), view.training)
            if training_on
            else self.tr("Training use: not allowed (the default).")
        )
        self.record_service.setEnabled(not service_on)
        self.withdraw_service.setEnabled(service_on)
        self.record_training.setEnabled(not training_on)
        self.withdraw_training.setEnabled(training_on)
        self.history.show_records(view.history)

    def _given_text(self, what: str, record) -> str:
        text = (
            self.tr("%1: given by %2 on %3 (%4).")
            .replace("%1", what)
            .replace("%2", record.given_by)
        )
        return text.replace("%3", texts.when_text(record.given_at)).replace(
            "%4", record.notice_version
        )

    def record_consent(self, kind: ConsentKind) -> bool:
        child = self.selected_child()
        if child is None:
            return False
        # The guardian reads the notice, so it comes in the interface's language.
        language = Language.parse(QLocale().name())
        dialog = ConsentDialog(kind, child.display_name, language, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.given_by
        if accepted:
            self.core.consents.record(
                child.id, kind, dialog.given_by, dialog.version, self.ctx.clock.now()
            )
        dialog.deleteLater()
        self._show_consents()
        return bool(accepted)

    def withdraw_consent(self, kind: ConsentKind) -> bool:
        child = self.selected_child()
        if child is None:
            return False
        if kind is ConsentKind.SERVICE and child.needs_guardian_consent(self._today()):
            question = self.tr("Withdraw consent for %1? The chat closes at once.")
        elif kind is ConsentKind.SERVICE:
            question = self.tr("Withdraw consent for %1?")
        else:
            question = self.tr("Withdraw training consent for %1? It applies from now on.")
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw consent"),
            question.replace("%1", child.display_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.core.consents.withdraw(
            child.id, kind, by=self.core.guardian_name(), at=self.ctx.clock.now()
        )
        self._show_consents()
        return True
