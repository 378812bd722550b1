"""Guardian alerts as plain dataclasses (R15, R19)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AlertCategory(StrEnum):
    """Why the guardian is told. The first eight match ``desktop.safety.Category`` values."""

    SELF_HARM = "self_harm"
    DISTRESS = "distress"
    FINANCIAL = "financial"
    SEXUAL = "sexual"
    INTIMACY = "intimacy"
    PERSONAL_INFO = "personal_info"
    DEPENDENCE = "dependence"
    HARMFUL = "harmful"
    CLOCK_TAMPER = "clock_tamper"
    AGE_APPEAL = "age_appeal"  # R16: "I am an adult" goes to the guardian
    TEST = "test"


_SLUG = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def normalize_category(category: AlertCategory | str) -> str:
    """Accept our enum, another module's enum with the same values, or a new slug.

    Other subsystems may raise alerts for reasons added after this module was written; a short
    snake_case slug is stored as it is and shown raw if no translated label exists.
    """
    value = str(getattr(category, "value", category))
    if value in AlertCategory._value2member_map_:
        return AlertCategory(value)
    if not _SLUG.match(value):
        raise ValueError(f"an alert category is a short snake_case word, got {value!r}")
    return value


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # not yet tried
    DELIVERED = "delivered"
    FAILED = "failed"  # tried and failed; retried at next_attempt_at


class ChannelKind(StrEnum):
    DESKTOP = "desktop"
    EMAIL = "email"
    WEBHOOK = "webhook"


@dataclass(frozen=True)
class Alert:
    """One outbox row; also an entry of the guardian's local inbox."""

    id: int
    idempotency_key: str
    category: str
    tier: int
    profile_id: int | None
    child_name: str
    created_at: datetime
    #: Only present if the guardian opted in to excerpts (R15; off by default).
    excerpt: str | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


@dataclass(frozen=True)
class Delivery:
    """The state of one alert on one channel."""

    id: int
    alert_id: int
    channel_id: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None = None
    delivered_at: datetime | None = None


class HealthState(StrEnum):
    OK = "ok"  # last attempt succeeded
    UNTESTED = "untested"  # nothing sent yet
    DEGRADED = "degraded"  # failed recently, fewer than FAILING_AFTER times in a row
    FAILING = "failing"  # FAILING_AFTER or more consecutive failures


#: Consecutive failures after which a channel is reported as failing.
FAILING_AFTER = 3


@dataclass(frozen=True)
class ChannelHealth:
    channel_id: str
    kind: ChannelKind
    state: HealthState
    consecutive_failures: int
    pending: int
    last_error: str | None = None
    last_failure_at: datetime | None = None
    last_success_at: datetime | None = None
