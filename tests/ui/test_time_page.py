"""The panel's Time page: what the guardian sets is what SignedTimeRulesRepository returns,
restore defaults puts R7-R9's defaults back, and the saved rules drive the real lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime

from desktop.limits.policy import LockReason
from desktop.limits.rules import ClockWindow, TimeRules
from desktop.limits.signed_rules import SignedTimeRulesRepository
from tests.ui import limits_ui_support as sup
from ui.parental.time_page import MinutesSpinBox, TimePage

family = sup.family
MON, TUE, SUN = 0, 1, 6


@pytest.fixture
def page(qtbot, family):
    def make():
        page = TimePage(family.panel_context())
        qtbot.addWidget(page)
        page.load()
        page.resize(900, 1100)
        page.show()
        return page

    return make


def stored(family, profile=None) -> TimeRules:
    """Read back through a fresh repository on the signed settings, as the app does."""
    return SignedTimeRulesRepository(family.db, family.settings).get((profile or family.child).id)


def test_save_stores_every_field_in_the_signed_rules(qtbot, family, page):
    p = page()
    changes = []
    p.changed.connect(lambda: changes.append(1))
    p.form.minute_boxes[MON].setValue(45)
    p.form.no_limit_boxes[SUN].setChecked(True)
    p.form.window_boxes[TUE].setChecked(True)
    p.form.from_edits[TUE].setTime(QTime(9, 0))
    p.form.to_edits[TUE].setTime(QTime(18, 30))
    p.form.curfew_from.setTime(QTime(21, 0))
    p.form.curfew_to.setTime(QTime(7, 0))
    p.form.cap_check.setChecked(True)
    p.form.cap_spin.setValue(40)
    p.form.break_spin.setValue(10)
    p.form.rest_spin.setValue(20)
    p.form.ai_spin.setValue(90)
    p.form.pause_check.setChecked(True)
    assert changes
    p.save()
    rules = stored(family)
    # Monday as typed, Sunday without a limit, the empty days keep the R7 default (age 10: 60).
    assert rules.daily_minutes == (45, 60, 60, 60, 60, 60, None)
    assert rules.allowed_hours[TUE] == ClockWindow(9 * 60, 18 * 60 + 30)
    assert [w for i, w in enumerate(rules.allowed_hours) if i != TUE] == [None] * 6
    assert rules.curfew == ClockWindow(21 * 60, 7 * 60) and rules.curfew_enabled is None
    assert (rules.session_cap_minutes, rules.session_break_minutes) == (40, 10)
    assert (rules.rest_reminder_minutes, rules.ai_reminder_minutes) == (20, 90)
    assert rules.locked is True
    assert p.status.text() == "Saved."
    # The pause reaches the child's lock at once (R15: the guardian limits time).
    assert family.service().decision().reason is LockReason.LOCKED_BY_GUARDIAN
    # Loading again shows what was saved.
    again = page()
    assert again.form.minute_boxes[MON].value() == 45 and again.form.no_limit_boxes[SUN].isChecked()
    assert again.form.window_boxes[TUE].isChecked() and again.form.to_edits[TUE].time() == QTime(
        18, 30
    )
    assert again.form.pause_check.isChecked() and again.form.cap_spin.value() == 40


def test_empty_days_keep_the_age_default_and_show_it(qtbot, family, page):
    young = family.add_child("Kai", 6)
    teen = family.add_child("Mo", 16)
    p = page()
    hints = {}
    for child in (family.child, young, teen):
        p.child_combo.select(child.id)
        box = p.form.minute_boxes[MON]
        assert box.value() == MinutesSpinBox.EMPTY and box.text() == ""
        hints[child.display_name] = box.lineEdit().placeholderText()
    assert hints == {"Lily": "default: 60 min", "Kai": "default: 40 min", "Mo": "default: 120 min"}
    p.form.rest_spin.setValue(25)  # for Mo, the child shown
    p.save()
    assert stored(family, teen).daily_minutes is None  # still "the default": follows the birthday
    assert stored(family, teen).rest_reminder_minutes == 25
    assert stored(family).rest_reminder_minutes == 30


def test_the_rest_reminder_cannot_be_switched_off_r8(qtbot, family, page):
    p = page()
    assert (p.form.rest_spin.minimum(), p.form.rest_spin.maximum()) == (5, 30)
    assert (p.form.ai_spin.minimum(), p.form.ai_spin.maximum()) == (5, 180)
    p.form.rest_spin.setValue(60)
    assert p.form.rest_spin.value() == 30


def test_restore_defaults_puts_the_law_back(qtbot, family, page):
    family.set_rules(
        daily_minutes=(30,) * 7,
        curfew_enabled=False,
        session_cap_minutes=20,
        rest_reminder_minutes=10,
        locked=True,
        allowed_hours=(ClockWindow(600, 1200),) * 7,
    )
    p = page()
    assert p.form.minute_boxes[MON].value() == 30 and not p.form.curfew_check.isChecked()
    changes = []
    p.changed.connect(lambda: changes.append(1))
    p.restore_defaults()
    assert changes
    assert all(b.value() == MinutesSpinBox.EMPTY for b in p.form.minute_boxes)
    assert not any(b.isChecked() for b in p.form.window_boxes + p.form.no_limit_boxes)
    assert p.form.curfew_check.isChecked()
    assert (p.form.curfew_from.time(), p.form.curfew_to.time()) == (QTime(22, 0), QTime(6, 0))
    assert not p.form.cap_check.isChecked() and p.form.break_spin.value() == 15
    assert (p.form.rest_spin.value(), p.form.ai_spin.value()) == (30, 60)
    assert not p.form.pause_check.isChecked()
    p.save()
    assert stored(family) == TimeRules()


def test_invalid_hours_are_refused_and_nothing_is_written(qtbot, family, page):
    p = page()
    before = family.settings.time_rules(family.child.id)
    p.form.window_boxes[MON].setChecked(True)
    p.form.from_edits[MON].setTime(QTime(18, 0))
    p.form.to_edits[MON].setTime(QTime(9, 0))
    with pytest.raises(ValueError, match="start before they end"):
        p.save()
    assert family.settings.time_rules(family.child.id) == before
    # "until 00:00" means midnight and is fine.
    p.form.to_edits[MON].setTime(QTime(0, 0))
    p.save()
    assert stored(family).allowed_hours[MON] == ClockWindow(18 * 60, 24 * 60)


def test_more_time_granted_meanwhile_survives_a_save(qtbot, family, page):
    p = page()
    service = family.service()
    service.grant_extension(15)  # e.g. from the lock screen while the panel is open
    p.form.ai_spin.setValue(45)
    p.save()
    rules = stored(family)
    assert rules.ai_reminder_minutes == 45
    assert [e.minutes for e in rules.extensions] == [15]


def test_edits_are_kept_per_child(qtbot, family, page):
    sam = family.add_child("Sam", 12)
    p = page()
    p.child_combo.select(family.child.id)
    p.form.minute_boxes[MON].setValue(20)
    p.child_combo.select(sam.id)
    assert p.form.minute_boxes[MON].value() == MinutesSpinBox.EMPTY
    p.form.minute_boxes[MON].setValue(90)
    p.child_combo.select(family.child.id)
    assert p.form.minute_boxes[MON].value() == 20
    p.save()
    assert stored(family).daily_minutes[MON] == 20
    assert stored(family, sam).daily_minutes[MON] == 90
