"""The parental panel's Alerts page: inbox and acknowledge (R15), what the guardian sees (R15,
R17), and the alert channels with their health and a real test alert (R19)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.alerts import (
    AlertCategory,
    AlertDispatcher,
    ChannelKind,
    HealthState,
    WebhookChannelConfig,
    WebhookMode,
    build_channel,
)
from tests.integration.alerts_support import WebhookServer
from tests.support.sse_server import refused_port
from tests.ui import panel_b_fixtures as _fx
from ui.parental.alerts_page import AlertsPage
from ui.parental.channel_dialog import ChannelDialog
from ui.parental.page_helpers import Tone, running_workers, tone_colour

panel_ctx = _fx.panel_ctx


@pytest.fixture
def page(qtbot, panel_ctx):
    def make():
        page = AlertsPage(panel_ctx)
        qtbot.addWidget(page)
        page.load()
        page.show()
        return page

    return make


def cell(table, row, col):
    return table.item(row, col).text()


def test_inbox_lists_alerts_and_acknowledging_persists(qtbot, panel_ctx, page):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    alert = panel_ctx.alerts.raise_alert(lily, AlertCategory.SELF_HARM, 3)
    p = page()
    assert p.inbox.rowCount() == 1
    assert cell(p.inbox, 0, 0) == "2026-11-26 16:00"  # local time, though the outbox keeps UTC
    assert cell(p.inbox, 0, 1) == "Lily"
    assert cell(p.inbox, 0, 2) == "Possible self-harm or suicide risk"
    assert cell(p.inbox, 0, 3) == "Urgent"
    assert cell(p.inbox, 0, 4) == "New"
    assert "1 new, 1 in total" in p.inbox_summary.text()
    assert not p.ack_button.isEnabled()  # nothing selected yet
    p.inbox.selectRow(0)
    assert p.ack_button.isEnabled()
    qtbot.mouseClick(p.ack_button, Qt.MouseButton.LeftButton)
    stored = panel_ctx.alerts.inbox()[0]
    assert stored.id == alert.id and stored.acknowledged and stored.acknowledged_by == _fx.GUARDIAN_NAME
    assert cell(p.inbox, 0, 4).startswith(f"Acknowledged by {_fx.GUARDIAN_NAME}")
    assert p.inbox.item(0, 0).font().bold() is False
    again = page()
    assert cell(again.inbox, 0, 4).startswith("Acknowledged by") and "0 new" in again.inbox_summary.text()


def test_a_new_alert_appears_while_the_page_is_open(qtbot, panel_ctx, page):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    p = page()
    assert p.inbox.rowCount() == 0 and "No alerts" in p.inbox_summary.text()
    p.timer.setInterval(20)
    panel_ctx.alerts.raise_alert(lily, "brand_new_reason", 2)
    qtbot.waitUntil(lambda: p.inbox.rowCount() == 1, timeout=5000)
    assert cell(p.inbox, 0, 2) == "brand_new_reason"  # unknown slugs are shown raw
    assert cell(p.inbox, 0, 3) == "Important"


def test_transcript_visibility_is_off_by_default_and_persists(qtbot, panel_ctx, page):
    p = page()
    assert not p.transcript_check.isChecked() and not p.excerpt_check.isChecked()
    assert "your child is told" in p.transcript_note.text()  # R17
    changes = []
    p.changed.connect(lambda: changes.append(1))
    p.transcript_check.setChecked(True)
    assert changes
    p.save()
    assert panel_ctx.settings.transcript_visible() is True
    assert page().transcript_check.isChecked()
    p.restore_defaults()
    p.save()
    assert panel_ctx.settings.transcript_visible() is False


def test_excerpt_opt_in_reaches_the_alert_service(qtbot, panel_ctx, page):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    p = page()
    panel_ctx.alerts.raise_alert(lily, AlertCategory.DISTRESS, 1, excerpt="I feel awful today")
    p.excerpt_check.setChecked(True)
    p.save()
    assert panel_ctx.settings.alert_excerpts() is True and panel_ctx.alerts.include_excerpts is True
    panel_ctx.alerts.raise_alert(lily, AlertCategory.DISTRESS, 2, excerpt="nobody likes me")
    p.refresh()
    p.inbox.selectRow(0)  # newest first
    assert p.excerpt_label.isVisible() and "nobody likes me" in p.excerpt_label.text()
    p.inbox.selectRow(1)  # raised before the opt-in: no excerpt was kept
    assert not p.excerpt_label.isVisible()


@pytest.mark.parametrize("port, expected", [("70000", "between 1 and 65535"), ("smtp", "is a number")])
def test_a_bad_port_is_shown_next_to_the_field(qtbot, panel_ctx, page, port, expected):
    p = page()
    dialog = p.channel_list.channel_dialog(ChannelKind.EMAIL)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("smtp.example.org")
    dialog.port_edit.setText(port)
    dialog.sender_edit.setText("hearth@example.org")
    dialog.recipients_edit.setText("anna@example.org")
    dialog.accept()
    assert dialog.result() != ChannelDialog.DialogCode.Accepted and dialog.config is None
    assert expected in dialog.field_error("port")
    assert dialog.port_edit.accessibleDescription() == dialog.field_error("port")
    assert dialog.field_error("host") == ""
    assert p.channel_list.channels.all() == []


def test_other_config_errors_land_on_their_fields(qtbot, panel_ctx, page):
    p = page()
    dialog = p.channel_list.channel_dialog(ChannelKind.EMAIL)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("smtp.example.org")
    dialog.sender_edit.setText("not an address")
    dialog.recipients_edit.setText("anna@example.org")
    dialog.accept()
    assert "address the alerts come from" in dialog.field_error("sender")
    webhook = p.channel_list.channel_dialog(ChannelKind.WEBHOOK)
    qtbot.addWidget(webhook)
    webhook.url_edit.setText("https://ntfy.sh/")  # ntfy without a topic
    webhook.accept()
    assert "topic" in webhook.field_error("url")


def test_add_a_webhook_through_the_form_and_send_a_real_test_alert(qtbot, panel_ctx, page):
    with WebhookServer() as server:
        p = page()
        box = p.channel_list
        changed = []
        p.channels_changed.connect(lambda: changed.append(1))

        def fill(dialog):
            dialog.url_edit.setText(server.url + "/hook")
            dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(WebhookMode.JSON.value))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        done = _fx.answer_modal(fill)
        qtbot.mouseClick(box.add_webhook_button, Qt.MouseButton.LeftButton)
        assert done and changed == [1]
        [config] = box.channels.all()
        assert isinstance(config, WebhookChannelConfig) and config.channel_id == "webhook"
        assert [c.channel_id for c in panel_ctx.alerts.channels] == ["webhook"]
        assert cell(box.channel_table, 0, 2) == "Not used yet"
        assert box.selected_channel_id() == "webhook"
        with qtbot.waitSignal(box.test_alert_finished, timeout=10000) as signal:
            qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
            assert not box.test_button.isEnabled() and box.test_progress.isVisible()
        assert signal.args == [True]
        assert box.test_result.text().startswith(f"Test alert sent to {server.url}/hook")
        assert box.test_result.property("tone") == "ok"
        [request] = server.received()
        assert request.path == "/hook" and request.json()["category"] == "test"
        qtbot.waitUntil(lambda: running_workers() == 0, timeout=5000)


def test_a_test_alert_to_a_dead_server_says_why(qtbot, panel_ctx, page):
    sock, port = refused_port()
    try:
        p = page()
        box = p.channel_list
        box.store_channel(WebhookChannelConfig(url=f"http://127.0.0.1:{port}/hook"))
        with qtbot.waitSignal(box.test_alert_finished, timeout=10000) as signal:
            box.send_test()
        assert signal.args == [False]
        assert "the server refused the connection" in box.test_result.text()
        assert box.test_result.property("tone") == "error"
    finally:
        sock.close()


def test_a_failing_channel_is_shown_in_red_with_its_last_error(qtbot, panel_ctx, page, clock):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    sock, port = refused_port()
    try:
        p = page()
        box = p.channel_list
        box.store_channel(WebhookChannelConfig(url=f"http://127.0.0.1:{port}/hook", timeout_s=2))
        config = panel_ctx.alerts.channels[0]
        dispatcher = AlertDispatcher(panel_ctx.db, {"webhook": build_channel(config)}, clock)
        panel_ctx.alerts.raise_alert(lily, AlertCategory.SELF_HARM, 3)
        for _ in range(3):  # three real failed deliveries, each after its backoff
            report = dispatcher.pump()
            assert len(report.failed) == 1
            clock.advance(700)
        assert panel_ctx.alerts.channel_health()[0].state is HealthState.FAILING
        p.refresh()
        assert cell(box.channel_table, 0, 2).startswith("FAILING (3 times")
        assert "refused" in cell(box.channel_table, 0, 3)
        red = tone_colour(Tone.ERROR)
        assert box.channel_table.item(0, 2).foreground().color().name() == red
        assert box.channel_table.item(0, 0).foreground().color().name() != red  # only health is red
        assert box.health_label.isVisible() and box.health_label.property("tone") == "error"
        assert "is failing" in box.health_label.text() and "refused" in box.health_label.text()
    finally:
        sock.close()


def test_removing_a_channel_asks_first(qtbot, panel_ctx, page):
    p = page()
    box = p.channel_list
    box.store_channel(WebhookChannelConfig(url="https://ntfy.sh/hearth-topic", mode=WebhookMode.NTFY))
    box.select_channel("webhook")
    _fx.answer_modal(lambda d: d.button(QMessageBox.StandardButton.No).click())
    box.remove_selected()
    assert len(box.channels.all()) == 1
    _fx.answer_modal(lambda d: d.button(QMessageBox.StandardButton.Yes).click())
    box.remove_selected()
    assert box.channels.all() == [] and panel_ctx.alerts.channels == []
    assert box.channel_table.rowCount() == 0 and "No channel yet" in box.health_label.text()


def test_editing_keeps_settings_the_form_does_not_show(qtbot, panel_ctx, page):
    p = page()
    box = p.channel_list
    box.store_channel(WebhookChannelConfig(url="https://example.org/hook", ca_file="/etc/family-ca.pem", timeout_s=3))
    dialog = box.channel_dialog(ChannelKind.WEBHOOK, box.channels.all()[0])
    qtbot.addWidget(dialog)
    assert dialog.url_edit.text() == "https://example.org/hook"
    dialog.url_edit.setText("https://example.org/other")
    dialog.accept()
    assert dialog.config.ca_file == "/etc/family-ca.pem" and dialog.config.timeout_s == 3
    box.store_channel(dialog.config)
    stored = box.channels.all()
    assert len(stored) == 1 and stored[0].url == "https://example.org/other"
    assert json.loads(panel_ctx.db["alert_channels"].get("webhook")["config"])["ca_file"] == "/etc/family-ca.pem"


def test_every_control_is_named_and_strings_are_retranslated(qtbot, panel_ctx, page):
    lily = _fx.add_child(panel_ctx, "Lily", 10)
    panel_ctx.alerts.raise_alert(lily, AlertCategory.DISTRESS, 1)
    p = page()
    assert _fx.unnamed_controls(p) == []
    assert _fx.retranslates(p)
    assert cell(p.inbox, 0, 2) == "Strong distress"
    for kind in ChannelKind:
        dialog = p.channel_list.channel_dialog(kind)
        qtbot.addWidget(dialog)
        assert _fx.unnamed_controls(dialog) == [], kind
