"""The Profiles page with a real database and keyring: children (R10), contacts (R14), consent
with history (R13, R25). Removing a child needs a confirmation and the PIN again.
"""

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.companion.repository import ConversationRepository, MessageStatus, Role
from desktop.guardian.audit import AuditKind
from desktop.guardian.notices import ConsentKind
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository
from tests.ui import guardian_fixtures as gf
from ui.parental.pin_dialog import PinDialog
from ui.parental.profiles_page import (
    AUDIT_ADDED,
    AUDIT_REMOVED,
    AUDIT_UPDATED,
    ProfilesPage,
)
from ui.setup.consent import ConsentDialog
from ui.setup.forms import ChildDialog

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def page(qtbot, family):
    page = ProfilesPage(family.context())
    qtbot.addWidget(page)
    page.load()
    page.show()
    return page


def fill_child(name, birthday, language=None):
    def action(dialog: ChildDialog) -> None:
        dialog.form.name_edit.setText(name)
        dialog.form.birthday_edit.setDate(QDate(birthday.year, birthday.month, birthday.day))
        if language is not None:
            dialog.form.language_box.setCurrentIndex(
                dialog.form.language_box.findData(language.value)
            )
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return action


def stored(family):
    return ProfileRepository(family.db).children()


def test_add_and_edit_a_child_are_stored_and_audited(qtbot, page, family):
    assert page.title() == "Profiles and consent"
    assert page.child_list.count() == 1 and "Lily — age 10" in page.child_list.item(0).text()

    # A bad entry is refused inside the dialog, which stays open until it is fixed; a
    # future birthday cannot even be picked (the date field stops at today).
    def invalid_then_fixed(dialog):
        dialog.form.birthday_edit.setDate(QDate(2030, 1, 1))
        assert dialog.form.birthday_edit.date() == QDate(2026, 11, 26)
        fill_child("   ", date(2019, 6, 1))(dialog)
        assert dialog.isVisible() and "child's name" in dialog.form.error.text()
        fill_child("Mei", date(2019, 6, 1), Language.ZH)(dialog)

    answer = gf.on_modal(ChildDialog, invalid_then_fixed)
    mei = page.add_child()
    answer.check()
    assert [c.display_name for c in stored(family)] == ["Lily", "Mei"]
    assert (mei.birthday, mei.language, mei.minor_mode) == (date(2019, 6, 1), Language.ZH, True)
    assert page.child_list.count() == 2 and page.selected_child().id == mei.id
    assert family.core.audit.recent(1, kind=AUDIT_ADDED)[0].detail == {"profile_id": mei.id}

    answer = gf.on_modal(ChildDialog, fill_child("Meimei", date(2019, 6, 2)))
    page.edit_child()
    answer.check()
    again = ProfileRepository(family.db).get_child(mei.id)
    assert (again.display_name, again.birthday, again.language) == (
        "Meimei",
        date(2019, 6, 2),
        Language.ZH,
    )
    assert family.core.audit.recent(1, kind=AUDIT_UPDATED)


def test_removing_a_child_needs_confirmation_and_the_pin(qtbot, page, family):
    child = family.child
    conversations = ConversationRepository(family.db)
    conversation = conversations.start(child.id, "buddy", now=family.home.clock.now())
    conversations.add_message(
        conversation.id, Role.USER, "hi", MessageStatus.SENT, now=family.home.clock.now()
    )

    answer = gf.on_modal(QMessageBox, gf.press(NO))
    assert not page.remove_child()
    answer.check()
    confirm = gf.on_modal(QMessageBox, gf.press(YES))
    pin = gf.on_modal(PinDialog, gf.enter_pin("000000"))
    assert not page.remove_child()
    confirm.check()
    pin.check()
    assert [c.id for c in stored(family)] == [child.id]  # wrong PIN: nothing removed

    confirm = gf.on_modal(QMessageBox, gf.press(YES))
    pin = gf.on_modal(PinDialog, gf.enter_pin(gf.PIN))
    assert page.remove_child()
    confirm.check()
    pin.check()
    assert stored(family) == [] and page.child_list.count() == 0
    assert conversations.for_profile(child.id) == []
    event = family.core.audit.recent(1, kind=AUDIT_REMOVED)[0]
    assert event.detail == {"profile_id": child.id, "conversations": 1}
    assert not page.remove_button.isEnabled()


def test_contacts_are_checked_and_saved(qtbot, page, family):
    changes = []
    page.changed.connect(lambda: changes.append(1))
    edits = page.contacts.edits
    assert edits["name"].text() == gf.GUARDIAN.name
    qtbot.keyClicks(edits["email"], "x")  # typing marks the page unsaved
    assert changes
    edits["email"].setText("not-an-address")
    with pytest.raises(ValueError, match="e-mail"):
        page.save()
    for field in ("email", "phone", "emergency_phone", "emergency_email"):
        edits[field].setText("")
    with pytest.raises(ValueError, match="at least one way"):  # R14
        page.save()
    edits["emergency_phone"].setText("+86 139 1111 2222")
    page.save()
    guardian = ProfileRepository(family.db).guardian()
    assert (guardian.email, guardian.emergency_phone) == ("", "+86 139 1111 2222")


def agree_as(name):
    def action(dialog: ConsentDialog) -> None:
        dialog.agree_button.click()  # without a name: refused, stays open
        assert dialog.isVisible() and "Type your name" in dialog.error.text()
        dialog.name.edit.setText(name)
        dialog.agree_button.click()

    return action


def test_record_and_withdraw_consent_keep_a_history(qtbot, page, family):
    core, child = family.core, family.child
    today = family.home.clock.now().date()
    assert core.consents.chat_needs_consent(child, today)
    assert "cannot chat" in page.service_status.text()
    assert "not allowed (the default)" in page.training_status.text()
    assert not page.withdraw_service.isEnabled()

    # Cancelling records nothing.
    answer = gf.on_modal(ConsentDialog, lambda d: d.cancel_button.click())
    assert not page.record_consent(ConsentKind.SERVICE)
    answer.check()
    assert core.consents.history(child.id) == []

    seen = {}

    def read_then_agree(dialog):
        seen["notice"] = dialog.notice.toPlainText()
        agree_as("Ana Li")(dialog)

    answer = gf.on_modal(ConsentDialog, read_then_agree)
    assert page.record_consent(ConsentKind.SERVICE)
    answer.check()
    assert "service-v1" in seen["notice"]
    record = core.consents.current(child.id, ConsentKind.SERVICE)
    assert (record.given_by, record.notice_version, record.active) == ("Ana Li", "service-v1", True)
    assert not core.consents.chat_needs_consent(child, today)
    assert "given by Ana Li" in page.service_status.text()
    assert not core.consents.training_allowed(child.id)  # R25: never bundled

    family.home.clock.advance(3600)
    answer = gf.on_modal(QMessageBox, gf.press(YES))
    assert page.withdraw_consent(ConsentKind.SERVICE)
    answer.check()
    assert core.consents.chat_needs_consent(child, today)
    closed = core.consents.current(child.id, ConsentKind.SERVICE)
    assert closed.withdrawn_at == family.home.clock.now() and closed.withdrawn_by == "Ana Li"

    answer = gf.on_modal(ConsentDialog, agree_as("Ana Li"))
    assert page.record_consent(ConsentKind.TRAINING)
    answer.check()
    assert core.consents.training_allowed(child.id)
    assert core.consents.current(child.id, ConsentKind.TRAINING).notice_version == "training-v1"
    assert page.withdraw_training.isEnabled() and not page.record_training.isEnabled()

    # The history table: newest first, who/when/version, with the withdrawal.
    assert page.history.rowCount() == 2
    cells = [[page.history.item(r, c).text() for c in range(5)] for r in range(2)]
    assert cells[0][:3] == ["Training", "Ana Li", "training-v1"] and cells[0][4] == ""
    assert cells[1][:3] == ["Service", "Ana Li", "service-v1"]
    assert cells[1][3] == "2026-11-26 16:00" and cells[1][4] == "2026-11-26 17:00 (Ana Li)"
    kinds = [e.kind for e in core.audit.recent(5)]
    assert kinds.count(AuditKind.CONSENT_GIVEN) == 2 and AuditKind.CONSENT_WITHDRAWN in kinds


def test_restore_defaults_changes_nothing(qtbot, page, family):
    page.contacts.edits["name"].setText("Someone Else")
    page.restore_defaults()
    assert page.contacts.edits["name"].text() == "Someone Else"
    assert ProfileRepository(family.db).guardian().name == gf.GUARDIAN.name


def test_language_change_keeps_the_selection_and_texts(qtbot, page, family):
    page.contacts.edits["name"].setText("Typed But Not Saved")
    gf.announce_language_change(page)
    assert page.selected_child().id == family.child.id
    assert page.contacts.edits["name"].text() == "Typed But Not Saved"
    assert page.add_button.text() == "&Add child…"
    assert page.history.horizontalHeaderItem(2).text() == "Notice"
