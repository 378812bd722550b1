"""The audit log, read-only: when, who, what, detail — newest first, filtered by kind.

It shows ``core.audit.recent(...)``; nothing here can change the log, so ``save`` and
``restore_defaults`` are no-ops. Known kinds get a translated plain-language name
(:mod:`ui.parental.audit_labels`); a kind without one appears as written, so nothing is hidden.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.guardian.audit import Actor, AuditEvent
from ui.parental.audit_labels import audit_kind_label, audit_kind_labels
from ui.parental.page import PanelContext, PanelPage
from ui.setup import texts

#: The newest events shown; the log itself keeps everything.
SHOWN_EVENTS = 500
ALL_KINDS = ""


class AuditPage(PanelPage):
    page_id = "audit"
    has_defaults = False  # the panel disables "Restore defaults" here

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.audit = ctx.guardian.audit
        self.kind_caption = QLabel(self)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("auditKindFilter")
        self.kind_caption.setBuddy(self.kind_box)
        self.kind_box.currentIndexChanged.connect(self._fill_table)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("auditRefresh")
        self.refresh_button.clicked.connect(self.load)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("auditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.kind_caption)
        row.addWidget(self.kind_box, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.events: list[AuditEvent] = []
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Audit log")

    def retranslate_ui(self) -> None:
        self.kind_caption.setText(self.tr("&Show:"))
        self.kind_box.setAccessibleName(self.tr("Filter the audit log by kind"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail")]
        )
        if self.kind_box.count():
            self.kind_box.setItemText(0, self.tr("All events"))
            for i in range(1, self.kind_box.count()):
                self.kind_box.setItemText(i, self.kind_name(self.kind_box.itemData(i)))
        self._render()  # what was read, in the new language; no database access here

    # -- the PanelPage contract ---------------------------------------------------------------
    def load(self) -> None:
        """Re-read the kinds present and the newest events (keeps the chosen filter)."""
        chosen = self.kind_box.currentData() or ALL_KINDS
        kinds = [
            row["kind"]
            for row in self.ctx.db.query("select distinct kind from audit_log order by kind")
        ]
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(self.tr("All events"), ALL_KINDS)
        for kind in kinds:
            self.kind_box.addItem(self.kind_name(kind), kind)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(chosen), 0))
        self.kind_box.blockSignals(False)
        self._fill_table()

    def showEvent(self, event) -> None:
        self.load()  # the newest events each time the guardian looks
        super().showEvent(event)

    def save(self) -> None:
        """No-op: the audit log is read-only."""

    def restore_defaults(self) -> None:
        """No-op: there is nothing to restore on a read-only page."""

    # -- filling ------------------------------------------------------------------------------
    def set_filter(self, kind: str | None) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind or ALL_KINDS), 0))

    def _fill_table(self, *_args) -> None:
        kind = self.kind_box.currentData() or None
        self.events = self.audit.recent(SHOWN_EVENTS, kind=kind)
        self._render()

    def _render(self) -> None:
        labels = audit_kind_labels()  # once per render, not once per row
        self.table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            cells = (
                texts.when_text(event.at, seconds=True),
                self.actor_name(event.actor),
                audit_kind_label(event.kind, labels),
                detail_text(event.detail),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(event.kind if column == 2 else value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.count_label.setText(
            self.tr("Newest first; showing %n event(s).", "", len(self.events))
        )

    def actor_name(self, actor: Actor) -> str:
        return {
            Actor.GUARDIAN: self.tr("Guardian"),
            Actor.CHILD: self.tr("Child"),
            Actor.SYSTEM: self.tr("Hearth"),
        }[Actor(actor)]

    def kind_name(self, kind: str) -> str:
        """The translated label of ``kind`` (see :mod:`ui.parental.audit_labels`)."""
        return audit_kind_label(kind)


def detail_text(detail: dict) -> str:
    """``key: value`` pairs on one line; nested values as compact JSON."""
    parts = []
    for key, value in detail.items():
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        parts.append(f"{key}: {value}")
    return ", ".join(parts)
