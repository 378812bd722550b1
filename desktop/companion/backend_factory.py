"""Choosing the backend the guardian configured; the built-in companion is the default.

A remote backend that is half configured (no URL, no model, a key the keyring lost) does not
fall back to another model silently: it is built anyway and reports ``NOT_CONFIGURED`` on the
first turn, so the child sees a clear message and the guardian knows what to fix.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.companion.backends.base import (
    BackendError,
    BackendErrorKind,
    CancelToken,
    ChatBackend,
    ChatMessage,
    TurnContext,
)
from desktop.family_settings import BackendChoice, BackendKind


class UnavailableBackend:
    """Stands in for a remote backend whose settings are incomplete; every turn says why."""

    name = "unavailable"

    def __init__(self, detail: str):
        self.detail = detail

    def stream_reply(self, messages: list[ChatMessage], context: TurnContext, cancel: CancelToken):
        raise BackendError(BackendErrorKind.NOT_CONFIGURED, self.detail)
        yield  # pragma: no cover - makes this a generator like the others


def make_backend(choice: BackendChoice | None = None, api_key_lookup: Callable[[str], str | None] | None = None) -> ChatBackend:
    choice = choice or BackendChoice()
    if choice.kind is BackendKind.OPENAI:
        from desktop.companion.backends.openai_compat import (
            OpenAIBackendSettings,
            OpenAICompatBackend,
        )

        lookup = api_key_lookup or (lambda _name: None)
        try:
            # A local server (Ollama, llama.cpp) needs no key: no stored key means none is sent.
            # A keyring that cannot be read is different, and is reported, never ignored.
            key_name = choice.key_name if lookup(choice.key_name) else ""
        except Exception as exc:  # the keyring's errors are not ours to enumerate
            return UnavailableBackend(f"API key unreadable ({type(exc).__name__})")
        try:
            return OpenAICompatBackend.from_settings(
                OpenAIBackendSettings(base_url=choice.base_url, model=choice.model, key_name=key_name),
                lookup,
            )
        except BackendError as exc:
            return UnavailableBackend(exc.detail or exc.kind.value)
    from desktop.companion.builtin import BuiltinCompanion

    return BuiltinCompanion()
