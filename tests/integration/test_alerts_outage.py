"""Outage and restart: alerts raised while the mail and webhook servers are down survive a killed
Hearth process and reach each server exactly once when a new process starts and the servers come
back. Real processes (SIGKILL), a real SQLite file, real servers; receipts are counted
server-side by idempotency key."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from desktop.alerts import (
    AlertService,
    ChannelRepository,
    DeliveryStatus,
    HealthState,
    SmtpChannelConfig,
    SmtpSecurity,
    WebhookChannelConfig,
)
from desktop.clock import SystemClock
from desktop.storage import open_database
from tests.integration.alerts_support import SmtpServer, WebhookServer, free_port, wait_until

REPO = Path(__file__).resolve().parents[2]

# A minimal Hearth process: the same composition the app does (configs from the database,
# one dispatcher thread, the service waking it), then it idles until it is killed.
HEARTH = r"""
import sys, threading
from datetime import date
from pathlib import Path
from desktop.alerts import AlertDispatcher, AlertDispatcherThread, AlertService, ChannelRepository
from desktop.alerts import build_channel
from desktop.clock import SystemClock
from desktop.profiles.models import ChildProfile, Language
from desktop.storage import open_database

data, mode, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
clock = SystemClock()
db = open_database(data)
configs = ChannelRepository(db).all()
channels = {c.channel_id: build_channel(c) for c in configs}
if mode == "pump-once":
    print("DELIVERED", AlertDispatcher(db, channels, clock).pump_until_idle(), flush=True)
    sys.exit(0)
runner = AlertDispatcherThread(lambda: open_database(data), channels, clock)
service = AlertService(db, clock, configs, wake=runner.wake)
runner.start()
lily = ChildProfile(1, "Lily", date(2015, 3, 1), Language.EN)
for i in range(count):
    service.raise_alert(lily, "self_harm" if i % 2 else "distress", 3 if i % 2 else 2)
print("RUNNING", flush=True)
threading.Event().wait()
"""


def spawn(data: Path, mode: str, count: int = 0) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-c", HEARTH, str(data), mode, str(count)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


@pytest.fixture
def family(tmp_path):
    """A data directory with an e-mail and a webhook channel on ports where nothing listens."""
    data = tmp_path / "data"
    smtp_port, web_port = free_port(), free_port()
    db = open_database(data)
    repo = ChannelRepository(db)
    repo.save(
        SmtpChannelConfig(
            host="127.0.0.1",
            port=smtp_port,
            sender="hearth@example.org",
            recipients=("mum@example.org",),
            security=SmtpSecurity.NONE,
            timeout_s=2,
        )
    )
    repo.save(WebhookChannelConfig(url=f"http://127.0.0.1:{web_port}/hearth", timeout_s=2))
    yield data, db, smtp_port, web_port
    db.close()


def deliveries(db):
    return list(db.query("select * from alert_deliveries"))


def test_outage_kill_restart_delivers_every_alert_exactly_once(family):
    data, db, smtp_port, web_port = family
    service = AlertService(db, SystemClock(), ChannelRepository(db).all())

    # 1. Servers down; Hearth raises ten alerts, tries, fails, and is killed.
    first = spawn(data, "run", count=10)
    assert first.stdout.readline().strip() == "RUNNING"
    assert wait_until(lambda: all(h.consecutive_failures >= 1 for h in service.channel_health()))
    kill(first)
    keys = {a.idempotency_key for a in service.inbox()}
    assert len(keys) == 10 and len(deliveries(db)) == 20
    assert not any(d["status"] == DeliveryStatus.DELIVERED for d in deliveries(db))
    errors = {h.channel_id: h.last_error for h in service.channel_health()}
    assert "refused the connection" in errors["email"] and "refused" in errors["webhook"]

    # 2. Servers come back on the same ports; a new Hearth process delivers the backlog.
    with SmtpServer(port=smtp_port) as smtp, WebhookServer(port=web_port) as hook:
        second = spawn(data, "run")
        try:
            assert second.stdout.readline().strip() == "RUNNING"
            assert wait_until(
                lambda: len(smtp.received_keys()) >= 10 and len(hook.received_keys()) >= 10, 30
            )
            assert wait_until(
                lambda: all(d["status"] == DeliveryStatus.DELIVERED for d in deliveries(db)), 10
            )
        finally:
            kill(second)

        # 3. Yet another start finds nothing left to send.
        third = spawn(data, "pump-once")
        assert third.communicate(timeout=30)[0].strip() == "DELIVERED 0"

        smtp_counts, hook_counts = Counter(smtp.received_keys()), Counter(hook.received_keys())
    assert set(smtp_counts) == set(hook_counts) == keys
    assert set(smtp_counts.values()) == set(hook_counts.values()) == {1}
    assert {h.channel_id: h.state for h in service.channel_health()} == {
        "email": HealthState.OK,
        "webhook": HealthState.OK,
    }


def test_a_crash_between_send_and_record_is_deduplicated_by_the_key(tmp_path):
    """Killed after the receiver got the POST but before Hearth recorded it: the next process
    sends again (at-least-once), with the same Idempotency-Key, so the receiver keeps one."""
    data = tmp_path / "data"
    with WebhookServer() as hook:
        db = open_database(data)
        ChannelRepository(db).save(WebhookChannelConfig(url=f"{hook.url}/h", timeout_s=5))
        hook.answer.clear()  # receive, but do not answer yet
        first = spawn(data, "run", count=1)
        assert first.stdout.readline().strip() == "RUNNING"
        assert wait_until(lambda: len(hook.received()) == 1, 10)
        kill(first)
        hook.answer.set()
        (row,) = deliveries(db)
        assert row["status"] == DeliveryStatus.PENDING and row["lease_until"]

        second = spawn(data, "run")
        try:
            assert second.stdout.readline().strip() == "RUNNING"
            assert wait_until(lambda: deliveries(db)[0]["status"] == DeliveryStatus.DELIVERED, 10)
        finally:
            kill(second)
        db.close()
    received = hook.received()
    assert len(received) == 2
    assert len({r.idempotency_key for r in received}) == 1  # what a receiver dedupes on
    assert all(r.idempotency_key == r.json()["idempotency_key"] for r in received)
