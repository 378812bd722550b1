"""One ticket as the guardian reads it in the panel: facts, evidence, the child's words, history.

Everything the child typed and the copied message are escaped before they reach the HTML view,
so a message cannot inject markup or links into the guardian's panel.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from desktop.complaints import Ticket, TicketKind
from desktop.complaints.repository import FILED_BY_CHILD
from ui.complaints import texts

translate = QCoreApplication.translate


def status_text(ticket: Ticket, now: datetime) -> str:
    """The status label, with "overdue" added while the guardian's deadline has passed."""
    status = texts.status_label(ticket.status, ticket.kind)
    if ticket.is_overdue(now):
        return translate("TicketDetail", "%1 — overdue").replace("%1", status)
    return status


def ticket_detail_html(t: Ticket, now: datetime) -> str:
    tz = now.tzinfo
    rows = [
        (translate("TicketDetail", "Ticket"), t.human_id),
        (translate("TicketDetail", "Kind"), texts.kind_label(t.kind)),
        (translate("TicketDetail", "Child"), t.child_name),
        (translate("TicketDetail", "Filed"), texts.format_short(t.created_at, tz)),
        (translate("TicketDetail", "Answer by"), texts.format_short(t.due_at, tz)),
        (translate("TicketDetail", "Status"), status_text(t, now)),
    ]
    reason = texts.ticket_reason_label(t)
    if reason:
        caption = (translate("TicketDetail", "Reason") if t.kind is TicketKind.REPORT
                   else translate("TicketDetail", "About"))
        rows.append((caption, reason))
    html = ["<table cellspacing='0' cellpadding='2'>"]
    html += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows]
    html.append("</table>")
    if t.evidence:
        said = translate("TicketDetail", "The companion said:")
        html.append(f"<p><b>{escape(said)}</b></p><blockquote>{_paragraphs(t.evidence)}</blockquote>")
    if t.text:
        wrote = translate("TicketDetail", "The child wrote:")
        html.append(f"<p><b>{escape(wrote)}</b></p><blockquote>{_paragraphs(t.text)}</blockquote>")
    else:
        nothing = translate("TicketDetail", "The child wrote nothing else.")
        html.append(f"<p><b>{escape(nothing)}</b></p>")
    history = translate("TicketDetail", "History")
    html.append(f"<p><b>{escape(history)}</b></p><ul>")
    for h in t.history:
        by = translate("TicketDetail", "the child") if h.by == FILED_BY_CHILD else h.by
        line = f"{texts.format_short(h.at, tz)} — {texts.status_label(h.to_status, t.kind)} ({by})"
        if h.note:
            line += f": {h.note}"
        html.append(f"<li>{escape(line)}</li>")
    html.append("</ul>")
    return "".join(html)


def _paragraphs(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())
