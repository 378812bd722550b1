"""Reports, complaints and "I am an adult" appeals, with their receipts and deadlines (R16, R27)."""

from desktop.complaints.models import (
    GUARDIAN_RESPONSE_DAYS,
    MAX_TEXT_LENGTH,
    PROVIDER_RESPONSE_DAYS,
    ComplaintCategory,
    ComplaintError,
    ReportableMessage,
    ReportReason,
    StatusChange,
    Ticket,
    TicketKind,
    TicketStatus,
)
from desktop.complaints.repository import ComplaintRepository

__all__ = [
    "GUARDIAN_RESPONSE_DAYS",
    "MAX_TEXT_LENGTH",
    "PROVIDER_RESPONSE_DAYS",
    "ComplaintCategory",
    "ComplaintError",
    "ComplaintRepository",
    "ReportReason",
    "ReportableMessage",
    "StatusChange",
    "Ticket",
    "TicketKind",
    "TicketStatus",
]
