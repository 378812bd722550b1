"""Is anyone there to show a desktop notification?

plyer cannot tell us: without dbus-python it runs ``notify-send`` and ignores its exit code, so a
missing notification server fails silently (RECIPES.md). Before trusting plyer we ask the session
bus ourselves, with jeepney (pure Python, already installed with keyring), whether
``org.freedesktop.Notifications`` has an owner, and what it is. ``hearth doctor`` shows the
answer; the Qt layer falls back to the tray or an in-app banner when it is "no".
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
PORTAL_NAME = "org.freedesktop.portal.Desktop"


@dataclass(frozen=True)
class ServerInfo:
    """What ``GetServerInformation`` says, e.g. ``dunst``/``knopwob``."""

    name: str
    vendor: str
    version: str
    spec_version: str


@dataclass(frozen=True)
class PathStatus:
    """Whether a desktop notification can reach the screen, and a sentence saying why (not)."""

    ok: bool
    detail: str
    server: ServerInfo | None = None


def _is_flatpak() -> bool:
    # plyer's own test: inside Flatpak it sends through the desktop portal.
    return os.path.isdir("/app")


def notification_path_status(timeout: float = 1.0) -> PathStatus:
    """Probe the notification path the way plyer will use it; never raises, at most ~timeout s.

    On Windows and macOS plyer talks to the system's notification centre, which has no probe;
    we report it as available.
    """
    if not sys.platform.startswith("linux"):
        return PathStatus(True, f"native notifications on {sys.platform} (not probed)")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return PathStatus(False, "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    try:
        return _probe_session_bus(timeout)
    except Exception as exc:  # a broken bus must not break the caller
        return PathStatus(False, f"cannot reach the D-Bus session bus: {exc}")


def _probe_session_bus(timeout: float) -> PathStatus:
    from jeepney import DBusAddress, new_method_call
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import DBusErrorResponse, unwrap_msg

    try:
        conn = open_dbus_connection(bus="SESSION", auth_timeout=timeout)
    except (OSError, TimeoutError, RuntimeError) as exc:
        return PathStatus(False, f"cannot connect to the D-Bus session bus: {exc}")
    with conn:
        wanted = PORTAL_NAME if _is_flatpak() else NOTIFICATIONS_NAME
        reply = conn.send_and_get_reply(message_bus.NameHasOwner(wanted), timeout=timeout)
        (has_owner,) = unwrap_msg(reply)
        if not has_owner:
            return PathStatus(False, f"no notification server is running ({wanted} has no owner)")
        if wanted == PORTAL_NAME:
            return PathStatus(True, "desktop portal (Flatpak)")
        address = DBusAddress(
            NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS_NAME, interface=NOTIFICATIONS_NAME
        )
        try:
            reply = conn.send_and_get_reply(
                new_method_call(address, "GetServerInformation"), timeout=timeout
            )
            name, vendor, version, spec = unwrap_msg(reply)
        except (DBusErrorResponse, TimeoutError) as exc:
            # The name is owned but the server does not answer: plyer's send would hang or vanish.
            return PathStatus(False, f"the notification server does not answer: {exc}")
        info = ServerInfo(str(name), str(vendor), str(version), str(spec))
        return PathStatus(True, f"{info.name} {info.version} ({info.vendor})", info)
