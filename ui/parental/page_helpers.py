"""Small pieces the Companion, Alerts and Data pages share: the child selector, inline status and
field-error labels, the page layout, and a home for worker threads.

Why a worker registry: a test connection or a test alert can take up to its timeout, and the
guardian may close the panel meanwhile. A ``QThread`` destroyed while running aborts the whole
process, so a running worker is owned here (not by the page) until it has finished; its result
signal simply finds no receiver once the page is gone.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QLocale, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.profiles.models import ChildProfile, Language

_LIVE_WORKERS: set[QThread] = set()


def start_worker(worker: QThread) -> QThread:
    """Start ``worker`` (unparented) and keep it alive until it has finished."""
    _LIVE_WORKERS.add(worker)

    def done() -> None:
        _LIVE_WORKERS.discard(worker)
        worker.deleteLater()

    worker.finished.connect(done)
    worker.start()
    return worker


def running_workers() -> int:
    return len(_LIVE_WORKERS)


def local_time(when: datetime, clock) -> str:
    """``when`` as the family's wall-clock time. Stored times may carry another offset (the
    alert outbox keeps UTC); the injected clock knows the local zone."""
    return when.astimezone(clock.now().tzinfo).strftime("%Y-%m-%d %H:%M")


def ui_language() -> Language:
    """The language the guardian reads the panel in (persona names, notices)."""
    return Language.parse(QLocale().name())


class Tone(StrEnum):
    OK = "ok"
    ERROR = "error"
    INFO = "info"


# Text colours that keep at least 4.5:1 contrast on the light (#fbf7f0) and dark (#1b1f24) themes.
_COLOURS = {
    "light": {Tone.OK: "#1e6b3a", Tone.ERROR: "#b3261e", Tone.INFO: "#1d2a36"},
    "dark": {Tone.OK: "#81c995", Tone.ERROR: "#f28b82", Tone.INFO: "#e8e6e3"},
}


def _theme() -> str:
    app = QApplication.instance()
    return "dark" if app is not None and app.property("hearthTheme") == "dark" else "light"


def tone_colour(tone: Tone) -> str:
    return _COLOURS[_theme()][tone]


def set_status(label: QLabel, text: str, tone: Tone = Tone.INFO) -> None:
    """Show ``text`` in ``label`` in the colour of its tone (hidden when empty)."""
    label.setText(text)
    label.setProperty("tone", tone.value)
    weight = "bold" if tone is Tone.ERROR else "normal"
    label.setStyleSheet(f"color: {tone_colour(tone)}; font-weight: {weight};")
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))


class WrapLabel(QLabel):
    """A word-wrapping label that reserves the height its text needs at its current width.

    Layouts ask a wrapped QLabel for a size before they know its width, so inside form rows
    and dialogs a two-line error was clipped to one line; claiming the height for the width it
    actually got fixes that at any scale factor."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)

    def _fit(self) -> None:
        if self.isVisible() and self.width() > 0 and self.text():
            needed = self.heightForWidth(self.width())
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)
        elif self.minimumHeight():
            self.setMinimumHeight(0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()


def status_label(parent: QWidget, name: str) -> QLabel:
    label = WrapLabel(parent)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def show_field_error(field: QWidget, label: QLabel, text: str) -> None:
    """An error next to its field; the field's accessible description says it too."""
    set_status(label, text, Tone.ERROR)
    field.setAccessibleDescription(text)
    field.setProperty("invalid", bool(text))


def clear_field_error(field: QWidget, label: QLabel) -> None:
    show_field_error(field, label, "")


def note_label(parent: QWidget, name: str = "") -> QLabel:
    """Explanatory text: wraps, and stays readable at large text sizes."""
    label = WrapLabel(parent)
    if name:
        label.setObjectName(name)
    return label


def page_layout(page: QWidget) -> QVBoxLayout:
    """The page's column of sections. The panel already puts every page in a scroll area, so
    at 200% scale the page grows and the panel scrolls (a second scroll area inside would
    give two nested scroll bars)."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(14)
    return layout


def child_selector_row(page: QWidget) -> tuple[QVBoxLayout, QHBoxLayout]:
    """The page layout (see ``page_layout``) starting with a "Child:" selector row; sets
    ``page.child_label`` and ``page.child_combo``. Returns the layout and the row, so a page
    can add its own controls next to the selector."""
    body = page_layout(page)
    row = QHBoxLayout()
    page.child_label = QLabel(page)
    page.child_combo = ChildSelector(page)
    page.child_label.setBuddy(page.child_combo)
    row.addWidget(page.child_label)
    row.addWidget(page.child_combo, 1)
    return body, row


def table_style(table: QTableWidget) -> None:
    """Rows, not cells; read-only; Tab leaves the table (arrows move inside). Cells do not
    wrap (rows stay one line at any scale); long text is in the cell's tooltip."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    table.setMinimumHeight(140)


class ChildSelector(QComboBox):
    """Which child a per-child setting is about. Emits ``profile_changed(profile_id)``."""

    profile_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("childSelector")
        self._profiles: list[ChildProfile] = []
        self.currentIndexChanged.connect(self._emit)

    def set_profiles(self, profiles: list[ChildProfile]) -> None:
        keep = self.current_id()
        self.blockSignals(True)
        self.clear()
        self._profiles = list(profiles)
        for p in self._profiles:
            self.addItem(p.display_name, p.id)
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(index if index >= 0 else (0 if self._profiles else -1))
        self.blockSignals(False)
        self.setEnabled(bool(self._profiles))
        self._emit()

    def profiles(self) -> list[ChildProfile]:
        return list(self._profiles)

    def current_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def current_profile(self) -> ChildProfile | None:
        pid = self.current_id()
        return next((p for p in self._profiles if p.id == pid), None)

    def select(self, profile_id: int) -> None:
        index = self.findData(profile_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def _emit(self, *_args) -> None:
        pid = self.current_id()
        if pid is not None:
            self.profile_changed.emit(pid)
