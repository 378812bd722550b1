"""What a complaint ticket is: kinds, reasons, statuses, deadlines (R16, R27).

Deadlines, chosen and stated to the child on every receipt:

- **The guardian answers within 3 days** (``GUARDIAN_RESPONSE_DAYS``). Hearth is a local app; the
  person who can act on a report is the guardian, who sees it in the parental panel. Three days
  is short enough for a child to still remember what the report was about, and long enough for a
  busy parent. A ticket still ``open`` or ``in_review`` after its ``due_at`` is *overdue* and is
  highlighted in the panel.
- **The publisher answers within 15 days** (``PROVIDER_RESPONSE_DAYS``) when the guardian
  forwards a complaint. CN Art. 21 asks providers to handle complaints "promptly" and publish a
  time limit; 15 days follows the common practice of Chinese consumer-complaint handling and is
  the figure Hearth's publisher commits to. Nothing leaves the computer on its own: the
  publisher receives a ticket only if the guardian forwards it (R24, R26).

Times are timezone-aware; the repository stores them in UTC so that text comparison in SQL
orders them correctly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

#: The guardian's response deadline, counted from the moment a ticket is filed (R27).
GUARDIAN_RESPONSE_DAYS = 3
#: The publisher's response deadline for a complaint the guardian forwards (R27, CN Art. 21).
PROVIDER_RESPONSE_DAYS = 15

#: Longest free text a child may type into a report comment, a complaint or an appeal.
MAX_TEXT_LENGTH = 2000
#: Longest copy of a reported message kept as evidence (longer replies are cut, marked with …).
MAX_EVIDENCE_LENGTH = 8000


class TicketKind(StrEnum):
    REPORT = "report"  # about one AI message
    COMPLAINT = "complaint"  # general
    APPEAL = "appeal"  # "I am an adult" (R16)


class TicketStatus(StrEnum):
    OPEN = "open"
    IN_REVIEW = "in_review"
    RESOLVED = "resolved"
    REJECTED = "rejected"

    @property
    def is_closed(self) -> bool:
        return self in (TicketStatus.RESOLVED, TicketStatus.REJECTED)


class ReportReason(StrEnum):
    """Why a child reports one AI message; the UI shows them with no default choice."""

    WRONG = "wrong"
    UNSAFE = "unsafe"
    SCARY = "scary"
    RUDE = "rude"
    PRETENDS_HUMAN = "pretends_human"  # R4: the companion claimed to be a person
    OTHER = "other"


class ComplaintCategory(StrEnum):
    """What a general complaint is about."""

    COMPANION = "companion"  # something the companion said or did
    LIMITS = "limits"  # time limits, curfew, the lock screen
    PRIVACY = "privacy"  # data, what the guardian can see
    APP = "app"  # the app does not work
    OTHER = "other"


class ComplaintError(ValueError):
    """A ticket that cannot be filed or changed; ``key`` names the problem for the UI."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class ReportableMessage:
    """The two facts a report needs about a companion message: its id and its text."""

    id: int
    content: str


@dataclass(frozen=True)
class StatusChange:
    """One line of a ticket's history; the first line records the filing itself."""

    at: datetime
    from_status: TicketStatus | None
    to_status: TicketStatus
    note: str
    by: str


@dataclass(frozen=True)
class Ticket:
    id: int
    human_id: str  # what the child and the guardian read out, e.g. HR-2026-000123
    kind: TicketKind
    profile_id: int
    child_name: str  # copied at filing time, so a ticket outlives its profile
    message_id: int | None  # reports only
    reason: str | None  # a ReportReason or ComplaintCategory value; None for appeals
    text: str  # the child's own words (comment, complaint or appeal)
    evidence: str  # reports: the reported message's text, copied at filing time
    created_at: datetime
    due_at: datetime
    status: TicketStatus
    history: tuple[StatusChange, ...] = ()

    def is_overdue(self, now: datetime) -> bool:
        return not self.status.is_closed and now > self.due_at

    @property
    def report_reason(self) -> ReportReason | None:
        return ReportReason(self.reason) if self.kind is TicketKind.REPORT and self.reason else None

    @property
    def category(self) -> ComplaintCategory | None:
        return ComplaintCategory(self.reason) if self.kind is TicketKind.COMPLAINT and self.reason else None


def guardian_due_at(created_at: datetime) -> datetime:
    return created_at + timedelta(days=GUARDIAN_RESPONSE_DAYS)


def provider_due_at(forwarded_at: datetime) -> datetime:
    return forwarded_at + timedelta(days=PROVIDER_RESPONSE_DAYS)


def format_human_id(ticket_id: int, created_at: datetime) -> str:
    """``HR-<year>-<number>``: short enough to read out over the phone, never reused.

    The number is the row id, which SQLite's AUTOINCREMENT never hands out twice, so the id of a
    ticket is stable and unique for the life of the database even if tickets are deleted.
    """
    return f"HR-{created_at.year:04d}-{ticket_id:06d}"
