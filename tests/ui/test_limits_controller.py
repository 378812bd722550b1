"""LimitsController: polling, the exact-time lock (R11), the final-minute countdown and the
LimitsGate for ConversationService — on a real SQLite file, a real ClockGuard and a FakeClock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.companion.events import ChatLocked
from desktop.companion.personas import personas_for
from desktop.companion.repository import ConversationRepository
from desktop.limits.audit import LimitEventKind
from desktop.limits.policy import LimitKind, LockReason
from desktop.reminders.events import LimitReached, LimitWarning
from tests.ui import limits_ui_support as sup
from ui.limits_controller import MAX_POLL_MS, LimitsController

family = sup.family


@pytest.fixture
def five_minutes(family):
    """Lily (10) with 5 minutes a day and no curfew in the way (it is 16:00)."""
    family.set_rules(daily_minutes=(5,) * 7)
    return family


def record(controller):
    seen = {
        "locked": [],
        "unlocked": 0,
        "warning": [],
        "countdown": [],
        "stopped": 0,
        "reached": [],
    }
    controller.locked.connect(seen["locked"].append)
    controller.unlocked.connect(lambda: seen.__setitem__("unlocked", seen["unlocked"] + 1))
    controller.warning.connect(seen["warning"].append)
    controller.countdown.connect(seen["countdown"].append)
    controller.countdown_stopped.connect(lambda: seen.__setitem__("stopped", seen["stopped"] + 1))
    controller.limit_reached.connect(seen["reached"].append)
    return seen


def test_polls_at_most_every_three_seconds(family):
    controller = family.controller()
    assert controller.poll_ms == MAX_POLL_MS == 3000
    with pytest.raises(ValueError):
        LimitsController(family.service(), poll_ms=3001)
    controller.open_session()
    assert controller.poll_timer.isActive() and controller.poll_timer.interval() == 3000
    controller.close_session()
    assert not controller.poll_timer.isActive()


def test_the_lock_engages_when_the_daily_limit_is_reached(five_minutes):
    controller = five_minutes.controller()
    seen = record(controller)
    controller.open_session()
    sup.chat(controller, five_minutes.clock, 4 * 60 + 57)
    assert not controller.is_locked and seen["locked"] == []
    sup.chat(controller, five_minutes.clock, 3)
    assert controller.is_locked
    (decision,) = seen["locked"]
    assert decision.reason is LockReason.DAILY_LIMIT
    assert decision.used_seconds == pytest.approx(300.0)
    assert [type(e) for e in seen["reached"]] == [LimitReached]
    assert five_minutes.limit_events(LimitEventKind.LIMIT_HIT)
    # Still locked on later ticks, and "locked" is not repeated.
    sup.chat(controller, five_minutes.clock, 30)
    assert len(seen["locked"]) == 1 and controller.is_locked


def test_the_default_sixty_minutes_lock_too_r7(family):
    controller = family.controller()
    seen = record(controller)
    controller.open_session()
    sup.chat(controller, family.clock, 60 * 60)
    assert [d.reason for d in seen["locked"]] == [LockReason.DAILY_LIMIT]
    assert [w.minutes_left for w in seen["warning"]] == [10, 5, 1]


def test_a_single_shot_is_armed_for_exactly_the_time_left(five_minutes):
    clock = five_minutes.clock
    controller = five_minutes.controller()
    controller.open_session()
    sup.chat(controller, clock, 297)  # 3 s left: not shorter than a poll
    assert controller.decision.seconds_left == pytest.approx(3.0)
    assert controller.deadline_ms() is None
    clock.advance(1.7655)
    controller.tick()
    assert controller.decision.seconds_left == pytest.approx(1.2345, abs=1e-3)
    assert controller.deadline_ms() == 1235  # whole ms, rounded up: the limit has passed then
    clock.advance(1.235)
    controller.tick()  # what the timer does when it fires
    assert controller.is_locked
    assert controller.deadline_ms() is None


def test_the_armed_timer_really_fires_and_locks(qtbot, five_minutes):
    clock = five_minutes.clock
    controller = five_minutes.controller()
    controller.open_session()
    sup.chat(controller, clock, 299.6)
    interval = controller.deadline_ms()
    assert interval == 400
    clock.advance(interval / 1000)  # the FakeClock moves; Qt's timer fires in real time
    with qtbot.waitSignal(controller.locked, timeout=3000) as blocker:
        pass
    assert blocker.args[0].reason is LockReason.DAILY_LIMIT


def test_an_idle_child_does_not_spin_the_deadline(qtbot, five_minutes):
    clock = five_minutes.clock
    controller = five_minutes.controller()
    controller.open_session()
    sup.chat(controller, clock, 179.5, step=0.5)
    controller.note_activity()  # the last key press: use counts for 2 more minutes, then stops
    for _ in range(45):
        clock.advance(3)
        controller.tick()
    assert not controller.is_locked
    assert controller.decision.seconds_left == pytest.approx(0.5, abs=1e-3)
    # The armed single shot fires (real time), finds no progress, and is not re-armed:
    # a sliver that does not run down must not become a 1 ms busy loop.
    qtbot.waitUntil(lambda: controller.deadline_ms() is None, timeout=3000)
    controller.tick()
    assert controller.deadline_ms() is None and not controller.is_locked
    controller.note_activity()  # back at the keyboard: armed again at once
    assert controller.deadline_ms() == 500


def test_the_countdown_runs_only_in_the_final_minute(five_minutes):
    clock = five_minutes.clock
    controller = five_minutes.controller()
    seen = record(controller)
    controller.open_session()
    sup.chat(controller, clock, 237)  # 63 s left
    assert seen["countdown"] == [] and not controller.in_countdown()
    sup.chat(controller, clock, 4, step=1)  # 59 s left
    assert controller.in_countdown()
    assert controller.countdown_timer.interval() == 1000
    assert not controller.poll_timer.isActive()
    assert seen["countdown"][0] == 60 and seen["countdown"][-1] == 59
    sup.chat(controller, clock, 5, step=1)
    assert seen["countdown"][-6:] == [59, 58, 57, 56, 55, 54]
    assert len(seen["countdown"]) == len(set(seen["countdown"]))  # once per second value
    # More time from the guardian ends the countdown.
    controller.grant_extension(15)
    assert not controller.in_countdown() and controller.poll_timer.isActive()
    assert seen["stopped"] == 1


def test_more_time_unlocks_and_is_recorded(five_minutes):
    controller = five_minutes.controller()
    seen = record(controller)
    controller.open_session()
    sup.chat(controller, five_minutes.clock, 300)
    assert controller.is_locked
    decision = controller.grant_extension(15)
    assert decision.allowed and decision.seconds_left == pytest.approx(15 * 60)
    assert seen["unlocked"] == 1
    (event,) = five_minutes.limit_events(LimitEventKind.EXTENSION_GRANTED)
    assert event.detail["minutes"] == 15


def test_chat_lock_is_the_conversation_gate(five_minutes):
    clock = five_minutes.clock
    controller = five_minutes.controller()
    controller.open_session()
    repo = ConversationRepository(five_minutes.db)
    from desktop.companion.conversation import ConversationService

    persona = personas_for(10)[0]
    service = ConversationService(repo, five_minutes.child, persona, clock, limits=controller)
    service.open_session()
    plan = service.begin_turn("hello")
    assert plan.user_message is not None
    sup.chat(controller, clock, 300)
    plan = service.begin_turn("one more?")
    (lock,) = [e for e in plan.events if isinstance(e, ChatLocked)]
    assert lock.reason == "daily_limit" and lock.until is not None
    assert plan.user_message is None and not plan.call_model  # nothing stored, nothing sent
    assert [m.content for m in repo.recent(service.conversation.id, 10)] == ["hello"]


def test_a_try_during_the_curfew_is_recorded_r3(family):
    family.clock.advance(6 * 3600 + 30 * 60)  # 22:30
    controller = family.controller()
    seen = record(controller)
    controller.open_session()
    assert [d.reason for d in seen["locked"]] == [LockReason.CURFEW]
    lock = controller.chat_lock()
    assert lock == ChatLocked("curfew", controller.decision.until)
    assert controller.decision.until == family.clock.now().replace(
        hour=6, minute=0, second=0
    ) + timedelta(days=1)
    assert family.limit_events(LimitEventKind.CURFEW_ATTEMPT)


def test_warnings_come_at_ten_five_and_one_minute(family):
    family.set_rules(daily_minutes=(15,) * 7)
    controller = family.controller()
    seen = record(controller)
    controller.open_session()
    sup.chat(controller, family.clock, 15 * 60)
    assert seen["warning"] == [
        LimitWarning(10, LimitKind.DAILY_LIMIT),
        LimitWarning(5, LimitKind.DAILY_LIMIT),
        LimitWarning(1, LimitKind.DAILY_LIMIT),
    ]
    assert controller.is_locked


def test_unlocks_by_itself_when_the_break_is_over(family):
    family.set_rules(daily_minutes=(None,) * 7, session_cap_minutes=5, session_break_minutes=2)
    controller = family.controller()
    seen = record(controller)
    controller.open_session()
    sup.chat(controller, family.clock, 300)
    assert [d.reason for d in seen["locked"]] == [LockReason.SESSION_BREAK]
    family.clock.advance(119)
    controller.tick()
    assert controller.is_locked
    family.clock.advance(2)
    controller.tick()
    assert not controller.is_locked and seen["unlocked"] == 1
