"""The Time page's form: one child's TimeRules as widgets, and back (see ``time_page``).

What the widgets mean (the rules themselves are documented in ``desktop.limits.rules``):

- Minutes per weekday. An empty box is the law's default for the child's age (R7: 40/60/120 min;
  shown as the box's placeholder); "No limit" switches a day's limit off. If every box is empty
  the rules keep "the default" (``daily_minutes=None``), which follows the child's birthday into
  the next age band; once one day is set, empty days store today's default in minutes.
- Allowed hours: an optional from/to window per weekday ("to 00:00" means until midnight).
- Curfew on/off and its window (R9, default 22:00-06:00). Stored as "the default" while it
  matches the default for the profile (on in minor mode).
- Session cap and break; the rest reminder (R8: 5..30 min, it cannot be switched off, so there
  is no checkbox) and the AI-not-human reminder (R6: at most every 180 min).
- "Pause chatting" locks the chat until the guardian unticks it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QLocale, QTime, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.limits.rules import (
    AI_REMINDER_MINUTES_RANGE,
    REST_MINUTES_RANGE,
    SESSION_BREAK_RANGE,
    SESSION_CAP_RANGE,
    Audience,
    ClockWindow,
    TimeRules,
)
from ui.parental.page_helpers import note_label

DAYS = 7
DEFAULT_WINDOW = (8 * 60, 20 * 60)
DEFAULT_SESSION_CAP = 45
_A_MONDAY = date(2024, 1, 1)  # only the weekday matters for the R7 default


class MinutesSpinBox(QSpinBox):
    """Minutes, where an empty box (value -1) means "the default" shown as a placeholder."""

    EMPTY = -1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(self.EMPTY, 24 * 60)
        self.setValue(self.EMPTY)

    def textFromValue(self, value: int) -> str:
        return "" if value < 0 else str(value)

    def valueFromText(self, text: str) -> int:
        return self.EMPTY if not text.strip() else int(text)

    def validate(self, text: str, pos: int):
        if not text.strip():
            return (QValidator.State.Acceptable, text, pos)
        return super().validate(text, pos)

    def minutes(self) -> int | None:
        return None if self.value() < 0 else self.value()


def _time(minutes: int) -> QTime:
    return QTime((minutes // 60) % 24, minutes % 60)


def _minutes(edit: QTimeEdit, *, end: bool = False) -> int:
    t = edit.time()
    value = t.hour() * 60 + t.minute()
    return 24 * 60 if end and value == 0 else value


def _time_edit(parent: QWidget) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def _spin(parent: QWidget, bounds: tuple[int, int]) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(*bounds)
    return spin


def default_minutes(day: int, audience: Audience | None) -> int | None:
    """R7's minutes for weekday ``day`` (0 = Monday); None = no limit (or no child)."""
    if audience is None:
        return None
    return TimeRules().base_daily_minutes(_A_MONDAY + timedelta(days=day), audience)


class TimeRulesForm(QWidget):
    """``edited`` whenever the guardian changes a value (not while rules are being shown)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.audience: Audience | None = None
        self._showing = False
        self._build()
        self.retranslate_ui()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        body = QVBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(14)
        self.days_box = QGroupBox(self)
        grid = QGridLayout(self.days_box)
        self.days_note = note_label(self.days_box, "daysNote")
        grid.addWidget(self.days_note, 0, 0, 1, 8)
        grid.setColumnStretch(7, 1)  # spare width goes to the right, the columns stay together
        self.header_minutes, self.header_hours = QLabel(self.days_box), QLabel(self.days_box)
        grid.addWidget(self.header_minutes, 1, 1)
        grid.addWidget(self.header_hours, 1, 3, 1, 4)
        rows = [self._day_row(grid, day) for day in range(DAYS)]
        (
            self.day_labels, self.minute_boxes, self.no_limit_boxes, self.window_boxes,
            self.from_edits, self.to_labels, self.to_edits,
        ) = (list(column) for column in zip(*rows, strict=True))  # fmt: skip
        body.addWidget(self.days_box)

        self.curfew_box = QGroupBox(self)
        curfew = QHBoxLayout(self.curfew_box)
        self.curfew_check = QCheckBox(self.curfew_box)
        self.curfew_from, self.curfew_to = _time_edit(self.curfew_box), _time_edit(self.curfew_box)
        self.curfew_from_label, self.curfew_to_label = (
            QLabel(self.curfew_box),
            QLabel(self.curfew_box),
        )
        self.curfew_from_label.setBuddy(self.curfew_from)
        self.curfew_to_label.setBuddy(self.curfew_to)
        for widget in (self.curfew_check, self.curfew_from_label, self.curfew_from,
                       self.curfew_to_label, self.curfew_to):  # fmt: skip
            curfew.addWidget(widget)
        curfew.addStretch(1)
        body.addWidget(self.curfew_box)

        self.session_box = QGroupBox(self)
        form = QFormLayout(self.session_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.cap_check = QCheckBox(self.session_box)
        self.cap_spin = _spin(self.session_box, SESSION_CAP_RANGE)
        self.break_spin = _spin(self.session_box, SESSION_BREAK_RANGE)
        self.rest_spin = _spin(self.session_box, REST_MINUTES_RANGE)  # R8: no way to switch it off
        self.ai_spin = _spin(self.session_box, AI_REMINDER_MINUTES_RANGE)  # R6: ≤ 3 h
        self.break_label, self.rest_label, self.ai_label = (
            QLabel(self.session_box) for _ in range(3)
        )
        form.addRow(self.cap_check, self.cap_spin)
        for label, spin in ((self.break_label, self.break_spin), (self.rest_label, self.rest_spin),
                            (self.ai_label, self.ai_spin)):  # fmt: skip
            label.setBuddy(spin)
            form.addRow(label, spin)
        self.reminder_note = note_label(self.session_box, "reminderNote")
        form.addRow(self.reminder_note)
        body.addWidget(self.session_box)

        self.pause_check = QCheckBox(self)
        self.pause_check.setObjectName("pauseChatting")
        body.addWidget(self.pause_check)

        self.curfew_check.toggled.connect(self._update_enabled)
        self.cap_check.toggled.connect(self._update_enabled)
        for widget in self.inputs():
            if isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)
            else:
                widget.timeChanged.connect(self._changed)

    def _day_row(self, grid: QGridLayout, day: int) -> tuple:
        parent = self.days_box
        label, minutes = QLabel(parent), MinutesSpinBox(parent)
        minutes.setObjectName(f"dailyMinutes{day}")
        label.setBuddy(minutes)
        no_limit, window = QCheckBox(parent), QCheckBox(parent)
        start, to_label, end = _time_edit(parent), QLabel(parent), _time_edit(parent)
        to_label.setBuddy(end)
        row = (label, minutes, no_limit, window, start, to_label, end)
        for col, widget in enumerate(row):
            grid.addWidget(widget, day + 2, col)
        no_limit.toggled.connect(lambda on: minutes.setEnabled(not on))
        window.toggled.connect(lambda on: (start.setEnabled(on), end.setEnabled(on)))
        return row

    def inputs(self) -> list[QWidget]:
        return [
            *self.minute_boxes, *self.no_limit_boxes, *self.window_boxes, *self.from_edits,
            *self.to_edits, self.curfew_check, self.curfew_from, self.curfew_to, self.cap_check,
            self.cap_spin, self.break_spin, self.rest_spin, self.ai_spin, self.pause_check,
        ]  # fmt: skip

    def retranslate_ui(self) -> None:
        self.days_box.setTitle(self.tr("Days"))
        self.header_minutes.setText(self.tr("Minutes a day"))
        self.header_hours.setText(self.tr("Allowed hours"))
        for day in range(DAYS):
            name = QLocale().dayName(day + 1, QLocale.FormatType.LongFormat)
            self.day_labels[day].setText(name)
            self.minute_boxes[day].setAccessibleName(self.tr("Minutes on %1").replace("%1", name))
            self.no_limit_boxes[day].setText(self.tr("No limit"))
            self.no_limit_boxes[day].setAccessibleName(
                self.tr("No limit on %1").replace("%1", name)
            )
            self.window_boxes[day].setText(self.tr("Only from"))
            self.window_boxes[day].setAccessibleName(
                self.tr("Only between set hours on %1").replace("%1", name))  # fmt: skip
            self.from_edits[day].setAccessibleName(self.tr("%1 from").replace("%1", name))
            self.to_edits[day].setAccessibleName(self.tr("%1 until").replace("%1", name))
            self.to_labels[day].setText(self.tr("to"))
        self.curfew_box.setTitle(self.tr("Night-time curfew"))
        self.curfew_check.setText(self.tr("No chatting at &night"))
        self.curfew_from_label.setText(self.tr("from"))
        self.curfew_to_label.setText(self.tr("until"))
        self.curfew_from.setAccessibleName(self.tr("Curfew starts"))
        self.curfew_to.setAccessibleName(self.tr("Curfew ends"))
        self.session_box.setTitle(self.tr("Breaks and reminders"))
        self.cap_check.setText(self.tr("Limit one &session to (minutes)"))
        self.cap_spin.setAccessibleName(self.tr("Session length in minutes"))
        self.break_label.setText(self.tr("&Break before the next session (minutes)"))
        self.rest_label.setText(self.tr("&Rest reminder every (minutes)"))
        self.ai_label.setText(self.tr('"I am an &AI" reminder every (minutes)'))
        self.reminder_note.setText(self.tr(
            "The rest reminder cannot be switched off: at most every 30 minutes, as the minor-mode "
            "guidelines ask. The AI reminder comes at least every 3 hours."))  # fmt: skip
        self.pause_check.setText(
            self.tr("&Pause chatting for this child until I switch it back on")
        )
        self.days_note.setText(self.tr(
            "Leave a day empty for the default for the child's age; 0 means no chatting that day."))  # fmt: skip
        self._show_placeholders()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- rules <-> widgets ------------------------------------------------------------------
    def show_rules(self, rules: TimeRules, audience: Audience | None) -> None:
        """Put ``rules`` (of a child in ``audience``) in the widgets without emitting ``edited``."""
        self._showing = True
        self.audience = audience
        try:
            for day in range(DAYS):
                value = None if rules.daily_minutes is None else rules.daily_minutes[day]
                no_limit = rules.daily_minutes is not None and value is None
                self.no_limit_boxes[day].setChecked(no_limit)
                self.minute_boxes[day].setValue(MinutesSpinBox.EMPTY if value is None else value)
                self.minute_boxes[day].setEnabled(not no_limit)
                window = rules.allowed_hours[day]
                self.window_boxes[day].setChecked(window is not None)
                start, end = (window.start, window.end) if window else DEFAULT_WINDOW
                self.from_edits[day].setTime(_time(start))
                self.to_edits[day].setTime(_time(end))
                self.from_edits[day].setEnabled(window is not None)
                self.to_edits[day].setEnabled(window is not None)
            self.curfew_check.setChecked(rules.curfew_applies(audience) if audience else True)
            self.curfew_from.setTime(_time(rules.curfew.start))
            self.curfew_to.setTime(_time(rules.curfew.end))
            self.cap_check.setChecked(rules.session_cap_minutes is not None)
            self.cap_spin.setValue(rules.session_cap_minutes or DEFAULT_SESSION_CAP)
            self.break_spin.setValue(rules.session_break_minutes)
            self.rest_spin.setValue(rules.rest_reminder_minutes)
            self.ai_spin.setValue(rules.ai_reminder_minutes)
            self.pause_check.setChecked(rules.locked)
            self._update_enabled()
            self._show_placeholders()
        finally:
            self._showing = False

    def rules(self, base: TimeRules) -> TimeRules:
        """The widgets applied to ``base`` (whose one-off grants are kept); raises
        ``RulesError`` naming the bad field."""
        audience = self.audience
        typed = [b.minutes() for b in self.minute_boxes]
        no_limit = [b.isChecked() for b in self.no_limit_boxes]
        daily = None
        if any(no_limit) or any(v is not None for v in typed):
            daily = tuple(
                None if no_limit[d] else typed[d] if typed[d] is not None else default_minutes(d, audience)
                for d in range(DAYS)
            )  # fmt: skip
        hours = tuple(
            ClockWindow(_minutes(self.from_edits[d]), _minutes(self.to_edits[d], end=True))
            if self.window_boxes[d].isChecked()
            else None
            for d in range(DAYS)
        )
        curfew_on = self.curfew_check.isChecked()
        default_on = audience.minor_mode if audience else True
        return replace(
            base,
            daily_minutes=daily,
            allowed_hours=hours,
            curfew_enabled=None if curfew_on == default_on else curfew_on,
            curfew=ClockWindow(_minutes(self.curfew_from), _minutes(self.curfew_to)),
            session_cap_minutes=self.cap_spin.value() if self.cap_check.isChecked() else None,
            session_break_minutes=self.break_spin.value(),
            rest_reminder_minutes=self.rest_spin.value(),
            ai_reminder_minutes=self.ai_spin.value(),
            locked=self.pause_check.isChecked(),
        )

    def _show_placeholders(self) -> None:
        minutes = default_minutes(0, self.audience)
        hint = (
            self.tr("default: no limit")
            if minutes is None
            else self.tr("default: %n min", "", minutes)
        )
        tip = self.tr("Leave empty for the default for the child's age (%1).").replace("%1", hint)
        for box in self.minute_boxes:
            box.lineEdit().setPlaceholderText(hint)
            box.setToolTip(tip)

    def _update_enabled(self, *_args) -> None:
        on = self.curfew_check.isChecked()
        self.curfew_from.setEnabled(on)
        self.curfew_to.setEnabled(on)
        self.cap_spin.setEnabled(self.cap_check.isChecked())
        self.break_spin.setEnabled(self.cap_check.isChecked())

    def _changed(self, *_args) -> None:
        if not self._showing:
            self.edited.emit()
