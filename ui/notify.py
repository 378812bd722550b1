"""Desktop notifications for reminders, delivered off the GUI thread, with honest fallbacks.

``DesktopNotifier.notify`` blocks (a D-Bus probe, then plyer's ``notify-send`` subprocess), so it
runs on a one-thread pool: the chat never stutters, and notifications keep their order. The
result comes back to the GUI thread, which picks the path actually taken:

1. ``desktop`` — the notification server accepted it;
2. ``tray`` — no server, but a system tray icon exists: ``QSystemTrayIcon.showMessage``;
3. ``in_app`` — neither: the banner inside Hearth (shown anyway) is all the child gets.

``delivered(path)`` and ``last_path`` say which, so ``hearth doctor`` and the tests can tell a
silent failure from a delivery. The texts come from ``resources/reminders`` (checked for R21:
nothing invites the child back to the chat), and a notification carries no action to click.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.notifications import DeliveredVia, DeliveryResult, DesktopNotifier


class DeliveryPath(StrEnum):
    DESKTOP = "desktop"
    TRAY = "tray"
    IN_APP = "in_app"


class _Relay(QObject):
    """Carries one result from the worker thread back to the dispatcher (queued signal)."""

    done = Signal(object, str, str, object)  # the relay itself, title, body, DeliveryResult


class _NotifyTask(QRunnable):
    def __init__(
        self, notifier: DesktopNotifier, title: str, body: str, timeout: int, relay: _Relay
    ):
        super().__init__()
        self.notifier, self.title, self.body, self.timeout, self.relay = (
            notifier,
            title,
            body,
            timeout,
            relay,
        )

    def run(self) -> None:
        try:
            result = self.notifier.notify(self.title, self.body, timeout=self.timeout)
        except Exception as exc:  # notify() promises not to raise; a bug must not kill a thread
            result = DeliveryResult(DeliveredVia.NONE, f"notifier failed: {exc}")
        self.relay.done.emit(self.relay, self.title, self.body, result)


class NotificationDispatcher(QObject):
    """Sends reminder notifications; one per call, in order, never on the GUI thread."""

    delivered = Signal(str)  # DeliveryPath value

    def __init__(
        self,
        notifier: DesktopNotifier | None = None,
        *,
        tray: QSystemTrayIcon | None = None,
        timeout_s: int = 10,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.notifier = notifier or DesktopNotifier()
        self.tray = tray
        self.timeout_s = timeout_s
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.last_path: DeliveryPath | None = None
        self.last_result: DeliveryResult | None = None
        self._relays: set[_Relay] = set()

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        self.tray = tray

    def send(self, title: str, body: str) -> None:
        """Queue one notification; ``delivered`` tells where it went."""
        relay = _Relay()
        relay.done.connect(self._finished)
        self._relays.add(relay)
        self.pool.start(_NotifyTask(self.notifier, title, body, self.timeout_s, relay))

    def pending(self) -> int:
        return len(self._relays)

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until queued sends finished (shutdown); results arrive with the next events."""
        return self.pool.waitForDone(timeout_ms)

    def _tray_usable(self) -> bool:
        return (
            self.tray is not None
            and self.tray.isVisible()
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        )

    def _finished(self, relay: _Relay, title: str, body: str, result: DeliveryResult) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        self.last_result = result
        if result.delivered:
            path = DeliveryPath.DESKTOP
        elif self._tray_usable():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10_000)
            path = DeliveryPath.TRAY
        else:
            path = DeliveryPath.IN_APP
        self.last_path = path
        self.delivered.emit(path.value)
