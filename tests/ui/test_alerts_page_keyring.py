"""Alert channels with the real Secret Service: SMTP passwords and ntfy tokens live in the
keyring, and a test alert uses them (R19, DESIGN "Storage and secrets")."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.alerts import ChannelKind, SmtpChannelConfig, SmtpSecurity, WebhookMode
from tests.integration.alerts_support import SmtpServer, WebhookServer, make_self_signed_cert
from tests.ui import panel_b_fixtures as _fx
from ui.parental.alerts_page import AlertsPage

keyring_ctx = _fx.keyring_ctx
secret_service = _fx.secret_service
keyring_service = _fx.keyring_service

# The SMTP test server runs implicit TLS, which aiosmtpd does not count as TLS when it warns.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

PASSWORD = "app-pw-5e0c2d7f91a4"
TOKEN = "tk_ntfy_3a9f0b1c77d2"


def _page(qtbot, ctx):
    page = AlertsPage(ctx)
    qtbot.addWidget(page)
    page.load()
    page.show()
    return page


def test_smtp_password_goes_to_the_keyring_and_the_test_alert_logs_in(qtbot, keyring_ctx, data_dir, tmp_path):
    cert, key = make_self_signed_cert(tmp_path)
    with SmtpServer(mode="ssl", cert=(cert, key), credentials=("hearth", PASSWORD)) as server:
        page = _page(qtbot, keyring_ctx)
        box = page.channel_list
        dialog = box.channel_dialog(ChannelKind.EMAIL)
        qtbot.addWidget(dialog)
        dialog.host_edit.setText("127.0.0.1")
        dialog.port_edit.setText(str(server.port))
        dialog.security_combo.setCurrentIndex(dialog.security_combo.findData(SmtpSecurity.SSL.value))
        dialog.sender_edit.setText("hearth@example.org")
        dialog.recipients_edit.setText("anna@example.org; dad@example.org")
        dialog.username_edit.setText("hearth")
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()
        config = dialog.config
        assert isinstance(config, SmtpChannelConfig)
        assert config.recipients == ("anna@example.org", "dad@example.org")
        assert config.password_secret == "alerts.email.password"
        assert keyring_ctx.guardian.secrets.get_secret("alerts.email.password") == PASSWORD
        # The certificate to trust is an advanced setting the form keeps but does not show.
        box.store_channel(replace(config, ca_file=str(cert)))
        assert PASSWORD.encode() not in _fx.database_bytes(data_dir)

        # Editing without retyping the password keeps it (and the CA file).
        edit = box.channel_dialog(ChannelKind.EMAIL, box.channels.all()[0])
        qtbot.addWidget(edit)
        assert edit.password_edit.text() == "" and "unchanged" in edit.password_edit.placeholderText()
        edit.accept()
        box.store_channel(edit.config)
        assert box.channels.all()[0].ca_file == str(cert)

        with qtbot.waitSignal(box.test_alert_finished, timeout=15000) as signal:
            qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
        assert signal.args == [True], box.test_result.text()
        [mail] = server.mails
        assert sorted(mail.recipients) == ["anna@example.org", "dad@example.org"]
        assert PASSWORD not in box.test_result.text()


def test_ntfy_token_is_stored_in_the_keyring_and_sent_as_bearer(qtbot, keyring_ctx, data_dir):
    with WebhookServer() as server:
        page = _page(qtbot, keyring_ctx)
        box = page.channel_list
        dialog = box.channel_dialog(ChannelKind.WEBHOOK)
        qtbot.addWidget(dialog)
        dialog.url_edit.setText(server.url + "/hearth-family-topic")
        dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(WebhookMode.NTFY.value))
        dialog.token_edit.setText(TOKEN)
        dialog.accept()
        box.store_channel(dialog.config)
        assert keyring_ctx.guardian.secrets.get_secret("alerts.webhook.token") == TOKEN
        assert TOKEN.encode() not in _fx.database_bytes(data_dir)
        with qtbot.waitSignal(box.test_alert_finished, timeout=10000) as signal:
            box.send_test()
        assert signal.args == [True]
        [request] = server.received()
        assert request.headers["authorization"] == f"Bearer {TOKEN}"

        # Removing the channel removes its token from the keyring too.
        _fx.answer_modal(lambda d: d.button(QMessageBox.StandardButton.Yes).click())
        box.remove_selected()
        assert keyring_ctx.guardian.secrets.get_secret("alerts.webhook.token") is None
