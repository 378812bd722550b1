"""Screens that stand between a child and the chat when something must be settled first.

- :class:`IntegrityLockView`: the guardian's settings could not be verified (edited database,
  deleted keyring entry, missing database): Hearth fails closed until the guardian's PIN.
- :class:`ConsentNeededView`: a child under 14 needs the guardian's recorded consent (R13).
Both keep the help card one click away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.guardian.integrity import IntegrityReason
from desktop.profiles.models import ChildProfile


class _GateView(QWidget):
    help_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("pickerTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_button = QPushButton(self)
        self.help_button.setObjectName("crisisButton")
        self.help_button.clicked.connect(self.help_requested)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.body)
        layout.addSpacing(18)
        layout.addLayout(self.buttons)
        layout.addStretch(2)

    def _finish_buttons(self) -> None:
        self.buttons.addWidget(self.help_button)
        self.buttons.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.help_button.setText(self.tr("Need help now?"))


class IntegrityLockView(_GateView):
    unlock_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("integrityLock")
        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock_requested)
        self.buttons.addWidget(self.unlock_button)
        self._finish_buttons()
        self._reasons: tuple[str, ...] = ()
        self.retranslate_ui()

    def show_state(self, state) -> None:
        self._reasons = tuple(str(getattr(r, "value", r)) for r in getattr(state, "reasons", ()))
        self.retranslate_ui()

    def _reason_text(self, reason: str) -> str:
        why = IntegrityReason
        texts = {
            why.SETTINGS_TAMPERED: self.tr("Some settings were changed outside Hearth."),
            why.DATABASE_MISSING: self.tr("Hearth's database is missing although this computer was set up."),
            why.MARKER_MISSING: self.tr("The keyring no longer holds Hearth's protection key."),
            why.KEY_MISSING: self.tr("The keyring no longer holds Hearth's protection key."),
            why.KEYRING_UNAVAILABLE: self.tr("The system keyring (Secret Service) is not available."),
            why.PIN_RECORD_MISMATCH: self.tr("The guardian PIN record does not match the keyring."),
            why.INSTALL_MISMATCH: self.tr("Hearth's database comes from another installation."),
        }
        return texts.get(reason, self.tr("A protection check failed (%1).").replace("%1", reason))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Chat is paused until a guardian checks Hearth"))
        reasons = "\n".join(f"• {self._reason_text(r)}" for r in self._reasons)
        self.body.setText(
            self.tr("Hearth could not confirm that the guardian's settings are as they were left, "
                    "so it keeps the chat locked to be safe.") + (f"\n\n{reasons}" if reasons else "")
        )
        self.unlock_button.setText(self.tr("Guardian: enter PIN…"))
        self.unlock_button.setAccessibleName(self.tr("Guardian: enter the PIN to review the settings"))


class ConsentNeededView(_GateView):
    back_requested = Signal()
    guardian_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("consentNeeded")
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        self.guardian_button = QPushButton(self)
        self.guardian_button.clicked.connect(self.guardian_requested)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.guardian_button)
        self._finish_buttons()
        self._name = ""
        self.retranslate_ui()

    def show_for(self, profile: ChildProfile) -> None:
        self._name = profile.display_name
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("A guardian needs to say yes first"))
        self.body.setText(
            self.tr("Before %1 can chat, a guardian has to read how Hearth works and agree to it. "
                    "This is the law for children under 14.").replace("%1", self._name or self.tr("this child"))
        )
        self.back_button.setText(self.tr("Back"))
        self.guardian_button.setText(self.tr("Guardian settings…"))
