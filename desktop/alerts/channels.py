"""Channels as senders, built from their configs, plus the panel's "send a test alert" button.

Every channel has the same shape: ``send(alert)`` returns when the other end accepted the alert
and raises :class:`ChannelError` with a specific reason otherwise. The local inbox is not a
channel: it is the outbox row itself, written before any of these run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Protocol

from desktop.alerts.config import (
    ChannelConfig,
    DesktopChannelConfig,
    SecretLookup,
    SmtpChannelConfig,
    WebhookChannelConfig,
)
from desktop.alerts.email_channel import EmailChannel
from desktop.alerts.errors import ChannelError, FailureKind
from desktop.alerts.models import Alert, AlertCategory, ChannelKind
from desktop.alerts.render import render_alert
from desktop.alerts.webhook_channel import WebhookChannel
from desktop.clock import Clock, SystemClock
from desktop.notifications.desktop import DesktopNotifier


class AlertChannel(Protocol):
    channel_id: str
    kind: ChannelKind

    def send(self, alert: Alert) -> None:
        """Deliver or raise :class:`ChannelError`."""


class DesktopAlertChannel:
    """A discreet desktop notification that an alert waits in the guardian panel."""

    kind = ChannelKind.DESKTOP

    def __init__(self, config: DesktopChannelConfig, notifier: DesktopNotifier | None = None):
        config.validate()
        self.config = config
        self.channel_id = config.channel_id
        self._notifier = notifier or DesktopNotifier()

    def send(self, alert: Alert) -> None:
        rendered = render_alert(alert, self.config.language)
        result = self._notifier.notify(rendered.desktop_title, rendered.desktop_body)
        if not result.delivered:
            raise ChannelError(FailureKind.NO_SERVER, result.reason)


def build_channel(
    config: ChannelConfig,
    *,
    secret_lookup: SecretLookup | None = None,
    notifier: DesktopNotifier | None = None,
) -> AlertChannel:
    """The sender for a config (validates it first: raises :class:`ConfigError`)."""
    if isinstance(config, SmtpChannelConfig):
        return EmailChannel(config, secret_lookup)
    if isinstance(config, WebhookChannelConfig):
        return WebhookChannel(config, secret_lookup)
    if isinstance(config, DesktopChannelConfig):
        return DesktopAlertChannel(config, notifier)
    raise TypeError(f"not a channel config: {config!r}")


@dataclass(frozen=True)
class TestAlertResult:
    __test__ = False  # not a pytest test class despite the name

    channel_id: str
    ok: bool
    message: str
    failure: FailureKind | None = None
    seconds: float = 0.0


def send_test_alert(
    config: ChannelConfig,
    *,
    secret_lookup: SecretLookup | None = None,
    notifier: DesktopNotifier | None = None,
    child_name: str = "Test",
    clock: Clock | None = None,
) -> TestAlertResult:
    """Send one test alert now, outside the outbox, and say plainly what happened.

    Blocking (up to the channel's timeout): the panel calls it from a worker thread.
    """
    clock = clock or SystemClock()
    started = clock.monotonic()
    alert = Alert(
        id=0,
        idempotency_key=f"hearth-test-{uuid.uuid4().hex}",
        category=AlertCategory.TEST,
        tier=1,
        profile_id=None,
        child_name=child_name,
        created_at=clock.now(),
    )
    try:
        build_channel(config, secret_lookup=secret_lookup, notifier=notifier).send(alert)
    except ChannelError as exc:
        return TestAlertResult(
            config.channel_id, False, str(exc), exc.kind, clock.monotonic() - started
        )
    return TestAlertResult(
        config.channel_id, True, "test alert sent", None, clock.monotonic() - started
    )
