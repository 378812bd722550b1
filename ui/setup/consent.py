"""Consent, asked plainly (R13, R25): the notice, two equal answers, the guardian's typed name.

Nothing is pre-selected and "no" is exactly as easy and as visible as "yes" (UK code: no
nudges). The service question is a pair of equal radio buttons; the training question (R25) is
one unticked checkbox on its own screen with its own notice, never bundled with the service.
These widgets only collect the answer; the wizard or the profiles page records it through
``core.consents.record`` with the notice's current version.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.guardian.consent import MAX_NAME
from desktop.guardian.notices import ConsentKind, current_notice_version, load_notice
from desktop.profiles.models import Language
from ui.setup import texts
from ui.setup.forms import error_label


def clean_name(text: str) -> str | None:
    """The name as ``ConsentRepository.record`` will store it, or None if it would refuse it."""
    name = " ".join((text or "").split())
    return name if 0 < len(name) <= MAX_NAME else None


def _calmer_headings(markdown: str) -> str:
    """Qt draws ``#`` headings huge; two levels down they read as headings in a small box."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("#"):
            line = "##" + line
        lines.append(line)
    return "\n".join(lines)


class NoticeView(QTextBrowser):
    """A versioned notice from ``resources/notices`` (Markdown), read-only, scrollable."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeView")
        self.setOpenExternalLinks(False)
        self.version = ""
        lines = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(lines * 8)

    def show_notice(self, kind: ConsentKind, language: Language) -> str:
        """Show the current notice of ``kind``; returns its version (what a consent records)."""
        self.version = current_notice_version(kind)
        self.setMarkdown(_calmer_headings(load_notice(self.version, language).text))
        self.setAccessibleName(self.tr("Notice %1").replace("%1", self.version))
        return self.version


class Decision(StrEnum):
    UNDECIDED = "undecided"
    AGREE = "agree"
    DECLINE = "decline"


class _NameField(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.caption = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("consentNameEdit")
        self.edit.setMaxLength(MAX_NAME * 2)
        self.caption.setBuddy(self.edit)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.caption, self.edit)

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Your full &name (who gives consent):"))
        self.edit.setAccessibleName(self.tr("Name of the person giving consent"))


class _ConsentQuestion(QWidget):
    """What both setup consent questions share: an intro, the notice of ``kind``, the answer
    widgets, the guardian's typed name and an error line, in that order top to bottom and in the
    tab order; the answer changes and the typed name both re-run ``_update``. Subclasses supply
    the answers (``_make_answers``), anything shown under the name (``_make_below_name``), the
    texts (``retranslate_ui``, kept in each subclass so every string keeps its own translation
    context) and ``_update``."""

    complete_changed = Signal()

    def __init__(
        self, kind: ConsentKind, child_name: str, language: Language, parent: QWidget | None
    ):
        super().__init__(parent)
        self.child_name = child_name
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.notice = NoticeView(self)
        self.version = self.notice.show_notice(kind, language)
        answers = self._make_answers()
        self.name = _NameField(self)
        below_name = self._make_below_name()
        self.error = error_label(self, "consentError")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice, 1)
        if isinstance(answers, QLayout):
            layout.addLayout(answers)
        else:
            layout.addWidget(answers)
        layout.addWidget(self.name)
        for widget in below_name:
            layout.addWidget(widget)
        layout.addWidget(self.error)
        self.name.edit.textChanged.connect(self._update)
        self.retranslate_ui()
        self._update()

    def _make_answers(self) -> QWidget | QLayout:
        """Create the answer widgets, connect their changes to ``_update``; return what to show."""
        raise NotImplementedError

    def _make_below_name(self) -> list[QWidget]:
        return []

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update(self, *_args) -> None:
        raise NotImplementedError


class ServiceConsentChoice(_ConsentQuestion):
    """R13: consent to the service for a child under 14 — "I agree" or "Continue without"."""

    def __init__(self, child_name: str, language: Language, parent: QWidget | None = None):
        super().__init__(ConsentKind.SERVICE, child_name, language, parent)

    def _make_answers(self) -> QLayout:
        self.agree = QRadioButton(self)
        self.agree.setObjectName("agreeRadio")
        self.decline = QRadioButton(self)
        self.decline.setObjectName("declineRadio")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.addButton(self.agree)
        self.group.addButton(self.decline)
        self.group.buttonToggled.connect(self._update)
        answers = QHBoxLayout()
        answers.addWidget(self.agree, 1)
        answers.addWidget(self.decline, 1)
        return answers

    def _make_below_name(self) -> list[QWidget]:
        self.consequence = QLabel(self)
        self.consequence.setWordWrap(True)
        return [self.consequence]

    def retranslate_ui(self) -> None:
        name = self.child_name
        self.intro.setText(
            self.tr(
                "%1 is under 14. Before %1 can chat, Hearth needs your consent as their "
                "guardian. Please read the notice, then choose. Both answers are fine."
            ).replace("%1", name)
        )
        self.agree.setText(self.tr("&I agree (record my consent)"))
        self.decline.setText(self.tr("Continue &without consent"))
        self.agree.setAccessibleName(self.tr("I agree to the notice for %1").replace("%1", name))
        self.decline.setAccessibleName(
            self.tr("Continue without consent for %1").replace("%1", name)
        )
        self.consequence.setText(
            self.tr(
                "Without consent, %1's profile is still created, but %1 cannot chat until you "
                "record consent in Guardian settings."
            ).replace("%1", name)
        )
        self.name.retranslate_ui()
        self._update()

    def decision(self) -> Decision:
        if self.agree.isChecked():
            return Decision.AGREE
        if self.decline.isChecked():
            return Decision.DECLINE
        return Decision.UNDECIDED

    def given_by(self) -> str | None:
        return clean_name(self.name.edit.text()) if self.decision() is Decision.AGREE else None

    def is_complete(self) -> bool:
        decision = self.decision()
        return decision is Decision.DECLINE or (
            decision is Decision.AGREE and self.given_by() is not None
        )

    def _update(self, *_args) -> None:
        agreeing = self.decision() is Decision.AGREE
        self.name.setEnabled(agreeing)
        self.consequence.setVisible(self.decision() is Decision.DECLINE)
        typed = self.name.edit.text().strip()
        self.error.setText(
            texts.consent_name_text() if agreeing and typed and not self.given_by() else ""
        )
        self.complete_changed.emit()


class TrainingConsentChoice(_ConsentQuestion):
    """R25: a separate, unticked checkbox with its own notice; off unless ticked."""

    def __init__(self, child_name: str, language: Language, parent: QWidget | None = None):
        super().__init__(ConsentKind.TRAINING, child_name, language, parent)

    def _make_answers(self) -> QWidget:
        self.allow = QCheckBox(self)
        self.allow.setObjectName("trainingCheck")
        self.allow.setChecked(False)
        self.allow.toggled.connect(self._update)
        return self.allow

    def retranslate_ui(self) -> None:
        name = self.child_name
        self.intro.setText(
            self.tr(
                "A separate question about %1. It is off unless you tick it, and your answer "
                "changes nothing else in Hearth."
            ).replace("%1", name)
        )
        self.allow.setText(
            self.tr("Allow %1's chats to be used to train AI models").replace("%1", name)
        )
        self.allow.setAccessibleName(self.allow.text())
        self.name.retranslate_ui()

    def given_by(self) -> str | None:
        return clean_name(self.name.edit.text()) if self.allow.isChecked() else None

    def is_complete(self) -> bool:
        return not self.allow.isChecked() or self.given_by() is not None

    def _update(self, *_args) -> None:
        self.name.setEnabled(self.allow.isChecked())
        typed = self.name.edit.text().strip()
        bad = self.allow.isChecked() and typed and not self.given_by()
        self.error.setText(texts.consent_name_text() if bad else "")
        self.complete_changed.emit()


class ConsentDialog(QDialog):
    """The parental panel's "Record consent": the current notice, a typed name, and two equal
    buttons. ``given_by`` and ``version`` are set when the guardian agrees."""

    def __init__(
        self,
        kind: ConsentKind,
        child_name: str,
        language: Language,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.kind = ConsentKind(kind)
        self.child_name = child_name
        self.given_by: str | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.notice = NoticeView(self)
        self.version = self.notice.show_notice(self.kind, language)
        self.name = _NameField(self)
        self.error = error_label(self, "consentError")
        self.agree_button = QPushButton(self)
        self.agree_button.setObjectName("agreeButton")
        self.agree_button.setAutoDefault(False)
        self.agree_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.agree_button, 1)
        buttons.addWidget(self.cancel_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.resize(
            self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing() * 30
        )
        self.name.edit.setFocus()

    def retranslate_ui(self) -> None:
        name = self.child_name
        if self.kind is ConsentKind.SERVICE:
            self.setWindowTitle(self.tr("Consent to Hearth for %1").replace("%1", name))
            self.intro.setText(
                self.tr("Read the notice. Agreeing lets %1 use the chat.").replace("%1", name)
            )
        else:
            self.setWindowTitle(self.tr("Training consent for %1").replace("%1", name))
            self.intro.setText(
                self.tr(
                    "A separate question: may %1's chats be used to train AI models? "
                    "Nothing else changes either way."
                ).replace("%1", name)
            )
        self.agree_button.setText(self.tr("I &agree"))
        self.cancel_button.setText(self.tr("&Cancel (do not record)"))
        self.name.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def submit(self) -> None:
        name = clean_name(self.name.edit.text())
        if name is None:
            self.error.setText(texts.consent_name_text())
            self.name.edit.setFocus()
            return
        self.given_by = name
        self.accept()
