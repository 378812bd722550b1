"""The usage ledger on a real SQLite file: restarts continue, a SIGKILL loses at most 10 s,
and ``hearth status`` can read it from another process while the app holds it open."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.limits.audit import SqliteAuditSink
from desktop.limits.ledger import UsageLedger
from desktop.profiles.models import ChildProfile, Language
from desktop.storage import open_database
from tests.integration.ledger_support import chat, start_limits
from tests.support.fake_clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
KEY = b"ledger-persistence-key-0123456789"
CHILD = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)
START = datetime(2026, 11, 26, 16, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def service(db, clock, boot="boot-1"):
    return start_limits(db, clock, KEY, CHILD, boot=boot)[0]


def start_chatting(data, clock, seconds):
    """Open Hearth on ``data`` and let Mia chat for ``seconds``: how each scenario here starts."""
    db = open_database(data)
    svc = service(db, clock)
    svc.session_opened()
    chat(svc, clock, seconds)
    return db, svc


def test_restart_continues_where_it_stopped(tmp_path):
    data = tmp_path / "data"
    clock = FakeClock(START)
    db, svc = start_chatting(data, clock, 20 * 60)
    svc.close()
    db.close()
    del svc

    clock.advance(60)
    db = open_database(data)
    svc = service(db, clock)
    assert svc.tracker.used_seconds == pytest.approx(20 * 60)
    # The continuous-use streak survived the restart (a one-minute gap is not a break).
    assert svc.tracker.state.continuous.live(clock.now().timestamp(), 1800).active == (
        pytest.approx(20 * 60)
    )
    svc.session_opened()
    chat(svc, clock, 40 * 60 + 30)
    decision = svc.decision()
    assert not decision.allowed and decision.used_seconds == pytest.approx(3600)
    db.close()


DRIVER = textwrap.dedent(
    """
    import sys
    from datetime import date, datetime
    from zoneinfo import ZoneInfo
    from desktop.limits.audit import SqliteAuditSink
    from desktop.limits.clockguard import ClockGuard
    from desktop.limits.service import LimitsService
    from desktop.profiles.models import ChildProfile, Language
    from desktop.storage import open_database
    from tests.support.fake_clock import FakeClock

    clock = FakeClock(datetime(2026, 11, 26, 16, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    db = open_database(sys.argv[1])
    key = sys.argv[2].encode()
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, key, audit, boot_id=lambda: "boot-1")
    guard.start()
    child = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)
    svc = LimitsService(db, child, guard, key, audit)
    svc.session_opened()
    print("ready", flush=True)
    for line in sys.stdin:
        seconds = int(line)
        for i in range(seconds // 3):
            clock.advance(3)
            svc.note_activity() if i % 10 == 0 else svc.tick()
        print(svc.tracker.used_seconds, flush=True)
    """
)


@pytest.mark.parametrize("extra", [1, 4, 7, 10, 13])
def test_sigkill_before_a_checkpoint_loses_at_most_ten_seconds(tmp_path, extra):
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(data), KEY.decode()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        in_memory = 0.0
        for seconds in (300, extra * 3):
            proc.stdin.write(f"{seconds}\n")
            proc.stdin.flush()
            in_memory = float(proc.stdout.readline())
        assert in_memory == pytest.approx(300 + extra * 3)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    db = open_database(data)
    stored = UsageLedger(db, KEY).day(CHILD.id, START.date())
    assert stored is not None and stored.verified
    assert in_memory - stored.used_seconds <= 10.0
    assert stored.used_seconds <= in_memory
    # A restart in the same boot picks the stored value up with no tamper alarm.
    clock = FakeClock(START)
    clock.advance(300 + extra * 3 + 1)
    svc = service(db, clock)
    assert svc.tracker.used_seconds == stored.used_seconds
    assert SqliteAuditSink(db, clock.now).events() == []
    db.close()


STATUS = textwrap.dedent(
    """
    import json, sys
    from datetime import date, datetime
    from zoneinfo import ZoneInfo
    from desktop.limits.status import read_status
    from desktop.profiles.models import ChildProfile, Language
    from desktop.storage import open_database

    db = open_database(sys.argv[1])
    now = datetime.fromisoformat(sys.argv[3])
    child = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)
    print(json.dumps(read_status(db, child, now, sys.argv[2].encode()).to_dict()))
    """
)


def test_status_is_readable_from_another_process_while_the_app_runs(tmp_path):
    data = tmp_path / "data"
    clock = FakeClock(START)
    db, svc = start_chatting(data, clock, 45 * 60)
    svc.checkpoint()
    begin = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", STATUS, str(data), KEY.decode(), clock.now().isoformat()],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        timeout=30,
        check=True,
    )
    elapsed = time.perf_counter() - begin
    status = json.loads(out.stdout)
    assert status["available"] is True
    assert status["minutes_used_today"] == pytest.approx(45)
    assert status["daily_minutes_left"] == pytest.approx(15)
    assert status["next_limit"] == "daily"
    # At 60 minutes of use both the R6 and the R8 reminder are due; the limit comes with them.
    assert status["next_reminder"]["kind"] in {"ai_not_human", "rest"}
    at = datetime.fromisoformat(status["next_reminder"]["at"])
    assert at.timestamp() == (clock.now() + timedelta(minutes=15)).timestamp()
    assert status["ledger_verified"] is True
    assert elapsed < 30
    # The live service agrees with the other process.
    assert svc.status().to_dict() == status
    db.close()
