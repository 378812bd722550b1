"""Guardian alerts (R15, R19): an outbox in SQLite, a local inbox, and delivery by desktop
notification, e-mail and webhook/ntfy with retries that survive restarts and outages."""

from desktop.alerts.channels import (
    AlertChannel,
    DesktopAlertChannel,
    TestAlertResult,
    build_channel,
    send_test_alert,
)
from desktop.alerts.config import (
    ChannelConfig,
    ChannelRepository,
    DesktopChannelConfig,
    SecretLookup,
    SmtpChannelConfig,
    SmtpSecurity,
    WebhookChannelConfig,
    WebhookMode,
)
from desktop.alerts.dispatcher import AlertDispatcher, PumpReport, retry_delay
from desktop.alerts.errors import ChannelError, ConfigError, FailureKind
from desktop.alerts.models import (
    Alert,
    AlertCategory,
    ChannelHealth,
    ChannelKind,
    Delivery,
    DeliveryStatus,
    HealthState,
)
from desktop.alerts.service import AlertService
from desktop.alerts.thread import AlertDispatcherThread

__all__ = [
    "Alert",
    "AlertCategory",
    "AlertChannel",
    "AlertDispatcher",
    "AlertDispatcherThread",
    "AlertService",
    "ChannelConfig",
    "ChannelError",
    "ChannelHealth",
    "ChannelKind",
    "ChannelRepository",
    "ConfigError",
    "Delivery",
    "DeliveryStatus",
    "DesktopAlertChannel",
    "DesktopChannelConfig",
    "FailureKind",
    "HealthState",
    "PumpReport",
    "SecretLookup",
    "SmtpChannelConfig",
    "SmtpSecurity",
    "TestAlertResult",
    "WebhookChannelConfig",
    "WebhookMode",
    "build_channel",
    "retry_delay",
    "send_test_alert",
]
