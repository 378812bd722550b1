"""The parental panel shell: PIN-only entry, Save/Restore defaults/Close with unsaved-changes
prompts, page-level audit, and the idle lock after 5 minutes (FakeClock, monotonic time).

``RetentionPage`` is a small real page on top of the signed settings store, so saving here is
the real signed write the other pages will do.
"""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox, QSpinBox, QVBoxLayout

from desktop.family_settings import DEFAULT_RETENTION_DAYS
from desktop.guardian.audit import AuditKind
from desktop.guardian.pin import GuardianSessionError
from tests.ui import guardian_fixtures as gf
from ui.parental.audit_page import AuditPage
from ui.parental.page import PanelPage
from ui.parental.panel import (
    AUDIT_LOCKED,
    AUDIT_OPENED,
    AUDIT_SAVED,
    IDLE_LOCK_SECONDS,
    ParentalPanel,
)
from ui.parental.pin_dialog import PinDialog
from ui.parental.profiles_page import ProfilesPage

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family


class RetentionPage(PanelPage):
    page_id = "retention"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.spin = QSpinBox(self)
        self.spin.setRange(0, 5000)
        self.spin.setAccessibleName("Retention days")
        self.spin.valueChanged.connect(self.changed)
        QVBoxLayout(self).addWidget(self.spin)

    def title(self):
        return "Retention"

    def load(self):
        self.spin.setValue(self.ctx.settings.retention_days())

    def save(self):
        self.ctx.settings.set_retention_days(self.spin.value())  # ValueError for 0

    def restore_defaults(self):
        self.spin.setValue(DEFAULT_RETENTION_DAYS)


FACTORIES = [RetentionPage, ProfilesPage, AuditPage]


@pytest.fixture
def panel(qtbot, family):
    panel = ParentalPanel(family.context(), FACTORIES, session=family.session)
    panel.show()
    yield panel
    # Not qtbot.addWidget: its close() would raise an "unsaved changes" prompt nobody answers.
    panel.close_discarding()
    panel.deleteLater()


def kinds(family, n=20):
    return [e.kind for e in family.core.audit.recent(n)]


def test_the_panel_refuses_to_open_without_a_fresh_session(qtbot, family):
    with pytest.raises(GuardianSessionError):
        ParentalPanel(family.context(), FACTORIES, session=None)
    family.home.clock.advance(16 * 60)  # sessions last 15 minutes
    with pytest.raises(GuardianSessionError):
        ParentalPanel(family.context(), FACTORIES, session=family.session)
    assert AUDIT_OPENED not in kinds(family)


def test_open_with_pin_asks_first(qtbot, family):
    answer = gf.on_modal(PinDialog, gf.enter_pin("000000"))
    assert ParentalPanel.open_with_pin(None, family.context(), FACTORIES) is None
    answer.check()
    answer = gf.on_modal(PinDialog, gf.enter_pin(gf.PIN))
    panel = ParentalPanel.open_with_pin(None, family.context(), FACTORIES)
    answer.check()
    assert panel.isVisible()
    titles = [panel.page_list.item(i).text() for i in range(panel.page_list.count())]
    assert titles == ["Retention", "Profiles and consent", "Audit log"]
    assert kinds(family, 2) == [AUDIT_OPENED, AuditKind.PIN_ACCEPTED]
    panel.close_discarding()


def test_save_writes_the_signed_setting_and_an_audit_event(qtbot, panel, family):
    page = panel.current_page()
    page.spin.setValue(30)
    assert panel.is_dirty(page) and panel.unsaved_label.text() == "Unsaved changes"
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert not panel.is_dirty(page) and panel.unsaved_label.text() == ""
    assert family.context().settings.retention_days() == 30
    saved = family.core.audit.recent(1, kind=AUDIT_SAVED)[0]
    assert saved.detail == {"page": "retention"}
    assert family.core.audit.recent(1, kind=AuditKind.SETTING_CHANGED)


def test_a_refused_save_is_shown_and_keeps_the_edit(qtbot, panel, family):
    page = panel.current_page()
    page.spin.setValue(0)
    shown = []

    def read_and_close(box):
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer = gf.on_modal(QMessageBox, read_and_close)
    assert not panel.save_current()
    answer.check()
    assert "was not saved" in shown[0]
    assert panel.is_dirty(page) and page.spin.value() == 0
    assert family.context().settings.retention_days() == DEFAULT_RETENTION_DAYS


def test_restore_defaults_fills_the_page_and_waits_for_save(qtbot, panel, family):
    family.context().settings.set_retention_days(30)
    panel.current_page().load()
    panel.defaults_button.click()
    assert panel.current_page().spin.value() == DEFAULT_RETENTION_DAYS
    assert panel.is_dirty(panel.current_page())
    assert family.context().settings.retention_days() == 30
    panel.save_current()
    assert family.context().settings.retention_days() == DEFAULT_RETENTION_DAYS


def test_unsaved_changes_prompt_on_page_switch_and_close(qtbot, panel, family):
    page = panel.current_page()
    page.spin.setValue(45)
    answer = gf.on_modal(QMessageBox, gf.press(QMessageBox.StandardButton.Cancel))
    assert not panel.show_page("audit")
    answer.check()
    assert panel.current_page() is page and page.spin.value() == 45
    answer = gf.on_modal(QMessageBox, gf.press(QMessageBox.StandardButton.Discard))
    assert panel.show_page("audit")
    answer.check()
    assert page.spin.value() == DEFAULT_RETENTION_DAYS and not panel.is_dirty()
    assert not panel.defaults_button.isEnabled()  # the audit page has no defaults

    panel.show_page("retention")
    page.spin.setValue(60)
    answer = gf.on_modal(QMessageBox, gf.press(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(page.spin, Qt.Key.Key_Escape)
    answer.check()
    assert panel.isVisible()
    answer = gf.on_modal(QMessageBox, gf.press(QMessageBox.StandardButton.Save))
    panel.close_button.click()
    answer.check()
    assert not panel.isVisible()
    assert family.context().settings.retention_days() == 60


def test_the_panel_locks_itself_after_five_idle_minutes(qtbot, panel, family):
    clock = family.home.clock
    locked = []
    panel.locked.connect(lambda: locked.append(True))
    assert panel.idle_timer.isActive()
    clock.advance(IDLE_LOCK_SECONDS - 1)
    assert not panel.check_idle()
    # A key press inside the panel counts as activity (the app-wide event filter sees it).
    spin = panel.current_page().spin
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == DEFAULT_RETENTION_DAYS + 1
    clock.advance(IDLE_LOCK_SECONDS - 1)
    assert not panel.check_idle() and panel.isVisible()
    # Wall-clock jumps do not count: only monotonic time does.
    clock.jump_wall(3600)
    assert not panel.check_idle()
    clock.advance(2)
    assert panel.check_idle()
    assert locked == [True] and not panel.isVisible() and panel.session is None
    event = family.core.audit.recent(1, kind=AUDIT_LOCKED)[0]
    assert event.detail == {"reason": "idle", "unsaved_pages": 1}
    # Unsaved edits are dropped, not saved by nobody.
    assert family.context().settings.retention_days() == DEFAULT_RETENTION_DAYS


def test_activity_outside_the_panel_does_not_keep_it_open(qtbot, panel, family):
    other = QSpinBox()
    qtbot.addWidget(other)
    other.show()
    family.home.clock.advance(IDLE_LOCK_SECONDS - 10)
    qtbot.keyClick(other, Qt.Key.Key_Up)
    family.home.clock.advance(10)
    assert panel.check_idle()


def test_language_change_keeps_the_page_titles(qtbot, panel):
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.page_list.item(1).text() == "Profiles and consent"
    assert panel.save_button.text() == "&Save"
