"""Property-based tests of the whole engine (service, tracker, guard, policy) with a FakeClock.

Random sequences of: chatting, idling, moving the wall clock either way, suspending, changing
the time zone, guardian extensions, closing/reopening the chat and restarting the app (with or
without a final save). The test keeps its own account of the *true* time (what a wall clock no
one touched would say) and checks after every UI tick:

- usage on any day never exceeds that day's budget by more than one tick;
- the chat is never available while the true local time is inside the curfew (no exemption is
  granted in these runs), and no use is counted during it;
- the ledger day is the true local date (or the newest day already used, after a zone moved
  west): days roll over exactly at local midnight;
- no clock jump ever adds time: the same run without the jumps ends with the same ledger;
- every reminder fires at most once per due point, restarts included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.limits.audit import SqliteAuditSink
from desktop.limits.clockguard import ClockGuard
from desktop.limits.ledger import UsageLedger
from desktop.limits.repository import TimeRulesRepository
from desktop.limits.rules import CURFEW_DEFAULT, TimeRules
from desktop.limits.service import LimitsService
from desktop.profiles.models import ChildProfile, Language
from desktop.reminders.events import ReminderDue
from desktop.reminders.log import ReminderLog
from desktop.storage import open_memory_database
from tests.support.fake_clock import FakeClock

KEY = b"property-test-key-0123456789abcdef"
CHILD = ChildProfile(1, "Mia", date(2016, 3, 1), Language.EN)
POLL = 3.0
ONE_TICK = 2 * POLL  # the most a single tick may count
ZONES = [
    "Asia/Shanghai",
    "UTC",
    "Asia/Kolkata",
    "Pacific/Honolulu",
    "Pacific/Kiritimati",
    "America/New_York",
    "Europe/London",
]

# -- the random runs ---------------------------------------------------------------------------
use = st.tuples(st.just("use"), st.integers(3, 600))
idle = st.tuples(st.just("idle"), st.integers(3, 4 * 3600))
jump = st.tuples(
    st.just("jump"), st.integers(-3 * 86_400, 3 * 86_400).filter(lambda s: abs(s) > 10)
)
suspend = st.tuples(st.just("suspend"), st.integers(60, 12 * 3600))
zone = st.tuples(st.just("tz"), st.sampled_from(ZONES))
extension = st.tuples(st.just("extend"), st.sampled_from([15, 60]))
toggle = st.tuples(st.just("toggle"), st.just(0))
restart = st.tuples(st.just("restart"), st.booleans())
steps = st.lists(
    st.one_of(use, use, use, idle, jump, suspend, zone, extension, toggle, restart),
    min_size=1,
    max_size=25,
)
starts = st.builds(
    lambda h, m, z: datetime(2026, 11, 26, h, m, tzinfo=ZoneInfo(z)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(ZONES),
)
daily = st.tuples(*[st.integers(5, 45)] * 7)


@dataclass
class Run:
    """One app (database, clock, service) plus the test's own account of the truth."""

    clock: FakeClock
    rules: TimeRules
    db: object = field(default_factory=open_memory_database)
    true_ts: float = 0.0
    floor: date | None = None
    opened: bool = True
    events: list = field(default_factory=list)

    def __post_init__(self):
        self.true_ts = self.clock.now().timestamp()
        self.floor = self.clock.now().date()
        TimeRulesRepository(self.db).save(CHILD.id, self.rules, now=self.clock.now())
        self.start()

    def start(self):
        audit = SqliteAuditSink(self.db, self.clock.now)
        guard = ClockGuard(self.db, self.clock, KEY, audit, boot_id=lambda: "boot")
        guard.start()
        self.svc = LimitsService(self.db, CHILD, guard, KEY, audit, poll_interval=POLL)
        if self.opened:
            self.events += self.svc.session_opened().events

    # -- moving time exactly (FakeClock's own arithmetic is wall-clock, wrong across DST) -----
    def _exact(self, move):
        tz = self.clock.now().tzinfo
        self.clock.set_timezone(UTC)
        move()
        self.clock.set_timezone(tz)

    def pass_time(self, seconds, *, typing):
        elapsed = 0
        while elapsed < seconds:
            step = min(POLL, seconds - elapsed)
            self._exact(lambda s=step: self.clock.advance(s))
            self.true_ts += step
            elapsed += step
            before = self.svc.tracker.used_seconds, self.svc.tracker.day
            if typing and self.opened and elapsed % 30 < POLL:
                self.events += self.svc.note_activity().events
            else:
                self.events += self.svc.tick().events
            self.check(before, step)

    # -- the properties --------------------------------------------------------------------
    def true_local(self) -> datetime:
        return datetime.fromtimestamp(self.true_ts, self.clock.now().tzinfo)

    def budget(self, day: date) -> float:
        if self.rules.daily_minutes is None or self.rules.daily_minutes[day.weekday()] is None:
            return float("inf")
        rules = self.svc.rules()
        extra = sum(e.minutes for e in rules.extensions if e.day == day)
        return (self.rules.daily_minutes[day.weekday()] + extra) * 60.0

    def check(self, before, step):
        decision = self.svc.decision()
        local = self.true_local()
        self.floor = max(self.floor or local.date(), local.date())
        # Days roll over at true local midnight (never back to an older day).
        assert decision.day == self.floor, (decision.day, local)
        # Usage never passes the budget by more than one tick.
        assert self.svc.tracker.used_seconds <= self.budget(decision.day) + ONE_TICK
        # The curfew is never open, and nothing is counted inside it.
        sod = local.hour * 3600 + local.minute * 60 + local.second
        if self.rules.curfew_enabled is not False and CURFEW_DEFAULT.contains(sod):
            assert not decision.allowed, local
            start_local = datetime.fromtimestamp(self.true_ts - step, local.tzinfo)
            start_sod = start_local.hour * 3600 + start_local.minute * 60 + start_local.second
            if CURFEW_DEFAULT.contains(start_sod) and before[1] == self.svc.tracker.day:
                assert self.svc.tracker.used_seconds == before[0], local

    def ledger(self) -> dict[date, int]:
        self.svc.checkpoint()
        rows = UsageLedger(self.db, KEY).days(CHILD.id, date(2026, 1, 1), date(2027, 12, 31))
        return {u.day: u.used_ms for u in rows if u.used_ms}

    # -- one step ---------------------------------------------------------------------------
    def apply(self, kind, value):
        if kind == "use":
            if self.opened:
                self.svc.note_activity()
            self.pass_time(value, typing=True)
        elif kind == "idle":
            quick = min(value, 150)
            self.pass_time(quick, typing=False)
            rest = value - quick
            while rest > 0:  # long idle: the UI still ticks, nothing can be counted
                step = min(60, rest)
                self._exact(lambda s=step: self.clock.advance(s))
                self.true_ts += step
                rest -= step
                self.svc.tick()
                self.check((self.svc.tracker.used_seconds, self.svc.tracker.day), step)
        elif kind == "jump":
            self._exact(lambda: self.clock.jump_wall(value))
            self.svc.tick()
            self.check((self.svc.tracker.used_seconds, self.svc.tracker.day), 0)
        elif kind == "suspend":
            self._exact(lambda: self.clock.suspend(value))
            self.true_ts += value
            self.svc.tick()
            self.check((self.svc.tracker.used_seconds, self.svc.tracker.day), 0)
        elif kind == "tz":
            self.clock.set_timezone(ZoneInfo(value))
            self.svc.tick()
            self.check((self.svc.tracker.used_seconds, self.svc.tracker.day), 0)
        elif kind == "extend":
            self.svc.grant_extension(value)
        elif kind == "toggle":
            if self.opened:
                self.svc.session_closed()
            else:
                self.events += self.svc.session_opened().events
            self.opened = not self.opened
        elif kind == "restart":
            if value:
                self.svc.close()
            self.start()  # without close(): a crash, losing at most the last 10 s


def play(start, minutes, sequence) -> Run:
    run = Run(FakeClock(start), TimeRules(daily_minutes=minutes))
    for kind, value in sequence:
        run.apply(kind, value)
    return run


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(start=starts, minutes=daily, sequence=steps)
def test_engine_invariants_hold_and_clock_jumps_add_no_time(start, minutes, sequence):
    with_jumps = play(start, minutes, sequence)
    without = play(start, minutes, [s for s in sequence if s[0] != "jump"])
    assert with_jumps.ledger() == without.ledger()
    # Each reminder fired once per due point, restarts included, and each one was logged.
    keys = [(e.kind, e.key) for e in with_jumps.events if isinstance(e, ReminderDue)]
    assert len(keys) == len(set(keys))
    log = ReminderLog(with_jumps.db, CHILD.id)
    assert all(log.was_shown(str(kind), key) for kind, key in keys)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=starts,
    chunks=st.lists(
        st.tuples(st.integers(3, 120), st.integers(0, 6 * 3600)), min_size=1, max_size=12
    ),
)
def test_usage_is_conserved_across_days(start, chunks):
    """Whatever is counted lands on exactly one day: the ledger sums to what was used."""
    run = Run(FakeClock(start), TimeRules(daily_minutes=(None,) * 7, curfew_enabled=False))
    run.svc.session_closed()
    run.opened = False
    for seconds, gap in chunks:
        run.svc.session_opened()
        run.opened = True
        run.pass_time(seconds, typing=False)
        run.svc.session_closed()
        run.opened = False
        run.apply("idle", gap)
    expected = sum(seconds for seconds, _ in chunks) * 1000
    assert sum(run.ledger().values()) == expected
