"""Translated sentences for the stable error keys the guardian core raises.

The core names *why* something was refused (``PinRule.TOO_FEW_DIGITS``, a ``ProfileError`` key, a
``FileFormatError`` path such as ``guardian.email``); only this module turns those keys into
words, for the wizard, the PIN dialog and the parental panel alike.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.guardian.lockout import LockoutState, LockReason
from desktop.guardian.pin_rules import (
    MAX_PIN_LENGTH,
    MIN_PASSPHRASE_LENGTH,
    MIN_PIN_DIGITS,
    PinRule,
)

_CONTEXT = "SetupTexts"


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def pin_rule_text(rule: PinRule, *, new_pin: bool = False) -> str:
    """Why a typed PIN was refused. ``new_pin`` words the empty case for choosing one."""
    if rule is PinRule.EMPTY:
        return _t("Choose a PIN or passphrase.") if new_pin else _t("Type the PIN first.")
    if rule is PinRule.TOO_LONG:
        return _t("That is too long: at most %n characters.", MAX_PIN_LENGTH)
    if rule is PinRule.TOO_FEW_DIGITS:
        return _t("A numeric PIN needs at least %n digits.", MIN_PIN_DIGITS)
    if rule is PinRule.PASSPHRASE_TOO_SHORT:
        return _t(
            "A passphrase needs at least %n characters (or use a PIN of at least 6 digits).",
            MIN_PASSPHRASE_LENGTH,
        )
    return _t("It contains a control character (such as a tab). Type it again.")


def recovery_rule_text(rule: PinRule) -> str:
    if rule is PinRule.EMPTY:
        return _t("Type the recovery code first.")
    return _t("That is not a recovery code: it is far too long.")


def duration_text(seconds: int) -> str:
    """``4 min 50 s``; each part is a separate plural so every language can inflect it."""
    seconds = max(int(seconds), 0)
    minutes, rest = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(_t("%n h", hours))
    if minutes:
        parts.append(_t("%n min", minutes))
    if rest or not parts:
        parts.append(_t("%n s", rest))
    return " ".join(parts)


def lockout_text(state: LockoutState) -> str:
    """The live message while PIN entry is locked."""
    wait = duration_text(state.seconds_left)
    if state.reason is LockReason.CLOCK_MOVED_BACK:
        return _t(
            "PIN entry is locked: the computer's clock is earlier than the last wrong try. "
            "Correct the clock, or try again in %1."
        ).replace("%1", wait)
    return _t("Too many tries. Try again in %1.").replace("%1", wait)


def wrong_pin_text(tries_left: int, *, recovery: bool = False) -> str:
    first = _t("The recovery code is not correct.") if recovery else _t("The PIN is not correct.")
    if tries_left <= 0:
        return first
    return first + " " + _t("%n more wrong tries before PIN entry pauses.", tries_left)


def guardian_field_text(field: str) -> str:
    """A ``parse_guardian`` problem, by the field it names (``guardian.email`` -> ``email``)."""
    field = field.rsplit(".", 1)[-1]
    if field == "name":
        return _t("Type your name (at most 80 characters).")
    if field == "emergency_name":
        return _t("The emergency contact's name is at most 80 characters.")
    if field in ("email", "emergency_email"):
        return _t("That does not look like an e-mail address.")
    if field in ("phone", "emergency_phone"):
        return _t("That does not look like a phone number.")
    # The R14 rule: the whole record needs one way to reach someone.
    return _t(
        "Give at least one way to reach you or the emergency contact: "
        "an e-mail address or a phone number."
    )


def child_field_text(key: str) -> str:
    """A ``ProfileError`` key as a sentence."""
    if key == "birthday":
        return _t("Check the birthday: it cannot be in the future or more than 120 years ago.")
    return _t("Type the child's name (at most 40 characters).")


def consent_name_text() -> str:
    return _t("Type your name to record who gives the consent (at most 100 characters).")


def when_text(at: datetime, *, seconds: bool = False) -> str:
    """A stored time as the guardian reads it (as recorded, local time)."""
    return at.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
