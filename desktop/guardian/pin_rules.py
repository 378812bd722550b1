"""What counts as a PIN or passphrase, and what a recovery code looks like.

A PIN is at least 6 ASCII digits; anything else is a passphrase of at least 8 characters with at
least one character that is not a digit. Nothing may be longer than 128 characters: a
10,000-character "PIN" is refused with a clear error before it is hashed or stored.
Input is NFKC-normalised first, so full-width digits from a Chinese input method (１２３４５６)
and the same passphrase typed on another keyboard layout compare equal.
"""

from __future__ import annotations

import secrets
import unicodedata
from enum import StrEnum

MIN_PIN_DIGITS = 6
MIN_PASSPHRASE_LENGTH = 8
MAX_PIN_LENGTH = 128
DIGITS = frozenset("0123456789")

RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: easy to copy by hand
RECOVERY_GROUPS = 4
RECOVERY_GROUP_LENGTH = 5  # 20 symbols of 5 bits = 100 bits
MAX_RECOVERY_INPUT = 64


class PinRule(StrEnum):
    """Why a PIN was refused; a stable key the UI maps to a translated sentence."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    TOO_FEW_DIGITS = "too_few_digits"
    PASSPHRASE_TOO_SHORT = "passphrase_too_short"
    CONTROL_CHARACTER = "control_character"


_MESSAGES = {
    PinRule.EMPTY: "The PIN is empty.",
    PinRule.TOO_LONG: f"The PIN is longer than {MAX_PIN_LENGTH} characters.",
    PinRule.TOO_FEW_DIGITS: f"A numeric PIN needs at least {MIN_PIN_DIGITS} digits.",
    PinRule.PASSPHRASE_TOO_SHORT: (
        f"A passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters "
        "(or use a PIN of at least 6 digits)."
    ),
    PinRule.CONTROL_CHARACTER: "The PIN contains a control character (such as a tab or line break).",
}


class PinRuleError(ValueError):
    """A PIN that cannot be used; ``rule`` says why."""

    def __init__(self, rule: PinRule):
        super().__init__(_MESSAGES[rule])
        self.rule = rule


def normalize_input(pin: str) -> str:
    """Normalise a typed PIN for hashing or checking; refuses empty, overlong or control input.

    This is all a PIN *being checked* has to pass: anything else is simply compared.
    """
    if not isinstance(pin, str):
        raise TypeError("a PIN is a str")
    if len(pin) > MAX_PIN_LENGTH:  # before normalising: do no work for a 10,000-char paste
        raise PinRuleError(PinRule.TOO_LONG)
    text = unicodedata.normalize("NFKC", pin)
    if not text:
        raise PinRuleError(PinRule.EMPTY)
    if len(text) > MAX_PIN_LENGTH:
        raise PinRuleError(PinRule.TOO_LONG)
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise PinRuleError(PinRule.CONTROL_CHARACTER)
    return text


def check_new_pin(pin: str) -> str:
    """Validate a PIN the guardian wants to set; returns the normalised form to hash."""
    text = normalize_input(pin)
    if all(ch in DIGITS for ch in text):
        if len(text) < MIN_PIN_DIGITS:
            raise PinRuleError(PinRule.TOO_FEW_DIGITS)
    elif len(text) < MIN_PASSPHRASE_LENGTH:
        raise PinRuleError(PinRule.PASSPHRASE_TOO_SHORT)
    return text


def new_recovery_code() -> str:
    """A fresh code such as ``K7QXM-3HRTA-...`` (100 random bits), shown to the guardian once."""
    symbols = [
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)
    ]
    groups = [
        "".join(symbols[i : i + RECOVERY_GROUP_LENGTH])
        for i in range(0, len(symbols), RECOVERY_GROUP_LENGTH)
    ]
    return "-".join(groups)


def normalize_recovery_code(code: str) -> str:
    """Upper-case, drop spaces and dashes; refuses empty or overlong input (``PinRuleError``)."""
    if not isinstance(code, str):
        raise TypeError("a recovery code is a str")
    if len(code) > MAX_RECOVERY_INPUT:
        raise PinRuleError(PinRule.TOO_LONG)
    text = "".join(ch for ch in unicodedata.normalize("NFKC", code).upper() if ch not in " -\t\r\n")
    if not text:
        raise PinRuleError(PinRule.EMPTY)
    return text
