"""Channel settings: validation with specific messages, storage without secrets, and what an alert
looks like on each channel (e-mail, JSON webhook, ntfy, desktop) before it is sent."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.alerts import (
    Alert,
    ChannelRepository,
    ConfigError,
    DesktopChannelConfig,
    FailureKind,
    SmtpChannelConfig,
    SmtpSecurity,
    WebhookChannelConfig,
    WebhookMode,
    send_test_alert,
)
from desktop.alerts.email_channel import build_email
from desktop.alerts.render import render_alert
from desktop.alerts.webhook_channel import WebhookChannel, header_text
from desktop.profiles.models import Language

SMTP = SmtpChannelConfig(
    host="smtp.example.org",
    port=587,
    sender="Hearth <hearth@example.org>",
    recipients=("mum@example.org",),
    username="mum",
    password_secret="hearth.smtp",
)


def alert(**changes) -> Alert:
    values = dict(
        id=9,
        idempotency_key="hearth-abc123",
        category="self_harm",
        tier=3,
        profile_id=1,
        child_name="小明",
        created_at=datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
    )
    values.update(changes)
    return Alert(**values)


# -- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("config", "field", "phrase"),
    [
        (WebhookChannelConfig(url="ftp://example.org/x"), "url", "not an http:// or https://"),
        (WebhookChannelConfig(url="example.org/hook"), "url", "not an http:// or https://"),
        (WebhookChannelConfig(url="https:///hook"), "url", "has no host"),
        (WebhookChannelConfig(url="https://example.org:99999/x"), "url", "invalid port"),
        (WebhookChannelConfig(url="https://ntfy.sh/", mode=WebhookMode.NTFY), "url", "topic"),
        (WebhookChannelConfig(url="https://x.org/h", timeout_s=0), "timeout_s", "timeout"),
        (WebhookChannelConfig(url="https://x.org/h", channel_id="My Phone"), "channel_id", "id"),
        (SmtpChannelConfig("", 587, "a@b.org", ("c@d.org",)), "host", "not a host name"),
        (SmtpChannelConfig("h.org", 0, "a@b.org", ("c@d.org",)), "port", "between 1 and 65535"),
        (SmtpChannelConfig("h.org", 25, "nobody", ("c@d.org",)), "sender", "e-mail address"),
        (SmtpChannelConfig("h.org", 25, "a@b.org", ()), "recipients", "at least one"),
        (SmtpChannelConfig("h.org", 25, "a@b.org", ("x y",)), "recipients", "e-mail address"),
        (
            SmtpChannelConfig("h.org", 25, "a@b.org", ("c@d.org",), username="u"),
            "password_secret",
            "needs a password",
        ),
        (
            SmtpChannelConfig(
                "h.org",
                25,
                "a@b.org",
                ("c@d.org",),
                security=SmtpSecurity.NONE,
                username="u",
                password_secret="p",
            ),
            "security",
            "without TLS",
        ),
    ],
)
def test_bad_settings_get_a_specific_message(config, field, phrase):
    with pytest.raises(ConfigError) as err:
        config.validate()
    assert err.value.field == field
    assert phrase in str(err.value)
    assert err.value.kind is FailureKind.BAD_CONFIG


def test_test_alert_with_bad_settings_says_why_without_touching_the_network(clock):
    result = send_test_alert(WebhookChannelConfig(url="file:///etc/passwd"), clock=clock)
    assert not result.ok
    assert result.failure is FailureKind.BAD_CONFIG
    assert (
        result.message
        == "bad configuration: 'file:///etc/passwd' is not an http:// or https:// URL"
    )


def test_missing_keyring_secret_is_reported(clock):
    result = send_test_alert(SMTP, secret_lookup=lambda name: None, clock=clock)
    assert not result.ok and result.failure is FailureKind.BAD_CONFIG
    assert "no password stored under 'hearth.smtp'" in result.message


# -- storage -----------------------------------------------------------------------------------
def test_channels_round_trip_in_order_and_hold_no_secrets(memory_db):
    repo = ChannelRepository(memory_db)
    hook = WebhookChannelConfig(
        url="https://ntfy.sh/fam",
        mode=WebhookMode.NTFY,
        token_secret="hearth.ntfy",
        channel_id="phone",
        language=Language.ZH,
    )
    repo.save(SMTP)
    repo.save(hook)
    repo.save(DesktopChannelConfig(enabled=False))
    assert repo.all() == [SMTP, hook, DesktopChannelConfig(enabled=False)]
    assert isinstance(repo.all()[0].recipients, tuple)
    repo.save(replace(SMTP, port=465, security=SmtpSecurity.SSL))
    assert [c.channel_id for c in repo.all()] == ["email", "phone", "desktop"]  # kept its place
    assert repo.all()[0].port == 465
    repo.remove("phone")
    assert [c.channel_id for c in repo.all()] == ["email", "desktop"]
    stored = json.dumps(list(memory_db["alert_channels"].rows))
    assert "hearth.smtp" in stored  # only the secret's name
    with pytest.raises(ConfigError):
        repo.save(WebhookChannelConfig(url="nonsense"))


# -- what is sent -------------------------------------------------------------------------------
def test_alert_text_carries_category_tier_time_and_child_but_no_excerpt_by_default():
    text = render_alert(alert(), Language.EN)
    assert text.subject == "[Hearth] Urgent: 小明 - possible self-harm or suicide risk"
    assert "2026-11-26" in text.text and "tier 3" in text.text
    assert "not included" in text.text
    zh = render_alert(alert(), Language.ZH)
    assert "紧急" in zh.subject and "自伤" in zh.subject and "小明" in zh.text


def test_an_alert_about_no_particular_child_says_so():
    text = render_alert(alert(child_name="", category="clock_tamper", tier=2), Language.EN)
    assert text.subject == "[Hearth] Important: all profiles - the computer's clock was changed"


def test_excerpt_appears_only_when_stored():
    assert "I feel awful" in render_alert(alert(excerpt="I feel awful"), Language.EN).text


def test_desktop_notification_is_discreet():
    # It shows on the family computer, where the child may read it.
    for lang in Language:
        rendered = render_alert(alert(excerpt="secret"), lang)
        for part in (rendered.desktop_title, rendered.desktop_body):
            assert "小明" not in part and "secret" not in part and "self" not in part


def test_email_uses_the_idempotency_key_as_message_id():
    msg = build_email(alert(), SMTP)
    assert msg["Message-ID"] == "<hearth-abc123@hearthapp.org>"
    assert msg["X-Hearth-Idempotency-Key"] == "hearth-abc123"
    assert msg["To"] == "mum@example.org"
    assert msg["Importance"] == "high"


def test_json_webhook_carries_the_key_in_header_and_body():
    channel = WebhookChannel(WebhookChannelConfig(url="https://example.org/hook"))
    headers, body = channel.request(alert(excerpt="x"))
    payload = json.loads(body)
    assert headers["Idempotency-Key"] == payload["idempotency_key"] == "hearth-abc123"
    assert headers["Content-Type"] == "application/json"
    assert (payload["category"], payload["tier"], payload["child"]) == (
        "self_harm",
        3,
        {"profile_id": 1, "name": "小明"},
    )
    assert payload["excerpt"] == "x"
    assert "excerpt" not in json.loads(channel.request(alert())[1])


def test_ntfy_mode_sends_plain_text_with_title_priority_tags():
    channel = WebhookChannel(
        WebhookChannelConfig(url="https://ntfy.sh/fam", mode=WebhookMode.NTFY, language=Language.ZH)
    )
    headers, body = channel.request(alert())
    assert headers["Priority"] == "5" and headers["Tags"] == "rotating_light,hearth"
    assert headers["Content-Type"].startswith("text/plain")
    title = headers["Title"]
    assert title.startswith("=?utf-8?b?") and title.endswith("?=")  # RFC 2047: headers are Latin-1
    assert base64.b64decode(title[10:-2]).decode() == render_alert(alert(), Language.ZH).title
    assert "小明" in body.decode()
    assert all(v.isascii() for v in headers.values())
    assert header_text("plain") == "plain"
    low = channel.request(alert(tier=1))[0]
    assert (low["Priority"], low["Tags"]) == ("3", "information_source,hearth")


def test_bearer_token_comes_from_the_secret_lookup():
    config = WebhookChannelConfig(url="https://ntfy.sh/fam", token_secret="hearth.ntfy")
    channel = WebhookChannel(config, lambda name: {"hearth.ntfy": "tk_123"}.get(name))
    assert channel.request(alert())[0]["Authorization"] == "Bearer tk_123"
    with pytest.raises(ConfigError):
        WebhookChannel(config, lambda name: None).request(alert())
