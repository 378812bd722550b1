"""The audit log page: a read-only table of ``core.audit.recent``, newest first, by kind."""

import pytest
from PySide6.QtWidgets import QAbstractItemView

from desktop.guardian.audit import Actor, AuditKind
from tests.ui import guardian_fixtures as gf
from ui.parental.audit_page import AuditPage, detail_text

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family


@pytest.fixture
def page(qtbot, family):
    page = AuditPage(family.context())
    qtbot.addWidget(page)
    return page


def column(page, c):
    return [page.table.item(r, c).text() for r in range(page.table.rowCount())]


def test_events_are_listed_newest_first_with_who_and_detail(qtbot, page, family):
    clock, audit = family.home.clock, family.core.audit
    clock.advance(61)
    audit.record(Actor.SYSTEM, "limits.clock_moved", {"seconds": -3600})
    clock.advance(1)
    audit.record(Actor.CHILD, "appeal.sent", {"profile_id": 1, "text": "我是成年人"})
    page.load()
    assert column(page, 0)[:2] == ["2026-11-26 16:01:02", "2026-11-26 16:01:01"]
    assert column(page, 1)[:3] == ["Child", "Hearth", "Guardian"]
    # A kind nobody named is shown as written; the time-limit events have names too.
    assert column(page, 2)[:3] == ["appeal.sent", "The computer's clock was changed", "Family set up"]
    assert column(page, 3)[0] == "profile_id: 1, text: 我是成年人"
    assert page.table.rowCount() == len(audit.recent(500))
    assert page.table.item(2, 2).toolTip() == AuditKind.FAMILY_SET_UP
    assert f"showing {page.table.rowCount()} event" in page.count_label.text()
    assert page.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_filter_by_kind(qtbot, page, family):
    family.core.pins.verify("000000")
    family.core.pins.verify("000001")
    page.load()
    kinds = [page.kind_box.itemData(i) for i in range(page.kind_box.count())]
    assert kinds[0] == "" and AuditKind.PIN_FAILED in kinds and AuditKind.CONSENT_GIVEN not in kinds
    page.set_filter(AuditKind.PIN_FAILED)
    assert column(page, 2) == ["Wrong PIN", "Wrong PIN"]
    assert column(page, 3) == ["failed_attempts: 2", "failed_attempts: 1"]
    # A refresh keeps the filter and picks up new events.
    family.core.pins.verify("000002")
    page.refresh_button.click()
    assert page.kind_box.currentData() == AuditKind.PIN_FAILED and page.table.rowCount() == 3
    page.set_filter(None)
    assert page.table.rowCount() == len(family.core.audit.recent(500))


def test_showing_the_page_reloads_and_save_changes_nothing(qtbot, page, family):
    before = len(family.core.audit.recent(500))
    page.show()
    assert page.table.rowCount() == before
    page.hide()
    family.core.audit.record(Actor.GUARDIAN, "panel.opened", {})
    page.show()
    assert column(page, 2)[0] == "Guardian settings opened"
    page.save()
    page.restore_defaults()
    assert len(family.core.audit.recent(500)) == before + 1


def test_detail_text_is_one_line():
    assert detail_text({"key": "a", "value": {"x": [1, 2]}}) == 'key: a, value: {"x":[1,2]}'


def test_language_change_keeps_the_filter(qtbot, page, family):
    page.load()
    page.set_filter(AuditKind.FAMILY_SET_UP)
    gf.announce_language_change(page)
    assert page.kind_box.currentData() == AuditKind.FAMILY_SET_UP
    assert page.kind_box.itemText(0) == "All events"
    assert column(page, 2) == ["Family set up"]
