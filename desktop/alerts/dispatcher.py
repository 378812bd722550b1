"""Delivering due alerts: one bounded round per ``pump``, retried with exponential backoff.

A round never runs long: at most ``max_per_round`` deliveries, each with its channel's short
timeout, and after a channel fails once in a round its other alerts wait for the next round (one
dead mail server must not cost twenty timeouts). ``pump`` blocks on the network, so it runs on
:class:`~desktop.alerts.thread.AlertDispatcherThread`, never on the GUI thread: a bad
configuration can delay an e-mail, never the chat.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.alerts.errors import ChannelError
from desktop.alerts.models import Alert, Delivery
from desktop.alerts.outbox import AlertOutbox
from desktop.clock import Clock

if TYPE_CHECKING:  # the senders (smtplib, httpx) load only when channels are built
    from desktop.alerts.channels import AlertChannel

log = logging.getLogger(__name__)

#: First retry after 2 s, then 4, 8, ... capped at 10 minutes.
BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 600.0


def retry_delay(
    attempts: int, *, base: float = BACKOFF_BASE_S, cap: float = BACKOFF_CAP_S
) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt (1 → base, 2 → 2·base, ...)."""
    if attempts < 1:
        return 0.0
    return min(base * 2 ** min(attempts - 1, 30), cap)


@dataclass
class PumpReport:
    """What one round did; ``next_due_at`` tells the thread how long it may sleep."""

    delivered: list[tuple[int, str]] = field(default_factory=list)  # (alert id, channel)
    failed: list[tuple[int, str, str]] = field(default_factory=list)  # (alert id, channel, error)
    next_due_at: datetime | None = None

    @property
    def attempted(self) -> int:
        return len(self.delivered) + len(self.failed)


class AlertDispatcher:
    """Sends what the outbox says is due through the configured channels.

    Besides each delivery's own backoff, a channel that just failed is paused in memory for the
    same delay: when a server is down, twenty queued alerts cost one attempt per backoff step,
    not twenty. The pause is not persisted, so a restart tries at once.
    """

    def __init__(
        self,
        db: Database,
        channels: Mapping[str, AlertChannel],
        clock: Clock,
        *,
        max_per_round: int = 20,
        lease_s: float = 120.0,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
    ):
        self.outbox = AlertOutbox(db)
        self.channels = dict(channels)
        self.clock = clock
        self.max_per_round = max_per_round
        self.lease = timedelta(seconds=lease_s)
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self._paused_until: dict[str, datetime] = {}

    @property
    def horizon(self) -> timedelta:
        return timedelta(seconds=self.backoff_cap_s)

    def resume(self) -> None:
        """Lift the failure pauses: a new alert was raised and deserves one attempt now, in
        case the server is back (a tier-3 alert must not wait out a 10-minute backoff)."""
        self._paused_until.clear()

    def _open_channels(self, now: datetime) -> list[str]:
        """Channels not paused after a recent failure (a pause beyond the horizon means the
        clock went backwards, and is dropped)."""
        result = []
        for channel_id in self.channels:
            until = self._paused_until.get(channel_id)
            if until is None or until <= now or until > now + self.horizon:
                result.append(channel_id)
        return result

    def pump(self, now: datetime | None = None) -> PumpReport:
        """One bounded round of due deliveries. Never raises for a channel failure."""
        now = now or self.clock.now()
        report = PumpReport()
        claimed = self.outbox.claim_due(
            now,
            self._open_channels(now),
            limit=self.max_per_round,
            lease=self.lease,
            horizon=self.horizon,
        )
        failed_now: set[str] = set()
        for delivery, alert in claimed:
            if delivery.channel_id in failed_now:
                # Its channel failed earlier in this round: it waits for the channel's backoff.
                self.outbox.release(delivery)
                continue
            error = self._send(delivery.channel_id, alert)
            if error is not None:
                failed_now.add(delivery.channel_id)
            self._settle(delivery, alert, error, report)
        report.next_due_at = self.next_due_at(self.clock.now())
        return report

    def _settle(
        self, delivery: Delivery, alert: Alert, error: str | None, report: PumpReport
    ) -> None:
        """Record the outcome right after the send: delivered, or failed with its next try."""
        channel_id = delivery.channel_id
        at = self.clock.now()
        if error is None:
            self.outbox.mark_delivered(delivery, at)
            self._paused_until.pop(channel_id, None)
            report.delivered.append((alert.id, channel_id))
            return
        delay = retry_delay(delivery.attempts + 1, base=self.backoff_base_s, cap=self.backoff_cap_s)
        retry_at = at + timedelta(seconds=delay)
        self.outbox.mark_failed(delivery, at, error, retry_at)
        self._paused_until[channel_id] = retry_at
        report.failed.append((alert.id, channel_id, error))
        log.warning("alert %s via %s failed: %s", alert.id, channel_id, error)

    def _send(self, channel_id: str, alert: Alert) -> str | None:
        try:
            self.channels[channel_id].send(alert)
        except ChannelError as exc:
            return str(exc)
        except Exception as exc:  # a bug in one channel must not stop the others
            log.exception("alert channel %s crashed", channel_id)
            return f"unexpected error: {exc!r}"
        return None

    def next_due_at(self, now: datetime) -> datetime | None:
        """When the next delivery may be attempted (``now`` or earlier means: at once)."""
        due = []
        for channel_id, when in self.outbox.next_due_by_channel(list(self.channels)).items():
            if when > now + self.horizon:  # the clock went backwards
                when = now
            paused = self._paused_until.get(channel_id)
            if paused is not None and now < paused <= now + self.horizon:
                when = max(when, paused)
            due.append(when)
        return min(due, default=None)

    def pump_until_idle(self, *, max_rounds: int = 100) -> int:
        """Pump until nothing is sendable now (for the CLI and tests); returns deliveries made."""
        delivered = 0
        for _ in range(max_rounds):
            report = self.pump()
            delivered += len(report.delivered)
            if not report.attempted:
                break
        return delivered
