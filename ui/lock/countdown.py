"""The final minute, visible in the chat: "1 minute left — time to say goodbye", then seconds.

The lead places it above the chat input; :meth:`CountdownBanner.attach` connects it to the
``LimitsController`` (``countdown`` once a second in the final minute, ``countdown_stopped`` when
more time was granted or the lock engaged). It is a calm notice, not an alarm: it gives the child
time to finish the thought, which is kinder than a chat that simply vanishes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget


class CountdownBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("warningBanner")
        self.seconds: int | None = None
        self.icon = QLabel(self)
        self.icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32)
        )
        self.heading = QLabel(self)
        self.heading.setObjectName("countdownHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; background: transparent;")
        self.count = QLabel(self)
        self.count.setObjectName("countdownSeconds")
        self.count.setStyleSheet("font-size: 16pt; font-weight: bold; background: transparent;")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.icon)
        row.addLayout(text, 1)
        row.addWidget(self.count)
        self.retranslate_ui()
        self.hide()

    def attach(self, controller) -> None:
        controller.countdown.connect(self.set_seconds)
        controller.countdown_stopped.connect(self.clear)
        controller.locked.connect(self.clear)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("1 minute left — time to say goodbye"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_seconds(self, seconds: int) -> None:
        """Show ``seconds`` left (the final minute)."""
        self.seconds = max(0, int(seconds))
        self._show_count()
        self.show()

    def clear(self, *_args) -> None:
        self.seconds = None
        self.hide()

    def _show_count(self) -> None:
        if self.seconds is None:
            self.count.clear()
            return
        # m:ss reads the same in every language; the spoken form carries the plural.
        self.count.setText(f"{self.seconds // 60}:{self.seconds % 60:02d}")
        text = self.tr("%n second(s) left", "", self.seconds)
        self.count.setAccessibleName(text)
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(text)
