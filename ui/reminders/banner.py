"""In-app reminder banners that a child notices even in a busy chat.

A banner has a coloured frame (theme objectNames ``reminderBanner`` green, ``warningBanner``
amber), an icon, a bold title, the body and a dismiss button. It stays until dismissed or for
60 s, whichever comes first: long enough to be seen after looking away, short enough not to
become wallpaper. The in-app banner is shown whether or not a desktop notification got through,
so a missing notification server never means a missing reminder.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

#: How long a banner stays when nobody dismisses it.
BANNER_LIFETIME_MS = 60_000
#: At most this many banners at once; the oldest goes first.
MAX_BANNERS = 3


class BannerTone(StrEnum):
    REMINDER = "reminderBanner"  # rest, continuous use: calm green
    WARNING = "warningBanner"  # limit warnings: amber


class ReminderBanner(QFrame):
    """One banner; ``dismissed(key)`` when closed by the child or by its timer."""

    dismissed = Signal(str)

    def __init__(
        self,
        key: str,
        title: str,
        body: str,
        *,
        tone: BannerTone = BannerTone.REMINDER,
        lifetime_ms: int = BANNER_LIFETIME_MS,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.key = key
        self.tone = tone
        self.setObjectName(tone.value)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if tone is BannerTone.WARNING
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.icon = QLabel(self)
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(32, 32))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("bannerTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet(
            "font-weight: bold; font-size: 12pt; background: transparent;"
        )
        self.body_label = QLabel(self)
        self.body_label.setObjectName("bannerBody")
        self.body_label.setWordWrap(True)
        self.body_label.setStyleSheet("background: transparent;")
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("dismissBanner")
        self.dismiss_button.clicked.connect(self.dismiss)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.body_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.icon)
        row.addLayout(text, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self._closed = False
        self.set_text(title, body)
        self.retranslate_ui()
        self.timer.start(lifetime_ms)

    def set_text(self, title: str, body: str) -> None:
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)
        self.retranslate_ui()

    def title(self) -> str:
        return self.title_label.text()

    def body(self) -> str:
        return self.body_label.text()

    def retranslate_ui(self) -> None:
        self.dismiss_button.setText(self.tr("OK"))
        self.dismiss_button.setAccessibleName(
            self.tr("Dismiss the reminder: %1").replace("%1", self.title_label.text())
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def dismiss(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        self.hide()
        self.dismissed.emit(self.key)


class BannerArea(QWidget):
    """A column of banners, newest on top; the main window puts it above the message list."""

    banner_shown = Signal(str)  # key

    def __init__(self, parent: QWidget | None = None, *, lifetime_ms: int = BANNER_LIFETIME_MS):
        super().__init__(parent)
        self.setObjectName("reminderBannerArea")
        self.lifetime_ms = lifetime_ms
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._banners: list[ReminderBanner] = []
        self.hide()

    def banners(self) -> list[ReminderBanner]:
        return list(self._banners)

    def banner(self, key: str) -> ReminderBanner | None:
        return next((b for b in self._banners if b.key == key), None)

    def show_banner(
        self, key: str, title: str, body: str, tone: BannerTone = BannerTone.REMINDER
    ) -> ReminderBanner:
        """Show a banner; one with the same ``key`` (e.g. the previous limit warning) is replaced."""
        old = self.banner(key)
        if old is not None:
            self._remove(old)
        banner = ReminderBanner(
            key, title, body, tone=tone, lifetime_ms=self.lifetime_ms, parent=self
        )
        banner.dismissed.connect(lambda _key, b=banner: self._remove(b))
        self._banners.insert(0, banner)
        self._layout.insertWidget(0, banner)
        while len(self._banners) > MAX_BANNERS:
            self._remove(self._banners[-1])
        self.show()
        banner.show()
        window = self.window()
        if window is not None and window is not self:
            QApplication.alert(window, 0)  # flash the taskbar entry if Hearth is behind
        self.banner_shown.emit(key)
        return banner

    def clear(self) -> None:
        for banner in list(self._banners):
            self._remove(banner)

    def _remove(self, banner: ReminderBanner) -> None:
        if banner not in self._banners:
            return
        self._banners.remove(banner)
        banner.timer.stop()
        banner.hide()
        self._layout.removeWidget(banner)
        banner.deleteLater()
        if not self._banners:
            self.hide()
