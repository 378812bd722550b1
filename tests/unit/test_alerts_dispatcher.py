"""The dispatcher: exactly once per channel, exponential backoff, channel pauses, health, and a
clock moved backwards. Channels here are small recording senders; the dispatcher and the SQLite
outbox are the real ones (the real channels are tested against real servers in integration/)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.alerts import (
    AlertDispatcher,
    AlertService,
    ChannelError,
    ChannelKind,
    DeliveryStatus,
    FailureKind,
    HealthState,
    WebhookChannelConfig,
    retry_delay,
)
from desktop.alerts.outbox import AlertOutbox
from desktop.profiles.models import ChildProfile, Language

LILY = ChildProfile(id=1, display_name="Lily", birthday=date(2015, 3, 1), language=Language.EN)
REFUSED = ChannelError(FailureKind.CONNECTION_REFUSED, "127.0.0.1:1 refused the connection")


class RecordingChannel:
    kind = ChannelKind.WEBHOOK

    def __init__(self, channel_id: str):
        self.channel_id = channel_id
        self.sent: list[str] = []
        self.fail_with: BaseException | None = None

    def send(self, alert):
        if self.fail_with is not None:
            raise self.fail_with
        self.sent.append(alert.idempotency_key)


@pytest.fixture
def channels():
    return {"a": RecordingChannel("a"), "b": RecordingChannel("b")}


@pytest.fixture
def service(memory_db, clock, channels):
    configs = [WebhookChannelConfig(url=f"https://example.org/{c}", channel_id=c) for c in channels]
    return AlertService(memory_db, clock, configs)


@pytest.fixture
def dispatcher(memory_db, clock, channels):
    return AlertDispatcher(memory_db, channels, clock)


def status(service, alert, channel_id):
    return next(d for d in service.deliveries(alert.id) if d.channel_id == channel_id)


def test_retry_delay_doubles_from_2s_and_caps_at_10_minutes():
    assert [retry_delay(n) for n in range(1, 11)] == [2, 4, 8, 16, 32, 64, 128, 256, 512, 600]
    assert retry_delay(1000) == 600
    assert retry_delay(0) == 0


def test_each_alert_is_sent_once_per_channel(service, dispatcher, channels):
    alerts = [service.raise_alert(LILY, "self_harm", 3) for _ in range(3)]
    report = dispatcher.pump()
    assert len(report.delivered) == 6 and report.failed == []
    assert dispatcher.pump().attempted == 0
    for channel in channels.values():
        assert channel.sent == [a.idempotency_key for a in alerts]
    assert all(
        d.status is DeliveryStatus.DELIVERED for a in alerts for d in service.deliveries(a.id)
    )


def test_failures_back_off_exponentially_and_then_deliver(service, dispatcher, channels, clock):
    channels["a"].fail_with = REFUSED
    alert = service.raise_alert(LILY, "self_harm", 3)
    start = clock.now()
    dispatcher.pump()
    d = status(service, alert, "a")
    assert (d.status, d.attempts) == (DeliveryStatus.FAILED, 1)
    assert d.next_attempt_at == start + timedelta(seconds=2)
    assert d.last_error == "connection refused: 127.0.0.1:1 refused the connection"
    assert channels["b"].sent == [alert.idempotency_key]  # one bad channel does not hold others

    expected = start
    for attempts, delay in [(1, 2), (2, 4), (3, 8), (4, 16)]:
        expected += timedelta(seconds=delay)
        clock.advance(delay - 0.5)
        assert dispatcher.pump().attempted == 0, "retried before its backoff ran out"
        clock.advance(0.5)
        report = dispatcher.pump()
        assert report.failed and status(service, alert, "a").attempts == attempts + 1
    channels["a"].fail_with = None
    clock.advance(32)
    assert dispatcher.pump().delivered == [(alert.id, "a")]
    d = status(service, alert, "a")
    assert (d.status, d.attempts, d.last_error) == (DeliveryStatus.DELIVERED, 6, None)
    assert channels["a"].sent == [alert.idempotency_key]


def test_a_down_channel_costs_one_attempt_per_round_not_one_per_alert(
    service, dispatcher, channels, clock
):
    channels["a"].fail_with = REFUSED
    alerts = [service.raise_alert(LILY, "distress", 2) for _ in range(5)]
    report = dispatcher.pump()
    assert len(report.failed) == 1 and len(report.delivered) == 5  # all of "b", one try on "a"
    assert dispatcher.next_due_at(clock.now()) == clock.now() + timedelta(seconds=2)
    clock.advance(1)
    assert dispatcher.pump().attempted == 0  # "a" is paused; the other four wait with it
    channels["a"].fail_with = None
    clock.advance(1)
    assert len(dispatcher.pump().delivered) == 5
    assert sorted(channels["a"].sent) == sorted(a.idempotency_key for a in alerts)


def test_urgent_alerts_go_first(service, memory_db, clock, channels):
    low = service.raise_alert(LILY, "dependence", 1)
    clock.advance(1)
    high = service.raise_alert(LILY, "self_harm", 3)
    dispatcher = AlertDispatcher(memory_db, {"a": channels["a"]}, clock, max_per_round=1)
    dispatcher.pump()
    assert channels["a"].sent == [high.idempotency_key]
    dispatcher.pump()
    assert channels["a"].sent == [high.idempotency_key, low.idempotency_key]


def test_health_turns_failing_after_three_failures_and_recovers(
    service, dispatcher, channels, clock
):
    channels["a"].fail_with = REFUSED
    assert {h.channel_id: h.state for h in service.channel_health()} == {
        "a": HealthState.UNTESTED,
        "b": HealthState.UNTESTED,
    }
    service.raise_alert(LILY, "self_harm", 3)
    states = []
    for _ in range(3):
        dispatcher.pump()
        states.append(service.channel_health()[0].state)
        clock.advance(600)
    assert states == [HealthState.DEGRADED, HealthState.DEGRADED, HealthState.FAILING]
    a, b = service.channel_health()
    assert (a.consecutive_failures, a.pending, b.state, b.pending) == (3, 1, HealthState.OK, 0)
    assert "refused" in a.last_error and a.last_failure_at is not None

    channels["a"].fail_with = None
    dispatcher.pump()
    a = service.channel_health()[0]
    assert (a.state, a.consecutive_failures, a.pending, a.last_error) == (
        HealthState.OK,
        0,
        0,
        None,
    )


def test_turning_the_clock_back_cannot_park_an_alert(service, dispatcher, channels, clock):
    channels["a"].fail_with = REFUSED
    service.raise_alert(LILY, "self_harm", 3)
    for _ in range(8):  # the retry is now 256 s away
        dispatcher.pump()
        clock.advance(600)
    channels["a"].fail_with = None
    clock.jump_wall(-2 * 86400)  # the child sets the clock two days back
    assert len(dispatcher.pump().delivered) == 1


def test_a_crashing_channel_is_recorded_and_others_continue(service, dispatcher, channels):
    channels["a"].fail_with = RuntimeError("bug")
    alert = service.raise_alert(LILY, "self_harm", 3)
    report = dispatcher.pump()
    assert report.delivered == [(alert.id, "b")]
    assert "unexpected error" in status(service, alert, "a").last_error


def test_a_leased_delivery_is_not_sent_by_a_second_pump(service, memory_db, channels, clock):
    alert = service.raise_alert(LILY, "self_harm", 3)
    # Another pump claimed the rows and has not finished (or crashed) yet.
    claimed = AlertOutbox(memory_db).claim_due(
        clock.now(),
        ["a", "b"],
        limit=10,
        lease=timedelta(seconds=120),
        horizon=timedelta(seconds=600),
    )
    assert len(claimed) == 2
    dispatcher = AlertDispatcher(memory_db, channels, clock, lease_s=120)
    assert dispatcher.pump().attempted == 0
    clock.advance(121)  # the lease ran out: the owner died between send and mark
    assert len(dispatcher.pump().delivered) == 2
    assert channels["a"].sent == [alert.idempotency_key]


def test_release_leases_on_start_frees_rows_left_by_a_killed_process(service, memory_db, clock):
    service.raise_alert(LILY, "self_harm", 3)
    outbox = AlertOutbox(memory_db)
    outbox.claim_due(
        clock.now(),
        ["a", "b"],
        limit=10,
        lease=timedelta(seconds=120),
        horizon=timedelta(seconds=600),
    )
    assert outbox.release_leases() == 2
    assert outbox.next_due_by_channel(["a", "b"]) == {"a": clock.now(), "b": clock.now()}


def test_channels_no_longer_configured_keep_their_alerts_pending(
    service, memory_db, clock, channels
):
    alert = service.raise_alert(LILY, "self_harm", 3)
    only_b = AlertDispatcher(memory_db, {"b": channels["b"]}, clock)
    assert only_b.pump_until_idle() == 1
    assert status(service, alert, "a").status is DeliveryStatus.PENDING
    assert only_b.next_due_at(clock.now()) is None


def test_a_new_alert_gets_one_attempt_even_while_its_channel_is_paused(
    service, dispatcher, channels, clock
):
    channels["a"].fail_with = REFUSED
    service.raise_alert(LILY, "distress", 2)
    for _ in range(6):  # the channel is now paused for 64 s
        dispatcher.pump()
        clock.advance(600)
    dispatcher.pump()
    assert dispatcher.pump().attempted == 0
    channels["a"].fail_with = None  # the server is back, nobody has noticed yet
    urgent = service.raise_alert(LILY, "self_harm", 3)
    dispatcher.resume()  # what AlertDispatcherThread does on wake()
    assert (urgent.id, "a") in dispatcher.pump().delivered
