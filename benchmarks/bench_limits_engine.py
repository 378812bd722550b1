"""Limits engine: cost of a decision with a 365-day ledger ÷ the same with a 1-day ledger (~1).

Two children share one real SQLite file (WAL, synchronous=FULL). One has a year of history:
365 authenticated day rows (the limit hit every third day, curfew attempts), reminder-log rows
for every day, audit events and dependence flags. The other (the baseline, measured in the same
run on the same file) has only today. For each child the script times, interleaved:

- ``evaluate``: the pure policy engine on the child's snapshot;
- ``tick``: one UI poll with the chat open (count use, decide, dependence signals, reminder-log
  lookups, the 10-second checkpoint when due);
- ``status``: the live service's status;
- ``read_status``: ``hearth status`` from the database alone (open and verify the ledger).

It prints the median per operation and the ratio year ÷ day (plus year ÷ a 30-day child, which
isolates the cost of history from the fixed 14-day window the R3 dependence signals read).
Flat means ≈ 1 (± noise) for the running app.

    BENCH_RUNS=2000 /work/venv/bin/python benchmarks/bench_limits_engine.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.limits.audit import LimitEventKind, SqliteAuditSink  # noqa: E402
from desktop.limits.clockguard import ClockGuard  # noqa: E402
from desktop.limits.ledger import DayUsage, TrackerState, UsageLedger  # noqa: E402
from desktop.limits.policy import evaluate  # noqa: E402
from desktop.limits.rules import Audience  # noqa: E402
from desktop.limits.service import LimitsService  # noqa: E402
from desktop.limits.status import read_status  # noqa: E402
from desktop.profiles.models import ChildProfile, Language  # noqa: E402
from desktop.reminders.dependence import flag_dependence  # noqa: E402
from desktop.reminders.log import ReminderLog  # noqa: E402
from desktop.storage import open_database  # noqa: E402
from tests.support.fake_clock import FakeClock  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "2000"))
KEY = b"benchmark-key-0123456789abcdef01"
START = datetime(2026, 11, 26, 16, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
YEAR = ChildProfile(1, "Year", date(2016, 3, 1), Language.EN)
DAY = ChildProfile(2, "Day", date(2016, 3, 1), Language.EN)
MONTH = ChildProfile(3, "Month", date(2016, 3, 1), Language.EN)
CHILDREN = (YEAR, MONTH, DAY)


def seed_history(db, profile: ChildProfile, days: int) -> None:
    """``days`` of past use before today, written through the real ledger (valid tags)."""
    ledger = UsageLedger(db, KEY)
    log = ReminderLog(db, profile.id)
    audit = SqliteAuditSink(db, lambda: START)
    state = TrackerState()
    for back in range(days, 0, -1):
        day = START.date() - timedelta(days=back)
        at = datetime.combine(day, START.timetz())
        usage = DayUsage(day, 3_600_000 if back % 3 == 0 else 1_800_000, back % 3 == 0, back % 5)
        ledger.save(profile.id, usage, state, at=at.isoformat())
        for minutes in (30, 60):
            log.record("rest", f"{day}:{minutes * 60}", day=day, at=at)
        for m in (10, 5, 1):
            log.record("limit_warning", f"daily:{day}:3600:{m}", day=day, at=at)
        audit.record(LimitEventKind.LIMIT_HIT, {"profile_id": profile.id, "day": str(day)})
        if back % 30 == 0:
            flag_dependence(db, profile.id, "bench", at=at)


def make_service(db, clock, profile):
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, KEY, audit, boot_id=lambda: "bench")
    guard.start()
    service = LimitsService(db, profile, guard, KEY, audit)
    service.session_opened()
    return service


def timed(fn) -> float:
    begin = time.perf_counter()
    fn()
    return time.perf_counter() - begin


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "data")
        seed_history(db, YEAR, 365)
        seed_history(db, MONTH, 30)
        seed_history(db, DAY, 0)
        clocks = {p.id: FakeClock(START) for p in CHILDREN}
        services = {p.id: make_service(db, clocks[p.id], p) for p in CHILDREN}
        rows = db.execute("select count(*) from limits_usage where profile_id = 1").fetchone()[0]
        logs = db.execute("select count(*) from reminder_log where profile_id = 1").fetchone()[0]

        def ops(profile):
            service, clock = services[profile.id], clocks[profile.id]
            rules = service.rules()
            snapshot = service.tracker.snapshot(clock.now().timestamp(), 900.0)
            audience = Audience.of(profile, START.date())

            def tick():
                clock.advance(1)  # 1 s per poll: a year of polls stays far from the limit
                service.tick()

            return {
                "evaluate": lambda: evaluate(rules, audience, snapshot, clock.now()),
                "tick": tick,
                "status": service.status,
                "read_status": lambda: read_status(db, profile, clock.now(), KEY),
            }

        samples = {p.id: {name: [] for name in ops(p)} for p in CHILDREN}
        table = {p.id: ops(p) for p in CHILDREN}
        for _ in range(50):  # warm caches for all
            for p in CHILDREN:
                for fn in table[p.id].values():
                    fn()
        for _ in range(RUNS):
            for p in CHILDREN:  # interleaved, so drift hits all alike
                for name, fn in table[p.id].items():
                    samples[p.id][name].append(timed(fn))
        print(f"ledger rows: year child {rows}, reminder-log rows {logs}; runs: {RUNS}")
        print(
            f"{'operation':<12} {'365-day µs':>11} {'30-day µs':>10} {'1-day µs':>9}"
            f" {'365÷1':>6} {'365÷30':>7}"
        )
        ratios = {}
        for name in table[YEAR.id]:
            year, month, day = (
                statistics.median(samples[p.id][name]) * 1e6 for p in (YEAR, MONTH, DAY)
            )
            ratios[name] = (year / day, year / month)
            print(
                f"{name:<12} {year:>11.1f} {month:>10.1f} {day:>9.1f}"
                f" {year / day:>6.2f} {year / month:>7.2f}"
            )
        engine = max(ratios[n][0] for n in ("evaluate", "tick", "status"))
        print(f"engine (evaluate, tick, status) worst ratio 365-day ÷ 1-day: {engine:.2f}")
        print(
            f"read_status ratio 365-day ÷ 1-day: {ratios['read_status'][0]:.2f} (reads a fixed "
            f"14-day window; 365-day ÷ 30-day: {ratios['read_status'][1]:.2f})"
        )
        for service in services.values():
            service.close()
        db.close()


if __name__ == "__main__":
    main()
