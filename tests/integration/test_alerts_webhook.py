"""Webhook and ntfy alerts against a real HTTP server on 127.0.0.1 (and HTTPS with a certificate
made in the test); each failure mode gives its own message."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date

import pytest

from desktop.alerts import (
    AlertDispatcher,
    AlertService,
    FailureKind,
    WebhookChannelConfig,
    WebhookMode,
    build_channel,
    send_test_alert,
)
from desktop.profiles.models import ChildProfile, Language
from tests.integration.alerts_support import (
    BlackHoleServer,
    WebhookServer,
    free_port,
    make_self_signed_cert,
)

MING = ChildProfile(id=2, display_name="小明", birthday=date(2012, 5, 5), language=Language.ZH)


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    return make_self_signed_cert(tmp_path_factory.mktemp("tls"))


def test_json_webhook_through_the_outbox(memory_db, clock):
    with WebhookServer() as server:
        cfg = WebhookChannelConfig(url=f"{server.url}/hearth", timeout_s=2)
        service = AlertService(memory_db, clock, [cfg], include_excerpts=True)
        alert = service.raise_alert(MING, "financial", 3, excerpt="把密码发给他")
        dispatcher = AlertDispatcher(memory_db, {"webhook": build_channel(cfg)}, clock)
        assert dispatcher.pump().delivered == [(alert.id, "webhook")]
        assert dispatcher.pump().attempted == 0
    (request,) = server.received()
    body = request.json()
    assert request.path == "/hearth"
    assert request.idempotency_key == body["idempotency_key"] == alert.idempotency_key
    assert (body["category"], body["tier"], body["child"]["name"]) == ("financial", 3, "小明")
    assert body["excerpt"] == "把密码发给他"
    assert body["created_at"] == alert.created_at.isoformat()
    assert request.headers["content-type"] == "application/json"


def test_ntfy_mode_posts_plain_text_with_headers(clock):
    with WebhookServer() as server:
        cfg = WebhookChannelConfig(
            url=f"{server.url}/family-alerts",
            mode=WebhookMode.NTFY,
            language=Language.ZH,
            token_secret="hearth.ntfy",
            timeout_s=2,
        )
        result = send_test_alert(
            cfg, secret_lookup={"hearth.ntfy": "tk_abc"}.get, child_name="小明", clock=clock
        )
        assert result.ok, result.message
    (request,) = server.received()
    assert request.path == "/family-alerts"
    assert request.headers["content-type"].startswith("text/plain")
    assert request.headers["priority"] == "3" and request.headers["tags"].endswith(",hearth")
    assert request.headers["authorization"] == "Bearer tk_abc"
    title = request.headers["title"]
    assert "小明" in base64.b64decode(title[len("=?utf-8?b?") : -2]).decode()
    assert "测试提醒" in request.body.decode("utf-8")
    assert request.idempotency_key.startswith("hearth-test-")


@pytest.mark.parametrize(
    ("status", "kind", "phrase"),
    [
        (500, FailureKind.HTTP_STATUS, "answered HTTP 500 Internal Server Error"),
        (404, FailureKind.HTTP_STATUS, "answered HTTP 404 Not Found"),
        (401, FailureKind.AUTH_FAILED, "HTTP 401 Unauthorized (check the access token)"),
        (403, FailureKind.AUTH_FAILED, "HTTP 403 Forbidden"),
        (307, FailureKind.HTTP_STATUS, "HTTP 307 Temporary Redirect"),
    ],
)
def test_error_statuses_are_named(clock, status, kind, phrase):
    with WebhookServer(status=status) as server:
        result = send_test_alert(WebhookChannelConfig(url=f"{server.url}/x"), clock=clock)
    assert not result.ok and result.failure is kind
    assert phrase in result.message


def test_https_with_an_untrusted_certificate_is_a_tls_error_and_trusted_works(cert, clock):
    with WebhookServer(cert=cert) as server:
        cfg = WebhookChannelConfig(url=f"{server.url}/x", timeout_s=2)
        refused = send_test_alert(cfg, clock=clock)
        trusted = send_test_alert(replace(cfg, ca_file=str(cert[0])), clock=clock)
    assert refused.failure is FailureKind.TLS and "not trusted" in refused.message
    assert trusted.ok
    assert len(server.received()) == 1  # the untrusted attempt sent nothing


def test_closed_port_silent_server_and_unknown_host(clock):
    port = free_port()
    refused = send_test_alert(WebhookChannelConfig(url=f"http://127.0.0.1:{port}/x"), clock=clock)
    assert refused.failure is FailureKind.CONNECTION_REFUSED
    assert f"127.0.0.1:{port}/x refused the connection" in refused.message

    with BlackHoleServer() as hole:
        silent = send_test_alert(
            WebhookChannelConfig(url=f"http://127.0.0.1:{hole.port}/x", timeout_s=0.5),
            clock=clock,
        )
    assert silent.failure is FailureKind.TIMEOUT and "within 0.5 s" in silent.message

    unknown = send_test_alert(
        WebhookChannelConfig(url="https://hooks.hearth-test.invalid/x"), clock=clock
    )
    assert unknown.failure is FailureKind.UNREACHABLE and "not found" in unknown.message
