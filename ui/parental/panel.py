"""The PIN-locked parental panel: a list of pages on the left, the chosen page on the right.

It opens only with a fresh ``GuardianSession`` (the caller asks ``PinDialog`` first, or uses
:meth:`ParentalPanel.open_with_pin`), and it locks itself — closes and emits ``locked`` —
after :data:`IDLE_LOCK_SECONDS` without a key press or mouse action in the panel, so a
guardian who walks away does not leave the settings open to the child. Idle time is measured
with ``ctx.clock.monotonic()`` (wall-clock changes cannot stretch or shrink it); a QTimer calls
:meth:`check_idle`, which tests call directly with a FakeClock.

Pages follow ``ui.parental.page.PanelPage``. A page that refuses to save raises ``ValueError``
with a sentence for the guardian; the panel shows it and keeps the page unsaved.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import meta
from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.pin import GuardianSession, require_session
from ui.parental.page import PanelContext, PanelPage
from ui.parental.pin_dialog import PinDialog
from ui.setup.forms import error_label

IDLE_LOCK_SECONDS = 5 * 60
IDLE_CHECK_MS = 5_000
AUDIT_SAVED = AuditKind.PANEL_SETTINGS_SAVED
AUDIT_OPENED = AuditKind.PANEL_OPENED
AUDIT_LOCKED = AuditKind.PANEL_LOCKED

PageFactory = Callable[[PanelContext], PanelPage]

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class UnsavedChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ParentalPanel(QDialog):
    locked = Signal()
    saved = Signal(str)  # page id

    def __init__(
        self,
        ctx: PanelContext,
        page_factories: list[PageFactory],
        parent: QWidget | None = None,
        *,
        session: GuardianSession | None = None,
    ):
        # Refuse before building anything: the panel exists only for a verified guardian.
        require_session(session, ctx.clock)
        super().__init__(parent)
        self.setObjectName("parentalPanel")
        self.ctx = ctx
        self.session = session
        self.pages: list[PanelPage] = []
        self._problems: list[QLabel] = []
        self._dirty: set[int] = set()
        self._current = -1
        self._locking = False
        self.last_activity = ctx.clock.monotonic()
        self._audit(AUDIT_OPENED, {})
        self._build(page_factories)
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        app = QApplication.instance()
        app.installEventFilter(self)
        self.finished.connect(self._teardown)
        self.retranslate_ui()
        if self.pages:
            self.page_list.setCurrentRow(0)

    @classmethod
    def open_with_pin(
        cls, parent: QWidget | None, ctx: PanelContext, page_factories: list[PageFactory]
    ) -> ParentalPanel | None:
        """Ask for the PIN, then build and show the panel; None if the guardian cancelled."""
        session = PinDialog.ask(
            parent, ctx, QApplication.translate("ParentalPanel", "Open Guardian settings.")
        )
        if session is None:
            return None
        panel = cls(ctx, page_factories, parent, session=session)
        panel.show()
        return panel

    # -- building -----------------------------------------------------------------------------
    def _build(self, factories: list[PageFactory]) -> None:
        self.page_list = QListWidget(self)
        self.page_list.setObjectName("panelPageList")
        self.stack = QStackedWidget(self)
        # Buttons first: a page may emit ``changed`` while it loads.
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("panelSave")
        self.save_button.setDefault(True)  # Enter saves the page, Esc closes the panel
        self.save_button.clicked.connect(self.save_current)
        self.defaults_button = QPushButton(self)
        self.defaults_button.setAutoDefault(False)
        self.defaults_button.clicked.connect(self.restore_current_defaults)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.unsaved_label = QLabel(self)
        self.unsaved_label.setObjectName("unsavedLabel")
        for factory in factories:
            page = factory(self.ctx)
            index = len(self.pages)
            self.pages.append(page)
            holder = QWidget(self)
            problem = error_label(holder, "pageProblem")
            column = QVBoxLayout(holder)
            column.addWidget(problem)
            column.addWidget(page, 1)
            self._problems.append(problem)
            scroller = QScrollArea(self)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setWidget(holder)
            self.stack.addWidget(scroller)
            self.page_list.addItem(page.title())
            page.changed.connect(lambda i=index: self._mark_dirty(i))
            self._load(page)
        self.page_list.currentRowChanged.connect(self._on_row_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.unsaved_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.ensurePolished()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 40)

    def _load(self, page: PanelPage) -> None:
        """(Re)read a page; one that cannot be read (say, tampered settings) is shown disabled
        with the reason instead of taking the whole panel down."""
        index = self.pages.index(page)
        try:
            page.load()
        except Exception as exc:
            page.setEnabled(False)
            self._problems[index].setText(
                self.tr("This page could not be read: %1").replace("%1", str(exc))
            )
        else:
            page.setEnabled(True)
            self._problems[index].clear()
        self._dirty.discard(index)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("%1 — Guardian settings").replace("%1", meta.APP_NAME))
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        for i, page in enumerate(self.pages):
            self.page_list.item(i).setText(page.title())
        self._fit_page_list()
        self.save_button.setText(self.tr("&Save"))
        self.defaults_button.setText(self.tr("&Restore defaults"))
        self.close_button.setText(self.tr("&Close"))
        self._update_unsaved()

    def _fit_page_list(self) -> None:
        """Wide enough for the longest page title in the current language (and font size)."""
        self.page_list.ensurePolished()
        widest = self.page_list.sizeHintForColumn(0) if self.pages else 0
        frame = 2 * self.page_list.frameWidth() + self.fontMetrics().averageCharWidth() * 4
        self.page_list.setFixedWidth(
            max(widest + frame, self.fontMetrics().averageCharWidth() * 16)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- pages ----------------------------------------------------------------------------------
    def current_page(self) -> PanelPage | None:
        return self.pages[self._current] if 0 <= self._current < len(self.pages) else None

    def page(self, page_id: str) -> PanelPage | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def show_page(self, page_id: str) -> bool:
        """Switch to ``page_id`` (asks about unsaved changes first); True if it is shown."""
        page = self.page(page_id)
        if page is None:
            return False
        self.page_list.setCurrentRow(self.pages.index(page))
        return self._current == self.pages.index(page)

    def is_dirty(self, page: PanelPage | None = None) -> bool:
        if page is None:
            return bool(self._dirty)
        return self.pages.index(page) in self._dirty

    def _mark_dirty(self, index: int) -> None:
        self._dirty.add(index)
        self._update_unsaved()

    def _update_unsaved(self) -> None:
        dirty = self._current in self._dirty
        self.unsaved_label.setText(self.tr("Unsaved changes") if dirty else "")

    def _on_row_changed(self, row: int) -> None:
        if row == self._current:
            return
        leaving = self.current_page()
        if leaving is not None and self.is_dirty(leaving) and not self._resolve_unsaved(leaving):
            self.page_list.blockSignals(True)
            self.page_list.setCurrentRow(self._current)
            self.page_list.blockSignals(False)
            return
        self._current = row
        self.stack.setCurrentIndex(row)
        # A page may say it has no defaults (``has_defaults = False``): then the button is off.
        page = self.current_page()
        self.defaults_button.setEnabled(page is not None and getattr(page, "has_defaults", True))
        self._update_unsaved()

    def ask_unsaved(self, page: PanelPage) -> UnsavedChoice:
        """Save, discard or stay? (A QMessageBox; tests answer it like a guardian would.)"""
        box = QMessageBox(self)
        box.setObjectName("unsavedPrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("“%1” has changes that are not saved.").replace("%1", page.title()))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        box.deleteLater()
        return {
            QMessageBox.StandardButton.Save: UnsavedChoice.SAVE,
            QMessageBox.StandardButton.Discard: UnsavedChoice.DISCARD,
        }.get(QMessageBox.StandardButton(answer), UnsavedChoice.CANCEL)

    def _resolve_unsaved(self, page: PanelPage) -> bool:
        """True if the guardian may leave ``page`` (saved, or changes thrown away)."""
        choice = self.ask_unsaved(page)
        if choice is UnsavedChoice.SAVE:
            return self._save(page)
        if choice is UnsavedChoice.DISCARD:
            self._load(page)
            self._update_unsaved()
            return True
        return False

    # -- buttons --------------------------------------------------------------------------------
    def save_current(self) -> bool:
        page = self.current_page()
        return page is not None and self._save(page)

    def _save(self, page: PanelPage) -> bool:
        try:
            page.save()
        except Exception as exc:  # a page's refusal or a store error: say it, keep the edits
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("“%1” was not saved: %2")
                .replace("%1", page.title())
                .replace("%2", str(exc)),
            )
            return False
        self._dirty.discard(self.pages.index(page))
        self._audit(AUDIT_SAVED, {"page": page.page_id})
        self._update_unsaved()
        self.saved.emit(page.page_id)
        return True

    def restore_current_defaults(self) -> None:
        page = self.current_page()
        if page is not None:
            page.restore_defaults()

    def _audit(self, kind: str, detail: dict) -> None:
        self.ctx.guardian.audit.record(Actor.GUARDIAN, kind, detail)

    # -- closing and locking --------------------------------------------------------------------
    def reject(self) -> None:
        """Close (Esc, the Close button, the window's X): ask about unsaved changes first."""
        if not self._locking:
            page = self.current_page()
            if page is not None and self.is_dirty(page) and not self._resolve_unsaved(page):
                return
            others = [p for p in self.pages if p is not page and self.is_dirty(p)]
            for other in others:
                if not self._resolve_unsaved(other):
                    return
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and isinstance(watched, QWidget) and self._owns(watched):
            self.last_activity = self.ctx.clock.monotonic()
        return False

    def _owns(self, widget: QWidget) -> bool:
        """The widget is in the panel or in a dialog the panel opened."""
        while widget is not None:
            if widget is self:
                return True
            widget = widget.parentWidget()
        return False

    def idle_seconds(self) -> float:
        return self.ctx.clock.monotonic() - self.last_activity

    def check_idle(self) -> bool:
        """Lock if the panel has been idle for 5 minutes; True if it locked now."""
        if self._locking or not self.isVisible() or self.idle_seconds() < IDLE_LOCK_SECONDS:
            return False
        self.lock()
        return True

    def close_discarding(self) -> None:
        """Close without asking: unsaved edits are dropped and open sub-dialogs closed (for
        the idle lock, and for a caller that is shutting Hearth down)."""
        self._locking = True
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.session = None
        super().reject()

    def lock(self) -> None:
        """Close at once (nobody is there to answer about unsaved edits) and emit ``locked``;
        the next visit needs the PIN again."""
        self._audit(AUDIT_LOCKED, {"reason": "idle", "unsaved_pages": len(self._dirty)})
        self.close_discarding()
        self.locked.emit()

    def _teardown(self) -> None:
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
