"""Tier 3 reaches the emergency contact too (R19: "promptly contact the guardian or emergency
contact"; the Safety issue asks for both at once).

The guardian sets up e-mail channels for themself; for every such channel a twin addressed to
the emergency contact (R14) is derived here, and only tier-3 alerts are sent through the twins.
No other alert ever goes to the emergency contact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from desktop.alerts.config import ChannelConfig, SmtpChannelConfig
from desktop.profiles.models import Guardian

EMERGENCY_SUFFIX = "-emergency"
CRISIS_TIER = 3


def emergency_channels(configs: Sequence[ChannelConfig], guardian: Guardian | None) -> list[SmtpChannelConfig]:
    """E-mail twins addressed to the emergency contact (none without an e-mail address)."""
    address = (guardian.emergency_email or "").strip() if guardian is not None else ""
    if not address:
        return []
    return [
        replace(config, channel_id=config.channel_id + EMERGENCY_SUFFIX, recipients=(address,))
        for config in configs
        if isinstance(config, SmtpChannelConfig) and config.enabled and address not in config.recipients
    ]


class FamilyAlertSink:
    """What the chat raises alerts through: the guardian's channels always, the emergency
    contact's twins for tier 3 only. ``service`` is an ``AlertService``."""

    def __init__(self, service, configs: Callable[[], Sequence[ChannelConfig]],
                 guardian: Callable[[], Guardian | None]):
        self.service = service
        self.configs = configs
        self.guardian = guardian

    def raise_alert(self, profile, category: str, tier: int, excerpt: str | None = None):
        base = list(self.configs())
        extras = emergency_channels(base, self.guardian()) if tier >= CRISIS_TIER else []
        if not extras:
            return self.service.raise_alert(profile, category, tier, excerpt)
        self.service.set_channels(base + extras)
        try:
            return self.service.raise_alert(profile, category, tier, excerpt)
        finally:
            self.service.set_channels(base)
