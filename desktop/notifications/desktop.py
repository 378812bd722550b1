"""Sending a desktop notification through plyer, and saying honestly whether it got anywhere.

A reminder that silently vanishes is worse than none: the child misses it and nobody knows. So the
notifier probes the path first (:func:`notification_path_status`) and returns a
:class:`DeliveryResult`; on ``"none"`` the Qt layer shows its tray or in-app fallback.

plyer on Linux without dbus-python runs ``notify-send``, a short blocking subprocess: call this
off the GUI thread when you can (the alert dispatcher already runs on its own thread).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop.meta import APP_NAME
from desktop.notifications.server import PathStatus, notification_path_status


class DeliveredVia(StrEnum):
    DESKTOP = "desktop"
    NONE = "none"


@dataclass(frozen=True)
class DeliveryResult:
    delivered_via: DeliveredVia
    reason: str

    @property
    def delivered(self) -> bool:
        return self.delivered_via is DeliveredVia.DESKTOP


def _plyer_notify(*, title: str, message: str, app_name: str, timeout: int) -> None:
    with warnings.catch_warnings():
        # plyer warns on every first use that dbus-python is absent; notify-send is our path.
        warnings.simplefilter("ignore")
        from plyer import notification

        notification.notify(title=title, message=message, app_name=app_name, timeout=timeout)


def _safe_argument(text: str) -> str:
    # notify-send would read a leading "-" as an option and drop the notification.
    text = text.strip()
    return f"\u2060{text}" if text.startswith("-") else text


class DesktopNotifier:
    """Desktop notifications with an honest delivery result.

    ``probe`` and ``send`` default to the real ones; they are parameters so the Qt layer can
    route through its own tray path and so tests can point at a private bus.
    """

    def __init__(
        self,
        app_name: str = APP_NAME,
        *,
        probe: Callable[[], PathStatus] = notification_path_status,
        send: Callable[..., None] = _plyer_notify,
    ):
        self.app_name = app_name
        self._probe = probe
        self._send = send

    def notify(self, title: str, body: str, *, timeout: int = 10) -> DeliveryResult:
        """Show ``title``/``body`` for about ``timeout`` seconds; never raises."""
        status = self._probe()
        if not status.ok:
            return DeliveryResult(DeliveredVia.NONE, status.detail)
        try:
            self._send(
                title=_safe_argument(title),
                message=_safe_argument(body),
                app_name=self.app_name,
                timeout=timeout,
            )
        except Exception as exc:  # plyer raises NotImplementedError, OSError, D-Bus errors...
            return DeliveryResult(DeliveredVia.NONE, f"sending failed: {exc}")
        return DeliveryResult(DeliveredVia.DESKTOP, f"sent to {status.detail}")
