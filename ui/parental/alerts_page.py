"""The parental panel's Alerts page: the inbox of risk alerts, what the guardian gets to see, and
the channels alerts travel through (``ui.parental.channel_list``).

R15: the guardian receives risk alerts and sees a summary, not the transcript, unless they switch
transcripts on; the child is then told so on their "what can my guardian see?" page (R17).
Excerpts in alerts are a separate opt-in, off by default. Acknowledging an alert is an action
(saved at once); the two visibility switches are saved with the panel's Save like other
settings. The inbox refreshes itself every few seconds while the page is visible, so an alert
raised while the panel is open appears without reopening it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.alerts import Alert, AlertCategory
from ui.parental.channel_list import ChannelListBox
from ui.parental.page import PanelContext, PanelPage
from ui.parental.page_helpers import local_time, note_label, page_layout, table_style

ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_MS = 5000
INBOX_LIMIT = 200


class AlertsPage(PanelPage):
    page_id = "alerts"
    #: A channel was added, edited or removed: rebuild the dispatcher's senders
    #: (``ctx.alerts.set_channels`` has already been called).
    channels_changed = Signal()

    def __init__(self, ctx: PanelContext, parent=None):
        super().__init__(ctx, parent)
        self._alerts: dict[int, Alert] = {}
        self._loading = False
        self._loaded = False
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._refresh_if_visible)
        self.timer.start()
        self.retranslate_ui()

    def _build(self) -> None:
        body = page_layout(self)
        self.inbox_box = QGroupBox(self)
        box = QVBoxLayout(self.inbox_box)
        self.inbox_summary = note_label(self.inbox_box, "inboxSummary")
        box.addWidget(self.inbox_summary)
        self.inbox = QTableWidget(0, 5, self.inbox_box)
        self.inbox.setObjectName("alertInbox")
        table_style(self.inbox)
        box.addWidget(self.inbox)
        self.excerpt_label = note_label(self.inbox_box, "excerptLabel")
        self.excerpt_label.setVisible(False)
        box.addWidget(self.excerpt_label)
        row = QHBoxLayout()
        self.ack_button = QPushButton(self.inbox_box)
        self.ack_button.setObjectName("acknowledgeButton")
        self.refresh_button = QPushButton(self.inbox_box)
        row.addWidget(self.ack_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        box.addLayout(row)
        body.addWidget(self.inbox_box)

        self.privacy_box = QGroupBox(self)
        box = QVBoxLayout(self.privacy_box)
        self.transcript_check = QCheckBox(self.privacy_box)
        self.transcript_note = note_label(self.privacy_box, "transcriptNote")
        self.excerpt_check = QCheckBox(self.privacy_box)
        self.excerpt_note = note_label(self.privacy_box, "excerptNote")
        for w in (self.transcript_check, self.transcript_note, self.excerpt_check, self.excerpt_note):
            box.addWidget(w)
        body.addWidget(self.privacy_box)

        self.channel_list = ChannelListBox(self.ctx, self)
        self.channel_list.channels_changed.connect(self.channels_changed)
        body.addWidget(self.channel_list)
        body.addStretch(1)

        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.inbox.itemSelectionChanged.connect(self._inbox_selected)
        self.transcript_check.toggled.connect(self._toggled)
        self.excerpt_check.toggled.connect(self._toggled)

    def title(self) -> str:
        return self.tr("Alerts")

    def retranslate_ui(self) -> None:
        self.inbox_box.setTitle(self.tr("Alerts raised"))
        self.inbox.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Child"), self.tr("Reason"), self.tr("Level"), self.tr("Status")])
        self.inbox.setAccessibleName(self.tr("Alerts raised"))
        self.ack_button.setText(self.tr("&Acknowledge"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the selected alerts"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.privacy_box.setTitle(self.tr("What you see"))
        self.transcript_check.setText(self.tr("Show me the &full chat transcripts"))
        self.transcript_note.setText(self.tr(
            "Off by default: you get alerts and a usage summary, not what your child wrote. If you switch "
            "this on, your child is told on their “What can my guardian see?” page that you can read their chats."))
        self.excerpt_check.setText(self.tr("Include a short &excerpt in alerts"))
        self.excerpt_note.setText(self.tr(
            "Off by default. When on, each alert carries at most 200 characters of the message that caused it, "
            "so you can judge how urgent it is. It travels through the channels below."))
        self.channel_list.retranslate_ui()
        if self._loaded:
            self._fill_inbox()  # the table's cells hold translated words too

    # -- loading and saving -----------------------------------------------------------------
    def load(self) -> None:
        self._loading = True
        try:
            self.transcript_check.setChecked(self.ctx.settings.transcript_visible())
            self.excerpt_check.setChecked(self.ctx.settings.alert_excerpts())
        finally:
            self._loading = False
        self._loaded = True
        self.refresh()

    def save(self) -> None:
        transcripts, excerpts = self.transcript_check.isChecked(), self.excerpt_check.isChecked()
        if transcripts != self.ctx.settings.transcript_visible():
            self.ctx.settings.set_transcript_visible(transcripts)
        if excerpts != self.ctx.settings.alert_excerpts():
            self.ctx.settings.set_alert_excerpts(excerpts)
        if self.ctx.alerts is not None:
            self.ctx.alerts.include_excerpts = excerpts  # alerts raised from now on

    def restore_defaults(self) -> None:
        """Summary only, no excerpts (R15). Channels are not touched: they are the guardian's."""
        self.transcript_check.setChecked(False)
        self.excerpt_check.setChecked(False)
        self.changed.emit()

    def _toggled(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _refresh_if_visible(self) -> None:
        if self._loaded and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._fill_inbox()
        self.channel_list.refresh()

    # -- the inbox --------------------------------------------------------------------------------
    def category_label(self, category: str) -> str:
        labels = {
            AlertCategory.SELF_HARM: self.tr("Possible self-harm or suicide risk"),
            AlertCategory.DISTRESS: self.tr("Strong distress"),
            AlertCategory.FINANCIAL: self.tr("Risk of a large financial loss"),
            AlertCategory.SEXUAL: self.tr("Sexual content"),
            AlertCategory.INTIMACY: self.tr("Asked for a romantic or family role-play"),
            AlertCategory.PERSONAL_INFO: self.tr("Shared personal information"),
            AlertCategory.DEPENDENCE: self.tr("Signs of over-dependence"),
            AlertCategory.HARMFUL: self.tr("Asked for dangerous instructions"),
            AlertCategory.CLOCK_TAMPER: self.tr("The computer's clock was changed"),
            AlertCategory.AGE_APPEAL: self.tr("Appeal: says they are an adult"),
            AlertCategory.TEST: self.tr("Test alert"),
        }
        return labels.get(category, category)

    def tier_label(self, tier: int) -> str:
        return {1: self.tr("For information"), 2: self.tr("Important"), 3: self.tr("Urgent")}.get(tier, str(tier))

    def _fill_inbox(self) -> None:
        selected = set(self.selected_alert_ids())
        self.inbox.setRowCount(0)
        if self.ctx.alerts is None:
            self.inbox_summary.setText(self.tr("Alerts are not available in this session."))
            self.ack_button.setEnabled(False)
            return
        alerts = self.ctx.alerts.inbox(limit=INBOX_LIMIT)
        self._alerts = {a.id: a for a in alerts}
        self.inbox.setRowCount(len(alerts))
        for row, alert in enumerate(alerts):
            if alert.acknowledged:
                status = self.tr("Acknowledged by %1, %2").replace("%1", alert.acknowledged_by or "").replace(
                    "%2", local_time(alert.acknowledged_at, self.ctx.clock))
            else:
                status = self.tr("New")
            cells = (local_time(alert.created_at, self.ctx.clock), alert.child_name or self.tr("(no profile)"),
                     self.category_label(alert.category), self.tier_label(alert.tier), status)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ID_ROLE, alert.id)
                if not alert.acknowledged:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.inbox.setItem(row, col, item)
            if alert.id in selected:
                self.inbox.selectRow(row)
        unread = sum(1 for a in alerts if not a.acknowledged)
        if not alerts:
            self.inbox_summary.setText(self.tr("No alerts so far."))
        else:
            self.inbox_summary.setText(self.tr("%1 new, %2 in total.").replace("%1", str(unread)).replace("%2", str(len(alerts))))
        self._inbox_selected()

    def selected_alert_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.inbox.selectedItems()})
        return [int(self.inbox.item(r, 0).data(ID_ROLE)) for r in rows if self.inbox.item(r, 0)]

    def _inbox_selected(self) -> None:
        alerts = [self._alerts[i] for i in self.selected_alert_ids() if i in self._alerts]
        self.ack_button.setEnabled(any(not a.acknowledged for a in alerts))
        excerpts = [a.excerpt for a in alerts if a.excerpt]
        self.excerpt_label.setText(self.tr("Excerpt: “%1”").replace("%1", excerpts[0]) if len(alerts) == 1 and excerpts else "")
        self.excerpt_label.setVisible(bool(self.excerpt_label.text()))

    def acknowledge_selected(self) -> int:
        """R15: the guardian has seen these alerts; returns how many were acknowledged."""
        if self.ctx.alerts is None:
            return 0
        by = self.ctx.guardian.guardian_name()
        done = 0
        for alert_id in self.selected_alert_ids():
            if not self._alerts[alert_id].acknowledged:
                self.ctx.alerts.acknowledge(alert_id, by)
                done += 1
        self._fill_inbox()
        return done
