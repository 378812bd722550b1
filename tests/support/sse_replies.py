"""What :class:`~tests.support.sse_server.OpenAIStreamServer` answers, one dataclass per kind.

Kept apart from the server so a test reads as a list of behaviours: ``StreamReply`` (a stream,
normal or broken in a chosen way), ``ErrorReply`` (an HTTP error with an OpenAI-style body),
``CompletionReply`` (one JSON completion) and ``ModelList``; plus ``RecordedRequest``, what the
server saw.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Framing = Literal["chunked", "close"]


@dataclass
class StreamReply:
    """A 200 ``text/event-stream`` reply made of OpenAI ``chat.completion.chunk`` events."""

    pieces: Sequence[str] = ("Hello", " there", "!")
    interval: float = 0.0  # seconds between content chunks (the rate)
    first_byte_delay: float = 0.0  # wait before the status line
    stall_after: int | None = None  # after this many content chunks, go silent...
    stall_for: float = 30.0  # ...for this long (or until the client hangs up)
    truncate_after: int | None = None  # close the connection after this many chunks, no [DONE]
    malformed_at: int | None = None  # send broken JSON instead of content chunk i
    split_writes: bool = False  # write every event in small pieces, one TCP segment each
    framing: Framing = "chunked"  # "close": no chunked encoding, the body ends at EOF
    send_done: bool = True  # finish with "data: [DONE]"
    finish_reason: str | None = "stop"  # a last empty delta carrying this; None: no such chunk
    role_chunk: bool = True  # begin with {"role": "assistant", "content": ""}
    reasoning: Sequence[str] = ()  # reasoning_content-only deltas before the content
    line_ending: str = "\n"  # "\r\n" or "\r" to exercise the other SSE line ends
    comments: bool = False  # ": keep-alive" comment lines between events
    multiline_data: bool = False  # spread each JSON over several "data:" lines
    error_event: dict | None = None  # after the content, send {"error": ...} instead of finishing

    @classmethod
    def saying(cls, text: str, chunk_chars: int = 4, **options) -> StreamReply:
        """A stream whose pieces, joined, are exactly ``text``."""
        pieces = [text[i : i + chunk_chars] for i in range(0, len(text), chunk_chars)]
        return cls(pieces=pieces, **options)

    @property
    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class ErrorReply:
    """A non-200 answer with an OpenAI-style ``{"error": {"message", "type", "code"}}`` body."""

    status: int
    message: str = "error"
    type: str = "invalid_request_error"
    code: str | None = None
    retry_after: str | None = None  # the Retry-After header, verbatim
    raw_body: bytes | None = None  # send this body instead of the OpenAI error JSON
    content_type: str = "application/json"

    @classmethod
    def unauthorized(cls, message: str = "Incorrect API key provided.") -> ErrorReply:
        return cls(401, message, "invalid_request_error", "invalid_api_key")

    @classmethod
    def forbidden(cls, message: str = "You are not allowed to use this model.") -> ErrorReply:
        return cls(403, message, "permission_error", "forbidden")

    @classmethod
    def model_not_found(cls, model: str = "no-such-model") -> ErrorReply:
        return cls(
            404,
            f"The model `{model}` does not exist or you do not have access to it.",
            "invalid_request_error",
            "model_not_found",
        )

    @classmethod
    def rate_limited(cls, retry_after: str | None = "7") -> ErrorReply:
        return cls(429, "Rate limit reached.", "requests", "rate_limit_exceeded", retry_after)

    @classmethod
    def server_error(cls, status: int = 500) -> ErrorReply:
        return cls(status, "The server had an error while processing your request.", "server_error")


@dataclass
class CompletionReply:
    """A 200 ``application/json`` completion, as from a server that ignores ``stream``."""

    text: str = "Hello there!"


@dataclass
class ModelList:
    """A 200 answer to ``GET /models`` listing these ids."""

    ids: Sequence[str] = ("stub-model",)


Behaviour = StreamReply | ErrorReply | CompletionReply | ModelList


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    received_at: float  # time.monotonic()
    client_closed: threading.Event = field(default_factory=threading.Event)

    def json(self):
        return json.loads(self.body)
