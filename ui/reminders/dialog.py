"""The modal that restates, in plain words, that the companion is an AI (R3, R6).

R3 asks for a *modal pop-up* when over-dependence shows; the regular AI-not-human reminder (R6)
uses the same dialog, because a statement about what the companion is deserves the child's full
attention rather than a corner of the chat. It is window-modal and opened with ``open()``, so
timers and the lock keep running behind it; one "I understand" button closes it (and Escape).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class AiReminderDialog(QDialog):
    def __init__(self, kind: str, title: str, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aiReminderDialog")
        self.setModal(True)
        self.kind = kind
        self.icon = QLabel(self)
        self.icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(40, 40)
        )
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("aiReminderTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.body_label = QLabel(self)
        self.body_label.setObjectName("aiReminderBody")
        self.body_label.setWordWrap(True)
        self.body_label.setMinimumWidth(360)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("aiReminderOk")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.body_label)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.set_text(kind, title, body)
        self.retranslate_ui()

    def set_text(self, kind: str, title: str, body: str) -> None:
        self.kind = kind
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)

    def retranslate_ui(self) -> None:
        self.ok_button.setText(self.tr("I understand"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
