"""Turning what an OpenAI-compatible server or the network did wrong into one BackendError kind.

The UI shows one translated sentence per :class:`BackendErrorKind`, so this module's job is to
pick the kind a guardian can act on ("check the key", "pull the model", "wait a minute") and keep
the server's own words in ``detail`` for the technical line. Servers disagree on the error body:
OpenAI and Ollama send ``{"error": {"message", "type", "code"}}``, vLLM a flat
``{"message", "type", "code"}``, FastAPI ``{"detail": ...}``, Go's mux plain text; all are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

from desktop.companion.backends.base import BackendError, BackendErrorKind

#: How much of a server's error text reaches ``detail`` (it may end up in a log or a dialog).
MAX_DETAIL_CHARS = 300
#: A longer wait than a day is a server bug; the UI should not promise it.
_MAX_RETRY_AFTER = 86400.0

# "model 'x' not found", "The model `x` does not exist", "unknown model", "x is not a valid model ID"
_MODEL_MISSING = re.compile(
    r"\bmodel\b.{0,120}?\b(not found|does not exist|doesn't exist|not exist|no such|not available"
    r"|not a valid)\b|\b(unknown|invalid|no such|not a valid) model\b",
    re.IGNORECASE | re.DOTALL,
)


class RateLimitedError(BackendError):
    """A 429; ``retry_after`` is the server's wait in seconds when it said one."""

    def __init__(self, detail: str, status: int | None, retry_after: float | None) -> None:
        super().__init__(BackendErrorKind.RATE_LIMITED, detail, status)
        self.retry_after = retry_after


@dataclass(frozen=True)
class ServerMessage:
    """The useful part of an error body, whatever its shape."""

    message: str = ""
    type: str = ""
    code: str = ""

    def mentions_missing_model(self) -> bool:
        return self.code == "model_not_found" or bool(_MODEL_MISSING.search(self.message))


def parse_error_body(body: bytes) -> ServerMessage:
    """Read an error body of any of the common shapes; never raise."""
    text = body.decode("utf-8", errors="replace").strip()
    try:
        payload = json.loads(text) if text else None
    except ValueError:
        payload = None
    if isinstance(payload, dict):
        return message_from_payload(payload)
    return ServerMessage(message=_squash(text))


def message_from_payload(payload: dict) -> ServerMessage:
    err = payload.get("error", payload)
    if isinstance(err, str):
        return ServerMessage(message=_squash(err))
    if not isinstance(err, dict):
        return ServerMessage(message=_squash(json.dumps(payload)[:MAX_DETAIL_CHARS]))
    message = err.get("message") or err.get("detail") or ""
    if not isinstance(message, str):
        message = json.dumps(message, ensure_ascii=False)
    code = err.get("code")
    return ServerMessage(
        message=_squash(message),
        type=str(err.get("type") or ""),
        code="" if code is None else str(code),
    )


def error_for_status(status: int, body: bytes, headers: httpx.Headers, url: str) -> BackendError:
    """The BackendError for a non-2xx answer to a chat or model-list request."""
    msg = parse_error_body(body)
    said = f"HTTP {status}" + (f": {msg.message}" if msg.message else "")
    if status in (401, 403):
        return BackendError(BackendErrorKind.UNAUTHORIZED, said, status)
    if status == 404:
        if msg.mentions_missing_model():
            return BackendError(BackendErrorKind.MODEL_NOT_FOUND, said, status)
        # A 404 that is not about a model means the path is wrong, usually a missing "/v1".
        return BackendError(
            BackendErrorKind.BAD_REQUEST,
            f"{said} (no OpenAI-compatible endpoint at {url}; the address should end in /v1)",
            status,
        )
    if status == 408:
        return BackendError(BackendErrorKind.TIMEOUT, said, status)
    if status == 429:
        wait = retry_after_seconds(headers)
        prefix = f"retry after {wait:g} s; " if wait is not None else ""
        return RateLimitedError(prefix + said, status, wait)
    if status >= 500:
        return BackendError(BackendErrorKind.SERVER_ERROR, said, status)
    if 400 <= status < 500 and msg.mentions_missing_model():
        return BackendError(BackendErrorKind.MODEL_NOT_FOUND, said, status)
    if 300 <= status < 400:
        where = headers.get("location", "")
        said += f" (redirected to {where}; enter the final address)" if where else ""
    return BackendError(BackendErrorKind.BAD_REQUEST, said, status)


def error_in_stream(payload: dict) -> BackendError:
    """An ``{"error": ...}`` object sent inside a 200 stream (OpenAI and vLLM do this)."""
    msg = message_from_payload(payload)
    said = f"error in stream: {msg.message or 'unspecified'}"
    if msg.mentions_missing_model():
        return BackendError(BackendErrorKind.MODEL_NOT_FOUND, said)
    return BackendError(BackendErrorKind.SERVER_ERROR, said)


def error_for_transport(exc: httpx.HTTPError, *, response_started: bool) -> BackendError:
    """The BackendError for a failure below HTTP: refused, timed out, cut off."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return BackendError(BackendErrorKind.TIMEOUT, f"{type(exc).__name__}: {text}")
    if isinstance(exc, httpx.ConnectError):
        return BackendError(BackendErrorKind.CONNECTION_REFUSED, text)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return BackendError(BackendErrorKind.NOT_CONFIGURED, text)
    if response_started and isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        return BackendError(BackendErrorKind.BAD_STREAM, f"stream cut off: {text}")
    return BackendError(BackendErrorKind.SERVER_ERROR, f"{type(exc).__name__}: {text}")


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date measured against the server's Date.

    Using the server's own Date header keeps this free of the local clock, which a child may
    have moved.
    """
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is not None:
        if seconds != seconds:  # NaN
            return None
        return min(max(0.0, seconds), _MAX_RETRY_AFTER)
    try:
        until = parsedate_to_datetime(value)
        now = parsedate_to_datetime(headers.get("date", ""))
    except (TypeError, ValueError, IndexError):
        return None
    try:
        return min(max(0.0, (until - now).total_seconds()), _MAX_RETRY_AFTER)
    except TypeError:  # one of the two dates had no zone
        return None


def redact(error: BackendError, secret: str | None) -> BackendError:
    """Blank out the API key if a server echoed it back in its error text."""
    if not secret or secret not in error.detail:
        return error
    error.detail = error.detail.replace(secret, "***")
    error.args = (f"{error.kind.value}: {error.detail}",)
    return error


def _squash(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_DETAIL_CHARS else text[: MAX_DETAIL_CHARS - 1] + "…"
