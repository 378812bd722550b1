"""Guardian alerts by HTTP: a JSON webhook, or ntfy for a push notification on a phone.

Both modes send the alert's idempotency key in an ``Idempotency-Key`` header (and the JSON mode
in the body too), so a receiver can drop the duplicate a crash between "sent" and "marked
delivered" may cause. Only a 2xx answer counts as delivered; redirects are not followed, because
re-posting an alert to wherever a redirect points is not something the guardian agreed to.
"""

from __future__ import annotations

import base64
import json
import ssl

import httpx

from desktop.alerts.config import SecretLookup, WebhookChannelConfig, WebhookMode
from desktop.alerts.errors import ChannelError, ConfigError, FailureKind, classify_os_error
from desktop.alerts.models import Alert, ChannelKind
from desktop.alerts.render import render_alert
from desktop.meta import APP_NAME, VERSION

#: ntfy priorities 1..5; tier 3 is "urgent" (5), which ntfy shows even in do-not-disturb.
_NTFY_PRIORITY = {1: "3", 2: "4", 3: "5"}
_NTFY_TAGS = {1: "information_source", 2: "warning", 3: "rotating_light"}


def json_payload(alert: Alert, config: WebhookChannelConfig) -> dict:
    rendered = render_alert(alert, config.language)
    payload = {
        "app": APP_NAME,
        "idempotency_key": alert.idempotency_key,
        "category": str(alert.category),
        "tier": alert.tier,
        "child": {"profile_id": alert.profile_id, "name": alert.child_name},
        "created_at": alert.created_at.isoformat(),
        "title": rendered.title,
        "message": rendered.text,
    }
    if alert.excerpt:  # present only if the guardian opted in (R15)
        payload["excerpt"] = alert.excerpt
    return payload


def header_text(value: str) -> str:
    """HTTP headers are Latin-1; ntfy decodes RFC 2047 encoded-words, so Chinese titles work."""
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return "=?utf-8?b?" + base64.b64encode(value.encode("utf-8")).decode("ascii") + "?="


class WebhookChannel:
    kind = ChannelKind.WEBHOOK

    def __init__(self, config: WebhookChannelConfig, secret_lookup: SecretLookup | None = None):
        config.validate()
        self.config = config
        self.channel_id = config.channel_id
        self._secret_lookup = secret_lookup
        self._tls: ssl.SSLContext | None = None

    def _tls_context(self) -> ssl.SSLContext:
        # Loading the CA bundle costs ~20 ms; do it once per channel, not per alert. A new
        # connection per alert is kept on purpose: no stale keep-alive socket can fail a send.
        if self._tls is None:
            cafile = self.config.ca_file
            self._tls = (
                ssl.create_default_context(cafile=cafile) if cafile else httpx.create_ssl_context()
            )
        return self._tls

    def _headers(self, alert: Alert) -> dict[str, str]:
        headers = {
            "User-Agent": f"{APP_NAME}/{VERSION}",
            "Idempotency-Key": alert.idempotency_key,
        }
        if self.config.token_secret:
            token = self._secret_lookup(self.config.token_secret) if self._secret_lookup else None
            if not token:
                raise ConfigError(
                    "token_secret", f"no token stored under {self.config.token_secret!r}"
                )
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def request(self, alert: Alert) -> tuple[dict[str, str], bytes]:
        """Headers and body of the POST (public so tests and the panel's preview can show it)."""
        headers = self._headers(alert)
        if WebhookMode(self.config.mode) is WebhookMode.NTFY:
            rendered = render_alert(alert, self.config.language)
            tier = min(max(alert.tier, 1), 3)
            headers.update(
                {
                    "Content-Type": "text/plain; charset=utf-8",
                    "Title": header_text(rendered.title),
                    "Priority": _NTFY_PRIORITY[tier],
                    "Tags": f"{_NTFY_TAGS[tier]},hearth",
                }
            )
            return headers, rendered.text.encode("utf-8")
        headers["Content-Type"] = "application/json"
        body = json.dumps(json_payload(alert, self.config), ensure_ascii=False)
        return headers, body.encode("utf-8")

    def send(self, alert: Alert) -> None:
        cfg = self.config
        headers, body = self.request(alert)
        try:
            with httpx.Client(
                timeout=cfg.timeout_s, verify=self._tls_context(), follow_redirects=False
            ) as c:
                response = c.post(cfg.url, content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise ChannelError(
                FailureKind.TIMEOUT, f"no answer from {cfg.url} within {cfg.timeout_s:g} s"
            ) from exc
        except httpx.TransportError as exc:
            raise _transport_error(exc, cfg.url) from exc
        if response.is_success:
            return
        reason = f"{cfg.url} answered HTTP {response.status_code} {response.reason_phrase}"
        if response.status_code in (401, 403):
            raise ChannelError(FailureKind.AUTH_FAILED, f"{reason} (check the access token)")
        if response.is_redirect:
            location = response.headers.get("location", "?")
            raise ChannelError(FailureKind.HTTP_STATUS, f"{reason}, redirecting to {location}")
        raise ChannelError(FailureKind.HTTP_STATUS, reason)


def _transport_error(exc: httpx.TransportError, url: str) -> ChannelError:
    # httpx wraps the socket/ssl exception; walk the chain to the root cause.
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError):
            return classify_os_error(cause, url)
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        return ChannelError(FailureKind.TLS, f"TLS with {url} failed ({text})")
    if isinstance(exc, httpx.ConnectError):
        return ChannelError(FailureKind.UNREACHABLE, f"cannot connect to {url} ({text})")
    return ChannelError(FailureKind.PROTOCOL, f"{url}: {text}")
