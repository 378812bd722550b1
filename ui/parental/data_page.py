"""The parental panel's Data page: each child's history (export, delete), how long history is
kept, and the separate consent to use chats for training models.

R24: history can be copied out (JSON, and readable HTML or Markdown) and deleted, per
conversation or all of it; the guardian does this for a minor. R26: history older than the
retention period (90 days unless the guardian changes it) is deleted automatically by
``desktop.companion.retention``. R25: training consent is its own switch, off by default, never
bundled with anything else, and for a child under 14 only the guardian can give it; each record
says who agreed, when, and to which version of the notice (R13).

Exports and deletions are actions, done at once (deletions after a confirmation); the retention
period and the consent switches (``ui.parental.training_consent``) are saved with the panel's
Save like other settings.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.companion.export import export_html, export_json, export_markdown
from desktop.companion.personas import load_catalogue
from desktop.companion.repository import ConversationRepository
from desktop.family_settings import DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from desktop.guardian.audit import Actor, AuditKind
from desktop.profiles.models import ChildProfile
from desktop.profiles.repository import ProfileRepository
from ui.parental.page import PanelContext, PanelPage
from ui.parental.page_helpers import (
    ChildSelector,
    Tone,
    local_time,
    note_label,
    page_layout,
    set_status,
    status_label,
    table_style,
    ui_language,
)
from ui.parental.training_consent import TrainingConsentBox

ID_ROLE = Qt.ItemDataRole.UserRole
AUDIT_EXPORTED = AuditKind.HISTORY_EXPORTED
AUDIT_DELETED = AuditKind.HISTORY_DELETED


class ExportFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    MARKDOWN = "md"


_WRITERS = {ExportFormat.JSON: export_json, ExportFormat.HTML: export_html, ExportFormat.MARKDOWN: export_markdown}


def export_basename(profile: ChildProfile, stamp: str) -> str:
    slug = re.sub(r"[^\w-]+", "_", profile.display_name).strip("_") or f"child-{profile.id}"
    return f"hearth-history-{slug}-{stamp}"


class DataPage(PanelPage):
    page_id = "data"
    #: A child's history was deleted: an open chat of that child must start a new conversation.
    history_deleted = Signal(int)

    def __init__(self, ctx: PanelContext, parent=None):
        super().__init__(ctx, parent)
        self.repo = ConversationRepository(ctx.db)
        self._loading = False
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        body = page_layout(self)
        row = QHBoxLayout()
        self.child_label = QLabel(self)
        self.child_combo = ChildSelector(self)
        self.child_label.setBuddy(self.child_combo)
        row.addWidget(self.child_label)
        row.addWidget(self.child_combo, 1)
        body.addLayout(row)

        self.history_box = QGroupBox(self)
        box = QVBoxLayout(self.history_box)
        self.history_summary = note_label(self.history_box, "historySummary")
        box.addWidget(self.history_summary)
        self.conversation_table = QTableWidget(0, 3, self.history_box)
        self.conversation_table.setObjectName("conversationTable")
        table_style(self.conversation_table)
        box.addWidget(self.conversation_table)
        delete_row = QHBoxLayout()
        self.delete_button = QPushButton(self.history_box)
        self.delete_all_button = QPushButton(self.history_box)
        delete_row.addWidget(self.delete_button)
        delete_row.addWidget(self.delete_all_button)
        delete_row.addStretch(1)
        box.addLayout(delete_row)
        export_row = QHBoxLayout()
        self.format_checks = {fmt: QCheckBox(self.history_box) for fmt in ExportFormat}
        self.format_checks[ExportFormat.JSON].setChecked(True)
        self.format_checks[ExportFormat.HTML].setChecked(True)
        self.export_button = QPushButton(self.history_box)
        for check in self.format_checks.values():
            export_row.addWidget(check)
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        box.addLayout(export_row)
        self.history_status = status_label(self.history_box, "historyStatus")
        box.addWidget(self.history_status)
        body.addWidget(self.history_box)

        self.retention_box = QGroupBox(self)
        box = QVBoxLayout(self.retention_box)
        row = QHBoxLayout()
        self.retention_label = QLabel(self.retention_box)
        self.retention_spin = QSpinBox(self.retention_box)
        self.retention_spin.setRange(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)
        self.retention_spin.setValue(DEFAULT_RETENTION_DAYS)
        self.retention_label.setBuddy(self.retention_spin)
        row.addWidget(self.retention_label)
        row.addWidget(self.retention_spin)
        row.addStretch(1)
        box.addLayout(row)
        self.retention_note = note_label(self.retention_box, "retentionNote")
        box.addWidget(self.retention_note)
        body.addWidget(self.retention_box)

        self.consent = TrainingConsentBox(self.ctx, self)
        body.addWidget(self.consent)
        body.addStretch(1)

        self.child_combo.profile_changed.connect(self._show_child)
        self.conversation_table.itemSelectionChanged.connect(self._update_buttons)
        self.delete_button.clicked.connect(self.delete_selected_conversation)
        self.delete_all_button.clicked.connect(self.delete_all_history)
        self.export_button.clicked.connect(self.choose_folder_and_export)
        self.retention_spin.valueChanged.connect(self._edited)
        self.consent.edited.connect(self.changed)

    def title(self) -> str:
        return self.tr("Data")

    def retranslate_ui(self) -> None:
        self.child_label.setText(self.tr("&Child:"))
        self.child_combo.setAccessibleName(self.tr("Child"))
        self.history_box.setTitle(self.tr("Chat history"))
        self.conversation_table.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Messages"), self.tr("Persona")])
        self.conversation_table.setAccessibleName(self.tr("Saved conversations"))
        self.delete_button.setText(self.tr("&Delete conversation…"))
        self.delete_all_button.setText(self.tr("Delete &all history…"))
        self.format_checks[ExportFormat.JSON].setText(self.tr("&JSON"))
        self.format_checks[ExportFormat.HTML].setText(self.tr("&HTML (readable)"))
        self.format_checks[ExportFormat.MARKDOWN].setText(self.tr("&Markdown (readable)"))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setAccessibleName(self.tr("Export the history to a folder"))
        self.retention_box.setTitle(self.tr("How long history is kept"))
        self.retention_label.setText(self.tr("Delete chat history older than:"))
        self.retention_spin.setSuffix(self.tr(" days"))
        self.retention_spin.setAccessibleName(self.tr("Retention period in days"))
        self.retention_note.setText(self.tr(
            "Applies to every child. Older messages are deleted automatically when Hearth starts and "
            "once a day. Exports you made are not affected."))
        self.consent.retranslate_ui()
        profile = self.child_combo.current_profile()
        if profile is not None:
            self._fill_conversations(profile)

    # -- loading and saving -----------------------------------------------------------------
    def load(self) -> None:
        self._loading = True
        try:
            children = ProfileRepository(self.ctx.db).children()
            self.consent.load(children)
            self.retention_spin.setValue(self.ctx.settings.retention_days())
            self.child_combo.set_profiles(children)
            for w in (self.history_box, self.consent):
                w.setEnabled(bool(children))
            if not children:
                self.history_summary.setText(self.tr("Add a child profile first."))
        finally:
            self._loading = False

    def save(self) -> None:
        days = self.retention_spin.value()
        if days != self.ctx.settings.retention_days():
            self.ctx.settings.set_retention_days(days)
        self.consent.save()

    def restore_defaults(self) -> None:
        """The retention period back to 90 days. Consents are records of a decision, not
        settings: they change only when the guardian ticks or unticks them."""
        self.retention_spin.setValue(DEFAULT_RETENTION_DAYS)
        self.changed.emit()

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    # -- one child ------------------------------------------------------------------------------
    def _show_child(self, profile_id: int) -> None:
        profile = self.child_combo.current_profile()
        if profile is None:
            return
        self._fill_conversations(profile)
        self.consent.show_profile(profile)

    def _fill_conversations(self, profile: ChildProfile) -> None:
        lang = ui_language().value
        names = {p.id: p.name(lang) for p in load_catalogue()}
        conversations = sorted(self.repo.for_profile(profile.id), key=lambda c: (c.started_at, c.id), reverse=True)
        self.conversation_table.setRowCount(len(conversations))
        total = 0
        for row, conv in enumerate(conversations):
            count = self.repo.count(conv.id)
            total += count
            cells = (local_time(conv.started_at, self.ctx.clock), str(count), names.get(conv.persona_id, conv.persona_id))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, conv.id)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.conversation_table.setItem(row, col, item)
        if conversations:
            text = self.tr("%1 conversations, %2 messages saved for %3.")
            text = text.replace("%1", str(len(conversations))).replace("%2", str(total))
        else:
            text = self.tr("No saved conversations for %3.")
        self.history_summary.setText(text.replace("%3", profile.display_name))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_rows = self.conversation_table.rowCount() > 0
        self.delete_button.setEnabled(self.selected_conversation_id() is not None)
        self.delete_all_button.setEnabled(has_rows)
        self.export_button.setEnabled(has_rows)

    def selected_conversation_id(self) -> int | None:
        items = self.conversation_table.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def select_conversation(self, conversation_id: int) -> None:
        for row in range(self.conversation_table.rowCount()):
            if self.conversation_table.item(row, 0).data(ID_ROLE) == conversation_id:
                self.conversation_table.selectRow(row)

    # -- export -------------------------------------------------------------------------------
    def chosen_formats(self) -> list[ExportFormat]:
        return [fmt for fmt, check in self.format_checks.items() if check.isChecked()]

    def choose_folder_and_export(self) -> list[Path]:
        if not self.chosen_formats():
            set_status(self.history_status, self.tr("Tick at least one format."), Tone.ERROR)
            return []
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the history into this folder"), str(Path.home()))
        return self.export_to(Path(folder)) if folder else []

    def export_to(self, folder: Path, formats: list[ExportFormat] | None = None) -> list[Path]:
        """Write the chosen child's history into ``folder``, one file per format (R24)."""
        profile = self.child_combo.current_profile()
        formats = list(formats if formats is not None else self.chosen_formats())
        if profile is None or not formats:
            return []
        now = self.ctx.clock.now()
        base = export_basename(profile, now.strftime("%Y%m%d-%H%M"))
        written: list[Path] = []
        # ~0.1 s for a typical family's 90 days; 100,000 messages take ~1 s per format.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for fmt in formats:
                path = Path(folder) / f"{base}.{fmt.value}"
                n = 2
                while path.exists():
                    path = Path(folder) / f"{base}-{n}.{fmt.value}"
                    n += 1
                written.append(_WRITERS[fmt](self.repo, profile, path, exported_at=now))
        except OSError as exc:
            set_status(self.history_status, self.tr("The export could not be written: %1").replace("%1", str(exc)), Tone.ERROR)
            return written
        finally:
            QApplication.restoreOverrideCursor()
        self.ctx.guardian.audit.record(Actor.GUARDIAN, AUDIT_EXPORTED,
                                       {"profile_id": profile.id, "formats": [f.value for f in formats]})
        names = ", ".join(p.name for p in written)
        set_status(self.history_status, self.tr("Exported to %1: %2").replace("%1", str(folder)).replace("%2", names), Tone.OK)
        return written

    # -- deleting ---------------------------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        """A Yes/No question whose safe answer (No) is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected_conversation(self) -> bool:
        profile, conv_id = self.child_combo.current_profile(), self.selected_conversation_id()
        if profile is None or conv_id is None:
            return False
        count = self.repo.count(conv_id)
        text = self.tr("Delete this conversation of %1 (%2 messages)? This cannot be undone.")
        if not self.confirm(self.tr("Delete conversation"), text.replace("%1", profile.display_name).replace("%2", str(count))):
            return False
        self.repo.delete(conv_id)
        self.ctx.guardian.audit.record(Actor.GUARDIAN, AUDIT_DELETED,
                                       {"profile_id": profile.id, "conversations": 1, "messages": count})
        return self._deleted(profile, self.tr("The conversation was deleted."))

    def delete_all_history(self) -> bool:
        profile = self.child_combo.current_profile()
        if profile is None:
            return False
        text = self.tr("Delete all saved conversations of %1? This cannot be undone. "
                       "You can export them first.").replace("%1", profile.display_name)
        if not self.confirm(self.tr("Delete all history"), text):
            return False
        count = self.repo.delete_all(profile.id)
        self.ctx.guardian.audit.record(Actor.GUARDIAN, AUDIT_DELETED,
                                       {"profile_id": profile.id, "conversations": count, "all": True})
        return self._deleted(profile, self.tr("All history of %1 was deleted.").replace("%1", profile.display_name))

    def _deleted(self, profile: ChildProfile, message: str) -> bool:
        self._fill_conversations(profile)
        set_status(self.history_status, message, Tone.OK)
        self.history_deleted.emit(profile.id)
        return True
