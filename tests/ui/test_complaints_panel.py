"""The guardian's tickets page: list, overdue, status changes, appeal decisions (R16, R27)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.complaints import ComplaintRepository, TicketStatus
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from desktop.storage import open_database
from ui.complaints.panel_page import SHOW_OVERDUE, SHOW_WAITING, ComplaintsPage


@pytest.fixture
def tickets(file_db, clock):
    """Three tickets of two children: a report, a complaint a day later, an appeal."""
    profiles = ProfileRepository(file_db)
    lily = profiles.add_child("Lily", date(2015, 5, 4), Language.EN, now=clock.now())
    tom = profiles.add_child("Tom", date(2008, 9, 1), Language.ZH, now=clock.now())
    conversations = ConversationRepository(file_db)
    conv = conversations.start(lily.id, "sunny", now=clock.now())
    ai = conversations.add_message(conv.id, Role.ASSISTANT, "You should not tell anyone.", MessageStatus.COMPLETE,
                                   now=clock.now())
    repo = ComplaintRepository(file_db)
    report = repo.file_report(lily.id, ai.id, "scary", "it scared me", clock.now())
    clock.advance(24 * 3600)
    complaint = repo.file_complaint(lily.id, "limits", "bedtime is too early", clock.now())
    appeal = repo.file_appeal(tom.id, "I am 18 now", clock.now())
    return repo, report, complaint, appeal, tom


def _page(qtbot, file_db, clock, **kw):
    page = ComplaintsPage(None, repo=file_db, clock=clock, **kw)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_lists_every_ticket_newest_first_with_child_and_deadline(qtbot, file_db, clock, tickets):
    repo, report, complaint, appeal, _ = tickets
    page = _page(qtbot, file_db, clock)
    assert page.table.rowCount() == 3
    assert page.row_texts(0) == [appeal.human_id, "Adult appeal", "Tom", "2026-11-27 16:00",
                                 "2026-11-30 16:00", "Open"]
    assert page.row_texts(2)[:3] == [report.human_id, "Report", "Lily"]
    assert not any(page.row_is_highlighted(r) for r in range(3))
    assert page.summary.text() == ""
    page.select_ticket(report.id)
    detail = page.detail.toPlainText()
    assert "You should not tell anyone." in detail and "it scared me" in detail
    assert "It was scary or upsetting" in detail and "the child" in detail
    assert not page.appeal_group.isVisible()
    page.restore_defaults()  # a data page: nothing to restore, nothing changes
    assert page.table.rowCount() == 3


def test_overdue_tickets_are_highlighted_and_filtered(qtbot, file_db, clock, tickets):
    repo, report, complaint, appeal, _ = tickets
    clock.advance(2 * 24 * 3600 + 60)  # the report (filed a day earlier) is past its 3 days
    page = _page(qtbot, file_db, clock)
    row = next(r for r in range(3) if page.row_texts(r)[0] == report.human_id)
    assert page.row_is_highlighted(row) and page.row_texts(row)[5] == "Open — overdue"
    assert [page.row_is_highlighted(r) for r in range(3)].count(True) == 1
    assert page.summary.text() == "1 overdue" and page.overdue_count() == 1
    page.show_box.setCurrentIndex(page.show_box.findData(SHOW_OVERDUE))
    assert [page.row_texts(r)[0] for r in range(page.table.rowCount())] == [report.human_id]
    repo.set_status(complaint.id, "resolved", "", "guardian", clock.now())
    page.show_box.setCurrentIndex(page.show_box.findData(SHOW_WAITING))
    assert {page.row_texts(r)[0] for r in range(page.table.rowCount())} == {report.human_id, appeal.human_id}


def test_status_change_with_a_note_is_persisted(qtbot, file_db, tmp_path, clock, tickets):
    repo, report, complaint, *_ = tickets
    page = _page(qtbot, file_db, clock)
    changed = []
    page.ticket_changed.connect(changed.append)
    page.select_ticket(complaint.id)
    page.status_box.setCurrentIndex(page.status_box.findData("in_review"))
    qtbot.keyClicks(page.note, "We'll talk about it on Sunday")
    clock.advance(600)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert [t.id for t in changed] == [complaint.id]
    assert page.selected_ticket().id == complaint.id and page.note.text() == ""
    assert "In review" in page.detail.toPlainText() and "We'll talk about it on Sunday" in page.detail.toPlainText()

    other = open_database(tmp_path / "data")  # what is on disk, read by a second connection
    try:
        stored = ComplaintRepository(other).get(complaint.id)
    finally:
        other.close()
    assert stored.status is TicketStatus.IN_REVIEW
    last = stored.history[-1]
    assert (last.from_status, last.to_status, last.note, last.by, last.at) == (
        TicketStatus.OPEN, TicketStatus.IN_REVIEW, "We'll talk about it on Sunday", "guardian", clock.now())


def test_save_applies_a_pending_change_and_enter_in_the_note_applies(qtbot, file_db, clock, tickets):
    repo, report, complaint, *_ = tickets
    page = _page(qtbot, file_db, clock)
    page.select_ticket(report.id)
    page.status_box.setCurrentIndex(page.status_box.findData("rejected"))
    page.save()
    assert repo.get(report.id).status is TicketStatus.REJECTED
    page.save()  # nothing pending: no new history line
    assert len(repo.get(report.id).history) == 2
    page.select_ticket(complaint.id)
    qtbot.keyClicks(page.note, "noted")
    qtbot.keyClick(page.note, Qt.Key.Key_Return)
    assert repo.get(complaint.id).history[-1].note == "noted"


def _minor_modes(db):
    return db.execute("select id, minor_mode from child_profiles order by id").fetchall()


def test_accepting_an_appeal_calls_the_guardians_callback_only_on_click(qtbot, file_db, clock, tickets):
    repo, _, _, appeal, tom = tickets
    calls = []
    before = _minor_modes(file_db)
    page = _page(qtbot, file_db, clock, on_appeal_accepted=lambda pid: calls.append(pid))
    page.select_ticket(appeal.id)
    assert page.appeal_group.isVisible() and page.accept_button.isEnabled()
    # The generic status box cannot accept an appeal behind the callback's back.
    assert page.status_box.findData("resolved") == -1
    assert calls == [] and _minor_modes(file_db) == before  # showing it changes nothing
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert calls == [tom.id]
    decided = repo.get(appeal.id)
    assert decided.status is TicketStatus.RESOLVED and decided.history[-1].by == "guardian"
    assert page.row_texts(0)[5] == "Accepted (adult)"
    assert not page.accept_button.isEnabled() and not page.decline_button.isEnabled()
    # The page itself never touched the profile: turning minor mode off is the callback's job.
    assert _minor_modes(file_db) == before


def test_a_refused_confirmation_leaves_the_appeal_waiting(qtbot, file_db, clock, tickets):
    repo, _, _, appeal, _ = tickets
    page = _page(qtbot, file_db, clock, on_appeal_accepted=lambda pid: False)  # e.g. wrong PIN
    page.select_ticket(appeal.id)
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert repo.get(appeal.id).status is TicketStatus.OPEN and len(repo.get(appeal.id).history) == 1
    assert "Nothing was changed" in page.message.text()


def test_declining_needs_no_callback_and_accepting_needs_one(qtbot, file_db, clock, tickets):
    repo, _, _, appeal, _ = tickets
    before = _minor_modes(file_db)
    page = _page(qtbot, file_db, clock)  # no callback wired
    page.select_ticket(appeal.id)
    assert not page.accept_button.isEnabled()
    assert page.accept_appeal() is None and repo.get(appeal.id).status is TicketStatus.OPEN
    qtbot.keyClicks(page.note, "You are 12, love.")
    qtbot.mouseClick(page.decline_button, Qt.MouseButton.LeftButton)
    declined = repo.get(appeal.id)
    assert declined.status is TicketStatus.REJECTED and declined.history[-1].note == "You are 12, love."
    assert "Declined" in page.detail.toPlainText()
    assert _minor_modes(file_db) == before


def test_the_childs_words_are_shown_as_text_never_as_markup(qtbot, file_db, clock, tickets):
    repo, *_, tom = tickets
    sneaky = repo.file_complaint(tom.id, "other", "<a href='http://x'>click</a> <b>bold</b>", clock.now())
    page = _page(qtbot, file_db, clock)
    page.select_ticket(sneaky.id)
    assert "<a href='http://x'>click</a> <b>bold</b>" in page.detail.toPlainText()
    assert "href" not in page.detail.toHtml().split("<body")[1].replace("&lt;a href", "")
