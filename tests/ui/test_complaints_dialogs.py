"""The child's report, complaint and appeal dialogs with a real SQLite file (R16, R27)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.complaints import ComplaintRepository, ReportReason, TicketKind, TicketStatus
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from ui.complaints.appeal_dialog import AdultAppealDialog
from ui.complaints.report_dialog import ComplaintDialog, ReportDialog

AI_TEXT = "I am a real girl called Amy, not a computer."


@pytest.fixture
def lily(file_db, clock):
    return ProfileRepository(file_db).add_child("Lily", date(2015, 5, 4), Language.EN, now=clock.now())


@pytest.fixture
def ai_message(file_db, lily, clock):
    conversations = ConversationRepository(file_db)
    conv = conversations.start(lily.id, "sunny", now=clock.now())
    conversations.add_message(conv.id, Role.USER, "are you real?", MessageStatus.SENT, now=clock.now())
    return conversations.add_message(conv.id, Role.ASSISTANT, AI_TEXT, MessageStatus.COMPLETE, now=clock.now())


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_choice(qtbot, radio) -> None:
    """Click a choice where a child would: on its indicator and label, at the left."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    assert radio.isChecked()


def _focus_chain(dialog: QDialog) -> list[QWidget]:
    """The widgets Tab visits, in order, starting at the dialog."""
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and len(chain) < 200:
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_report_a_message_then_see_the_receipt(qtbot, file_db, lily, ai_message, clock):
    repo = ComplaintRepository(file_db)
    dialog = _open(qtbot, ReportDialog(None, repo=repo, clock=clock, profile_id=lily.id,
                                       message_id=ai_message.id, lang="en"))
    assert dialog.excerpt.text() == AI_TEXT
    assert dialog.selected_reason() is None  # no pre-ticked choice
    assert not any(b.isChecked() for b in dialog.reason_buttons.values())

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert dialog.error_label.isVisible() and "choose" in dialog.error_label.text()
    assert repo.tickets() == []

    _click_choice(qtbot, dialog.reason_buttons[ReportReason.PRETENDS_HUMAN])
    assert not dialog.error_label.isVisible()
    qtbot.keyClicks(dialog.comment, "it said it is a girl")
    with qtbot.waitSignal(dialog.ticket_filed, timeout=2000) as filed:
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)  # Enter sends from the text box

    ticket = filed.args[0]
    assert dialog.receipt.isVisible() and not dialog.form_page.isVisible()
    receipt = dialog.receipt.text()
    assert ticket.human_id in receipt and ticket.human_id.startswith("HR-2026-")
    assert "November 29, 2026" in receipt and "3 days" in receipt  # filed 26 Nov 16:00 + 3 days
    assert "parental panel" in receipt and "only if your guardian forwards it" in receipt
    assert "15 days" in receipt
    assert dialog.close_button.isVisible() and dialog.close_button.isDefault()

    stored = repo.get(ticket.id)
    assert (stored.kind, stored.report_reason, stored.text) == (
        TicketKind.REPORT, ReportReason.PRETENDS_HUMAN, "it said it is a girl")
    assert stored.evidence == AI_TEXT and stored.message_id == ai_message.id
    assert stored.status is TicketStatus.OPEN

    dialog.receipt.copy_button.click()
    assert QApplication.clipboard().text() == ticket.human_id
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(repo.tickets()) == 1


def test_enter_on_a_reason_sends_and_tab_walks_the_form_first(qtbot, file_db, lily, ai_message, clock):
    repo = ComplaintRepository(file_db)
    dialog = _open(qtbot, ReportDialog(None, repo=repo, clock=clock, profile_id=lily.id,
                                       message_id=ai_message.id))
    chain = _focus_chain(dialog)
    first_radio = dialog.reason_buttons[ReportReason.WRONG]
    assert chain.index(first_radio) < chain.index(dialog.comment) < chain.index(dialog.cancel_button)
    assert chain.index(dialog.cancel_button) < chain.index(dialog.send_button)
    assert all(b.accessibleName() for b in dialog.reason_buttons.values())
    assert dialog.comment.accessibleName() and dialog.send_button.accessibleName()

    dialog.reason_buttons[ReportReason.SCARY].setChecked(True)
    qtbot.keyClick(dialog.reason_buttons[ReportReason.SCARY], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.receipt.isVisible(), timeout=2000)
    assert repo.tickets()[0].report_reason is ReportReason.SCARY


def test_escape_cancels_and_files_nothing(qtbot, file_db, lily, clock):
    repo = ComplaintRepository(file_db)
    dialog = _open(qtbot, ComplaintDialog(None, repo=repo, clock=clock, profile_id=lily.id))
    dialog.category_buttons[next(iter(dialog.category_buttons))].setChecked(True)
    dialog.text.setPlainText("something")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert repo.tickets() == []


def test_complaint_form_needs_a_category_and_words(qtbot, file_db, lily, clock):
    repo = ComplaintRepository(file_db)
    dialog = _open(qtbot, ComplaintDialog(None, repo=repo, clock=clock, profile_id=lily.id, lang="en"))
    assert dialog.selected_category() is None
    dialog.send_button.click()
    assert "what your complaint is about" in dialog.error_label.text()
    _click_choice(qtbot, dialog.category_buttons[next(c for c in dialog.category_buttons if c.value == "limits")])
    dialog.send_button.click()
    assert "write a few words" in dialog.error_label.text() and dialog.focusWidget() is dialog.text
    qtbot.keyClicks(dialog.text, "The lock came before dinner")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line
    qtbot.keyClicks(dialog.text, "and I was doing homework")
    assert repo.tickets() == []
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    ticket = repo.tickets()[0]
    assert (ticket.kind, ticket.reason) == (TicketKind.COMPLAINT, "limits")
    assert ticket.text == "The lock came before dinner\nand I was doing homework"
    assert ticket.human_id in dialog.receipt.text()


def test_a_message_that_is_gone_cannot_be_reported(qtbot, file_db, lily, ai_message, clock):
    ConversationRepository(file_db).delete_all(lily.id)
    dialog = _open(qtbot, ReportDialog(None, repo=file_db, clock=clock, profile_id=lily.id,
                                       message_id=ai_message.id))
    assert not dialog.send_button.isEnabled()
    assert "no longer be reported" in dialog.error_label.text()
    assert ComplaintRepository(file_db).tickets() == []


def test_appeal_is_stored_and_never_unlocks_anything(qtbot, file_db, lily, clock):
    """R16: the appeal goes to the guardian's inbox; minor mode stays on."""
    before = file_db.execute("select id, minor_mode from child_profiles").fetchall()
    dialog = _open(qtbot, AdultAppealDialog(None, repo=file_db, clock=clock, profile_id=lily.id))
    assert dialog.windowTitle() == "I am an adult"
    qtbot.keyClicks(dialog.text, "I turned 18 in May")
    with qtbot.waitSignal(dialog.ticket_filed, timeout=2000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    receipt = dialog.receipt.text()
    assert "minor mode stays on" in receipt and "Hearth's publisher" not in receipt
    appeals = ComplaintRepository(file_db).tickets(kind=TicketKind.APPEAL)
    assert [(a.profile_id, a.text, a.status) for a in appeals] == [(lily.id, "I turned 18 in May", TicketStatus.OPEN)]
    assert file_db.execute("select id, minor_mode from child_profiles").fetchall() == before == [(lily.id, 1)]
    assert ProfileRepository(file_db).get_child(lily.id).minor_mode is True

    # Opening it again shows the pending request instead of filing a second one.
    again = _open(qtbot, AdultAppealDialog(None, repo=file_db, clock=clock, profile_id=lily.id))
    assert again.receipt.isVisible() and not again.form_page.isVisible()
    assert "already sent this" in again.receipt.text() and appeals[0].human_id in again.receipt.text()
    assert len(ComplaintRepository(file_db).tickets()) == 1


class _MarkingTranslator(QTranslator):
    """A real translator installed in the app: marks every string of the complaints screens."""

    CONTEXTS = {"Complaints", "ReportDialog", "ComplaintDialog", "AdultAppealDialog", "TicketReceipt",
                "TicketFormDialog"}

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context in self.CONTEXTS else None

    def isEmpty(self):
        return False


def test_language_change_retranslates_open_dialogs(qtbot, file_db, lily, ai_message, clock):
    dialog = _open(qtbot, ReportDialog(None, repo=file_db, clock=clock, profile_id=lily.id,
                                       message_id=ai_message.id))
    dialog.reason_buttons[ReportReason.RUDE].setChecked(True)
    translator = _MarkingTranslator()
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle() == "«Report this message»", timeout=2000)
        assert dialog.reason_buttons[ReportReason.RUDE].text() == "«It was rude or mean»"
        assert dialog.reason_buttons[ReportReason.RUDE].isChecked()  # the choice survives
        assert dialog.send_button.text() == "«&Send»"
        dialog.submit()
        assert "«Thank you — your report was sent»" in dialog.receipt.text()
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.receipt.title.text() == "Thank you — your report was sent", timeout=2000)
