"""Rest reminders rotate without repeats, per profile, and a restart continues the cycle (R8)."""

from __future__ import annotations

from desktop.notifications.rotation import ReminderTextPicker
from desktop.notifications.texts import reminder_text, rest_ids
from desktop.profiles.models import AgeBand, Language
from desktop.storage import open_database


def test_a_cycle_shows_every_reminder_once(memory_db):
    picker = ReminderTextPicker(memory_db)
    ids = [picker.next_id(1) for _ in rest_ids()]
    assert sorted(ids) == sorted(rest_ids())


def test_no_reminder_twice_in_a_row_across_many_cycles(memory_db):
    picker = ReminderTextPicker(memory_db)
    n = len(rest_ids())
    ids = [picker.next_id(7) for _ in range(6 * n)]
    assert all(a != b for a, b in zip(ids, ids[1:], strict=False))
    for cycle in range(6):
        assert sorted(ids[cycle * n : (cycle + 1) * n]) == sorted(rest_ids())
    # Cycles are reshuffled, not the same order again and again.
    assert ids[:n] != ids[n : 2 * n]


def test_restart_continues_the_cycle_instead_of_repeating(tmp_path):
    data = tmp_path / "data"
    db = open_database(data)
    first = [ReminderTextPicker(db).next_id(3) for _ in range(5)]
    db.close()

    db = open_database(data)  # a new process would do exactly this
    rest = [ReminderTextPicker(db).next_id(3) for _ in range(len(rest_ids()) - 5)]
    db.close()
    assert sorted(first + rest) == sorted(rest_ids())


def test_profiles_rotate_independently(memory_db):
    picker = ReminderTextPicker(memory_db)
    a = [picker.next_id(1) for _ in range(4)]
    b = [picker.next_id(2) for _ in range(len(rest_ids()))]
    assert sorted(b) == sorted(rest_ids())  # profile 1's picks did not use up profile 2's cycle
    a += [picker.next_id(1) for _ in range(len(rest_ids()) - 4)]
    assert sorted(a) == sorted(rest_ids())


def test_reminders_removed_by_an_update_are_skipped(memory_db):
    everything = rest_ids()
    ReminderTextPicker(memory_db, everything).next_id(1)
    fewer = everything[: len(everything) // 2]
    picker = ReminderTextPicker(memory_db, fewer)
    picks = [picker.next_id(1) for _ in range(2 * len(fewer))]
    assert set(picks) <= set(fewer)


def test_next_returns_the_text_in_the_childs_language_and_band(memory_db):
    picker = ReminderTextPicker(memory_db)
    text = picker.next(5, Language.ZH, AgeBand.UNDER_8)
    assert text.reminder_id in rest_ids()
    assert text == reminder_text("rest", "zh", "under_8", reminder_id=text.reminder_id)
