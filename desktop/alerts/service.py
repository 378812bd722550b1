"""The alerts API the rest of Hearth calls: raise, list, acknowledge, and how channels are doing.

``raise_alert`` only writes SQLite (one short transaction) and wakes the dispatcher thread; it
never touches the network, so it cannot block the chat whatever the channels' state (R19: the
guardian is told promptly, and the child's crisis screen appears at once either way).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from sqlite_utils import Database

from desktop.alerts.config import ChannelConfig
from desktop.alerts.models import (
    FAILING_AFTER,
    Alert,
    AlertCategory,
    ChannelHealth,
    Delivery,
    HealthState,
    normalize_category,
)
from desktop.alerts.outbox import AlertOutbox
from desktop.clock import Clock
from desktop.profiles.models import ChildProfile

#: Longest excerpt sent to an opted-in guardian: enough to judge urgency, not a transcript.
EXCERPT_MAX_CHARS = 200


def trim_excerpt(text: str | None, limit: int = EXCERPT_MAX_CHARS) -> str | None:
    if not text:
        return None
    clean = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    if not clean:
        return None
    return clean if len(clean) <= limit else clean[: limit - 1].rstrip() + "…"


class AlertService:
    """Guardian alerts: outbox + local inbox, delivered by the dispatcher thread."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        channels: Sequence[ChannelConfig] = (),
        *,
        include_excerpts: bool = False,
        wake: Callable[[], None] | None = None,
    ):
        self.outbox = AlertOutbox(db)
        self.clock = clock
        self.channels = list(channels)
        #: R15: the guardian chose to receive a short excerpt with each alert (default off).
        self.include_excerpts = include_excerpts
        self._wake = wake

    def set_channels(self, channels: Sequence[ChannelConfig]) -> None:
        """New alerts go to these channels; alerts already raised keep theirs."""
        self.channels = list(channels)

    def connect_dispatcher(self, wake: Callable[[], None]) -> None:
        self._wake = wake

    # -- raising -----------------------------------------------------------------------------
    def raise_alert(
        self,
        profile: ChildProfile | None,
        category: AlertCategory | str,
        tier: int,
        excerpt: str | None = None,
        idempotency_key: str | None = None,
    ) -> Alert:
        """Record an alert for every enabled channel in one transaction, then wake the sender.

        Raising the same ``idempotency_key`` again returns the first alert and sends nothing
        new (pass e.g. ``f"message-{message_id}"`` so a re-assessed message alerts once).
        """
        if isinstance(tier, bool) or not isinstance(tier, int) or not 1 <= tier <= 3:
            raise ValueError(f"tier must be 1, 2 or 3, got {tier!r}")
        key = idempotency_key or f"hearth-{uuid.uuid4().hex}"
        if not 0 < len(key) <= 200 or any(c.isspace() for c in key):
            raise ValueError("an idempotency key is 1-200 characters without spaces")
        alert, created = self.outbox.add(
            idempotency_key=key,
            category=normalize_category(category),
            tier=tier,
            profile_id=profile.id if profile else None,
            child_name=profile.display_name if profile else "",
            created_at=self.clock.now(),
            excerpt=trim_excerpt(excerpt) if self.include_excerpts else None,
            channel_ids=[c.channel_id for c in self.channels if c.enabled],
        )
        if created and self._wake is not None:
            self._wake()
        return alert

    # -- the local inbox ---------------------------------------------------------------------
    def inbox(
        self, *, profile_id: int | None = None, unacknowledged_only: bool = False, limit: int = 100
    ) -> list[Alert]:
        """Newest first."""
        return self.outbox.inbox(
            profile_id=profile_id, unacknowledged_only=unacknowledged_only, limit=limit
        )

    def unacknowledged_count(self) -> int:
        return self.outbox.db.execute(
            "select count(*) from alerts where acknowledged_at is null"
        ).fetchone()[0]

    def acknowledge(self, alert_id: int, by: str) -> Alert:
        return self.outbox.acknowledge(alert_id, by, self.clock.now())

    def deliveries(self, alert_id: int) -> list[Delivery]:
        return self.outbox.deliveries(alert_id)

    # -- health ------------------------------------------------------------------------------
    def channel_health(self) -> list[ChannelHealth]:
        """One entry per configured channel, in configuration order."""
        counters = self.outbox.counters()
        pending = self.outbox.pending_counts()
        result = []
        for config in self.channels:
            c = counters.get(config.channel_id)
            failures = c.consecutive_failures if c else 0
            if c is None or (c.last_success_at is None and c.last_failure_at is None):
                state = HealthState.UNTESTED
            elif failures >= FAILING_AFTER:
                state = HealthState.FAILING
            elif failures > 0:
                state = HealthState.DEGRADED
            else:
                state = HealthState.OK
            result.append(
                ChannelHealth(
                    channel_id=config.channel_id,
                    kind=config.kind,
                    state=state,
                    consecutive_failures=failures,
                    pending=pending.get(config.channel_id, 0),
                    last_error=c.last_error if c and failures else None,
                    last_failure_at=c.last_failure_at if c else None,
                    last_success_at=c.last_success_at if c else None,
                )
            )
        return result
