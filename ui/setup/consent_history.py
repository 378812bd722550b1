"""A read-only table of one child's consent records: kind, who, which notice, given, withdrawn.

Newest first, so the guardian sees what is in force at the top and what was agreed before
below it (R13: who, when, which version).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from desktop.guardian.consent import ConsentRecord
from desktop.guardian.notices import ConsentKind
from ui.setup import texts


class ConsentHistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 5, parent)
        self.setObjectName("consentHistory")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        self.records: list[ConsentRecord] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Consent history"))
        self.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Given by"), self.tr("Notice"), self.tr("Given"), self.tr("Withdrawn")]
        )
        self.show_records(self.records)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_records(self, records: list[ConsentRecord]) -> None:
        """``records`` oldest first (as ``ConsentRepository.history`` returns them)."""
        self.records = list(records)
        self.setRowCount(0)
        for record in reversed(self.records):
            row = self.rowCount()
            self.insertRow(row)
            kind = self.tr("Service") if record.kind is ConsentKind.SERVICE else self.tr("Training")
            withdrawn = ""
            if record.withdrawn_at:
                withdrawn = f"{texts.when_text(record.withdrawn_at)} ({record.withdrawn_by})"
            values = (
                kind,
                record.given_by,
                record.notice_version,
                texts.when_text(record.given_at),
                withdrawn,
            )
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))
        self.resizeColumnsToContents()
