"""The first-run setup wizard: PIN, recovery code, contacts (R14), children (R10), consent (R13,
R25), then one atomic write.

Nothing touches the database or the keyring until Finish. The PIN is hashed as soon as it is
chosen (so the recovery code can be shown on the next page, as the guardian expects) and the
hashes wait in memory; Finish hands them to ``GuardianCore.establish`` together with a
``populate`` callback that stores the guardian, the children and the consents inside the same
transaction, with the keyring marker written last. A cancelled wizard, or a Finish that fails,
leaves no family behind.

    wizard = SetupWizard(core, language=Language.EN)
    if wizard.exec() == QDialog.Accepted:
        wizard.outcome.session   # a fresh GuardianSession
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from desktop.guardian.core import AlreadySetUpError, GuardianCore
from desktop.guardian.notices import ConsentKind
from desktop.guardian.pin import GuardianSession, PinHashes, PinService, hash_secret
from desktop.guardian.pin_rules import check_new_pin
from desktop.guardian.secrets import FALLBACK_FILENAME, SecretsStatus, SecretsUnavailableError
from desktop.profiles.models import ChildProfile, Guardian, Language
from desktop.profiles.repository import ProfileRepository
from ui.setup.consent_pages import ServiceConsentPage, TrainingConsentPage
from ui.setup.forms import ChildDraft
from ui.setup.pages import (
    ChildrenPage,
    ContactsPage,
    IntroPage,
    PinPage,
    RecoveryPage,
    SummaryPage,
)

INTRO, PIN, RECOVERY, CONTACTS, CHILDREN = range(5)
CONSENT_BASE = 100  # consent pages take 100, 101, ... in the order they are asked
SUMMARY = 1000


@dataclass(frozen=True)
class SetupOutcome:
    install_id: str
    session: GuardianSession
    children: tuple[ChildProfile, ...]
    #: Children under 14 without service consent: they have a profile but cannot chat yet.
    chat_closed: tuple[ChildProfile, ...]
    secrets: SecretsStatus


class SetupWizard(QWizard):
    family_created = Signal(object)  # SetupOutcome

    def __init__(
        self, core: GuardianCore, *, language: Language | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.core = core
        self.language = Language(language or Language.parse(QLocale().name()))
        self.today: date = core.clock.now().date()
        self.guardian: Guardian | None = None
        self.children: list[ChildDraft] = []
        self.outcome: SetupOutcome | None = None
        self._hashes: PinHashes | None = None
        self._recovery_code: str | None = None
        self._consent_pages: list[ServiceConsentPage | TrainingConsentPage] = []
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.intro_page = IntroPage(core)
        self.pin_page = PinPage()
        self.recovery_page = RecoveryPage()
        self.contacts_page = ContactsPage()
        self.children_page = ChildrenPage(self.today)
        self.summary_page = SummaryPage()
        for page_id, page in (
            (INTRO, self.intro_page),
            (PIN, self.pin_page),
            (RECOVERY, self.recovery_page),
            (CONTACTS, self.contacts_page),
            (CHILDREN, self.children_page),
            (SUMMARY, self.summary_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(INTRO)
        self.ensurePolished()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 34)
        self.retranslate_ui()

    # -- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up Hearth"))
        for page_id in self.pageIds():
            retranslate = getattr(self.page(page_id), "retranslate_ui", None)
            if retranslate is not None:
                retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what the pages collect ----------------------------------------------------------------
    def has_pin(self) -> bool:
        return self._hashes is not None

    def set_pin(self, pin: str) -> None:
        """Hash a new PIN now; the recovery code is made once and survives a PIN change."""
        if self._hashes is None:
            self._hashes, self._recovery_code = PinService.new_hashes(pin)
        else:
            self._hashes = PinHashes(hash_secret(check_new_pin(pin)), self._hashes.recovery_hash)

    def recovery_code(self) -> str | None:
        return self._recovery_code

    def set_children(self, drafts: list[ChildDraft]) -> None:
        """(Re)build the consent pages when the list of children changed."""
        if drafts == self.children and self._consent_pages:
            return
        self.children = list(drafts)
        for page_id in [i for i in self.pageIds() if CONSENT_BASE <= i < SUMMARY]:
            page = self.page(page_id)
            self.removePage(page_id)
            page.deleteLater()
        self._consent_pages = []
        for draft in self.children:
            if draft.needs_guardian_consent(self.today):
                self._consent_pages.append(ServiceConsentPage(draft, self.language))
            self._consent_pages.append(TrainingConsentPage(draft, self.language))
        for offset, page in enumerate(self._consent_pages):
            self.setPage(CONSENT_BASE + offset, page)

    def consent_pages(self) -> list[ServiceConsentPage | TrainingConsentPage]:
        return list(self._consent_pages)

    def _answers(self, draft_index: int) -> dict[ConsentKind, tuple[str, str]]:
        """{kind: (given_by, version)} the guardian agreed to for one child."""
        draft = self.children[draft_index]
        found = {}
        for page in self._consent_pages:
            if page.draft is draft:
                name = page.given_by()
                if name:
                    found[page.kind] = (name, page.version)
        return found

    def summary_text(self) -> str:
        lines = []
        if self.guardian is not None:
            lines.append(self.tr("Guardian: %1").replace("%1", self.guardian.name))
        for i, draft in enumerate(self.children):
            answers = self._answers(i)
            line = self.tr("%1, age %2").replace("%1", draft.display_name)
            line = line.replace("%2", str(draft.age(self.today)))
            if draft.needs_guardian_consent(self.today):
                if ConsentKind.SERVICE in answers:
                    line += " — " + self.tr("your consent is recorded")
                else:
                    line += " — " + self.tr(
                        "no consent: the profile is created, but the chat stays closed until "
                        "you record consent in Guardian settings"
                    )
            if ConsentKind.TRAINING in answers:
                line += " — " + self.tr("training use: allowed")
            else:
                line += " — " + self.tr("training use: no")
            lines.append("• " + line)
        if self.intro_page.fallback_chosen():
            lines.append(
                self.tr("Secrets: a plain file in the data folder (weaker), as you chose.")
            )
        lines.append("")
        lines.append(self.tr("Press Finish to save all of this at once."))
        return "\n".join(lines)

    # -- the one write -------------------------------------------------------------------------
    def commit(self) -> bool:
        """Store the whole family in one transaction; on failure say why and store nothing."""
        if self.outcome is not None:
            return True
        if self._hashes is None or self.guardian is None or not self.children:
            return False
        core = self.core
        secrets_before = (core.secrets.backend, core.secrets.status)
        fallback_path = core.data_dir / FALLBACK_FILENAME
        fallback_existed = fallback_path.exists()
        profiles = ProfileRepository(core.db)
        created: list[ChildProfile] = []

        def populate(_session: GuardianSession) -> None:
            now = core.clock.now()
            profiles.save_guardian(self.guardian, now=now)
            for i, draft in enumerate(self.children):
                profile = profiles.add_child(
                    draft.display_name, draft.birthday, draft.language, now=now
                )
                created.append(profile)
                for kind, (name, version) in self._answers(i).items():
                    core.consents.record(profile.id, kind, name, version, now)

        try:
            with core.db.atomic():
                if not core.secrets.status.available:
                    if not self.intro_page.fallback_chosen():
                        raise SecretsUnavailableError(core.secrets.status)
                    core.enable_file_fallback(by=self.guardian.name)
                install_id, session = core.establish(self._hashes, populate=populate)
        except Exception as exc:  # any failure: nothing was stored; tell the guardian why
            core.secrets.use(*secrets_before)
            if not fallback_existed:
                fallback_path.unlink(missing_ok=True)
            self.summary_page.error.setText(self._failure_text(exc))
            return False
        closed = tuple(p for p in created if core.consents.chat_needs_consent(p, self.today))
        self.outcome = SetupOutcome(
            install_id, session, tuple(created), closed, core.secrets.status
        )
        self._hashes = None
        self._recovery_code = None
        self.recovery_page.view.clear()
        self.family_created.emit(self.outcome)
        return True

    @staticmethod
    def _failure_text(exc: Exception) -> str:
        if isinstance(exc, AlreadySetUpError):
            return QCoreApplication.translate(
                "SetupWizard",
                "A family is already set up for this account, so nothing was saved. Open Hearth "
                "normally, or restore the family from its export.",
            )
        if isinstance(exc, SecretsUnavailableError):
            return QCoreApplication.translate(
                "SetupWizard",
                "The system keyring stopped answering, so nothing was saved. Start the keyring "
                "and press Finish again, or go back and choose the plain file.",
            )
        return QCoreApplication.translate("SetupWizard", "Setup failed and nothing was saved: %1").replace(
            "%1", str(exc)
        )

    def reject(self) -> None:
        """Cancel: confirm once the guardian has typed something; nothing has been stored."""
        if self.outcome is None and self.currentId() not in (INTRO, -1):
            answer = QMessageBox.question(
                self,
                self.tr("Cancel setup?"),
                self.tr("Stop the setup? Nothing has been saved, and nothing will be."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.discard()

    def discard(self) -> None:
        """Close without asking, forgetting the PIN hashes and the recovery code (for a caller
        that shuts Hearth down while the wizard is open). Nothing is stored."""
        self._hashes = None
        self._recovery_code = None
        self.recovery_page.view.clear()
        super().reject()
