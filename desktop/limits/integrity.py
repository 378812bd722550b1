"""HMAC tags for ledger rows, so an edited row is noticed and counted against the child.

The key is supplied by the caller (the guardian subsystem keeps it in the OS keyring); without it
a child who edits ``hearth.db`` cannot produce a valid tag. The tag covers a purpose label and
every field that matters, so a row copied to another day, child or table does not verify.
"""

from __future__ import annotations

import hashlib
import hmac

MIN_KEY_BYTES = 16


def check_key(key: bytes) -> bytes:
    if not isinstance(key, bytes | bytearray) or len(key) < MIN_KEY_BYTES:
        raise ValueError(f"an integrity key is at least {MIN_KEY_BYTES} bytes")
    return bytes(key)


def tag(key: bytes, purpose: str, *fields: object) -> str:
    """A hex HMAC-SHA256 over ``purpose`` and ``fields`` (joined unambiguously)."""
    message = "\x1f".join([purpose, *(str(f) for f in fields)]).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def verify(key: bytes, expected: str | None, purpose: str, *fields: object) -> bool:
    if not expected:
        return False
    return hmac.compare_digest(expected, tag(key, purpose, *fields))
