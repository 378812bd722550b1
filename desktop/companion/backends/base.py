"""The contract every backend keeps, so the conversation pipeline does not care which one runs.

A backend turns a bounded list of chat messages into a stream of text chunks. It runs on a worker
thread, checks the :class:`CancelToken` between chunks, and reports every failure as a
:class:`BackendError` whose ``kind`` the UI maps to one translated sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class Role(StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True)
class TurnContext:
    """What a backend may know about who it talks to, beyond the messages themselves.

    The OpenAI-compatible client gets all of this through the system prompt; the built-in
    companion, which has no language model, reads it here.
    """

    language: str = "en"
    child_name: str = ""
    age: int = 10
    persona_id: str = "buddy"
    persona_name: str = "Buddy"
    seed: int | None = None
    extra: dict = field(default_factory=dict)


class CancelToken:
    """Set from the GUI thread, read by the worker between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class BackendErrorKind(StrEnum):
    """Each kind gets its own translated message in the UI."""

    CONNECTION_REFUSED = "connection_refused"
    TIMEOUT = "timeout"
    UNAUTHORIZED = "unauthorized"
    MODEL_NOT_FOUND = "model_not_found"
    RATE_LIMITED = "rate_limited"
    SERVER_ERROR = "server_error"
    BAD_STREAM = "bad_stream"
    BAD_REQUEST = "bad_request"
    NOT_CONFIGURED = "not_configured"


class BackendError(Exception):
    def __init__(self, kind: BackendErrorKind, detail: str = "", status: int | None = None):
        super().__init__(f"{kind.value}: {detail}" if detail else kind.value)
        self.kind = kind
        self.detail = detail
        self.status = status


class ChatBackend(Protocol):
    """Anything that can stream a reply."""

    #: Short machine name: "builtin", "openai".
    name: str

    def stream_reply(
        self, messages: Sequence[ChatMessage], context: TurnContext, cancel: CancelToken
    ) -> Iterator[str]:
        """Yield reply text chunks; stop early when ``cancel.cancelled``; raise BackendError."""
