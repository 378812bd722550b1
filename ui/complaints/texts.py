"""The words of the complaints screens that more than one widget shows.

Labels of the core's enums, the receipt's sentences and the date format live here once, so the
child's receipt and the guardian's panel never describe the same ticket differently. Every string
goes through ``QCoreApplication.translate`` (context ``Complaints``), so a language switch needs
only a new call, never a restart.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTime

from desktop.complaints import (
    GUARDIAN_RESPONSE_DAYS,
    PROVIDER_RESPONSE_DAYS,
    ComplaintCategory,
    ReportReason,
    Ticket,
    TicketKind,
    TicketStatus,
)

#: A bare name, not a wrapper: ``pyside6-lupdate`` only extracts literal ``translate("Ctx", ...)``.
translate = QCoreApplication.translate


class Complaints(QObject):
    """The ``Complaints`` context for plurals: lupdate marks ``Complaints.tr(text, "", n)`` as a
    plural message, but ``translate("Complaints", text, "", n)`` only when ``n`` is a literal."""


def reason_label(reason: ReportReason) -> str:
    """Child-facing: short, concrete, first person where it helps."""
    return {
        ReportReason.WRONG: translate("Complaints", "It was wrong or made no sense"),
        ReportReason.UNSAFE: translate("Complaints", "It was unsafe or told me to do something dangerous"),
        ReportReason.SCARY: translate("Complaints", "It was scary or upsetting"),
        ReportReason.RUDE: translate("Complaints", "It was rude or mean"),
        ReportReason.PRETENDS_HUMAN: translate("Complaints", "It pretended to be a real person"),
        ReportReason.OTHER: translate("Complaints", "Something else"),
    }[ReportReason(reason)]


def category_label(category: ComplaintCategory) -> str:
    return {
        ComplaintCategory.COMPANION: translate("Complaints", "Something the companion said or did"),
        ComplaintCategory.LIMITS: translate("Complaints", "Time limits, bedtime or the lock screen"),
        ComplaintCategory.PRIVACY: translate("Complaints", "My privacy, or what my guardian can see"),
        ComplaintCategory.APP: translate("Complaints", "The app is not working properly"),
        ComplaintCategory.OTHER: translate("Complaints", "Something else"),
    }[ComplaintCategory(category)]


def kind_label(kind: TicketKind, *, short: bool = False) -> str:
    if short:
        return {
            TicketKind.REPORT: translate("Complaints", "Report"),
            TicketKind.COMPLAINT: translate("Complaints", "Complaint"),
            TicketKind.APPEAL: translate("Complaints", "Adult appeal"),
        }[TicketKind(kind)]
    return {
        TicketKind.REPORT: translate("Complaints", "Message report"),
        TicketKind.COMPLAINT: translate("Complaints", "Complaint"),
        TicketKind.APPEAL: translate("Complaints", "\"I am an adult\" appeal"),
    }[TicketKind(kind)]


def status_label(status: TicketStatus, kind: TicketKind | None = None) -> str:
    """An appeal's closed states read as the decision the guardian took."""
    if kind is TicketKind.APPEAL and status is TicketStatus.RESOLVED:
        return translate("Complaints", "Accepted (adult)")
    if kind is TicketKind.APPEAL and status is TicketStatus.REJECTED:
        return translate("Complaints", "Declined")
    return {
        TicketStatus.OPEN: translate("Complaints", "Open"),
        TicketStatus.IN_REVIEW: translate("Complaints", "In review"),
        TicketStatus.RESOLVED: translate("Complaints", "Resolved"),
        TicketStatus.REJECTED: translate("Complaints", "Rejected"),
    }[TicketStatus(status)]


def ticket_reason_label(ticket: Ticket) -> str:
    if ticket.report_reason is not None:
        return reason_label(ticket.report_reason)
    if ticket.category is not None:
        return category_label(ticket.category)
    return ""


def error_text(key: str) -> str:
    """One sentence for each ``ComplaintError.key`` the dialogs can meet."""
    texts = {
        "reason": translate("Complaints", "Please choose what was wrong with the message."),
        "category": translate("Complaints", "Please choose what your complaint is about."),
        "text_required": translate("Complaints", "Please write a few words about what happened."),
        "text_too_long": translate("Complaints", "That is a bit long: please keep it under 2000 characters."),
        "unknown_message": translate("Complaints", "This message can no longer be reported. You can still use “Report a problem”."),
        "not_ai_message": translate("Complaints", "Only the companion's messages can be reported."),
        "unknown_profile": translate("Complaints", "This profile no longer exists."),
    }
    return texts.get(key, translate("Complaints", "That did not work. Please try again, or tell your guardian."))


def locale_for(lang) -> QLocale:
    """The locale used for dates: the profile's language when known, else the app's default."""
    if lang is None:
        return QLocale()
    return QLocale("zh_CN") if str(lang).lower().startswith("zh") else QLocale("en_US")


def format_day(moment: datetime, tz: tzinfo | None, lang=None) -> str:
    """A date a child can read: "Sunday, November 29, 2026" / "2026年11月29日星期日"."""
    local = moment.astimezone(tz)
    day = QDate(local.year, local.month, local.day)
    return locale_for(lang).toString(day, QLocale.FormatType.LongFormat)


def format_moment(moment: datetime, tz: tzinfo | None, lang=None) -> str:
    local = moment.astimezone(tz)
    clock = locale_for(lang).toString(QTime(local.hour, local.minute), "HH:mm")
    return f"{format_day(moment, tz, lang)} {clock}"


def format_short(moment: datetime, tz: tzinfo | None) -> str:
    """Table cells: sortable, compact and the same in every language."""
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def receipt_title(ticket: Ticket) -> str:
    if ticket.kind is TicketKind.APPEAL:
        return translate("Complaints", "Your request was sent to your guardian")
    return translate("Complaints", "Thank you — your report was sent")


def receipt_process() -> str:
    return translate("Complaints", "Your guardian sees it in the parental panel and will reply. "
                     "Hearth's publisher receives it only if your guardian forwards it.")


def receipt_appeal_process() -> str:
    return translate("Complaints", "Your guardian sees your request in the parental panel and decides.")


def receipt_deadline(ticket: Ticket, tz: tzinfo | None, lang=None) -> str:
    text = Complaints.tr("Your guardian will reply by %1 (within %n days).", "", GUARDIAN_RESPONSE_DAYS)
    return text.replace("%1", format_day(ticket.due_at, tz, lang))


def receipt_provider_deadline() -> str:
    return Complaints.tr("If your guardian forwards it, Hearth's publisher replies within %n days.",
                         "", PROVIDER_RESPONSE_DAYS)


def receipt_appeal_note() -> str:
    return translate("Complaints", "Nothing changes until your guardian decides: minor mode stays on for now.")


def ticket_id_caption() -> str:
    return translate("Complaints", "Your ticket number:")


def ticket_id_line(ticket: Ticket) -> str:
    return translate("Complaints", "Your ticket number: %1").replace("%1", ticket.human_id)


def crisis_hint() -> str:
    return translate("Complaints", "If you feel unsafe right now, talk to an adult you trust or press “Need help now?” in the chat.")


def button_send() -> str:
    return translate("Complaints", "&Send")


def button_cancel() -> str:
    return translate("Complaints", "Cancel")


def button_close() -> str:
    return translate("Complaints", "Close")
