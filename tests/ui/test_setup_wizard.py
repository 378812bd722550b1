"""The first-run wizard against a real Secret Service and a real SQLite file (R10, R13, R14, R25).

Each test drives the wizard through its buttons as a guardian would; the results are read
back from the database and the keyring, never from the wizard's own state.
"""

from datetime import date

import pytest
from keyring.backends import fail
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from desktop.guardian.audit import AuditKind
from desktop.guardian.integrity import IntegrityStatus
from desktop.guardian.notices import ConsentKind, current_notice_version
from desktop.guardian.pin import verify_hash
from desktop.guardian.pin_rules import normalize_recovery_code
from desktop.guardian.secrets import KEY_ENTRY, MARKER_ENTRY, SecretBackendKind
from desktop.profiles.repository import ProfileRepository
from tests.ui import guardian_fixtures as gf
from ui.setup.consent_pages import ServiceConsentPage, TrainingConsentPage
from ui.setup.wizard import CHILDREN, CONTACTS, PIN, RECOVERY, SUMMARY, SetupWizard

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home

NEW_PIN = "480213"
TABLES = (
    "guardian_pin",
    "guardian",
    "child_profiles",
    "consents",
    "guardian_settings",
    "audit_log",
)


@pytest.fixture
def make_wizard(qapp):
    made = []

    def make(core):
        wizard = SetupWizard(core)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    # Not qtbot.addWidget: its close() would ask "Cancel setup?" with nobody to answer.
    for wizard in made:
        wizard.discard()
        wizard.deleteLater()


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def press_next(wizard):
    button = next_button(wizard)
    assert button.isEnabled(), f"Next is disabled on page {wizard.currentId()}"
    button.click()


def to_children(wizard):
    """Intro → PIN → recovery code → contacts, ending on the children page."""
    press_next(wizard)
    wizard.pin_page.pin_edit.setText(NEW_PIN)
    wizard.pin_page.repeat_edit.setText(NEW_PIN)
    press_next(wizard)
    wizard.recovery_page.view.confirm.setChecked(True)
    press_next(wizard)
    edits = wizard.contacts_page.form.edits
    edits["name"].setText("Ana Li")
    edits["email"].setText("ana@example.org")
    edits["emergency_name"].setText("Wei Li")
    edits["emergency_phone"].setText("+86 139 0000 0000")
    press_next(wizard)
    assert wizard.currentId() == CHILDREN


def add_child(wizard, name, birthday):
    form = wizard.children_page.form
    form.name_edit.setText(name)
    form.birthday_edit.setDate(QDate(birthday.year, birthday.month, birthday.day))
    assert wizard.children_page.add_from_form()


def next_tab_stop(widget):
    """The widget Tab moves to from ``widget`` (skipping ones Tab cannot reach)."""
    candidate = widget.nextInFocusChain()
    while candidate is not widget:
        if (
            candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


def rows(db, table):
    return db.execute(f"select count(*) from {table}").fetchone()[0]


def test_the_whole_setup_is_stored_at_finish(make_wizard, home):
    wizard = make_wizard(home.core)
    assert wizard.intro_page.secrets_label.text().count("keyring") >= 1
    press_next(wizard)
    assert wizard.currentId() == PIN

    # The PIN rules come from desktop.guardian.pin_rules, with their reason in words.
    wizard.pin_page.pin_edit.setText("1234")
    wizard.pin_page.repeat_edit.setText("1234")
    press_next(wizard)
    assert wizard.currentId() == PIN
    assert "at least 6 digits" in wizard.pin_page.message.text()
    wizard.pin_page.pin_edit.setText(NEW_PIN)
    wizard.pin_page.repeat_edit.setText(NEW_PIN + "9")
    press_next(wizard)
    assert wizard.currentId() == PIN and "not the same" in wizard.pin_page.message.text()
    wizard.pin_page.repeat_edit.setText(NEW_PIN)
    press_next(wizard)

    # The recovery code: shown big and selectable, "written down" not pre-ticked.
    assert wizard.currentId() == RECOVERY
    view = wizard.recovery_page.view
    code = view.code_label.text()
    assert len(normalize_recovery_code(code)) == 20
    assert not view.confirm.isChecked() and not next_button(wizard).isEnabled()
    view.confirm.setChecked(True)
    press_next(wizard)

    # Contacts (R14): a malformed e-mail is refused with a sentence, then fixed.
    assert wizard.currentId() == CONTACTS
    edits = wizard.contacts_page.form.edits
    edits["name"].setText("Ana Li")
    edits["email"].setText("ana at example")
    press_next(wizard)
    assert wizard.currentId() == CONTACTS
    assert "e-mail" in wizard.contacts_page.form.error.text()
    edits["email"].setText("ana@example.org")
    edits["emergency_name"].setText("Wei Li")
    edits["emergency_phone"].setText("+86 139 0000 0000")
    press_next(wizard)

    # A child under 14 (R10: the birthday is set when the profile is made).
    add_child(wizard, "Lily", date(2016, 3, 1))
    press_next(wizard)
    page = wizard.currentPage()
    assert isinstance(page, ServiceConsentPage)
    choice = page.choice
    # Plain: nothing pre-selected, and "continue without" is a peer of "I agree".
    assert not choice.agree.isChecked() and not choice.decline.isChecked()
    assert not next_button(wizard).isEnabled()
    assert choice.notice.version == current_notice_version(ConsentKind.SERVICE)
    assert "service-v1" in choice.notice.toPlainText()
    choice.agree.setChecked(True)
    assert not next_button(wizard).isEnabled()  # the name must be typed
    choice.name.edit.setText("Ana Li")
    press_next(wizard)

    # Training (R25): its own screen, its own notice, unticked, and Next works as it is.
    page = wizard.currentPage()
    assert isinstance(page, TrainingConsentPage)
    assert not page.choice.allow.isChecked()
    assert "training-v1" in page.choice.notice.toPlainText()
    press_next(wizard)
    assert wizard.currentId() == SUMMARY
    assert "Lily" in wizard.summary_page.summary.text()
    assert rows(home.db, "guardian_pin") == 0  # still nothing stored before Finish

    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.outcome.session.is_fresh(home.clock)

    # Read everything back through a fresh start of Hearth.
    core = home.open()
    assert core.check_integrity().status is IntegrityStatus.OK
    assert core.secrets.status.kind is SecretBackendKind.KEYRING
    assert home.keyring_entry(KEY_ENTRY) and home.keyring_entry(MARKER_ENTRY)
    profiles = ProfileRepository(home.db)
    assert profiles.guardian().email == "ana@example.org"
    (lily,) = profiles.children()
    assert (lily.display_name, lily.birthday, lily.minor_mode) == ("Lily", date(2016, 3, 1), True)
    consent = core.consents.current(lily.id, ConsentKind.SERVICE)
    assert consent.active and consent.given_by == "Ana Li"
    assert consent.notice_version == "service-v1"
    assert consent.given_at == home.clock.now()
    assert core.consents.current(lily.id, ConsentKind.TRAINING) is None
    assert not core.consents.chat_needs_consent(lily, home.clock.now().date())
    # The code shown is the one whose hash the keyring holds; the chosen PIN opens Hearth.
    marker = core.secrets.family_marker()
    assert verify_hash(marker.recovery_hash, normalize_recovery_code(code))
    assert core.pins.verify(NEW_PIN).ok
    assert view.code_label.text() == ""  # the wizard forgot the code
    kinds = [e.kind for e in core.audit.recent(10)]
    assert AuditKind.FAMILY_SET_UP in kinds and AuditKind.CONSENT_GIVEN in kinds


def test_a_cancelled_wizard_leaves_nothing(make_wizard, home):
    wizard = make_wizard(home.core)
    to_children(wizard)
    add_child(wizard, "Lily", date(2016, 3, 1))
    press_next(wizard)
    page = wizard.currentPage()
    page.choice.agree.setChecked(True)
    page.choice.name.edit.setText("Ana Li")
    press_next(wizard)
    press_next(wizard)
    assert wizard.currentId() == SUMMARY

    # Cancel asks first; "No" keeps the wizard open, "Yes" closes it.
    answer = gf.on_modal(QMessageBox, gf.press(QMessageBox.StandardButton.No))
    wizard.button(QWizard.WizardButton.CancelButton).click()
    answer.check()
    assert wizard.isVisible()
    answer = gf.on_modal(QMessageBox, gf.press(QMessageBox.StandardButton.Yes))
    wizard.button(QWizard.WizardButton.CancelButton).click()
    answer.check()
    assert not wizard.isVisible() and wizard.outcome is None

    core = home.open()
    assert {t: rows(home.db, t) for t in TABLES} == dict.fromkeys(TABLES, 0)
    assert home.keyring_entry(KEY_ENTRY) is None and home.keyring_entry(MARKER_ENTRY) is None
    assert core.check_integrity().status is IntegrityStatus.NEEDS_SETUP


def test_without_consent_the_child_gets_a_profile_but_no_chat(make_wizard, home):
    wizard = make_wizard(home.core)
    to_children(wizard)
    add_child(wizard, "Lily", date(2016, 3, 1))
    add_child(wizard, "Tom", date(2009, 5, 1))  # 17: no service consent screen
    press_next(wizard)
    kinds = [(type(p).__name__, p.draft.display_name) for p in wizard.consent_pages()]
    assert kinds == [
        ("ServiceConsentPage", "Lily"),
        ("TrainingConsentPage", "Lily"),
        ("TrainingConsentPage", "Tom"),
    ]
    wizard.currentPage().choice.decline.setChecked(True)
    assert "cannot chat" in wizard.currentPage().choice.consequence.text()
    press_next(wizard)
    # Training for Tom, given separately with a typed name (R25).
    press_next(wizard)
    tom_page = wizard.currentPage()
    tom_page.choice.allow.setChecked(True)
    assert not next_button(wizard).isEnabled()
    tom_page.choice.name.edit.setText("Ana Li")
    press_next(wizard)
    summary = wizard.summary_page.summary.text()
    assert "chat stays closed" in summary
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert [p.display_name for p in wizard.outcome.chat_closed] == ["Lily"]

    core = home.open()
    lily, tom = ProfileRepository(home.db).children()
    today = home.clock.now().date()
    assert core.consents.chat_needs_consent(lily, today)
    assert not core.consents.chat_needs_consent(tom, today)
    assert core.consents.history(lily.id) == []
    (training,) = core.consents.history(tom.id)
    assert (training.kind, training.notice_version) == (ConsentKind.TRAINING, "training-v1")
    assert not core.consents.has_consent(tom.id, ConsentKind.SERVICE)


def test_finish_that_fails_stores_nothing_and_says_why(make_wizard, home, tmp_path):
    wizard = make_wizard(home.core)
    to_children(wizard)
    add_child(wizard, "Lily", date(2016, 3, 1))
    press_next(wizard)
    wizard.currentPage().choice.decline.setChecked(True)
    press_next(wizard)
    press_next(wizard)
    # Meanwhile a family appears in this account's keyring (another data folder set up).
    other = gf.Home(tmp_path / "other", home.service, home.backend, home.clock)
    other.open().enrol("777888")
    other.close()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.outcome is None
    assert "already set up" in wizard.summary_page.error.text()
    assert {t: rows(home.db, t) for t in TABLES} == dict.fromkeys(TABLES, 0)


def test_without_a_keyring_the_file_fallback_is_an_explicit_choice(make_wizard, tmp_path, clock):
    no_keyring = gf.Home(tmp_path / "data", "org.hearthapp.Hearth.none", fail.Keyring(), clock)
    core = no_keyring.open()
    try:
        wizard = make_wizard(core)
        intro = wizard.intro_page
        assert "could not reach a system keyring" in intro.secrets_label.text()
        assert intro.fallback_check.isVisible() and not intro.fallback_check.isChecked()
        assert not next_button(wizard).isEnabled()  # never silently
        intro.fallback_check.setChecked(True)
        to_children(wizard)
        add_child(wizard, "Tom", date(2009, 5, 1))
        press_next(wizard)
        press_next(wizard)
        assert "plain file" in wizard.summary_page.summary.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.result() == QWizard.DialogCode.Accepted
        assert wizard.outcome.secrets.weaker

        core = no_keyring.open()
        assert core.secrets.status.kind is SecretBackendKind.FILE_FALLBACK
        assert (no_keyring.data_dir / "secrets.fallback.json").exists()
        assert core.check_integrity().status is IntegrityStatus.OK
        assert core.audit.recent(1, kind=AuditKind.SECRETS_FALLBACK_ENABLED)
    finally:
        no_keyring.close()


def test_every_control_has_an_accessible_name(make_wizard, home):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QListWidget

    wizard = make_wizard(home.core)
    to_children(wizard)
    add_child(wizard, "Lily", date(2016, 3, 1))
    press_next(wizard)
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        for widget in (
            page.findChildren(QLineEdit)
            + page.findChildren(QComboBox)
            + page.findChildren(QDateEdit)
            + page.findChildren(QListWidget)
        ):
            if isinstance(widget.parent(), QDateEdit | QComboBox):
                continue  # the editor inside a date or combo box is named by its owner
            assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()}"
        for button in page.findChildren(QAbstractButton):
            assert button.text() or button.accessibleName()


def test_a_failed_finish_with_the_file_fallback_rolls_back_the_choice(make_wizard, tmp_path, clock):
    """The fallback choice and the family are one transaction: if writing the secrets file
    fails, neither the choice nor its audit event stays, and Finish can be pressed again."""
    no_keyring = gf.Home(tmp_path / "data", "org.hearthapp.Hearth.none", fail.Keyring(), clock)
    core = no_keyring.open()
    try:
        wizard = make_wizard(core)
        wizard.intro_page.fallback_check.setChecked(True)
        to_children(wizard)
        add_child(wizard, "Tom", date(2009, 5, 1))
        press_next(wizard)
        press_next(wizard)
        blocker = no_keyring.data_dir / "secrets.fallback.json.tmp"
        blocker.mkdir()  # the secrets file cannot be written (even as root)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.isVisible() and wizard.outcome is None
        assert "nothing was saved" in wizard.summary_page.error.text()
        counts = {t: rows(no_keyring.db, t) for t in (*TABLES, "guardian_state")}
        assert counts == dict.fromkeys(counts, 0)
        assert not core.secrets.status.available  # back to "no keyring", not half-switched
        blocker.rmdir()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.result() == QWizard.DialogCode.Accepted
        assert no_keyring.open().check_integrity().status is IntegrityStatus.OK
    finally:
        no_keyring.close()


def test_keyboard_enter_goes_on_and_language_change_keeps_the_answers(make_wizard, home, qtbot):
    wizard = make_wizard(home.core)
    press_next(wizard)
    qtbot.keyClicks(wizard.pin_page.pin_edit, NEW_PIN)
    assert next_tab_stop(wizard.pin_page.pin_edit) is wizard.pin_page.repeat_edit
    qtbot.keyClicks(wizard.pin_page.repeat_edit, NEW_PIN)
    qtbot.keyClick(wizard.pin_page.repeat_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == RECOVERY
    code = wizard.recovery_page.view.code()
    gf.announce_language_change(wizard)
    assert wizard.recovery_page.title() == "Your recovery code"
    assert wizard.recovery_page.view.code() == code  # retranslating keeps what was shown
