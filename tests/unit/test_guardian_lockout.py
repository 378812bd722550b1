"""The PIN lockout ladder (6→1 min, 7→5, 8→15, 9+→60), persisted and clock-proof (issue 3)."""

from datetime import UTC, datetime, timedelta

import pytest

from desktop.guardian.audit import AuditKind
from desktop.guardian.lockout import (
    AttemptRecord,
    LockReason,
    evaluate,
    lockout_seconds,
)
from desktop.guardian.pin import PinOutcome
from tests.support.guardian_core import make_core

PIN = "482916"
WRONG = "000000"



@pytest.fixture
def core(tmp_path, clock):
    core = make_core(tmp_path / "data", clock)
    core.enrol(PIN)
    yield core
    core.db.close()


def fail(core, times=1):
    result = None
    for _ in range(times):
        result = core.pins.verify(WRONG)
    return result


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (1, 0), (5, 0), (6, 60), (7, 300), (8, 900), (9, 3600), (10, 3600), (50, 3600)],
)
def test_ladder(failures, seconds):
    assert lockout_seconds(failures) == seconds


def test_five_failures_cost_nothing(core):
    result = fail(core, 5)
    assert result.outcome is PinOutcome.WRONG
    assert not result.lockout.locked
    assert result.lockout.attempts_before_lockout == 1
    assert core.pins.verify(PIN).ok


def test_each_step_of_the_ladder_locks_for_its_time(core, clock):
    fail(core, 5)
    for failures, seconds in [(6, 60), (7, 300), (8, 900), (9, 3600), (10, 3600)]:
        result = fail(core)
        assert result.lockout.locked, failures
        assert result.lockout.failed_attempts == failures
        assert result.lockout.seconds_left == seconds
        clock.advance(seconds - 1)
        # Even the right PIN is refused without being checked while locked.
        assert core.pins.verify(PIN).outcome is PinOutcome.LOCKED
        clock.advance(1)
        assert not core.pins.lockout().locked


def test_success_resets_the_count(core, clock):
    fail(core, 6)
    clock.advance(60)
    assert core.pins.verify(PIN).ok
    assert core.pins.lockout().failed_attempts == 0
    assert not fail(core, 5).lockout.locked


def test_invalid_input_costs_no_attempt(core):
    for typed in ["", "9" * 10_000, "12\n34"]:
        assert core.pins.verify(typed).outcome is PinOutcome.INVALID_INPUT
    assert core.pins.lockout().failed_attempts == 0


def test_lockout_survives_a_new_service_on_the_same_file(tmp_path, clock):
    data = tmp_path / "data"
    first = make_core(data, clock)
    first.enrol(PIN)
    fail(first, 6)
    clock.advance(60)
    assert fail(first).lockout.failed_attempts == 7
    first.db.close()
    clock.advance(120)
    second = make_core(data, clock)
    state = second.pins.lockout()
    assert state.locked and state.failed_attempts == 7 and state.seconds_left == 180
    assert second.pins.verify(PIN).outcome is PinOutcome.LOCKED
    second.db.close()


def test_moving_the_clock_back_keeps_it_locked(core, clock):
    fail(core, 6)
    clock.jump_wall(-3600)
    state = core.pins.lockout()
    assert state.reason is LockReason.CLOCK_MOVED_BACK
    assert core.pins.verify(PIN).outcome is PinOutcome.LOCKED
    clock.advance(3600)  # still before the original end: 60 s after the failure
    assert core.pins.lockout().locked
    clock.advance(60)
    assert not core.pins.lockout().locked
    kinds = [e.kind for e in core.audit.recent(50)]
    assert kinds.count(AuditKind.PIN_CLOCK_MOVED_BACK) == 1


def test_moving_the_clock_forward_does_not_shorten_it(core, clock):
    fail(core, 5)
    for wait in (60, 300, 900):
        fail(core)
        clock.advance(wait)
    assert fail(core).lockout.failed_attempts == 9
    clock.jump_wall(2 * 3600)
    assert core.pins.lockout().locked
    assert core.pins.verify(PIN).outcome is PinOutcome.LOCKED
    clock.advance(3600)
    assert core.pins.verify(PIN).ok


def test_suspend_counts_as_time_passing(core, clock):
    fail(core, 6)
    clock.suspend(61)
    assert not core.pins.lockout().locked


def test_after_a_reboot_wall_time_decides():
    t0 = AttemptRecord(6, None, None)
    assert not evaluate(t0, _dt(0), 0).locked
    record = AttemptRecord(6, _dt(0), last_failure_uptime=10_000.0)
    # New boot: uptime 50 s, so the uptime difference is negative and ignored.
    assert evaluate(record, _dt(30), 50.0).locked
    assert not evaluate(record, _dt(61), 50.0).locked


def test_failures_and_lockouts_are_audited_without_the_pin(core):
    fail(core, 6)
    events = core.audit.recent(20)
    assert sum(e.kind == AuditKind.PIN_FAILED for e in events) == 6
    assert any(e.kind == AuditKind.PIN_LOCKED_OUT for e in events)
    assert all(WRONG not in str(e.detail) and PIN not in str(e.detail) for e in events)


def _dt(seconds):
    return datetime(2026, 11, 26, 12, tzinfo=UTC) + timedelta(seconds=seconds)
