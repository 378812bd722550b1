"""Choosing the backend the guardian configured; the built-in companion is the default."""

from __future__ import annotations

from desktop.companion.backends.base import ChatBackend


def make_backend(db) -> ChatBackend:
    from desktop.companion.builtin import BuiltinCompanion

    return BuiltinCompanion()
