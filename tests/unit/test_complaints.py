"""Complaint tickets (R16, R27): ids, deadlines, evidence, status history, overdue, appeals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.complaints import (
    GUARDIAN_RESPONSE_DAYS,
    MAX_TEXT_LENGTH,
    ComplaintCategory,
    ComplaintError,
    ComplaintRepository,
    ReportReason,
    TicketKind,
    TicketStatus,
)
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database


@pytest.fixture
def family(memory_db, clock):
    profiles = ProfileRepository(memory_db)
    lily = profiles.add_child("Lily", date(2015, 5, 4), Language.EN, now=clock.now())
    tom = profiles.add_child("Tom", date(2012, 1, 9), Language.ZH, now=clock.now())
    return profiles, lily, tom


@pytest.fixture
def chat(memory_db, family, clock):
    """One conversation of Lily's with a child message and an AI reply."""
    conversations = ConversationRepository(memory_db)
    conv = conversations.start(family[1].id, "sunny", now=clock.now())
    user = conversations.add_message(conv.id, Role.USER, "are you a person?", MessageStatus.SENT, now=clock.now())
    ai = conversations.add_message(
        conv.id, Role.ASSISTANT, "Yes, I am a real girl called Amy.", MessageStatus.COMPLETE, now=clock.now()
    )
    return conversations, conv, user, ai


def test_report_copies_the_message_and_states_a_three_day_deadline(memory_db, family, chat, clock):
    _, lily, _ = family
    repo = ComplaintRepository(memory_db)
    ticket = repo.file_report(lily.id, chat[3].id, ReportReason.PRETENDS_HUMAN, "  it said it is a girl ", clock.now())
    assert ticket.kind is TicketKind.REPORT
    assert ticket.status is TicketStatus.OPEN
    assert ticket.profile_id == lily.id and ticket.child_name == "Lily"
    assert ticket.message_id == chat[3].id
    assert ticket.report_reason is ReportReason.PRETENDS_HUMAN
    assert ticket.text == "it said it is a girl"
    assert ticket.evidence == "Yes, I am a real girl called Amy."
    assert ticket.created_at == clock.now()
    assert ticket.due_at - ticket.created_at == timedelta(days=GUARDIAN_RESPONSE_DAYS) == timedelta(days=3)


def test_evidence_survives_deleting_the_chat_history(memory_db, family, chat, clock):
    """R24 lets the guardian delete history; the complaint keeps its own copy (R27)."""
    conversations, conv, _, ai = chat
    repo = ComplaintRepository(memory_db)
    ticket = repo.file_report(family[1].id, ai.id, "unsafe", "", clock.now())
    conversations.delete_all(family[1].id)
    again = repo.get(ticket.id)
    assert again.evidence == "Yes, I am a real girl called Amy."
    assert again.message_id == ai.id


def test_ids_are_unique_human_readable_and_stable(memory_db, family, chat, clock):
    repo = ComplaintRepository(memory_db)
    lily = family[1]
    tickets = [repo.file_complaint(lily.id, "app", f"problem {i}", clock.now()) for i in range(25)]
    human_ids = [t.human_id for t in tickets]
    assert len(set(human_ids)) == 25 and len({t.id for t in tickets}) == 25
    assert human_ids[0] == f"HR-2026-{tickets[0].id:06d}"
    # Stable: reading back or changing the status never changes the id.
    changed = repo.set_status(tickets[3].id, "in_review", "looking", "guardian", clock.now())
    assert changed.human_id == human_ids[3]
    assert repo.by_human_id(human_ids[3].lower()).id == tickets[3].id


def test_ids_are_never_reused_after_deletion(file_db, tmp_path, clock):
    lily = ProfileRepository(file_db).add_child("Lily", date(2015, 5, 4), Language.EN, now=clock.now())
    repo = ComplaintRepository(file_db)
    first = repo.file_complaint(lily.id, "other", "one", clock.now())
    repo.delete_for_profile(lily.id)
    file_db.close()
    db = open_database(tmp_path / "data")  # a restart in between
    try:
        lily2 = ProfileRepository(db).add_child("Lily", date(2015, 5, 4), Language.EN, now=clock.now())
        second = ComplaintRepository(db).file_complaint(lily2.id, "other", "two", clock.now())
    finally:
        db.close()
    assert second.id > first.id and second.human_id != first.human_id


def test_human_id_year_is_the_local_year_of_filing(memory_db, family, clock):
    """00:30 on 1 January in Shanghai is 2027 there, though UTC still says 2026."""
    clock.jump_wall((clock.now().replace(month=12, day=31, hour=23, minute=30) - clock.now()).total_seconds())
    clock.advance(3600)  # 1 January 2027, 00:30 local, still 2026 in UTC
    ticket = ComplaintRepository(memory_db).file_appeal(family[1].id, "", clock.now())
    assert ticket.human_id.startswith("HR-2027-")


def test_status_history_records_every_change(memory_db, family, clock):
    repo = ComplaintRepository(memory_db)
    ticket = repo.file_complaint(family[1].id, ComplaintCategory.LIMITS, "the lock came too early", clock.now())
    clock.advance(3600)
    repo.set_status(ticket.id, TicketStatus.IN_REVIEW, "I'll look tonight", "guardian", clock.now())
    clock.advance(7200)
    done = repo.set_status(ticket.id, "resolved", "  Limit moved to 60 min ", "guardian", clock.now())
    steps = [(h.from_status, h.to_status, h.note, h.by) for h in done.history]
    assert steps == [
        (None, TicketStatus.OPEN, "", "child"),
        (TicketStatus.OPEN, TicketStatus.IN_REVIEW, "I'll look tonight", "guardian"),
        (TicketStatus.IN_REVIEW, TicketStatus.RESOLVED, "Limit moved to 60 min", "guardian"),
    ]
    assert [h.at for h in done.history] == [
        ticket.created_at, ticket.created_at + timedelta(hours=1), ticket.created_at + timedelta(hours=3)]
    assert done.status is TicketStatus.RESOLVED and done.status.is_closed
    # The guardian may reopen; the history keeps both steps.
    reopened = repo.set_status(ticket.id, "open", "not fixed after all", "guardian", clock.now())
    assert reopened.status is TicketStatus.OPEN and len(reopened.history) == 4


def test_invalid_status_or_author_changes_nothing(memory_db, family, clock):
    repo = ComplaintRepository(memory_db)
    ticket = repo.file_complaint(family[1].id, "app", "crashes", clock.now())
    with pytest.raises(ComplaintError) as err:
        repo.set_status(ticket.id, "closed", "", "guardian", clock.now())
    assert err.value.key == "status"
    with pytest.raises(ComplaintError) as err:
        repo.set_status(ticket.id, "resolved", "", "  ", clock.now())
    assert err.value.key == "by_required"
    with pytest.raises(ComplaintError) as err:
        repo.set_status(9999, "resolved", "", "guardian", clock.now())
    assert err.value.key == "unknown_ticket"
    after = repo.get(ticket.id)
    assert after.status is TicketStatus.OPEN and len(after.history) == 1


def test_overdue_lists_only_unanswered_tickets_past_their_deadline(memory_db, family, clock):
    repo = ComplaintRepository(memory_db)
    lily = family[1]
    old_open = repo.file_complaint(lily.id, "app", "a", clock.now())
    old_review = repo.file_complaint(lily.id, "app", "b", clock.now())
    old_done = repo.file_complaint(lily.id, "app", "c", clock.now())
    repo.set_status(old_review.id, "in_review", "", "guardian", clock.now())
    repo.set_status(old_done.id, "rejected", "", "guardian", clock.now())
    clock.advance(24 * 3600)
    fresh = repo.file_complaint(lily.id, "app", "d", clock.now())
    clock.advance(2 * 24 * 3600)  # exactly at old_open's deadline: not yet overdue
    assert repo.overdue(clock.now()) == []
    clock.advance(1)
    overdue = repo.overdue(clock.now())
    assert [t.id for t in overdue] == [old_open.id, old_review.id]
    assert all(t.is_overdue(clock.now()) for t in overdue)
    assert not repo.get(fresh.id).is_overdue(clock.now())
    assert not repo.get(old_done.id).is_overdue(clock.now())


def test_overdue_is_independent_of_the_timezone(memory_db, family, clock):
    from zoneinfo import ZoneInfo

    repo = ComplaintRepository(memory_db)
    ticket = repo.file_complaint(family[1].id, "app", "a", clock.now())
    clock.advance(3 * 24 * 3600 + 60)
    clock.set_timezone(ZoneInfo("America/Los_Angeles"))  # the family travels
    assert [t.id for t in repo.overdue(clock.now())] == [ticket.id]


def test_appeal_goes_to_the_inbox_and_never_changes_minor_mode(memory_db, family, clock):
    """R16: an "I am an adult" appeal only records; it never unlocks anything."""
    profiles, lily, _ = family
    repo = ComplaintRepository(memory_db)
    before = memory_db.execute("select id, minor_mode from child_profiles order by id").fetchall()
    appeal = repo.file_appeal(lily.id, "I turned 18 last week", clock.now())
    assert appeal.kind is TicketKind.APPEAL and appeal.reason is None
    assert repo.open_appeal(lily.id).id == appeal.id
    # Even the guardian accepting it in the repository changes only the ticket.
    repo.set_status(appeal.id, "resolved", "accepted", "guardian", clock.now())
    after = memory_db.execute("select id, minor_mode from child_profiles order by id").fetchall()
    assert after == before and all(row[1] == 1 for row in after)
    assert profiles.get_child(lily.id).minor_mode is True
    assert repo.open_appeal(lily.id) is None


def test_filters_and_order(memory_db, family, chat, clock):
    repo = ComplaintRepository(memory_db)
    _, lily, tom = family
    a = repo.file_appeal(tom.id, "", clock.now())
    b = repo.file_report(lily.id, chat[3].id, "rude", "", clock.now())
    c = repo.file_complaint(lily.id, "privacy", "who sees my chats?", clock.now())
    repo.set_status(b.id, "resolved", "", "guardian", clock.now())
    assert [t.id for t in repo.tickets()] == [c.id, b.id, a.id]
    assert [t.id for t in repo.tickets(profile_id=lily.id)] == [c.id, b.id]
    assert [t.id for t in repo.tickets(status="open")] == [c.id, a.id]
    assert [t.id for t in repo.tickets(kind=TicketKind.APPEAL)] == [a.id]
    assert repo.tickets(status="open", profile_id=tom.id)[0].child_name == "Tom"


def test_only_the_profiles_own_ai_messages_can_be_reported(memory_db, family, chat, clock):
    repo = ComplaintRepository(memory_db)
    _, lily, tom = family
    for profile_id, message_id, key in [
        (lily.id, chat[2].id, "not_ai_message"),  # the child's own message
        (tom.id, chat[3].id, "unknown_message"),  # someone else's chat
        (lily.id, 424242, "unknown_message"),
    ]:
        with pytest.raises(ComplaintError) as err:
            repo.file_report(profile_id, message_id, "wrong", "", clock.now())
        assert err.value.key == key
    with pytest.raises(ComplaintError) as err:
        repo.file_report(lily.id, chat[3].id, "", "", clock.now())  # no reason chosen
    assert err.value.key == "reason"
    assert repo.tickets() == []


def test_text_rules(memory_db, family, clock):
    repo = ComplaintRepository(memory_db)
    lily = family[1]
    with pytest.raises(ComplaintError) as err:
        repo.file_complaint(lily.id, "app", "   ", clock.now())
    assert err.value.key == "text_required"
    with pytest.raises(ComplaintError) as err:
        repo.file_complaint(lily.id, "app", "x" * (MAX_TEXT_LENGTH + 1), clock.now())
    assert err.value.key == "text_too_long"
    with pytest.raises(ComplaintError) as err:
        repo.file_complaint(lily.id, "weather", "rain", clock.now())
    assert err.value.key == "category"
    with pytest.raises(ComplaintError) as err:
        repo.file_appeal(999, "", clock.now())
    assert err.value.key == "unknown_profile"
    assert repo.file_complaint(lily.id, "app", "x" * MAX_TEXT_LENGTH, clock.now()).text == "x" * MAX_TEXT_LENGTH
    assert len(repo.tickets()) == 1


def test_very_long_evidence_is_cut_but_kept(memory_db, family, clock):
    conversations = ConversationRepository(memory_db)
    conv = conversations.start(family[1].id, "sunny", now=clock.now())
    ai = conversations.add_message(conv.id, Role.ASSISTANT, "word " * 5000, MessageStatus.COMPLETE, now=clock.now())
    ticket = ComplaintRepository(memory_db).file_report(family[1].id, ai.id, "other", "", clock.now())
    assert 7000 < len(ticket.evidence) <= 8000 and ticket.evidence.endswith("…")


def test_tickets_outlive_the_profile_until_the_guardian_deletes_them(memory_db, family, clock):
    profiles, lily, tom = family
    repo = ComplaintRepository(memory_db)
    mine = repo.file_complaint(lily.id, "app", "a", clock.now())
    theirs = repo.file_complaint(tom.id, "app", "b", clock.now())
    profiles.remove_child(lily.id)
    assert repo.get(mine.id).child_name == "Lily"
    assert repo.delete_for_profile(lily.id) == 1
    assert [t.id for t in repo.tickets()] == [theirs.id]
    rows = memory_db.execute("select count(*) from complaint_ticket_history where ticket_id = ?", [mine.id])
    assert rows.fetchone()[0] == 0


def test_naive_times_are_refused(memory_db, family, clock):
    with pytest.raises(ValueError):
        ComplaintRepository(memory_db).file_appeal(family[1].id, "", clock.now().replace(tzinfo=None))


def test_retention_purges_only_closed_old_tickets(memory_db, family, clock):
    """R26: answered tickets age out; an unanswered one never disappears by itself."""
    repo = ComplaintRepository(memory_db)
    lily = family[1]
    old_done = repo.file_complaint(lily.id, "app", "a", clock.now())
    old_open = repo.file_complaint(lily.id, "app", "b", clock.now())
    repo.set_status(old_done.id, "resolved", "fixed", "guardian", clock.now())
    clock.advance(100 * 24 * 3600)
    new_done = repo.file_complaint(lily.id, "app", "c", clock.now())
    repo.set_status(new_done.id, "rejected", "", "guardian", clock.now())
    cutoff = clock.now() - timedelta(days=90)
    assert repo.purge_closed_before(cutoff) == 1
    assert sorted(t.id for t in repo.tickets()) == [old_open.id, new_done.id]
    left = memory_db.execute("select distinct ticket_id from complaint_ticket_history order by ticket_id")
    assert [r[0] for r in left.fetchall()] == [old_open.id, new_done.id]
