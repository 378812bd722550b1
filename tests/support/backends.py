"""Small, real implementations of the backend protocol for testing the pipeline around them."""

from __future__ import annotations

import threading

from desktop.companion.backends.base import BackendError, BackendErrorKind


class ScriptedBackend:
    """Streams a fixed reply word by word; counts calls; can block until released."""

    name = "scripted"

    def __init__(
        self, reply: str = "Hello there. How was your day?", *, gate: threading.Event | None = None
    ):
        self.reply = reply
        self.calls = 0
        self.last_messages = None
        self.gate = gate

    def stream_reply(self, messages, context, cancel):
        self.calls += 1
        self.last_messages = list(messages)
        words = self.reply.split(" ")
        for i, word in enumerate(words):
            if self.gate is not None and i == 1:
                while not self.gate.wait(0.01):
                    if cancel.cancelled:
                        return
            if cancel.cancelled:
                return
            yield word + (" " if i < len(words) - 1 else "")


class FailingBackend:
    name = "failing"

    def __init__(self, kind: BackendErrorKind = BackendErrorKind.CONNECTION_REFUSED):
        self.kind = kind
        self.calls = 0

    def stream_reply(self, messages, context, cancel):
        self.calls += 1
        raise BackendError(self.kind, "test")
        yield  # pragma: no cover
