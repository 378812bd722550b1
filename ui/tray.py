"""The tray icon, when the desktop has a tray: show the window, open the help card.

There is deliberately no "keep chatting" or notification-badge behaviour (R21: no engagement
pushes); the tray also serves as the notification fallback when no notification server runs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop import meta


def install_tray(window) -> QSystemTrayIcon | None:
    """A tray icon for ``window`` if the desktop offers a tray, else None."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon_path = window.ctx.icon("hearth.svg")
    tray = QSystemTrayIcon(QIcon(icon_path) if icon_path else window.windowIcon(), window)
    tray.setToolTip(meta.APP_NAME)
    menu = QMenu(window)
    show = menu.addAction(QCoreApplication.translate("Tray", "Show Hearth"))
    show.triggered.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    help_action = menu.addAction(QCoreApplication.translate("Tray", "Need help now?"))
    help_action.triggered.connect(window.show_crisis_card)
    tray.setContextMenu(menu)
    tray.activated.connect(lambda _reason: (window.showNormal(), window.raise_()))
    tray.show()
    return tray
