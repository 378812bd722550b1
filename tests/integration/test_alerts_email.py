"""E-mail alerts against a real SMTP server (aiosmtpd) on 127.0.0.1: plain, STARTTLS and implicit
TLS with a certificate made in the test, AUTH with good and bad credentials, and each kind of bad
configuration giving its own clear message."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.alerts import (
    AlertDispatcher,
    AlertService,
    DeliveryStatus,
    FailureKind,
    SmtpChannelConfig,
    SmtpSecurity,
    build_channel,
    send_test_alert,
)
from desktop.profiles.models import ChildProfile, Language
from tests.integration.alerts_support import (
    BlackHoleServer,
    SmtpServer,
    WebhookServer,
    free_port,
    make_self_signed_cert,
)

# aiosmtpd counts only STARTTLS as TLS; its warning about the implicit-TLS server is moot here.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

LILY = ChildProfile(id=1, display_name="Lily", birthday=date(2015, 3, 1), language=Language.EN)
USER, PASSWORD = "mum@example.org", "correct horse"
SECRETS = {"hearth.smtp": PASSWORD, "hearth.smtp.wrong": "battery staple"}


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    return make_self_signed_cert(tmp_path_factory.mktemp("tls"))


def config(port: int, **changes) -> SmtpChannelConfig:
    base = SmtpChannelConfig(
        host="127.0.0.1",
        port=port,
        sender="Hearth <hearth@example.org>",
        recipients=("mum@example.org", "dad@example.org"),
        security=SmtpSecurity.NONE,
        timeout_s=2.0,
    )
    return replace(base, **changes)


def test_plain_local_relay_receives_the_alert_through_the_outbox(memory_db, clock):
    with SmtpServer() as server:
        cfg = config(server.port)
        service = AlertService(memory_db, clock, [cfg])
        alert = service.raise_alert(LILY, "self_harm", 3)
        dispatcher = AlertDispatcher(memory_db, {"email": build_channel(cfg)}, clock)
        assert dispatcher.pump().delivered == [(alert.id, "email")]
        assert dispatcher.pump().attempted == 0
    (mail,) = server.mails
    assert mail.message_id == f"<{alert.idempotency_key}@hearthapp.org>"
    assert mail.idempotency_key == alert.idempotency_key
    assert mail.recipients == ["mum@example.org", "dad@example.org"]
    assert mail.subject == "[Hearth] Urgent: Lily - possible self-harm or suicide risk"
    assert "Lily" in mail.body and "tier 3" in mail.body
    assert service.deliveries(alert.id)[0].status is DeliveryStatus.DELIVERED


#: The two ways a login is protected: STARTTLS on a plain port, and implicit TLS (SSL).
TLS_MODES = pytest.mark.parametrize(
    ("mode", "security"), [("starttls", SmtpSecurity.STARTTLS), ("ssl", SmtpSecurity.SSL)]
)


def send_with_login(cert, clock, mode, security, password_secret, **changes):
    """Send a test alert as USER to a server that requires a login over TLS, trusting the test
    certificate; returns the result and the mails the server received. The login tests differ
    only in the password they look up and the language."""
    with SmtpServer(mode=mode, cert=cert, credentials=(USER, PASSWORD)) as server:
        cfg = config(
            server.port,
            security=security,
            username=USER,
            password_secret=password_secret,
            ca_file=str(cert[0]),
            **changes,
        )
        result = send_test_alert(cfg, secret_lookup=SECRETS.get, clock=clock)
        return result, server.mails


@TLS_MODES
def test_tls_with_login_delivers(cert, clock, mode, security):
    result, mails = send_with_login(
        cert, clock, mode, security, "hearth.smtp", language=Language.ZH
    )
    assert (result.ok, result.message) == (True, "test alert sent")
    (mail,) = mails
    assert "测试提醒" in mail.subject


@TLS_MODES
def test_wrong_password_says_authentication_failed(cert, clock, mode, security):
    result, mails = send_with_login(cert, clock, mode, security, "hearth.smtp.wrong")
    assert mails == []
    assert result.failure is FailureKind.AUTH_FAILED
    assert result.message.startswith("authentication failed:")
    assert "did not accept user 'mum@example.org'" in result.message and "535" in result.message


def test_untrusted_certificate_is_a_tls_error(cert, clock):
    with SmtpServer(mode="starttls", cert=cert, credentials=(USER, PASSWORD)) as server:
        cfg = config(
            server.port,
            security=SmtpSecurity.STARTTLS,
            username=USER,
            password_secret="hearth.smtp",
        )  # no ca_file: the system store says no
        result = send_test_alert(cfg, secret_lookup=SECRETS.get, clock=clock)
    assert result.failure is FailureKind.TLS
    assert "not trusted" in result.message


def test_ssl_against_a_starttls_port_is_a_tls_error(cert, clock):
    with SmtpServer(mode="starttls", cert=cert) as server:
        result = send_test_alert(
            config(server.port, security=SmtpSecurity.SSL, ca_file=str(cert[0])), clock=clock
        )
    assert result.failure is FailureKind.TLS
    assert "TLS handshake" in result.message


def test_starttls_required_but_not_offered(clock):
    with SmtpServer(mode="plain") as server:
        result = send_test_alert(config(server.port, security=SmtpSecurity.STARTTLS), clock=clock)
    assert result.failure is FailureKind.TLS
    assert "does not offer STARTTLS" in result.message
    assert server.mails == []  # nothing went out in the clear


def test_closed_port_says_connection_refused(clock):
    port = free_port()
    result = send_test_alert(config(port), clock=clock)
    assert result.failure is FailureKind.CONNECTION_REFUSED
    assert f"127.0.0.1:{port} refused the connection" in result.message


def test_silent_server_times_out_within_the_configured_timeout(clock):
    with BlackHoleServer() as hole:
        result = send_test_alert(config(hole.port, timeout_s=0.5), clock=clock)
    assert result.failure is FailureKind.TIMEOUT
    assert "within 0.5 s" in result.message


def test_an_http_port_is_not_mistaken_for_smtp(clock):
    with WebhookServer() as web:
        result = send_test_alert(config(web.port, timeout_s=0.5), clock=clock)
    assert not result.ok
    assert result.failure is FailureKind.TIMEOUT and "is it an SMTP port" in result.message


def test_unknown_host_says_not_found(clock):
    result = send_test_alert(config(587, host="smtp.hearth-test.invalid"), clock=clock)
    assert result.failure is FailureKind.UNREACHABLE
    assert "host name of smtp.hearth-test.invalid:587 not found" in result.message
