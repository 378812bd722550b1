"""Consent to use a child's chats for training models (R25) — the last section of the Data page.

Separate, explicit and off by default: it is one checkbox of its own, bundled with nothing,
and nothing is recorded until the guardian saves. For a child under 14 only the guardian can
give it (the panel is the guardian's). Each record says who agreed, when, and to which version
of the notice (R13), and the notice itself is one click away before agreeing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.guardian.notices import ConsentKind, current_notice_version, load_notice
from desktop.profiles.models import ChildProfile
from ui.parental.page import PanelContext
from ui.parental.page_helpers import local_time, note_label, ui_language


class TrainingConsentBox(QGroupBox):
    edited = Signal()

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingConsentBox")
        self.ctx = ctx
        self._profile: ChildProfile | None = None
        self._wanted: dict[int, bool] = {}
        self._saved: dict[int, bool] = {}
        self._showing = False
        box = QVBoxLayout(self)
        self.training_check = QCheckBox(self)
        self.training_check.setObjectName("trainingConsent")
        box.addWidget(self.training_check)
        self.training_status = note_label(self, "trainingStatus")
        box.addWidget(self.training_status)
        self.training_note = note_label(self, "trainingNote")
        box.addWidget(self.training_note)
        self.notice_button = QPushButton(self)
        box.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.training_check.toggled.connect(self._toggled)
        self.notice_button.clicked.connect(self.show_notice)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Using chats to train AI models"))
        self.notice_button.setText(self.tr("Read the &notice…"))
        if self._profile is not None:
            self.show_profile(self._profile)

    def load(self, children: list[ChildProfile]) -> None:
        consents = self.ctx.guardian.consents
        self._wanted = {c.id: consents.training_allowed(c.id) for c in children}
        self._saved = dict(self._wanted)

    def save(self) -> None:
        """Record or withdraw what changed; the guardian gives it (R25, R13)."""
        consents, now = self.ctx.guardian.consents, self.ctx.clock.now()
        by = self.ctx.guardian.guardian_name()
        for profile_id, wanted in self._wanted.items():
            if wanted == self._saved.get(profile_id, False):
                continue
            if wanted:
                version = current_notice_version(ConsentKind.TRAINING)
                consents.record(profile_id, ConsentKind.TRAINING, by, version, now)
            else:
                consents.withdraw(profile_id, ConsentKind.TRAINING, by=by, at=now)
            self._saved[profile_id] = wanted
        if self._profile is not None:
            self.show_profile(self._profile)

    def show_profile(self, profile: ChildProfile) -> None:
        self._profile = profile
        self._showing = True
        try:
            self.training_check.setChecked(self._wanted.get(profile.id, False))
        finally:
            self._showing = False
        name = profile.display_name
        self.training_check.setText(self.tr("Allow %1's chats to be used to train AI models").replace("%1", name))
        self.training_check.setAccessibleName(self.training_check.text().replace("&", ""))
        self.training_status.setText(self._status(profile))
        if profile.needs_guardian_consent(self.ctx.clock.now().date()):
            note = self.tr("%1 is under 14, so only you, the guardian, can give this consent.")
        else:
            note = self.tr("This is separate from everything else and off unless you switch it on. "
                           "You can withdraw it at any time; %1 can ask you to.")
        version = current_notice_version(ConsentKind.TRAINING)
        ticking = self.tr("Ticking it records your consent to notice %1.").replace("%1", version)
        self.training_note.setText(note.replace("%1", name) + " " + ticking)

    def _status(self, profile: ChildProfile) -> str:
        record = self.ctx.guardian.consents.current(profile.id, ConsentKind.TRAINING)
        if record is None:
            text = self.tr("Not given. Without it, chats are never used for training.")
        elif record.active:
            text = (self.tr("Given by %1 on %2 (notice %3).").replace("%1", record.given_by)
                    .replace("%2", local_time(record.given_at, self.ctx.clock)).replace("%3", record.notice_version))
        else:
            text = (self.tr("Withdrawn on %1 (it was given by %2 on %3, notice %4).")
                    .replace("%1", local_time(record.withdrawn_at, self.ctx.clock)).replace("%2", record.given_by)
                    .replace("%3", local_time(record.given_at, self.ctx.clock)).replace("%4", record.notice_version))
        if self._wanted.get(profile.id, False) != self._saved.get(profile.id, False):
            text += " " + self.tr("Your change is recorded when you save.")
        return text

    def _toggled(self, checked: bool) -> None:
        if self._showing or self._profile is None:
            return
        self._wanted[self._profile.id] = bool(checked)
        self.training_status.setText(self._status(self._profile))
        self.edited.emit()

    def notice_text(self) -> str:
        return load_notice(current_notice_version(ConsentKind.TRAINING), ui_language()).text

    def show_notice(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("trainingNotice")
        dialog.setWindowTitle(self.tr("Notice: using chats to train AI models"))
        layout = QVBoxLayout(dialog)
        browser = QTextBrowser(dialog)
        browser.setMarkdown(self.notice_text())
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        metrics = dialog.fontMetrics()
        dialog.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 30)
        dialog.exec()
        dialog.deleteLater()
