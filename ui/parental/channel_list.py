"""The alert channels (desktop, e-mail, webhook/ntfy) with their health, add/edit/remove, and
"Send test alert" — the lower half of the Alerts page.

R19: alerts must reach the guardian, so a channel that keeps failing is shown in red with its
last error, before it matters. A test alert blocks up to the channel's timeout, so it runs on a
worker thread; a wrong host or a dead server costs a message, never a frozen panel. Channel
edits are saved when their dialog is confirmed (their secrets reach the keyring at that moment
anyway), and the alert service gets the new list at once.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.alerts import (
    ChannelConfig,
    ChannelHealth,
    ChannelKind,
    ChannelRepository,
    FailureKind,
    HealthState,
    SmtpChannelConfig,
    TestAlertResult,
    WebhookChannelConfig,
    send_test_alert,
)
from desktop.guardian.secrets import SecretsUnavailableError
from ui.parental.channel_dialog import ChannelDialog
from ui.parental.page import PanelContext
from ui.parental.page_helpers import (
    Tone,
    set_status,
    start_worker,
    status_label,
    table_style,
    tone_colour,
)

ID_ROLE = Qt.ItemDataRole.UserRole
#: The table shows the start of the last error; the line under the table shows all of it.
ERROR_CELL_CHARS = 60


class TestAlertWorker(QThread):
    """Sends one test alert off the GUI thread (``send_test_alert`` blocks up to its timeout).

    Secrets were read on the GUI thread and are handed over as a dict, so the worker never
    talks to the keyring itself."""

    __test__ = False
    result_ready = Signal(object)  # TestAlertResult

    def __init__(self, config: ChannelConfig, secrets: dict[str, str], clock):
        super().__init__()
        self.config, self.secrets, self.clock = config, secrets, clock

    def run(self) -> None:
        try:
            result = send_test_alert(self.config, secret_lookup=self.secrets.get, clock=self.clock)
        except Exception as exc:  # a bug must end in a message, not a silent spinner
            result = TestAlertResult(self.config.channel_id, False, f"{type(exc).__name__}: {exc}", FailureKind.OTHER)
        self.result_ready.emit(result)


class ChannelListBox(QGroupBox):
    #: The channel list changed (the app rebuilds its dispatcher's senders).
    channels_changed = Signal()
    test_alert_finished = Signal(bool)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("channelList")
        self.ctx = ctx
        self.channels = ChannelRepository(ctx.db)
        self._configs: list[ChannelConfig] = []
        self._worker: TestAlertWorker | None = None
        self._loaded = False
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        box = QVBoxLayout(self)
        self.channel_table = QTableWidget(0, 4, self)
        self.channel_table.setObjectName("channelTable")
        table_style(self.channel_table)
        box.addWidget(self.channel_table)
        self.health_label = status_label(self, "channelHealth")
        box.addWidget(self.health_label)
        add_row, edit_row = QHBoxLayout(), QHBoxLayout()
        self.add_email_button, self.add_webhook_button, self.add_desktop_button = (QPushButton(self) for _ in range(3))
        self.edit_button, self.remove_button, self.test_button = (QPushButton(self) for _ in range(3))
        for b in (self.add_email_button, self.add_webhook_button, self.add_desktop_button):
            add_row.addWidget(b)
        for b in (self.edit_button, self.remove_button, self.test_button):
            edit_row.addWidget(b)
        self.test_progress = QProgressBar(self)
        self.test_progress.setRange(0, 0)
        self.test_progress.setMaximumWidth(140)
        self.test_progress.setTextVisible(False)
        self.test_progress.setVisible(False)
        edit_row.addWidget(self.test_progress)
        add_row.addStretch(1)
        edit_row.addStretch(1)
        box.addLayout(add_row)
        box.addLayout(edit_row)
        self.test_result = status_label(self, "testAlertResult")
        box.addWidget(self.test_result)
        self.add_email_button.clicked.connect(lambda: self.edit_channel(ChannelKind.EMAIL))
        self.add_webhook_button.clicked.connect(lambda: self.edit_channel(ChannelKind.WEBHOOK))
        self.add_desktop_button.clicked.connect(lambda: self.edit_channel(ChannelKind.DESKTOP))
        self.edit_button.clicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.send_test)
        self.channel_table.itemSelectionChanged.connect(self._update_buttons)
        self.channel_table.itemDoubleClicked.connect(lambda *_: self._edit_selected())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("How alerts reach you"))
        self.channel_table.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("Sends to"), self.tr("Status"), self.tr("Last problem")])
        self.channel_table.setAccessibleName(self.tr("Alert channels"))
        self.add_email_button.setText(self.tr("Add e-&mail…"))
        self.add_webhook_button.setText(self.tr("Add &webhook / ntfy…"))
        self.add_desktop_button.setText(self.tr("Add &desktop notification…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Re&move…"))
        self.test_button.setText(self.tr("Send &test alert"))
        self.test_progress.setAccessibleName(self.tr("Sending a test alert"))
        if self._loaded:
            # The cells hold translated words too; redraw from what was last read, never from
            # the database (a language change can reach a page whose panel already closed).
            self._fill_channels(reload=False)

    def refresh(self) -> None:
        self._loaded = True
        self._fill_channels()

    def _destination(self, cfg: ChannelConfig) -> str:
        if isinstance(cfg, SmtpChannelConfig):
            return ", ".join(cfg.recipients)
        if isinstance(cfg, WebhookChannelConfig):
            return cfg.url
        return self.tr("This computer")

    def _kind_label(self, kind: ChannelKind) -> str:
        return {ChannelKind.EMAIL: self.tr("E-mail"), ChannelKind.WEBHOOK: self.tr("Webhook / ntfy"),
                ChannelKind.DESKTOP: self.tr("Desktop notification")}[kind]

    def _health_text(self, health: ChannelHealth | None, cfg: ChannelConfig) -> str:
        if not cfg.enabled:
            return self.tr("Switched off")
        if health is None:
            return self.tr("Unknown")
        return {HealthState.OK: self.tr("Working"), HealthState.UNTESTED: self.tr("Not used yet"),
                HealthState.DEGRADED: self.tr("Failed recently (%1 times)").replace("%1", str(health.consecutive_failures)),
                HealthState.FAILING: self.tr("FAILING (%1 times in a row)").replace("%1", str(health.consecutive_failures)),
                }[health.state]

    def _fill_channels(self, *, reload: bool = True) -> None:
        keep = self.selected_channel_id()
        if reload or not hasattr(self, "_health"):
            self._configs = self.channels.all()
            self._health = {h.channel_id: h for h in self.ctx.alerts.channel_health()} if self.ctx.alerts else {}
        health = self._health
        self.channel_table.setRowCount(len(self._configs))
        failing = []
        for row, cfg in enumerate(self._configs):
            h = health.get(cfg.channel_id)
            error = (h.last_error or "") if h else ""
            cells = (self._kind_label(cfg.kind), self._destination(cfg), self._health_text(h, cfg),
                     error if len(error) <= ERROR_CELL_CHARS else error[: ERROR_CELL_CHARS - 1] + "…")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(error if col == 3 else text)
                item.setData(ID_ROLE, cfg.channel_id)
                if h is not None and h.state in (HealthState.FAILING, HealthState.DEGRADED) and col >= 2:
                    item.setForeground(QBrush(QColor(tone_colour(Tone.ERROR))))
                self.channel_table.setItem(row, col, item)
            if h is not None and h.state is HealthState.FAILING and cfg.enabled:
                failing.append(self.tr("%1 to %2 is failing: %3").replace("%1", self._kind_label(cfg.kind))
                               .replace("%2", self._destination(cfg)).replace("%3", h.last_error or ""))
            if cfg.channel_id == keep:
                self.channel_table.selectRow(row)
        if not self._configs:
            set_status(self.health_label, self.tr("No channel yet: alerts only appear in this panel. Add e-mail or ntfy "
                                                  "to be told when you are away from this computer."), Tone.INFO)
        elif failing:
            set_status(self.health_label, "\n".join(failing), Tone.ERROR)
        else:
            set_status(self.health_label, "")
        self.add_desktop_button.setEnabled(not any(c.kind is ChannelKind.DESKTOP for c in self._configs))
        self._update_buttons()

    def selected_channel_id(self) -> str | None:
        items = self.channel_table.selectedItems()
        return str(items[0].data(ID_ROLE)) if items else None

    def select_channel(self, channel_id: str) -> None:
        for row in range(self.channel_table.rowCount()):
            if self.channel_table.item(row, 0).data(ID_ROLE) == channel_id:
                self.channel_table.selectRow(row)

    def _selected_config(self) -> ChannelConfig | None:
        cid = self.selected_channel_id()
        return next((c for c in self._configs if c.channel_id == cid), None)

    def _update_buttons(self) -> None:
        has = self._selected_config() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.test_button.setEnabled(has and self._worker is None)

    def channel_dialog(self, kind: ChannelKind, existing: ChannelConfig | None = None) -> ChannelDialog:
        """The add/edit form (tests drive it directly; ``edit_channel`` runs it modally)."""
        taken = {c.channel_id for c in self._configs}
        return ChannelDialog(kind, self.ctx.guardian.secrets, existing=existing, taken_ids=taken, parent=self)

    def store_channel(self, config: ChannelConfig) -> None:
        """Save a validated config and hand the new list to the alert service."""
        self.channels.save(config)
        self._channels_updated(select=config.channel_id)

    def edit_channel(self, kind: ChannelKind, existing: ChannelConfig | None = None) -> None:
        dialog = self.channel_dialog(kind, existing)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.config is not None:
            self.store_channel(dialog.config)

    def _edit_selected(self) -> None:
        cfg = self._selected_config()
        if cfg is not None:
            self.edit_channel(cfg.kind, cfg)

    def remove_selected(self) -> None:
        cfg = self._selected_config()
        if cfg is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove channel"),
            self.tr("Stop sending alerts to %1?").replace("%1", self._destination(cfg)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.channels.remove(cfg.channel_id)
        for name in (getattr(cfg, "password_secret", ""), getattr(cfg, "token_secret", "")):
            if name:
                # Without a keyring nothing can be read back either; the entry is orphaned.
                with contextlib.suppress(SecretsUnavailableError):
                    self.ctx.guardian.secrets.delete_secret(name)
        self._channels_updated()

    def _channels_updated(self, select: str | None = None) -> None:
        if self.ctx.alerts is not None:
            self.ctx.alerts.set_channels(self.channels.all())
        self._fill_channels()
        if select:
            self.select_channel(select)
        self.channels_changed.emit()

    def send_test(self) -> None:
        cfg = self._selected_config()
        if cfg is None or self._worker is not None:
            return
        secrets: dict[str, str] = {}
        try:
            for name in (getattr(cfg, "password_secret", ""), getattr(cfg, "token_secret", "")):
                if name and (value := self.ctx.guardian.secrets.get_secret(name)):
                    secrets[name] = value
        except SecretsUnavailableError:
            pass  # the channel then reports the missing password itself
        self._worker = TestAlertWorker(cfg, secrets, self.ctx.clock)
        self._worker.result_ready.connect(self._show_test_result)
        set_status(self.test_result, self.tr("Sending a test alert to %1 …").replace("%1", self._destination(cfg)))
        self.test_progress.setVisible(True)
        self._update_buttons()
        start_worker(self._worker)

    def is_testing(self) -> bool:
        return self._worker is not None

    def failure_text(self, kind: FailureKind | None) -> str:
        return {
            FailureKind.CONNECTION_REFUSED: self.tr("the server refused the connection"),
            FailureKind.UNREACHABLE: self.tr("the server could not be found"),
            FailureKind.TIMEOUT: self.tr("the server did not answer in time"),
            FailureKind.TLS: self.tr("the secure connection failed"),
            FailureKind.AUTH_FAILED: self.tr("the user name or password was not accepted"),
            FailureKind.REJECTED: self.tr("the server rejected the sender or recipients"),
            FailureKind.HTTP_STATUS: self.tr("the server answered with an error"),
            FailureKind.PROTOCOL: self.tr("the server gave an unexpected answer"),
            FailureKind.NO_SERVER: self.tr("this desktop has no notification service"),
            FailureKind.BAD_CONFIG: self.tr("the settings cannot work"),
        }.get(kind, self.tr("it failed"))

    def _show_test_result(self, result: TestAlertResult) -> None:
        self._worker = None
        self.test_progress.setVisible(False)
        cfg = next((c for c in self._configs if c.channel_id == result.channel_id), None)
        where = self._destination(cfg) if cfg else result.channel_id
        if result.ok:
            text = self.tr("Test alert sent to %1 in %2 s. Check that it arrived.").replace("%1", where).replace(
                "%2", f"{result.seconds:.1f}")
        else:
            text = (self.tr("The test alert to %1 was not delivered: %2.").replace("%1", where)
                    .replace("%2", self.failure_text(result.failure)) + "\n" + self.tr("Details: %1").replace("%1", result.message))
        set_status(self.test_result, text, Tone.OK if result.ok else Tone.ERROR)
        self._update_buttons()
        self.test_alert_finished.emit(result.ok)
