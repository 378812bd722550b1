"""The one-time recovery code, shown big and selectable, with an explicit "written down" tick.

Shown twice in Hearth's life at most: by the setup wizard and after a PIN reset. The box is never
pre-ticked, so the guardian has to say they wrote the code down before they can go on; Hearth
keeps only the code's hash, so it cannot show it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget


class RecoveryCodeView(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setFrameShape(QFrame.Shape.StyledPanel)
        # Set in the style sheet: the theme's ``QWidget { font-size }`` would win over setFont.
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.code_label.setStyleSheet(
            "QLabel#recoveryCode { background: #ffffff; color: #1d2a36; padding: 14px;"
            f" font-family: '{family}'; font-size: 20pt; font-weight: bold;"
            " border: 2px dashed #e0a458; border-radius: 10px; }"
        )
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.confirm = QCheckBox(self)
        self.confirm.setChecked(False)
        self.confirm.toggled.connect(self.confirmed_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.code_label)
        layout.addSpacing(8)
        layout.addWidget(self.advice)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.retranslate_ui()

    def set_code(self, code: str) -> None:
        """Show ``code`` and untick the confirmation (a new code must be written down anew)."""
        self.code_label.setText(code)
        self.confirm.setChecked(False)

    def code(self) -> str:
        return self.code_label.text()

    def is_confirmed(self) -> bool:
        return self.confirm.isChecked()

    def clear(self) -> None:
        """Forget the code once it has served (the widget may outlive the screen)."""
        self.code_label.clear()
        self.confirm.setChecked(False)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "This is your recovery code. If you forget your PIN, it lets you set a new one. "
                "Hearth shows it only this once."
            )
        )
        self.advice.setText(
            self.tr(
                "Write it on paper and keep it somewhere your child cannot find it. "
                "Do not save it on this computer."
            )
        )
        self.confirm.setText(self.tr("I have written the recovery code down"))
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.confirm.setAccessibleName(self.tr("I have written the recovery code down"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
