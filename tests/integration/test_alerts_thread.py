"""The background dispatcher: a woken tier-3 alert leaves at once, ``raise_alert`` never waits on
the network, and a channel that hangs does not hold back the others. Real SQLite file (two
connections, as in the app), real SMTP and HTTP servers on 127.0.0.1, the system clock."""

from __future__ import annotations

import statistics
import time
from datetime import date

import pytest

from desktop.alerts import (
    AlertDispatcherThread,
    AlertService,
    SmtpChannelConfig,
    SmtpSecurity,
    WebhookChannelConfig,
    build_channel,
)
from desktop.clock import SystemClock
from desktop.profiles.models import ChildProfile, Language
from desktop.storage import open_database
from tests.integration.alerts_support import BlackHoleServer, SmtpServer, WebhookServer, wait_until

LILY = ChildProfile(id=1, display_name="Lily", birthday=date(2015, 3, 1), language=Language.EN)


def smtp_config(port: int, timeout_s: float = 2.0) -> SmtpChannelConfig:
    return SmtpChannelConfig(
        host="127.0.0.1",
        port=port,
        sender="hearth@example.org",
        recipients=("mum@example.org",),
        security=SmtpSecurity.NONE,
        timeout_s=timeout_s,
    )


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def start(data_dir, configs, **options):
    clock = SystemClock()
    channels = {c.channel_id: build_channel(c) for c in configs}
    runner = AlertDispatcherThread(
        lambda: open_database(data_dir), channels, clock, idle_interval_s=30, **options
    )
    db = open_database(data_dir)  # the GUI thread's own connection
    service = AlertService(db, clock, configs, wake=runner.wake)
    runner.start()
    return runner, service, db


def test_a_woken_alert_leaves_at_once(data_dir):
    with SmtpServer() as smtp, WebhookServer() as hook:
        configs = [smtp_config(smtp.port), WebhookChannelConfig(url=f"{hook.url}/a")]
        runner, service, db = start(data_dir, configs)
        try:
            assert wait_until(lambda: runner.rounds >= 2, 5)  # both loops idle (30 s sleep)
            t0 = time.monotonic()
            alert = service.raise_alert(LILY, "self_harm", 3)
            assert wait_until(lambda: smtp.received_keys() and hook.received_keys(), 5)
            latency = time.monotonic() - t0
        finally:
            assert runner.stop(5)
            db.close()
    assert smtp.received_keys() == hook.received_keys() == [alert.idempotency_key]
    assert latency < 2.0  # without wake() it would wait for the 30 s idle interval


def test_raise_never_blocks_and_a_hanging_channel_does_not_hold_back_the_others(data_dir):
    with BlackHoleServer() as hole, WebhookServer() as hook:
        configs = [smtp_config(hole.port, timeout_s=5.0), WebhookChannelConfig(url=hook.url)]
        runner, service, db = start(data_dir, configs)
        try:
            first = service.raise_alert(LILY, "self_harm", 3)
            assert wait_until(lambda: hole.connections >= 1, 5)  # the e-mail loop now hangs
            timings, keys = [], [first.idempotency_key]
            for _ in range(20):
                t0 = time.perf_counter()
                keys.append(service.raise_alert(LILY, "self_harm", 3).idempotency_key)
                timings.append(time.perf_counter() - t0)
            # All 21 reach the webhook while the mail server is still silent (5 s timeout).
            assert wait_until(lambda: sorted(hook.received_keys()) == sorted(keys), 3)
            assert hole.connections == 1
        finally:
            stopped = runner.stop(0.5)
            db.close()
    assert max(timings) < 0.25, timings
    assert statistics.median(timings) < 0.05, timings
    assert not stopped  # the e-mail loop was still inside its 5 s timeout: stop() did not hang


def test_stop_is_prompt_when_idle(data_dir):
    with WebhookServer() as hook:
        runner, _, db = start(data_dir, [WebhookChannelConfig(url=hook.url)])
        assert wait_until(lambda: runner.rounds >= 1, 5)
        t0 = time.monotonic()
        assert runner.stop(5)
        assert time.monotonic() - t0 < 1.0
        assert not runner.is_alive
        db.close()
