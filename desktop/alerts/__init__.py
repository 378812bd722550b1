"""Guardian alerts (R15, R19): an outbox in SQLite, a local inbox, and delivery by desktop
notification, e-mail and webhook/ntfy with retries that survive restarts and outages."""

# Names are loaded on first use (PEP 562), so importing one submodule — the schema, say, which
# every start-up needs — does not pull in smtplib and httpx before the window is up.
import importlib

_EXPORTS = {
    "Alert": "desktop.alerts.models",
    "AlertCategory": "desktop.alerts.models",
    "AlertChannel": "desktop.alerts.channels",
    "AlertDispatcher": "desktop.alerts.dispatcher",
    "AlertDispatcherThread": "desktop.alerts.thread",
    "AlertService": "desktop.alerts.service",
    "ChannelConfig": "desktop.alerts.config",
    "ChannelError": "desktop.alerts.errors",
    "ChannelHealth": "desktop.alerts.models",
    "ChannelKind": "desktop.alerts.models",
    "ChannelRepository": "desktop.alerts.config",
    "ConfigError": "desktop.alerts.errors",
    "Delivery": "desktop.alerts.models",
    "DeliveryStatus": "desktop.alerts.models",
    "DesktopAlertChannel": "desktop.alerts.channels",
    "DesktopChannelConfig": "desktop.alerts.config",
    "FailureKind": "desktop.alerts.errors",
    "HealthState": "desktop.alerts.models",
    "PumpReport": "desktop.alerts.dispatcher",
    "SecretLookup": "desktop.alerts.config",
    "SmtpChannelConfig": "desktop.alerts.config",
    "SmtpSecurity": "desktop.alerts.config",
    "TestAlertResult": "desktop.alerts.channels",
    "WebhookChannelConfig": "desktop.alerts.config",
    "WebhookMode": "desktop.alerts.config",
    "build_channel": "desktop.alerts.channels",
    "retry_delay": "desktop.alerts.dispatcher",
    "send_test_alert": "desktop.alerts.channels",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'desktop.alerts' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
