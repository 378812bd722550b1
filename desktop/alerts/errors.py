"""Why a channel failed, said specifically enough that a parent can fix it.

"Sending failed" helps nobody. Each failure has a stable ``kind`` (the UI maps it to a translated
sentence) and an English ``detail`` that names the host, port or status involved.
"""

from __future__ import annotations

import errno
import socket
import ssl
from enum import StrEnum


class FailureKind(StrEnum):
    CONNECTION_REFUSED = "connection_refused"
    UNREACHABLE = "unreachable"  # unknown host, no route
    TIMEOUT = "timeout"
    TLS = "tls"
    AUTH_FAILED = "auth_failed"
    REJECTED = "rejected"  # the server refused sender or recipients
    HTTP_STATUS = "http_status"
    PROTOCOL = "protocol"  # the other end does not speak SMTP/HTTP as expected
    NO_SERVER = "no_server"  # no desktop notification server
    BAD_CONFIG = "bad_config"
    OTHER = "other"


_SUMMARY = {
    FailureKind.CONNECTION_REFUSED: "connection refused",
    FailureKind.UNREACHABLE: "host unreachable",
    FailureKind.TIMEOUT: "timed out",
    FailureKind.TLS: "TLS error",
    FailureKind.AUTH_FAILED: "authentication failed",
    FailureKind.REJECTED: "rejected by the server",
    FailureKind.HTTP_STATUS: "HTTP error",
    FailureKind.PROTOCOL: "unexpected reply",
    FailureKind.NO_SERVER: "no notification server",
    FailureKind.BAD_CONFIG: "bad configuration",
    FailureKind.OTHER: "failed",
}


class ChannelError(Exception):
    """A delivery attempt failed; ``str()`` is the message shown to the guardian."""

    def __init__(self, kind: FailureKind, detail: str):
        self.kind = kind
        self.detail = detail
        super().__init__(f"{_SUMMARY[kind]}: {detail}")

    @property
    def summary(self) -> str:
        return _SUMMARY[self.kind]


class ConfigError(ChannelError):
    """A channel setting that cannot work, found before any network I/O."""

    def __init__(self, field: str, detail: str):
        super().__init__(FailureKind.BAD_CONFIG, detail)
        self.field = field


def classify_os_error(exc: BaseException, where: str) -> ChannelError:
    """Turn a socket-level exception into a specific :class:`ChannelError`.

    ``where`` is "host:port" (or a URL) and is named in the message.
    """
    if isinstance(exc, ssl.SSLCertVerificationError):
        return ChannelError(
            FailureKind.TLS, f"certificate of {where} not trusted ({exc.verify_message})"
        )
    if isinstance(exc, ssl.SSLError):
        reason = exc.reason or str(exc)
        return ChannelError(FailureKind.TLS, f"TLS handshake with {where} failed ({reason})")
    if isinstance(exc, socket.gaierror):
        return ChannelError(FailureKind.UNREACHABLE, f"host name of {where} not found")
    if isinstance(exc, ConnectionRefusedError):
        return ChannelError(
            FailureKind.CONNECTION_REFUSED,
            f"{where} refused the connection (is the server running, is the port right?)",
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return ChannelError(FailureKind.TIMEOUT, f"no answer from {where} in time")
    if isinstance(exc, OSError) and exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return ChannelError(FailureKind.UNREACHABLE, f"no route to {where}")
    if isinstance(exc, ConnectionError):
        return ChannelError(FailureKind.PROTOCOL, f"{where} closed the connection ({exc})")
    return ChannelError(FailureKind.OTHER, f"{where}: {exc}")
