"""Minor mode (R10): entering takes one click and no PIN; leaving needs the guardian's PIN and
is audited — from the chat (``leave_minor_mode``) and from the Profiles page alike."""

import pytest

from desktop.guardian.pin import GuardianSessionError
from desktop.profiles.repository import ProfileRepository
from tests.ui import guardian_fixtures as gf
from ui.parental.minor_mode import (
    AUDIT_ENTERED,
    AUDIT_LEFT,
    enter_minor_mode,
    leave_minor_mode,
    leave_minor_mode_with_session,
)
from ui.parental.pin_dialog import PinDialog
from ui.parental.profiles_page import ProfilesPage

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family


def minor_mode(family) -> bool:
    return ProfileRepository(family.db).get_child(family.child.id).minor_mode


def test_leaving_minor_mode_needs_the_pin_and_is_audited(qtbot, family):
    seen = {}

    def wrong(dialog):
        seen["reason"] = dialog.reason_label.text()
        gf.enter_pin("000000")(dialog)

    answer = gf.on_modal(PinDialog, wrong)
    assert leave_minor_mode(None, family.core, family.child) is None
    answer.check()
    assert "Leave minor mode for Lily?" in seen["reason"]
    assert minor_mode(family) is True
    assert family.core.audit.recent(1, kind=AUDIT_LEFT) == []

    answer = gf.on_modal(PinDialog, lambda d: d.reject())
    assert leave_minor_mode(None, family.context(), family.child) is None
    answer.check()
    assert minor_mode(family) is True

    answer = gf.on_modal(PinDialog, gf.enter_pin(gf.PIN))
    updated = leave_minor_mode(None, family.context(), family.child)
    answer.check()
    assert updated.minor_mode is False and minor_mode(family) is False
    event = family.core.audit.recent(1, kind=AUDIT_LEFT)[0]
    assert event.actor == "guardian" and event.detail == {"profile_id": family.child.id}


def test_no_session_no_leaving(family):
    with pytest.raises(GuardianSessionError):
        leave_minor_mode_with_session(family.core, family.child, None)
    family.home.clock.advance(16 * 60)
    with pytest.raises(GuardianSessionError):
        leave_minor_mode_with_session(family.core, family.child, family.session)
    assert minor_mode(family) is True


def test_entering_minor_mode_takes_one_call_and_no_pin(family):
    off = leave_minor_mode_with_session(family.core, family.child, family.session)
    assert off.minor_mode is False
    on = enter_minor_mode(family.core, off)
    assert on.minor_mode is True and minor_mode(family) is True
    assert family.core.audit.recent(1, kind=AUDIT_ENTERED)[0].actor == "child"
    enter_minor_mode(family.core, on)  # already on: nothing to record
    assert len(family.core.audit.recent(10, kind=AUDIT_ENTERED)) == 1


def test_the_profiles_page_button_follows_the_same_rule(qtbot, family):
    page = ProfilesPage(family.context())
    qtbot.addWidget(page)
    page.load()
    assert page.minor_button.text() == "Leave minor mode…"
    answer = gf.on_modal(PinDialog, gf.enter_pin(gf.PIN))
    page.toggle_minor_mode()
    answer.check()
    assert minor_mode(family) is False
    assert "minor mode OFF" in page.child_list.item(0).text()
    assert page.minor_button.text() == "Enter minor mode"
    page.toggle_minor_mode()  # one click, no PIN dialog
    assert minor_mode(family) is True
