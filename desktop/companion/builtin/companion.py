"""The built-in offline companion: the default backend, with no network and no model.

It keeps the :class:`~desktop.companion.backends.base.ChatBackend` contract exactly like a
remote model does — it streams chunks on the worker thread and stops at the cancel token — so
the conversation pipeline, the output filter and the chat view cannot tell the difference.
"""

from __future__ import annotations

import random
import time
import zlib
from collections.abc import Iterator, Sequence

from desktop.companion.backends.base import (
    BackendError,
    BackendErrorKind,
    CancelToken,
    ChatMessage,
    Role,
    TurnContext,
)
from desktop.companion.builtin.engine import ReplyEngine
from desktop.companion.builtin.streaming import chunk_text


class BuiltinCompanion:
    """Rule-and-template companion, bilingual (en / zh), deterministic under a seed."""

    name = "builtin"

    def __init__(self, *, chunk_delay: float = 0.02, seed: int | None = None):
        self._chunk_delay = max(0.0, chunk_delay)
        self._seed = seed
        self._engine = ReplyEngine()

    def reply_text(self, messages: Sequence[ChatMessage], context: TurnContext) -> str:
        """The whole reply at once (what :meth:`stream_reply` streams)."""
        try:
            return self._engine.compose(messages, context, self._turn_rng(messages, context))
        except (OSError, ValueError, KeyError) as exc:  # broken or missing resources/companion
            raise BackendError(
                BackendErrorKind.NOT_CONFIGURED, f"built-in companion data: {exc}"
            ) from exc

    def stream_reply(
        self, messages: Sequence[ChatMessage], context: TurnContext, cancel: CancelToken
    ) -> Iterator[str]:
        if cancel.cancelled:
            return
        text = self.reply_text(messages, context)
        for index, chunk in enumerate(chunk_text(text)):
            if index and self._chunk_delay:
                time.sleep(self._chunk_delay)  # pacing only, like a model's token rate
            if cancel.cancelled:
                return
            yield chunk

    def _turn_rng(self, messages: Sequence[ChatMessage], context: TurnContext) -> random.Random:
        """One private RNG per turn: the same seed and history always give the same reply.

        The seed comes from the turn context (the conversation service's) or else from the
        constructor; without either, replies are simply varied. Besides the message count, a
        checksum of the history is mixed in, because the prompt keeps only the newest messages:
        once the window is full the count alone would stop changing.
        """
        seed = context.seed if context.seed is not None else self._seed
        if seed is None:
            return random.Random()
        history = [m for m in messages if m.role is not Role.SYSTEM]
        digest = zlib.crc32("\x1f".join(m.content for m in history).encode("utf-8"))
        return random.Random(f"hearth.builtin:{seed}:{len(history)}:{digest}")
