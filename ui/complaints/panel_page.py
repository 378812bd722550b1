"""The guardian's page of tickets: reports, complaints and "I am an adult" appeals (R16, R27).

It lives inside the PIN-locked parental panel and follows the panel's page contract
(``load``/``save``/``restore_defaults``). A status change is written at once with the
guardian's note; ``save`` applies a change that was chosen but not yet applied.

Accepting an appeal is the only action with an effect outside this page, and it is never
automatic: the guardian presses "Accept", the page calls ``on_appeal_accepted(profile_id)``
(the panel confirms the PIN and turns minor mode off), and only if that callback does not return
``False`` is the appeal marked accepted. The generic status box cannot accept an appeal.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desktop.clock import Clock
from desktop.complaints import ComplaintError, ComplaintRepository, Ticket, TicketKind, TicketStatus
from ui.complaints import texts
from ui.complaints.style import emphasize
from ui.complaints.ticket_detail import status_text, ticket_detail_html

OVERDUE_BACKGROUND = QColor("#fde7e9")
OVERDUE_FOREGROUND = QColor("#8c1d18")

#: Filter choices of the "Show" box.
SHOW_ALL, SHOW_WAITING, SHOW_OVERDUE = "all", "waiting", "overdue"


class ComplaintsPage(QWidget):
    ticket_changed = Signal(object)  # Ticket, after a status change was stored

    COLUMNS = 6

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        repo: ComplaintRepository | Database,
        clock: Clock,
        on_appeal_accepted: Callable[[int], bool | None] | None = None,
        actor: str = "guardian",
    ):
        super().__init__(parent)
        self.setObjectName("complaintsPage")
        self.repo = repo if isinstance(repo, ComplaintRepository) else ComplaintRepository(repo)
        self.clock = clock
        self.on_appeal_accepted = on_appeal_accepted
        self.actor = actor
        self._tickets: list[Ticket] = []
        self._build()
        self.retranslate_ui()
        self.load()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        emphasize(self.title, 1.25)
        self.summary = QLabel(self)
        self.summary.setObjectName("complaintsSummary")
        self.show_caption = QLabel(self)
        self.show_box = QComboBox(self)
        for key in (SHOW_ALL, SHOW_WAITING, SHOW_OVERDUE):
            self.show_box.addItem("", key)
        self.show_caption.setBuddy(self.show_box)
        self.show_box.currentIndexChanged.connect(lambda _i: self.load())

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("ticketTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.table.itemSelectionChanged.connect(self._show_selected)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("ticketDetail")
        self.detail.setOpenLinks(False)

        self.status_group = QGroupBox(self)
        self.status_box = QComboBox(self.status_group)
        self.note = QLineEdit(self.status_group)
        self.note.setObjectName("statusNote")
        self.note.returnPressed.connect(self.apply_status_change)
        self.apply_button = QPushButton(self.status_group)
        self.apply_button.setObjectName("applyStatusButton")
        self.apply_button.clicked.connect(self.apply_status_change)
        self.status_caption = QLabel(self.status_group)
        self.status_caption.setBuddy(self.status_box)
        self.note_caption = QLabel(self.status_group)
        self.note_caption.setBuddy(self.note)
        form = QFormLayout(self.status_group)
        form.addRow(self.status_caption, self.status_box)
        form.addRow(self.note_caption, self.note)
        form.addRow("", self.apply_button)

        self.appeal_group = QGroupBox(self)
        self.appeal_text = QLabel(self.appeal_group)
        self.appeal_text.setWordWrap(True)
        self.accept_button = QPushButton(self.appeal_group)
        self.accept_button.setObjectName("acceptAppealButton")
        self.accept_button.clicked.connect(self.accept_appeal)
        self.accept_button.setAutoDefault(False)
        self.decline_button = QPushButton(self.appeal_group)
        self.decline_button.setObjectName("declineAppealButton")
        self.decline_button.clicked.connect(self.decline_appeal)
        appeal_layout = QVBoxLayout(self.appeal_group)
        appeal_layout.addWidget(self.appeal_text)
        appeal_layout.addWidget(self.accept_button)
        appeal_layout.addWidget(self.decline_button)

        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        # The table spans the full width on top; below it the details and, beside them, the
        # actions, so every column stays readable at the panel's minimum size.
        actions = QWidget(self)
        actions_layout = QVBoxLayout(actions)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.addWidget(self.appeal_group)
        actions_layout.addWidget(self.status_group)
        actions_layout.addWidget(self.message)
        actions_layout.addStretch(1)
        lower = QWidget(self)
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 1)
        actions_scroll = QScrollArea(self)
        actions_scroll.setWidget(actions)
        actions_scroll.setWidgetResizable(True)
        actions_scroll.setFrameShape(QFrame.Shape.NoFrame)
        actions_scroll.setMinimumWidth(340)
        actions_scroll.setMaximumWidth(440)
        lower_layout.addWidget(actions_scroll)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.show_caption)
        top.addWidget(self.show_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        for a, b in [(self.show_box, self.table), (self.table, self.detail), (self.detail, self.accept_button),
                     (self.accept_button, self.decline_button), (self.decline_button, self.status_box),
                     (self.status_box, self.note), (self.note, self.apply_button)]:
            QWidget.setTabOrder(a, b)
        self._set_editing_enabled(None)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Reports, complaints and appeals"))
        self.show_caption.setText(self.tr("&Show:"))
        for i, text in enumerate([self.tr("All tickets"), self.tr("Waiting for an answer"), self.tr("Overdue")]):
            self.show_box.setItemText(i, text)
        self.show_box.setAccessibleName(self.tr("Which tickets to show"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Kind"), self.tr("Child"), self.tr("Filed"), self.tr("Answer by"),
             self.tr("Status")])
        self.table.setAccessibleName(self.tr("Tickets"))
        self.detail.setAccessibleName(self.tr("Ticket details"))
        self.status_group.setTitle(self.tr("Change the status"))
        self.status_caption.setText(self.tr("S&tatus:"))
        self.status_box.setAccessibleName(self.tr("New status"))
        self.note_caption.setText(self.tr("&Note:"))
        self.note.setPlaceholderText(self.tr("What you did or decided (kept in the ticket's history)"))
        self.note.setAccessibleName(self.tr("Note for the ticket's history"))
        self.apply_button.setText(self.tr("&Apply"))
        self.appeal_group.setTitle(self.tr("Decide on this appeal"))
        self.appeal_text.setText(self.tr(
            "The child says they are 18 or older. Nothing has changed yet: you decide."))
        self.accept_button.setText(self.tr("Accept: turn off minor mode"))
        self.decline_button.setText(self.tr("Decline: keep it on"))
        if self.on_appeal_accepted is None:
            self.accept_button.setToolTip(self.tr("Turning minor mode off is not available here."))
        selected = self.selected_ticket()
        self._redraw(selected.id if selected else None)
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- page contract ----------------------------------------------------------------------
    def load(self) -> None:
        selected = self.selected_ticket()
        now = self.clock.now()
        mode = self.show_box.currentData()
        if mode == SHOW_OVERDUE:
            tickets = sorted(self.repo.overdue(now), key=lambda t: t.id, reverse=True)
        elif mode == SHOW_WAITING:
            tickets = [t for t in self.repo.tickets() if not t.status.is_closed]
        else:
            tickets = self.repo.tickets()
        self._tickets = tickets
        self._redraw(selected.id if selected else None)
        self._update_summary()

    def _redraw(self, keep_id: int | None) -> None:
        """Rebuild the rows and keep the guardian's selection (or pick the newest ticket)."""
        self._refresh_rows()
        self.table.blockSignals(True)
        if not (keep_id is not None and self.select_ticket(keep_id)) and self._tickets:
            self.table.selectRow(0)
        self.table.blockSignals(False)
        self._show_selected()  # also when the same row stays selected but its ticket changed

    def _update_summary(self) -> None:
        overdue = self.overdue_count()
        self.summary.setText(self.tr("%n overdue", "", overdue) if overdue else "")
        self.summary.setStyleSheet(
            f"background: {OVERDUE_BACKGROUND.name()}; color: {OVERDUE_FOREGROUND.name()}; font-weight: bold;"
            " border-radius: 8px; padding: 2px 8px;" if overdue else "")

    def save(self) -> None:
        """Apply a status or note the guardian entered but did not apply yet."""
        ticket = self.selected_ticket()
        if ticket is None:
            return
        if self.status_box.currentData() != ticket.status.value or self.note.text().strip():
            self.apply_status_change()

    def restore_defaults(self) -> None:
        """Tickets are records, not settings: there is nothing to restore."""

    # -- selection --------------------------------------------------------------------------
    def selected_ticket(self) -> Ticket | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._tickets):
            return None
        return self._tickets[rows[0].row()]

    def select_ticket(self, ticket_id: int) -> bool:
        for row, ticket in enumerate(self._tickets):
            if ticket.id == ticket_id:
                self.table.selectRow(row)
                return True
        return False

    def row_texts(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.COLUMNS)]

    def row_is_highlighted(self, row: int) -> bool:
        return self.table.item(row, 0).background().color() == OVERDUE_BACKGROUND

    # -- actions ----------------------------------------------------------------------------
    def apply_status_change(self) -> Ticket | None:
        ticket = self.selected_ticket()
        if ticket is None:
            return None
        status = TicketStatus(self.status_box.currentData())
        return self._change(ticket, status)

    def accept_appeal(self) -> Ticket | None:
        """R16: the guardian's explicit decision; the callback does the unlocking, not this page."""
        ticket = self.selected_ticket()
        if ticket is None or ticket.kind is not TicketKind.APPEAL or self.on_appeal_accepted is None:
            return None
        if self.on_appeal_accepted(ticket.profile_id) is False:
            self._say(self.tr("Nothing was changed: the appeal is still waiting for your decision."))
            return None
        return self._change(ticket, TicketStatus.RESOLVED)

    def decline_appeal(self) -> Ticket | None:
        ticket = self.selected_ticket()
        if ticket is None or ticket.kind is not TicketKind.APPEAL:
            return None
        return self._change(ticket, TicketStatus.REJECTED)

    def _change(self, ticket: Ticket, status: TicketStatus) -> Ticket | None:
        try:
            changed = self.repo.set_status(ticket.id, status, self.note.text(), self.actor, self.clock.now())
        except ComplaintError as exc:
            self._say(texts.error_text(exc.key))
            return None
        self.note.clear()
        self.load()
        self.select_ticket(changed.id)
        self._say(self.tr("Saved: %1 is now “%2”.").replace("%1", changed.human_id).replace(
            "%2", texts.status_label(changed.status, changed.kind)))
        self.ticket_changed.emit(changed)
        return changed

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def overdue_count(self) -> int:
        return len(self.repo.overdue(self.clock.now()))

    # -- drawing ----------------------------------------------------------------------------
    def _refresh_rows(self) -> None:
        tz = self.clock.now().tzinfo
        now = self.clock.now()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self._tickets))
        for row, t in enumerate(self._tickets):
            overdue = t.is_overdue(now)
            status = self._status_text(t)
            cells = [t.human_id, texts.kind_label(t.kind, short=True), t.child_name, texts.format_short(t.created_at, tz),
                     texts.format_short(t.due_at, tz), status]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if overdue:
                    item.setBackground(QBrush(OVERDUE_BACKGROUND))
                    item.setForeground(QBrush(OVERDUE_FOREGROUND))
                    if col == self.COLUMNS - 1:
                        bold = QFont(item.font())
                        bold.setBold(True)
                        item.setFont(bold)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)

    def _status_text(self, t: Ticket) -> str:
        return status_text(t, self.clock.now())

    def _show_selected(self) -> None:
        ticket = self.selected_ticket()
        self._set_editing_enabled(ticket)
        if ticket is None:
            empty = self.tr("No tickets here.") if not self._tickets else self.tr("Choose a ticket in the list.")
            self.detail.setHtml(f"<p>{escape(empty)}</p>")
            return
        self.detail.setHtml(ticket_detail_html(ticket, self.clock.now()))
        self.status_box.blockSignals(True)
        self.status_box.clear()
        for status in TicketStatus:
            if ticket.kind is TicketKind.APPEAL and status is TicketStatus.RESOLVED \
                    and ticket.status is not TicketStatus.RESOLVED:
                continue  # accepting an appeal goes through the Accept button and its callback
            self.status_box.addItem(texts.status_label(status, ticket.kind), status.value)
        self.status_box.setCurrentIndex(max(self.status_box.findData(ticket.status.value), 0))
        self.status_box.blockSignals(False)

    def _set_editing_enabled(self, ticket: Ticket | None) -> None:
        self.status_group.setEnabled(ticket is not None)
        is_appeal = ticket is not None and ticket.kind is TicketKind.APPEAL
        self.appeal_group.setVisible(is_appeal)
        undecided = is_appeal and not ticket.status.is_closed
        self.accept_button.setEnabled(undecided and self.on_appeal_accepted is not None)
        self.decline_button.setEnabled(undecided)
