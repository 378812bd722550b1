"""Translated sentences for the stable error keys the guardian core raises.

The core names *why* something was refused (``PinRule.TOO_FEW_DIGITS``, a ``ProfileError`` key, a
``FileFormatError`` path such as ``guardian.email``); only this module turns those keys into
words, for the wizard, the PIN dialog and the parental panel alike.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject

from desktop.guardian.lockout import LockoutState, LockReason
from desktop.guardian.pin_rules import (
    MAX_PIN_LENGTH,
    MIN_PASSPHRASE_LENGTH,
    MIN_PIN_DIGITS,
    PinRule,
)

# Every call spells out QCoreApplication.translate("SetupTexts", "...") with literal strings:
# pyside6-lupdate extracts only literal calls, so a wrapper function would hide the messages.


class SetupTexts(QObject):
    """The ``SetupTexts`` context for plurals: lupdate marks ``SetupTexts.tr(text, "", n)`` as a
    plural message, but ``translate("SetupTexts", text, "", n)`` only when ``n`` is a literal."""


def pin_rule_text(rule: PinRule, *, new_pin: bool = False) -> str:
    """Why a typed PIN was refused. ``new_pin`` words the empty case for choosing one."""
    if rule is PinRule.EMPTY:
        if new_pin:
            return QCoreApplication.translate("SetupTexts", "Choose a PIN or passphrase.")
        return QCoreApplication.translate("SetupTexts", "Type the PIN first.")
    if rule is PinRule.TOO_LONG:
        return SetupTexts.tr("That is too long: at most %n characters.", "", MAX_PIN_LENGTH)
    if rule is PinRule.TOO_FEW_DIGITS:
        return SetupTexts.tr("A numeric PIN needs at least %n digits.", "", MIN_PIN_DIGITS)
    if rule is PinRule.PASSPHRASE_TOO_SHORT:
        return SetupTexts.tr(
            "A passphrase needs at least %n characters (or use a PIN of at least 6 digits).",
            "",
            MIN_PASSPHRASE_LENGTH,
        )
    return QCoreApplication.translate(
        "SetupTexts", "It contains a control character (such as a tab). Type it again."
    )


def recovery_rule_text(rule: PinRule) -> str:
    if rule is PinRule.EMPTY:
        return QCoreApplication.translate("SetupTexts", "Type the recovery code first.")
    return QCoreApplication.translate(
        "SetupTexts", "That is not a recovery code: it is far too long."
    )


def duration_text(seconds: int) -> str:
    """``4 min 50 s``; each part is a separate plural so every language can inflect it."""
    seconds = max(int(seconds), 0)
    minutes, rest = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(SetupTexts.tr("%n h", "", hours))
    if minutes:
        parts.append(SetupTexts.tr("%n min", "", minutes))
    if rest or not parts:
        parts.append(SetupTexts.tr("%n s", "", rest))
    return " ".join(parts)


def lockout_text(state: LockoutState) -> str:
    """The live message while PIN entry is locked."""
    wait = duration_text(state.seconds_left)
    if state.reason is LockReason.CLOCK_MOVED_BACK:
        return QCoreApplication.translate(
            "SetupTexts",
            "PIN entry is locked: the computer's clock is earlier than the last wrong try. "
            "Correct the clock, or try again in %1.",
        ).replace("%1", wait)
    return QCoreApplication.translate("SetupTexts", "Too many tries. Try again in %1.").replace(
        "%1", wait
    )


def wrong_pin_text(tries_left: int, *, recovery: bool = False) -> str:
    if recovery:
        first = QCoreApplication.translate("SetupTexts", "The recovery code is not correct.")
    else:
        first = QCoreApplication.translate("SetupTexts", "The PIN is not correct.")
    if tries_left <= 0:
        return first
    return first + " " + SetupTexts.tr(
        "%n more wrong tries before PIN entry pauses.", "", tries_left
    )


def guardian_field_text(field: str) -> str:
    """A ``parse_guardian`` problem, by the field it names (``guardian.email`` -> ``email``)."""
    field = field.rsplit(".", 1)[-1]
    if field == "name":
        return QCoreApplication.translate("SetupTexts", "Type your name (at most 80 characters).")
    if field == "emergency_name":
        return QCoreApplication.translate(
            "SetupTexts", "The emergency contact's name is at most 80 characters."
        )
    if field in ("email", "emergency_email"):
        return QCoreApplication.translate(
            "SetupTexts", "That does not look like an e-mail address."
        )
    if field in ("phone", "emergency_phone"):
        return QCoreApplication.translate("SetupTexts", "That does not look like a phone number.")
    # The R14 rule: the whole record needs one way to reach someone.
    return QCoreApplication.translate(
        "SetupTexts",
        "Give at least one way to reach you or the emergency contact: "
        "an e-mail address or a phone number.",
    )


def child_field_text(key: str) -> str:
    """A ``ProfileError`` key as a sentence."""
    if key == "birthday":
        return QCoreApplication.translate(
            "SetupTexts",
            "Check the birthday: it cannot be in the future or more than 120 years ago.",
        )
    return QCoreApplication.translate(
        "SetupTexts", "Type the child's name (at most 40 characters)."
    )


def consent_name_text() -> str:
    return QCoreApplication.translate(
        "SetupTexts", "Type your name to record who gives the consent (at most 100 characters)."
    )


def when_text(at: datetime, *, seconds: bool = False) -> str:
    """A stored time as the guardian reads it (as recorded, local time)."""
    return at.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
