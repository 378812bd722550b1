"""Who is chatting? One big button per child profile (R10: several child profiles)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.profiles.models import ChildProfile


class ProfilePickerView(QWidget):
    profile_chosen = Signal(int)
    guardian_requested = Signal()
    help_requested = Signal()
    language_chosen = Signal(str)  # "en" | "zh"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("pickerTitle")
        # By name, as Designer files do: the first use of the ``Qt`` namespace builds ~90 Python
        # enums (≈12 ms), which the first frame need not wait for.
        self.title.setProperty("alignment", "AlignCenter")
        self.grid = QGridLayout()
        self.grid.setSpacing(18)
        self.guardian_button = QPushButton(self)
        self.guardian_button.setObjectName("guardianButton")
        self.guardian_button.clicked.connect(self.guardian_requested)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("中文", "zh")
        self.language_box.activated.connect(
            lambda index: self.language_chosen.emit(self.language_box.itemData(index))
        )
        self.help_button = QPushButton(self)
        self.help_button.setObjectName("crisisButton")
        self.help_button.clicked.connect(self.help_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(16)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self.grid)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        footer = QHBoxLayout()
        footer.addWidget(self.help_button)
        footer.addStretch(1)
        footer.addWidget(self.language_box)
        footer.addWidget(self.guardian_button)
        layout.addLayout(footer)
        self._buttons: list[QPushButton] = []
        self.retranslate_ui()

    def button_for(self, profile_id: int) -> QPushButton | None:
        return next((b for b in self._buttons if b.property("profileId") == profile_id), None)

    def set_ready(self, ready: bool) -> None:
        """Profiles and the guardian button work only once Hearth has checked its protections;
        the help button always works."""
        self._ready = ready
        self.guardian_button.setEnabled(ready)
        for button in self._buttons:
            button.setEnabled(ready)

    def set_language(self, lang: str) -> None:
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(lang)))

    def set_profiles(self, profiles: list[ChildProfile]) -> None:
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        for i, profile in enumerate(profiles):
            button = QPushButton(profile.display_name, self)
            button.setObjectName("profileCard")
            button.setProperty("profileId", profile.id)
            button.setMinimumSize(170, 120)
            button.setAccessibleName(self.tr("Chat as %1").replace("%1", profile.display_name))
            button.clicked.connect(lambda _=False, pid=profile.id: self.profile_chosen.emit(pid))
            button.setEnabled(getattr(self, "_ready", True))
            self.grid.addWidget(button, i // 3, i % 3)
            self._buttons.append(button)
        if self._buttons:
            self._buttons[0].setFocus()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Who is chatting today?"))
        self.guardian_button.setText(self.tr("Guardian settings…"))
        self.help_button.setText(self.tr("Need help now?"))
        self.language_box.setAccessibleName(self.tr("Language"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
