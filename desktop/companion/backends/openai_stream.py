"""Reading one Chat Completions response into reply text: SSE events → delta pieces.

Separate from the HTTP client so the rules for what counts as reply text live in one place:
only ``choices[0].delta.content`` is text; role-only deltas, ``reasoning_content`` (thinking
models) and the final usage chunk are skipped; ``data: [DONE]`` ends the reply; a stream that
stops without ``[DONE]`` and without a ``finish_reason`` was cut off (BAD_STREAM). A server that
ignores ``"stream": true`` and answers with one JSON completion is accepted too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import httpx

from desktop.companion.backends.base import BackendError, BackendErrorKind, CancelToken
from desktop.companion.backends.openai_errors import error_in_stream
from desktop.companion.backends.sse import SSEError, SSEEvent, SSEParser

log = logging.getLogger(__name__)

#: Everything one response may carry, including skipped reasoning text and error bodies.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024


def read_reply(
    response: httpx.Response, cancel: CancelToken, max_reply_bytes: int
) -> Iterator[str]:
    """Yield the reply's text pieces, at most ``max_reply_bytes`` of UTF-8 in total.

    Returns quietly when ``cancel`` fires or the cap is reached; the caller closes the response,
    which drops the connection so the server stops generating.
    """
    budget = _ReplyBudget(max_reply_bytes)
    if "application/json" in response.headers.get("content-type", ""):
        piece = budget.take(_whole_completion(read_capped(response, MAX_RESPONSE_BYTES)))
        if piece:
            yield piece
        return
    finished = False
    for event in _events(response, cancel):
        if event.data.strip() == "[DONE]":
            return
        piece, ends = _delta(event)
        finished = finished or ends
        if piece:
            piece = budget.take(piece)
            if piece:
                yield piece
            if budget.full:
                log.info("reply reached %d bytes; stopped reading", max_reply_bytes)
                return
        if cancel.cancelled:
            return
    if cancel.cancelled or finished:
        return  # some servers end after a finish_reason without "[DONE]"
    raise BackendError(BackendErrorKind.BAD_STREAM, "stream ended before [DONE]")


def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body, but never more than ``limit`` bytes of it (error pages can be huge)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]


class _ReplyBudget:
    """Counts reply bytes and clips the piece that crosses the limit (at a character edge)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    @property
    def full(self) -> bool:
        return self.used >= self.limit

    def take(self, piece: str) -> str:
        encoded = piece.encode("utf-8")
        room = self.limit - self.used
        if len(encoded) <= room:
            self.used += len(encoded)
            return piece
        self.used = self.limit
        return encoded[:room].decode("utf-8", errors="ignore")


def _events(response: httpx.Response, cancel: CancelToken) -> Iterator[SSEEvent]:
    parser = SSEParser()
    received = 0
    try:
        for raw in response.iter_bytes():
            if cancel.cancelled:
                return
            received += len(raw)
            if received > MAX_RESPONSE_BYTES:
                raise BackendError(
                    BackendErrorKind.BAD_STREAM, f"stream larger than {MAX_RESPONSE_BYTES} bytes"
                )
            yield from parser.feed(raw)
        yield from parser.close()
    except SSEError as exc:
        raise BackendError(BackendErrorKind.BAD_STREAM, str(exc)) from None


def _delta(event: SSEEvent) -> tuple[str | None, bool]:
    """One chunk's text (None if it has none) and whether it carried a finish_reason."""
    try:
        payload = json.loads(event.data)
    except ValueError:
        raise BackendError(BackendErrorKind.BAD_STREAM, f"not JSON: {event.data[:80]!r}") from None
    if not isinstance(payload, dict):
        raise BackendError(BackendErrorKind.BAD_STREAM, f"not a JSON object: {event.data[:80]!r}")
    if "error" in payload or event.event == "error":
        raise error_in_stream(payload)
    choices = payload.get("choices")
    if not choices:
        return None, False  # e.g. the usage chunk at the end
    choice = choices[0] if isinstance(choices, list) else None
    if not isinstance(choice, dict):
        raise BackendError(BackendErrorKind.BAD_STREAM, f"odd choices: {event.data[:80]!r}")
    delta = choice.get("delta")
    content = delta.get("content") if isinstance(delta, dict) else None
    text = content if isinstance(content, str) and content else None
    return text, choice.get("finish_reason") is not None


def _whole_completion(raw: bytes) -> str:
    try:
        payload = json.loads(raw)
    except ValueError:
        raise BackendError(BackendErrorKind.BAD_STREAM, "reply is not JSON") from None
    if isinstance(payload, dict) and "error" in payload:
        raise error_in_stream(payload)
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise BackendError(BackendErrorKind.BAD_STREAM, "no choices[0].message.content") from None
    return content if isinstance(content, str) else ""
