"""The receipt a child sees after filing: ticket number, who handles it, and by when (R27)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.complaints import Ticket, TicketKind
from ui.complaints import texts
from ui.complaints.style import emphasize


class TicketReceipt(QWidget):
    """Shows one :class:`Ticket`; every sentence is rebuilt on a language change."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ticketReceipt")
        self.ticket: Ticket | None = None
        self._tz: tzinfo | None = None
        self._lang = None
        self._already_filed = False

        self.title = QLabel(self)
        self.title.setObjectName("receiptTitle")
        self.title.setWordWrap(True)
        emphasize(self.title, 1.3)

        self.id_caption = QLabel(self)
        self.id_caption.setObjectName("receiptTicketCaption")
        self.id_label = QLabel(self)
        self.id_label.setObjectName("receiptTicketId")
        self.id_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        emphasize(self.id_label, 1.4)
        self.copy_button = QPushButton(self)
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_id)
        id_box = QFrame(self)
        id_box.setObjectName("receiptIdBox")
        id_box.setStyleSheet(
            "QFrame#receiptIdBox { background: #e8f0fe; border: 1px solid #8ab4f8; border-radius: 10px; }"
            " QFrame#receiptIdBox QLabel { color: #174ea6; background: transparent; }"
        )
        id_row = QHBoxLayout(id_box)
        id_text = QVBoxLayout()
        id_text.setSpacing(0)
        id_text.addWidget(self.id_caption)
        id_text.addWidget(self.id_label)
        id_row.addLayout(id_text, 1)
        id_row.addWidget(self.copy_button)

        self.earlier = QLabel(self)
        self.earlier.setObjectName("receiptAlreadyFiled")
        self.earlier.setWordWrap(True)
        self.process = QLabel(self)
        self.process.setWordWrap(True)
        self.deadline = QLabel(self)
        self.deadline.setObjectName("receiptDeadline")
        self.deadline.setWordWrap(True)
        emphasize(self.deadline)
        self.provider = QLabel(self)
        self.provider.setWordWrap(True)
        self.appeal_note = QLabel(self)
        self.appeal_note.setObjectName("receiptAppealNote")
        self.appeal_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.earlier)
        layout.addWidget(id_box)
        layout.addWidget(self.process)
        layout.addWidget(self.deadline)
        layout.addWidget(self.provider)
        layout.addWidget(self.appeal_note)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_ticket(self, ticket: Ticket, tz: tzinfo | None, lang=None, *, already_filed: bool = False) -> None:
        self.ticket, self._tz, self._lang, self._already_filed = ticket, tz, lang, already_filed
        self.retranslate_ui()

    def copy_id(self) -> None:
        if self.ticket is not None:
            QApplication.clipboard().setText(self.ticket.human_id)

    def retranslate_ui(self) -> None:
        self.copy_button.setText(self.tr("Copy number"))
        self.copy_button.setAccessibleName(self.tr("Copy the ticket number"))
        ticket = self.ticket
        if ticket is None:
            return
        self.title.setText(texts.receipt_title(ticket))
        self.earlier.setText(
            self.tr("You already sent this on %1. Your guardian has not decided yet.").replace(
                "%1", texts.format_day(ticket.created_at, self._tz, self._lang))
        )
        self.earlier.setVisible(self._already_filed)
        self.id_caption.setText(texts.ticket_id_caption())
        self.id_label.setText(ticket.human_id)
        self.id_label.setAccessibleName(texts.ticket_id_line(ticket))
        is_appeal = ticket.kind is TicketKind.APPEAL
        self.process.setText(texts.receipt_appeal_process() if is_appeal else texts.receipt_process())
        self.deadline.setText(texts.receipt_deadline(ticket, self._tz, self._lang))
        self.provider.setText(texts.receipt_provider_deadline())
        self.appeal_note.setText(texts.receipt_appeal_note())
        self.appeal_note.setVisible(is_appeal)
        self.provider.setVisible(not is_appeal)

    def text(self) -> str:
        """Everything the receipt says, for tests and screen readers' summaries."""
        labels = [self.title, self.earlier, self.id_caption, self.id_label, self.process, self.deadline, self.provider,
                  self.appeal_note]
        return "\n".join(label.text() for label in labels if not label.isHidden())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
