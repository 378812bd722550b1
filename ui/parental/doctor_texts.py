"""The protection self-test (``hearth doctor``) in the guardian's words and language.

The core reports stable codes (:class:`~desktop.doctor.Finding`, :class:`~desktop.doctor.CheckTopic`)
with their values in ``check.params``; its English ``message`` and ``fix`` are for maintainers
at the command line. This module words each finding for a guardian in the panel, in the
interface language. Every string is a literal in a ``translate`` call so ``lupdate`` extracts
it. A finding without wording here (an older or newer core) falls back to the core's English, so
the self-test never goes blank and never crashes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.alerts.models import ChannelKind
from desktop.doctor import Check, CheckStatus, CheckTopic, Finding
from desktop.guardian.integrity import IntegrityReason
from ui.setup import texts

translate = QCoreApplication.translate  # lupdate reads ``translate("Context", "literal")``


def fill(text: str, *values: object) -> str:
    """Qt-style ``%1``, ``%2`` … placeholders (highest first, so ``%1`` never eats ``%10``)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def status_word(status: CheckStatus | str) -> str:
    words = {
        CheckStatus.OK: translate("DoctorTexts", "ok"),
        CheckStatus.WARN: translate("DoctorTexts", "warning"),
        CheckStatus.FAIL: translate("DoctorTexts", "problem"),
    }
    return words.get(str(status), str(status))


def topic_labels() -> dict[str, str]:
    """Every topic → what the guardian calls it (alert channels get their own line)."""
    return {
        CheckTopic.DATABASE: translate("DoctorTexts", "Database"),
        CheckTopic.KEYRING: translate("DoctorTexts", "System keyring"),
        CheckTopic.SETTINGS: translate("DoctorTexts", "Guardian settings"),
        CheckTopic.CLOCK: translate("DoctorTexts", "Clock"),
        CheckTopic.ALERT_CHANNELS: translate("DoctorTexts", "Alert channels"),
        CheckTopic.ALERT_CHANNEL: translate("DoctorTexts", "Alert channel %1 (%2)"),
        CheckTopic.NOTIFICATIONS: translate("DoctorTexts", "Desktop notifications"),
        CheckTopic.ACCOUNT: translate("DoctorTexts", "Computer account"),
        CheckTopic.AUTOSTART: translate("DoctorTexts", "Start at login"),
    }


def channel_kind_labels() -> dict[str, str]:
    return {
        ChannelKind.EMAIL: translate("DoctorTexts", "e-mail"),
        ChannelKind.WEBHOOK: translate("DoctorTexts", "webhook / ntfy"),
        ChannelKind.DESKTOP: translate("DoctorTexts", "desktop notification"),
    }


def reason_labels() -> dict[str, str]:
    """Why the guardian settings are locked (:class:`IntegrityReason`)."""
    return {
        IntegrityReason.KEYRING_UNAVAILABLE: translate(
            "DoctorTexts", "the system keyring is not available"
        ),
        IntegrityReason.DATABASE_MISSING: translate(
            "DoctorTexts", "the family is missing from the database"
        ),
        IntegrityReason.MARKER_MISSING: translate(
            "DoctorTexts", "the keyring no longer knows this family"
        ),
        IntegrityReason.KEY_MISSING: translate("DoctorTexts", "the settings key is missing"),
        IntegrityReason.INSTALL_MISMATCH: translate(
            "DoctorTexts", "the database belongs to another installation"
        ),
        IntegrityReason.PIN_RECORD_MISMATCH: translate(
            "DoctorTexts", "the stored guardian PIN was replaced"
        ),
        IntegrityReason.SETTINGS_TAMPERED: translate(
            "DoctorTexts", "settings were changed outside Hearth"
        ),
    }


def _list(items: Iterable[str]) -> str:
    return translate("DoctorTexts", ", ").join(items)


def _when(value: object) -> str:
    return texts.when_text(value) if isinstance(value, datetime) else str(value)


def check_name(check: Check) -> str:
    finding = _known(check)
    if finding is None:
        return check.name
    params = check.params
    label = topic_labels()[finding.topic]
    if finding.topic is CheckTopic.ALERT_CHANNEL:
        kind = str(params.get("channel_kind", ""))
        return fill(label, params.get("channel_id", "?"), channel_kind_labels().get(kind, kind))
    return label


def check_message(check: Check) -> str:
    """What was found, for the guardian; the core's English if this finding has no wording."""
    finding = _known(check)
    if finding is None:
        return check.message
    p = check.params
    if finding is Finding.SETTINGS_LOCKED:
        reasons = _list(reason_labels().get(r, r) for r in p.get("reasons", ()))
        if p.get("settings"):
            text = translate("DoctorTexts", "Locked: %1 (settings: %2).")
            return fill(text, reasons, _list(p["settings"]))
        return fill(translate("DoctorTexts", "Locked: %1."), reasons)
    error = str(p.get("error") or "")
    if finding is Finding.ALERT_CHANNEL_FAILING:  # always several failures (FAILING_AFTER)
        failures = p.get("failures", "?")
        if error:
            return fill(
                translate("DoctorTexts", "Not working: the last %1 attempts failed (%2)."),
                failures,
                error,
            )
        return fill(translate("DoctorTexts", "Not working: the last %1 attempts failed."), failures)
    if finding is Finding.ALERT_CHANNEL_DEGRADED:
        if error:
            return fill(translate("DoctorTexts", "The last attempt failed (%1)."), error)
        return translate("DoctorTexts", "The last attempt failed.")
    messages = {
        Finding.DATABASE_ABSENT: translate("DoctorTexts", "There is no database yet (%1)."),
        Finding.DATABASE_LOST: translate(
            "DoctorTexts", "The keyring says a family was set up, but the database %1 is missing."
        ),
        Finding.DATABASE_NOT_SET_UP: translate(
            "DoctorTexts", "There is no database yet (%1): Hearth is not set up."
        ),
        Finding.DATABASE_OK: translate(
            "DoctorTexts", "The database passed its integrity check (%1)."
        ),
        Finding.DATABASE_DAMAGED: translate("DoctorTexts", "The database %1 is damaged: %2"),
        Finding.KEYRING_ABSENT: translate(
            "DoctorTexts", "This computer has no system keyring (%1)."
        ),
        Finding.KEYRING_AVAILABLE: translate("DoctorTexts", "The keyring is available (%1)."),
        Finding.KEYRING_FILE_FALLBACK: translate(
            "DoctorTexts", "Secrets are kept in a plain file, which is weaker protection (%1)."
        ),
        Finding.KEYRING_UNAVAILABLE: translate(
            "DoctorTexts", "The system keyring is not available (%1)."
        ),
        Finding.KEYRING_KEY_MISSING: translate(
            "DoctorTexts", "The settings key is missing from the keyring."
        ),
        Finding.KEYRING_NOT_SET_UP: translate(
            "DoctorTexts", "The keyring is available (%1); Hearth is not set up yet."
        ),
        Finding.KEYRING_KEY_PRESENT: translate(
            "DoctorTexts", "The keyring is available (%1) and holds the settings key."
        ),
        Finding.SETTINGS_NOT_CHECKED: translate(
            "DoctorTexts", "Not checked, because the database is damaged."
        ),
        Finding.SETTINGS_UNREADABLE: translate(
            "DoctorTexts", "The database cannot be opened (%1)."
        ),
        Finding.SETTINGS_OK: translate(
            "DoctorTexts", "The guardian settings are as you left them."
        ),
        Finding.SETTINGS_NOT_SET_UP: translate("DoctorTexts", "Hearth is not set up yet."),
        Finding.CLOCK_NO_HISTORY: translate(
            "DoctorTexts", "No clock readings yet, so nothing to compare."
        ),
        Finding.CLOCK_BEHIND: translate(
            "DoctorTexts", "The clock (%1) is earlier than the last time Hearth saw (%2)."
        ),
        Finding.CLOCK_OK: translate("DoctorTexts", "The clock has not been turned back."),
        Finding.ALERT_CHANNELS_NONE: translate(
            "DoctorTexts", "No alert channel is set up yet; alerts wait in the Alerts page's inbox."
        ),
        Finding.ALERT_CHANNEL_OK: translate("DoctorTexts", "Working."),
        Finding.ALERT_CHANNEL_UNTESTED: translate("DoctorTexts", "Not used yet."),
        Finding.NOTIFICATIONS_NO_BUS: translate(
            "DoctorTexts",
            "Hearth cannot reach the desktop's message bus (%1); reminders appear only inside Hearth.",
        ),
        Finding.NOTIFICATIONS_OK: translate(
            "DoctorTexts", "A desktop notification service is running."
        ),
        Finding.NOTIFICATIONS_NO_SERVER: translate(
            "DoctorTexts", "No desktop notification service; reminders appear only inside Hearth."
        ),
        Finding.ACCOUNT_ROOT: translate(
            "DoctorTexts",
            "This computer account is root; it can delete Hearth's data and keyring entries.",
        ),
        Finding.ACCOUNT_ADMIN: translate(
            "DoctorTexts",
            "This computer account is an administrator (member of %1); it can delete Hearth's data "
            "and keyring entries.",
        ),
        Finding.ACCOUNT_OK: translate(
            "DoctorTexts", "This computer account is not an administrator."
        ),
        Finding.AUTOSTART_ON: translate(
            "DoctorTexts", "Hearth starts when this user logs in (%1)."
        ),
        Finding.AUTOSTART_OFF: translate(
            "DoctorTexts", "Hearth does not start when this user logs in (%1 is missing)."
        ),
    }
    values = {
        Finding.DATABASE_DAMAGED: (p.get("path", ""), p.get("problem", "")),
        Finding.CLOCK_BEHIND: (_when(p.get("now", "")), _when(p.get("last_seen", ""))),
        Finding.ACCOUNT_ADMIN: (_list(p.get("groups", ())),),
    }
    # Every other finding carries at most one value (see desktop.doctor.Finding): it is %1.
    single = next((p[k] for k in ("path", "detail", "backend", "error", "entry") if k in p), "")
    return fill(messages[finding], *values.get(finding, (single,)))


def check_fix(check: Check) -> str:
    """What the guardian can do (empty when all is well)."""
    finding = _known(check)
    if finding is None:
        return check.fix
    set_up = translate("DoctorTexts", "Start Hearth and complete the setup.")
    reseal = translate(
        "DoctorTexts",
        "Enter the guardian PIN on the lock screen to review and accept the current settings.",
    )
    restore = translate(
        "DoctorTexts",
        "Restore the database from a backup, or import your family export into a new data folder.",
    )
    database_first = translate("DoctorTexts", "Fix the database first.")
    install_keyring = translate(
        "DoctorTexts",
        "Install and unlock GNOME Keyring or KWallet (Secret Service), then log in again.",
    )
    run_daemon = translate(
        "DoctorTexts",
        "Run a notification service in the desktop session (GNOME Shell, KDE Plasma, dunst, mako, "
        "xfce4-notifyd).",
    )
    fixes = {
        Finding.DATABASE_ABSENT: set_up,
        Finding.DATABASE_LOST: translate(
            "DoctorTexts",
            "Restore the database from a backup, or import your family export, "
            "or open Hearth and enter the guardian PIN.",
        ),
        Finding.DATABASE_NOT_SET_UP: set_up,
        Finding.DATABASE_DAMAGED: restore,
        Finding.KEYRING_ABSENT: install_keyring,
        Finding.KEYRING_FILE_FALLBACK: translate(
            "DoctorTexts",
            "Install and unlock a Secret Service keyring (GNOME Keyring or KWallet), "
            "then move the secrets into it.",
        ),
        Finding.KEYRING_UNAVAILABLE: install_keyring,
        Finding.KEYRING_KEY_MISSING: reseal,
        Finding.SETTINGS_NOT_CHECKED: database_first,
        Finding.SETTINGS_UNREADABLE: database_first,
        Finding.SETTINGS_NOT_SET_UP: set_up,
        Finding.SETTINGS_LOCKED: reseal,
        Finding.CLOCK_BEHIND: translate(
            "DoctorTexts",
            "Set the correct date and time (turn on automatic time), then enter the guardian PIN "
            "in Hearth.",
        ),
        Finding.ALERT_CHANNELS_NONE: translate(
            "DoctorTexts", "Add an e-mail or phone (ntfy) channel on the Alerts page."
        ),
        Finding.ALERT_CHANNEL_FAILING: translate(
            "DoctorTexts", "Check the channel on the Alerts page and send a test alert."
        ),
        Finding.ALERT_CHANNEL_DEGRADED: translate(
            "DoctorTexts", "Send a test alert from the Alerts page."
        ),
        Finding.NOTIFICATIONS_NO_BUS: run_daemon,
        Finding.NOTIFICATIONS_NO_SERVER: run_daemon,
        Finding.ACCOUNT_ROOT: translate(
            "DoctorTexts", "Do not run Hearth as root: give the child a standard account."
        ),
        Finding.ACCOUNT_ADMIN: translate(
            "DoctorTexts",
            "Give the child a standard account and keep the administrator account for the guardian.",
        ),
        Finding.AUTOSTART_OFF: translate(
            "DoctorTexts", "Tick \u201cStart Hearth when this user logs in\u201d above and save."
        ),
    }
    return fixes.get(finding, "") if check.status is not CheckStatus.OK else ""


def _known(check: Check) -> Finding | None:
    """The check's finding if this build words it; None for an unknown or missing code."""
    try:
        return Finding(check.finding)
    except ValueError:
        return None
