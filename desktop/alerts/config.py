"""The guardian's alert channels: what the panel edits, validated before anything is sent.

Secrets are never part of a config: a config names the secret (``password_secret``,
``token_secret``) and the lead's ``secret_lookup(name)`` fetches it from the OS keyring at send
time, so the database never holds a password (DESIGN.md, "Storage and secrets").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from email.utils import parseaddr
from enum import StrEnum
from typing import ClassVar
from urllib.parse import urlsplit

from sqlite_utils import Database

from desktop.alerts.errors import ConfigError
from desktop.alerts.models import ChannelKind
from desktop.profiles.models import Language

#: ``secret_lookup(name) -> str | None``: the lead connects it to the OS keyring.
SecretLookup = Callable[[str], "str | None"]

_CHANNEL_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


class SmtpSecurity(StrEnum):
    STARTTLS = "starttls"  # usually port 587
    SSL = "ssl"  # implicit TLS, usually port 465
    NONE = "none"  # only for a local relay, and never with a password


class WebhookMode(StrEnum):
    JSON = "json"  # POST a JSON document
    NTFY = "ntfy"  # POST plain text to https://host/topic with Title/Priority/Tags headers


def _check_channel_id(channel_id: str) -> None:
    if not _CHANNEL_ID.match(channel_id):
        raise ConfigError("channel_id", f"channel id {channel_id!r} must be a short lowercase word")


def _check_timeout(timeout_s: float) -> None:
    if not 0 < timeout_s <= 60:
        raise ConfigError("timeout_s", "the timeout must be between 0 and 60 seconds")


def _is_address(text: str) -> bool:
    _, address = parseaddr(text)
    return bool(address) and "@" in address and " " not in address


@dataclass(frozen=True)
class DesktopChannelConfig:
    """A desktop notification on this computer, worded discreetly (the child may see it)."""

    kind: ClassVar[ChannelKind] = ChannelKind.DESKTOP
    channel_id: str = "desktop"
    language: Language = Language.EN
    enabled: bool = True

    def validate(self) -> None:
        _check_channel_id(self.channel_id)


@dataclass(frozen=True)
class SmtpChannelConfig:
    kind: ClassVar[ChannelKind] = ChannelKind.EMAIL
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    security: SmtpSecurity = SmtpSecurity.STARTTLS
    username: str = ""
    #: Name of the password in the keyring (looked up through ``secret_lookup``).
    password_secret: str = ""
    channel_id: str = "email"
    language: Language = Language.EN
    timeout_s: float = 10.0
    #: A CA bundle or self-signed certificate to trust instead of the system store.
    ca_file: str | None = None
    enabled: bool = True

    def validate(self) -> None:
        _check_channel_id(self.channel_id)
        _check_timeout(self.timeout_s)
        if not self.host or any(c.isspace() for c in self.host):
            raise ConfigError("host", f"SMTP host {self.host!r} is not a host name")
        if not 0 < int(self.port) < 65536:
            raise ConfigError("port", f"SMTP port {self.port} is not between 1 and 65535")
        if not _is_address(self.sender):
            raise ConfigError("sender", f"sender {self.sender!r} is not an e-mail address")
        if not self.recipients:
            raise ConfigError("recipients", "at least one recipient is needed")
        for recipient in self.recipients:
            if not _is_address(recipient):
                raise ConfigError("recipients", f"{recipient!r} is not an e-mail address")
        if self.username and not self.password_secret:
            raise ConfigError("password_secret", "a user name needs a password")
        if self.username and SmtpSecurity(self.security) is SmtpSecurity.NONE:
            raise ConfigError(
                "security", "refusing to send a password without TLS: choose STARTTLS or SSL"
            )


@dataclass(frozen=True)
class WebhookChannelConfig:
    kind: ClassVar[ChannelKind] = ChannelKind.WEBHOOK
    url: str
    mode: WebhookMode = WebhookMode.JSON
    #: Name of a bearer token in the keyring (ntfy access tokens work this way), or "".
    token_secret: str = ""
    channel_id: str = "webhook"
    language: Language = Language.EN
    timeout_s: float = 10.0
    ca_file: str | None = None
    enabled: bool = True

    def validate(self) -> None:
        _check_channel_id(self.channel_id)
        _check_timeout(self.timeout_s)
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https"):
            raise ConfigError("url", f"{self.url!r} is not an http:// or https:// URL")
        if not parts.hostname:
            raise ConfigError("url", f"{self.url!r} has no host")
        try:
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise ConfigError("url", f"{self.url!r} has an invalid port") from None
        if WebhookMode(self.mode) is WebhookMode.NTFY and not parts.path.strip("/"):
            raise ConfigError("url", "an ntfy URL needs a topic, e.g. https://ntfy.sh/my-topic")


ChannelConfig = DesktopChannelConfig | SmtpChannelConfig | WebhookChannelConfig

_BY_KIND: dict[ChannelKind, type] = {
    ChannelKind.DESKTOP: DesktopChannelConfig,
    ChannelKind.EMAIL: SmtpChannelConfig,
    ChannelKind.WEBHOOK: WebhookChannelConfig,
}
_ENUM_FIELDS = {"language": Language, "security": SmtpSecurity, "mode": WebhookMode}


def config_to_json(config: ChannelConfig) -> str:
    return json.dumps(asdict(config), ensure_ascii=False, sort_keys=True)


def config_from_json(kind: ChannelKind | str, text: str) -> ChannelConfig:
    cls = _BY_KIND[ChannelKind(kind)]
    raw = json.loads(text)
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in raw.items() if k in known}
    for name, enum in _ENUM_FIELDS.items():
        if name in values:
            values[name] = enum(values[name])
    if "recipients" in values:
        values["recipients"] = tuple(values["recipients"])
    return cls(**values)


class ChannelRepository:
    """The configured channels, in the order the guardian arranged them."""

    _table = "alert_channels"

    def __init__(self, db: Database):
        self.db = db

    def all(self) -> list[ChannelConfig]:
        rows = self.db[self._table].rows_where(order_by="position, channel_id")
        return [config_from_json(r["kind"], r["config"]) for r in rows]

    def save(self, config: ChannelConfig) -> None:
        """Validate and store (insert or replace by ``channel_id``)."""
        config.validate()
        existing = list(self.db[self._table].rows_where("channel_id = ?", [config.channel_id]))
        if existing:
            position = existing[0]["position"]
        else:
            position = self.db.execute(
                f"select coalesce(max(position), -1) + 1 from [{self._table}]"
            ).fetchone()[0]
        self.db[self._table].upsert(
            {
                "channel_id": config.channel_id,
                "kind": config.kind.value,
                "config": config_to_json(config),
                "position": position,
            },
            pk="channel_id",
        )

    def remove(self, channel_id: str) -> None:
        self.db[self._table].delete_where("channel_id = ?", [channel_id])
