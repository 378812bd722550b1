"""The panel's Reports page draws the seeded usage with QtCharts: non-zero series, per child,
7 or 30 days, and a summary that never quotes a message (R15)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QBarSeries

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.limits.ledger import DayUsage, TrackerState, UsageLedger
from tests.ui import limits_ui_support as sup
from ui.parental.reports_page import ReportsPage

family = sup.family
SECRET = "my secret diary entry"


@pytest.fixture
def seeded(family):
    """Three days of use, messages at 08:xx and 16:xx, reminders and a curfew attempt — all
    written by the real writers (the last day through a real LimitsController)."""
    today = family.clock.now().date()
    ledger = UsageLedger(family.db, sup.KEY)
    for offset, minutes in ((2, 25), (1, 60)):
        day = today - timedelta(days=offset)
        ledger.save(
            family.child.id,
            DayUsage(day, minutes * 60_000, minutes >= 60, 0),
            TrackerState(),
            at=f"{day.isoformat()}T20:00:00+08:00",
        )
    repo = ConversationRepository(family.db)
    conv = repo.start(family.child.id, "buddy", now=family.clock.now())
    now = family.clock.now()
    for hour in (8, 16, 16, 16):
        repo.add_message(conv.id, Role.USER, SECRET, MessageStatus.SENT, now=now.replace(hour=hour))
    family.set_rules(daily_minutes=(45,) * 7)
    controller = family.controller()
    controller.open_session()
    sup.chat(controller, family.clock, 45 * 60)  # rest reminder at 30, warnings, the limit
    family.clock.advance(5 * 3600 + 45 * 60)  # 22:30: the curfew
    assert controller.chat_lock() is not None  # a try during the curfew is recorded
    controller.close_session()
    return family


def bar_values(view) -> list[float]:
    (series,) = view.chart().series()
    assert isinstance(series, QBarSeries)
    (bars,) = series.barSets()
    return [bars.at(i) for i in range(bars.count())]


@pytest.fixture
def page(qtbot, seeded):
    page = ReportsPage(seeded.panel_context(), key=sup.KEY)  # the key the ledger was written with
    qtbot.addWidget(page)
    page.load()
    page.resize(900, 1300)
    page.show()
    return page


def test_the_charts_show_the_seeded_usage(page, seeded):
    daily = bar_values(page.daily_chart)
    assert len(daily) == 7
    assert daily[-3:] == [pytest.approx(25), pytest.approx(60), pytest.approx(45)]
    assert sum(daily[:-3]) == 0
    assert sum(bar_values(page.weekly_chart)) == pytest.approx(130)
    hourly = bar_values(page.hourly_chart)
    assert len(hourly) == 24 and (hourly[8], hourly[16]) == (1, 3) and sum(hourly) == 4
    reminders = dict(
        zip(
            [c for c in page.reminder_chart.chart().axes()[0].categories()],
            bar_values(page.reminder_chart),
            strict=True,
        )
    )
    assert reminders["Rest"] == 1 and reminders["Time warnings"] == 3
    assert page.daily_chart.chart().title() == "Minutes per day"
    assert "25" in page.daily_chart.accessibleDescription()


def test_the_summary_counts_and_never_quotes(page):
    text = page.summary.text()
    assert "In total: 2 h 10 min" in text
    assert "The daily limit was reached on 2 days." in text
    assert "1 attempt to chat during the night-time curfew." in text
    report = page.report
    assert report.events.curfew_attempts == 1 and report.events.limits_hit == 1
    assert report.days_limit_hit == 2
    assert SECRET not in text  # R15: a summary, not the transcript
    for view in (page.daily_chart, page.weekly_chart, page.hourly_chart, page.reminder_chart):
        assert SECRET not in view.accessibleDescription()


def test_thirty_days_and_another_child(qtbot, page, seeded):
    page.period_radios[30].setChecked(True)
    assert page.period_days == 30 and len(bar_values(page.daily_chart)) == 30
    assert sum(bar_values(page.daily_chart)) == pytest.approx(130)
    sam = seeded.add_child("Sam", 12)
    page.load()
    page.child_combo.select(sam.id)
    assert page.report.profile_id == sam.id
    assert sum(bar_values(page.daily_chart)) == 0 and sum(bar_values(page.hourly_chart)) == 0


def test_the_page_saves_nothing(page, seeded):
    before = seeded.db.execute("select count(*) from guardian_settings").fetchone()
    page.save()
    page.restore_defaults()
    assert seeded.db.execute("select count(*) from guardian_settings").fetchone() == before


def test_records_that_do_not_verify_are_named(qtbot, seeded):
    """With another key (as after an edit of the ledger) every row fails closed, visibly."""
    page = ReportsPage(seeded.panel_context(), key=b"x" * 32)
    qtbot.addWidget(page)
    page.load()
    today = seeded.clock.now().date()
    assert bar_values(page.daily_chart)[-1] == 24 * 60
    assert (
        f"Usage records were changed outside Hearth on: {today - timedelta(days=2)}"
        in page.summary.text()
    )
