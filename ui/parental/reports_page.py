"""The parental panel's Reports page: a usage summary per child, drawn with QtCharts (R15).

R15 gives the guardian a *summary*: minutes per day and per week, when in the day the child
chats (message counts per hour, never their text), reminders shown, limits reached and curfew
attempts. The numbers come from ``desktop.reports`` (pure, unit-tested); this page only draws.
It saves nothing, so ``save`` and ``restore_defaults`` are no-ops by the PanelPage contract.

Days whose ledger row did not verify are listed: the ledger then counts them as fully used
(fail closed), and the guardian should know why a bar reaches 24 hours.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QRadioButton,
    QWidget,
)

from desktop.notifications.texts import ReminderKind
from desktop.profiles.repository import ProfileRepository
from desktop.reports import PERIODS, UsageReport, build_report
from ui.limits_controller import ledger_key
from ui.parental.page import PanelContext, PanelPage
from ui.parental.page_helpers import child_selector_row, note_label

CHART_HEIGHT = 240
_COLOURS = {"daily": "#2f6f5e", "weekly": "#1f6feb", "hourly": "#e0a458", "reminders": "#34a853"}


def _dark() -> bool:
    app = QApplication.instance()
    return app is not None and app.property("hearthTheme") == "dark"


def _chart_view(parent: QWidget, name: str) -> QChartView:
    chart = QChart()
    if _dark():  # follow ui.theme; the bar colours below read well on both
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    title_font = QFont(chart.titleFont())
    title_font.setPointSizeF(max(11.0, title_font.pointSizeF() * 1.2))
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart, parent)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab for screen readers
    return view


def _fill(
    view: QChartView,
    title: str,
    name: str,
    labels: list[str],
    values: list[float],
    colour: str,
    unit: str,
) -> QBarSet:
    """Replace the chart's contents with one bar series."""
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()  # a removed axis still paints its old labels until it is deleted
    chart.setTitle(title)
    bars = QBarSet(name)
    bars.setColor(QColor(colour))
    for value in values:
        bars.append(float(value))
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(labels)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    y = QValueAxis()
    top = max(values, default=0.0)
    y.setLabelFormat("%.0f")
    if top <= 10:  # small counts: one tick per whole number, so labels never repeat
        upper = max(1, math.ceil(top))
        y.setRange(0, upper)
        y.setTickCount(upper + 1)
    else:
        y.setRange(0, top * 1.1)
        y.applyNiceNumbers()
    y.setTitleText(unit)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)
    view.setAccessibleName(title)
    view.setAccessibleDescription(
        ", ".join(f"{lab}: {val:.0f}" for lab, val in zip(labels, values, strict=True))
    )
    return bars


class ReportsPage(PanelPage):
    page_id = "reports"
    has_defaults = False  # a read-only summary: nothing to restore

    def __init__(
        self, ctx: PanelContext, parent: QWidget | None = None, *, key: bytes | None = None
    ):
        super().__init__(ctx, parent)
        self._key = key
        self.report: UsageReport | None = None
        self._last_verified = False
        self.period_days = PERIODS[0]
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        body, row = child_selector_row(self)  # the panel puts every page in its own scroll area
        self.period_group = QButtonGroup(self)
        self.period_radios: dict[int, QRadioButton] = {}
        for days in PERIODS:
            radio = QRadioButton(self)
            radio.setObjectName(f"period{days}")
            self.period_group.addButton(radio, days)
            self.period_radios[days] = radio
            row.addWidget(radio)
        self.period_radios[self.period_days].setChecked(True)
        body.addLayout(row)
        self.summary = note_label(self, "reportSummary")
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        body.addWidget(self.summary)
        self.daily_chart = _chart_view(self, "dailyChart")
        self.weekly_chart = _chart_view(self, "weeklyChart")
        self.hourly_chart = _chart_view(self, "hourlyChart")
        self.reminder_chart = _chart_view(self, "reminderChart")
        for view in (self.daily_chart, self.weekly_chart, self.hourly_chart, self.reminder_chart):
            body.addWidget(view)
        self.privacy_note = note_label(self, "privacyNote")
        body.addWidget(self.privacy_note)
        self.child_combo.profile_changed.connect(lambda _pid: self.refresh())
        self.period_group.idToggled.connect(self._period_toggled)

    def title(self) -> str:
        return self.tr("Reports")

    def retranslate_ui(self) -> None:
        self.child_label.setText(self.tr("&Child:"))
        self.child_combo.setAccessibleName(self.tr("Child"))
        for days, radio in self.period_radios.items():
            radio.setText(self.tr("Last %n day(s)", "", days))
        self.privacy_note.setText(
            self.tr(
                "Reports show how long and when, never what was said: the chats themselves are not "
                "part of a report."
            )
        )
        if self.report is not None:  # redraw from the last report; never read the DB here
            self._draw(self.report, verified=self._last_verified)

    # -- PanelPage --------------------------------------------------------------------------
    def load(self) -> None:
        self.child_combo.set_profiles(ProfileRepository(self.ctx.db).children())
        self.refresh()

    def save(self) -> None:
        """Nothing to save: the page only shows data."""

    def restore_defaults(self) -> None:
        """Nothing to restore: the page has no settings."""

    # -- drawing ----------------------------------------------------------------------------
    def _period_toggled(self, days: int, checked: bool) -> None:
        if checked:
            self.period_days = days
            self.refresh()

    def _ledger_key(self) -> bytes | None:
        if self._key is not None:
            return self._key
        try:
            return ledger_key(self.ctx.guardian)
        except Exception:  # keyring unavailable or key lost: show the unverified numbers
            return None

    def refresh(self) -> None:
        profile_id = self.child_combo.current_id()
        if profile_id is None:
            self.report = None
            self.summary.setText(self.tr("Add a child profile first."))
            return
        today = self.ctx.clock.now().date()
        key = self._ledger_key()
        self.report = build_report(self.ctx.db, profile_id, today, self.period_days, key=key)
        self._last_verified = key is not None
        self._draw(self.report, verified=self._last_verified)

    def _draw(self, report: UsageReport, *, verified: bool) -> None:
        locale = QLocale()
        short = "ddd d" if len(report.days) <= 7 else "d/M"
        day_labels = [locale.toString(d.day, short) for d in report.days]
        self.daily_bars = _fill(
            self.daily_chart,
            self.tr("Minutes per day"),
            self.tr("Minutes"),
            day_labels,
            [d.minutes for d in report.days],
            _COLOURS["daily"],
            self.tr("min"),
        )
        week_labels = [
            self.tr("Week of %1").replace("%1", locale.toString(w.monday, "d MMM"))
            for w in report.weeks
        ]
        self.weekly_bars = _fill(
            self.weekly_chart,
            self.tr("Minutes per week"),
            self.tr("Minutes"),
            week_labels,
            [w.minutes for w in report.weeks],
            _COLOURS["weekly"],
            self.tr("min"),
        )
        self.hourly_bars = _fill(
            self.hourly_chart,
            self.tr("Messages by time of day"),
            self.tr("Messages"),
            [f"{h:02d}" for h in range(24)],
            list(report.hourly_messages),
            _COLOURS["hourly"],
            self.tr("messages"),
        )
        names = self._reminder_names()
        self.reminder_bars = _fill(
            self.reminder_chart,
            self.tr("Reminders shown"),
            self.tr("Reminders"),
            [names[r.kind] for r in report.reminders],
            [r.count for r in report.reminders],
            _COLOURS["reminders"],
            self.tr("times"),
        )
        self.summary.setText(self._summary_text(report, verified))

    def _reminder_names(self) -> dict[ReminderKind, str]:
        return {
            ReminderKind.REST: self.tr("Rest"),
            ReminderKind.CONTINUOUS_USE: self.tr("Long use"),
            ReminderKind.AI_NOT_HUMAN: self.tr('"I am an AI"'),
            ReminderKind.DEPENDENCE: self.tr("AI re-disclosure"),
            ReminderKind.LIMIT_WARNING: self.tr("Time warnings"),
        }

    def _summary_text(self, report: UsageReport, verified: bool) -> str:
        total = round(report.total_minutes)
        lines = [
            self.tr(
                "In total: %1 h %2 min, on average %n min a day.", "", round(report.average_minutes)
            )
            .replace("%1", str(total // 60))
            .replace("%2", str(total % 60)),
            self.tr("The daily limit was reached on %n day(s).", "", report.days_limit_hit),
            self.tr(
                "%n attempt(s) to chat during the night-time curfew.", "", report.curfew_attempts
            ),
            self.tr(
                "More time given %n time(s); curfew lifted %1 time(s).",
                "",
                report.events.extensions_granted,
            ).replace("%1", str(report.events.curfew_exemptions)),
            self.tr("%n reminder(s) shown.", "", report.reminders_shown),
        ]
        if report.events.tamper_events:
            lines.append(
                self.tr(
                    "Hearth noticed %n attempt(s) to change the clock or the usage "
                    "records; see the activity log.",
                    "",
                    report.events.tamper_events,
                )
            )
        if report.unverified_days:
            days = ", ".join(d.isoformat() for d in report.unverified_days)
            lines.append(
                self.tr(
                    "Usage records were changed outside Hearth on: %1. Those days count "
                    "as fully used."
                ).replace("%1", days)
            )
        if not verified:
            lines.append(
                self.tr(
                    "The usage records could not be checked (the keyring is not "
                    "available), so the figures are shown as stored."
                )
            )
        return "\n".join(lines)
