"""Wizard pages that ask for consent, one child and one question per page (R13, R25).

The service page appears only for a child under 14; the training page appears for every child,
on its own, after the service question — never bundled with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from desktop.guardian.notices import ConsentKind
from desktop.profiles.models import Language
from ui.setup.consent import Decision, ServiceConsentChoice, TrainingConsentChoice
from ui.setup.forms import ChildDraft


class ServiceConsentPage(QWizardPage):
    kind = ConsentKind.SERVICE

    def __init__(self, draft: ChildDraft, language: Language, parent=None):
        super().__init__(parent)
        self.draft = draft
        self.choice = ServiceConsentChoice(draft.display_name, language, self)
        self.choice.complete_changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Consent for %1").replace("%1", self.draft.display_name))
        self.choice.retranslate_ui()

    def isComplete(self) -> bool:
        return self.choice.is_complete()

    def given_by(self) -> str | None:
        """The typed name if the guardian agreed, else None (continue without consent)."""
        return self.choice.given_by() if self.choice.decision() is Decision.AGREE else None

    @property
    def version(self) -> str:
        return self.choice.version


class TrainingConsentPage(QWizardPage):
    kind = ConsentKind.TRAINING

    def __init__(self, draft: ChildDraft, language: Language, parent=None):
        super().__init__(parent)
        self.draft = draft
        self.choice = TrainingConsentChoice(draft.display_name, language, self)
        self.choice.complete_changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(
            self.tr("Training AI models: a separate question (%1)").replace(
                "%1", self.draft.display_name
            )
        )
        self.choice.retranslate_ui()

    def isComplete(self) -> bool:
        return self.choice.is_complete()

    def given_by(self) -> str | None:
        return self.choice.given_by()

    @property
    def version(self) -> str:
        return self.choice.version
