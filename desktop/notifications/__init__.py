"""What the child is told outside the chat: reminder texts and desktop-notification delivery."""

from desktop.notifications.desktop import DeliveredVia, DeliveryResult, DesktopNotifier
from desktop.notifications.rotation import ReminderTextPicker
from desktop.notifications.server import PathStatus, ServerInfo, notification_path_status
from desktop.notifications.texts import (
    LimitKind,
    ReminderKind,
    ReminderText,
    ReminderTextError,
    reminder_text,
)

__all__ = [
    "DeliveredVia",
    "DeliveryResult",
    "DesktopNotifier",
    "LimitKind",
    "PathStatus",
    "ReminderKind",
    "ReminderText",
    "ReminderTextError",
    "ReminderTextPicker",
    "ServerInfo",
    "notification_path_status",
    "reminder_text",
]
