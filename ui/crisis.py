"""The crisis card (R20): people to talk to, first, in both languages, with no network.

Two ways it appears:
- :class:`CrisisCardDialog`: one click from every screen ("Need help now?"), closable, never
  blocked by limits (R11).
- :class:`CrisisScreen`: after a tier-3 message (R19) it fills the window, the AI persona stops,
  and normal chat resumes only after a guardian acknowledges with the PIN.
The numbers come from ``resources/crisis/hotlines.json`` through ``desktop.safety.crisis``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.safety.crisis import crisis_card


class CrisisCardWidget(QWidget):
    """The calm message and the hotline list for a language/locale."""

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crisisCard")
        self.lang = lang or "en"
        self.title = QLabel(self)
        self.title.setObjectName("pickerTitle")
        self.title.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.lines_box = QVBoxLayout()
        self.verified = QLabel(self)
        self.verified.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addLayout(self.lines_box)
        layout.addWidget(self.verified)
        layout.addStretch(1)
        self.render_card()

    def render_card(self) -> None:
        while self.lines_box.count():
            item = self.lines_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        # The computer's region decides which lines come first (a family in China whose child
        # chats in English still needs 12356 first); the language decides the words.
        system = QLocale.system().name()  # "zh_CN", "en_US"; just "C" when no region is set
        card = crisis_card(system if "_" in system else self.lang, self.lang)
        self.title.setText(card.title)
        self.message.setText(card.message)
        for line in card.hotlines:
            frame = QFrame(self)
            frame.setObjectName("hotline")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            row = QHBoxLayout(frame)
            number = QLabel(line.number, frame)
            number.setObjectName("hotlineNumber")
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            number.setFont(font)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            number.setAccessibleName(f"{line.name(self.lang)} {line.number}")
            details = [line.name(self.lang), line.hours(self.lang)]
            if line.note(self.lang):
                details.append(line.note(self.lang))
            text = QLabel("\n".join(details), frame)
            text.setWordWrap(True)
            row.addWidget(number)
            row.addSpacing(12)
            row.addWidget(text, 1)
            self.lines_box.addWidget(frame)
        self.verified.setText(
            self.tr("Numbers last checked: %1. If you are in danger right now, call 110/120 (China) or 911 (US).")
            .replace("%1", card.last_verified.isoformat())
        )

    def numbers(self) -> list[str]:
        return [w.text() for w in self.findChildren(QLabel, "hotlineNumber")]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.render_card()
        super().changeEvent(event)


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class CrisisCardDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, lang: str | None = None):
        super().__init__(parent)
        self.setObjectName("crisisCardDialog")
        self.setWindowTitle(self.tr("Help and hotlines"))
        self.card = CrisisCardWidget(lang, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(self.card, self), 1)
        layout.addWidget(buttons)
        if parent is not None:
            self.resize(max(560, parent.width() * 3 // 4), max(520, parent.height() * 3 // 4))

    @classmethod
    def show_card(cls, parent: QWidget | None, *, lang: str | None = None) -> CrisisCardDialog:
        dialog = cls(parent, lang=lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class CrisisScreen(QWidget):
    """Full-window card after a tier-3 message; the guardian's PIN ends it (R19)."""

    acknowledge_requested = Signal()
    switch_profile_requested = Signal()

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crisisScreen")
        self.card = CrisisCardWidget(lang, self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.ack_button = QPushButton(self)
        self.ack_button.clicked.connect(self.acknowledge_requested)
        self.switch_button = QPushButton(self)
        self.switch_button.clicked.connect(self.switch_profile_requested)
        row = QHBoxLayout()
        row.addWidget(self.switch_button)
        row.addStretch(1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(self.card, self), 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.note.setText(
            self.tr("The AI companion has stopped. Your guardian has been told so they can be with you. "
                    "The chat opens again after a guardian has checked in with you.")
        )
        self.ack_button.setText(self.tr("Guardian: I have talked with my child (PIN)…"))
        self.switch_button.setText(self.tr("Back to profiles"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
