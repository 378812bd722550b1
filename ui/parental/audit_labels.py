"""Plain-language names for the audit log's event kinds, in the interface language.

The core stores stable dotted codes (:class:`~desktop.guardian.audit.AuditKind` and the
time-limit events of :class:`~desktop.limits.audit.LimitEventKind`); this is the one place that
turns them into words. Every string is a literal in a ``translate`` call so ``lupdate`` extracts it; the context stays
``AuditPage`` so the labels keep the translations they had when they lived on the page. A kind
nobody named (another subsystem's, or an old build's) is shown as written, never hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.guardian.audit import AuditKind
from desktop.limits.audit import LimitEventKind

translate = QCoreApplication.translate  # lupdate reads ``translate("Context", "literal")``


def audit_kind_labels() -> dict[str, str]:
    """Every known kind → its label, translated now (call again after a language change)."""
    return {
        AuditKind.FAMILY_SET_UP: translate("AuditPage", "Family set up"),
        AuditKind.FAMILY_EXPORTED: translate("AuditPage", "Family exported"),
        AuditKind.FAMILY_IMPORTED: translate("AuditPage", "Family imported"),
        AuditKind.PIN_ACCEPTED: translate("AuditPage", "PIN accepted"),
        AuditKind.PIN_FAILED: translate("AuditPage", "Wrong PIN"),
        AuditKind.PIN_LOCKED_OUT: translate("AuditPage", "PIN entry paused"),
        AuditKind.PIN_CLOCK_MOVED_BACK: translate(
            "AuditPage", "Clock moved back during a PIN pause"
        ),
        AuditKind.PIN_CHANGED: translate("AuditPage", "PIN changed"),
        AuditKind.PIN_RECOVERED: translate("AuditPage", "PIN reset with the recovery code"),
        AuditKind.RECOVERY_FAILED: translate("AuditPage", "Wrong recovery code"),
        AuditKind.SETTING_CHANGED: translate("AuditPage", "Setting changed"),
        AuditKind.SETTING_DELETED: translate("AuditPage", "Setting removed"),
        AuditKind.SETTINGS_TAMPERED: translate("AuditPage", "Settings changed outside Hearth"),
        AuditKind.INTEGRITY_LOCKED: translate("AuditPage", "Chat locked: setup check failed"),
        AuditKind.INTEGRITY_RESEALED: translate("AuditPage", "Settings reviewed and resealed"),
        AuditKind.SECRET_CHANGED: translate("AuditPage", "Secret changed"),
        AuditKind.SECRETS_FALLBACK_ENABLED: translate("AuditPage", "Secrets kept in a plain file"),
        AuditKind.SECRETS_FALLBACK_DISABLED: translate("AuditPage", "Secrets moved to the keyring"),
        AuditKind.CONSENT_GIVEN: translate("AuditPage", "Consent recorded"),
        AuditKind.CONSENT_WITHDRAWN: translate("AuditPage", "Consent withdrawn"),
        AuditKind.PANEL_OPENED: translate("AuditPage", "Guardian settings opened"),
        AuditKind.PANEL_SETTINGS_SAVED: translate("AuditPage", "Guardian settings saved"),
        AuditKind.PANEL_LOCKED: translate("AuditPage", "Guardian settings locked (idle)"),
        AuditKind.PROFILE_ADDED: translate("AuditPage", "Child profile added"),
        AuditKind.PROFILE_UPDATED: translate("AuditPage", "Child profile changed"),
        AuditKind.PROFILE_REMOVED: translate("AuditPage", "Child profile removed"),
        AuditKind.MINOR_MODE_ENTERED: translate("AuditPage", "Minor mode turned on"),
        AuditKind.MINOR_MODE_LEFT: translate("AuditPage", "Minor mode turned off"),
        AuditKind.CONTACTS_CHANGED: translate("AuditPage", "Contact details changed"),
        AuditKind.HISTORY_EXPORTED: translate("AuditPage", "Chat history exported"),
        AuditKind.HISTORY_DELETED: translate("AuditPage", "Chat history deleted"),
        AuditKind.HISTORY_PURGED: translate("AuditPage", "Old chat history removed automatically"),
        AuditKind.MORE_TIME_DECIDED: translate("AuditPage", "Request for more time answered"),
        AuditKind.CRISIS_ACKNOWLEDGED: translate(
            "AuditPage", "Guardian checked in after a crisis; chat reopened"
        ),
        LimitEventKind.CLOCK_MOVED: translate("AuditPage", "The computer's clock was changed"),
        LimitEventKind.CLOCK_ROLLED_BACK: translate(
            "AuditPage", "Clock set earlier than Hearth last saw"
        ),
        LimitEventKind.CLOCK_UNVERIFIABLE: translate(
            "AuditPage", "Clock could not be checked; time held"
        ),
        LimitEventKind.TIMEZONE_CHANGED: translate("AuditPage", "Time zone changed"),
        LimitEventKind.LEDGER_TAMPERED: translate(
            "AuditPage", "Usage records changed outside Hearth"
        ),
        LimitEventKind.CURFEW_ATTEMPT: translate(
            "AuditPage", "Tried to chat during the night-time curfew"
        ),
        LimitEventKind.LIMIT_HIT: translate("AuditPage", "Time limit reached"),
        LimitEventKind.EXTENSION_GRANTED: translate("AuditPage", "More time given"),
        LimitEventKind.CURFEW_EXEMPTED: translate("AuditPage", "Curfew lifted for one night"),
        LimitEventKind.CLOCK_ACCEPTED: translate(
            "AuditPage", "Guardian accepted the computer's time"
        ),
    }


def audit_kind_label(kind: str, labels: dict[str, str] | None = None) -> str:
    """The label of ``kind``; an unknown kind as written (``labels``: a cached table)."""
    table = audit_kind_labels() if labels is None else labels
    return table.get(str(kind), str(kind))
