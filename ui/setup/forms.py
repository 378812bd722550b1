"""The guardian's contact form and the child form, shared by the wizard and the parental panel.

Both validate with the core's own rules (``desktop.family.config.parse_guardian`` for R14,
``desktop.profiles.repository.validate_child`` for R10) so the wizard, the panel and the
``hearth setup`` config file can never disagree about what is acceptable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.family.config import parse_guardian
from desktop.family.validation import FileFormatError
from desktop.profiles.models import CONSENT_AGE, ChildProfile, Guardian, Language, age_on
from desktop.profiles.repository import ProfileError, validate_child
from ui.setup import texts

#: A sanity bound on typing; the core's validators give the real limits with a message.
MAX_FIELD_CHARS = 300
GUARDIAN_FIELDS = ("name", "email", "phone", "emergency_name", "emergency_phone", "emergency_email")


def error_colour() -> str:
    """Red that keeps WCAG AA contrast on the light and on the dark theme (``ui.theme``)."""
    app = QApplication.instance()
    dark = app is not None and app.property("hearthTheme") == "dark"
    return "#f2b8b5" if dark else "#b3261e"


class ErrorLabel(QLabel):
    """A red, bold sentence that takes no room while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {error_colour()}; font-weight: bold;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def error_label(parent: QWidget, name: str) -> ErrorLabel:
    label = ErrorLabel(parent)
    label.setObjectName(name)
    return label


def heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ContactsForm(QWidget):
    """The guardian's name and contacts and an emergency contact (R14)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        self.you_heading = heading(self)
        self.emergency_heading = heading(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.you_heading)
        for field in GUARDIAN_FIELDS:
            if field == "emergency_name":
                form.addRow(self.emergency_heading)
            edit = QLineEdit(self)
            edit.setObjectName(f"{field}Edit")
            edit.setMaxLength(MAX_FIELD_CHARS)
            edit.textEdited.connect(self.changed)
            caption = QLabel(self)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.edits[field], self.captions[field] = edit, caption
        self.error = error_label(self, "contactsError")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.you_heading.setText(self.tr("You (the guardian)"))
        self.emergency_heading.setText(self.tr("Emergency contact (someone else you trust)"))
        self.hint.setText(
            self.tr(
                "Hearth uses these only to reach a grown-up when your child may be in danger. "
                "Give at least one e-mail address or phone number."
            )
        )
        captions = {
            "name": self.tr("Your &name:"),
            "email": self.tr("Your &e-mail:"),
            "phone": self.tr("Your &phone:"),
            "emergency_name": self.tr("Their n&ame:"),
            "emergency_phone": self.tr("Their p&hone:"),
            "emergency_email": self.tr("Their e-&mail:"),
        }
        names = {
            "name": self.tr("Guardian name"),
            "email": self.tr("Guardian e-mail"),
            "phone": self.tr("Guardian phone"),
            "emergency_name": self.tr("Emergency contact name"),
            "emergency_phone": self.tr("Emergency contact phone"),
            "emergency_email": self.tr("Emergency contact e-mail"),
        }
        for field in GUARDIAN_FIELDS:
            self.captions[field].setText(captions[field])
            self.edits[field].setAccessibleName(names[field])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_guardian(self, guardian: Guardian | None) -> None:
        for field in GUARDIAN_FIELDS:
            self.edits[field].setText(getattr(guardian, field, "") if guardian else "")
        self.error.clear()

    def validate(self) -> Guardian | None:
        """The checked ``Guardian``, or None after showing what to fix (and focusing it)."""
        raw = {field: self.edits[field].text() for field in GUARDIAN_FIELDS}
        try:
            guardian = parse_guardian(raw, "guardian")
        except FileFormatError as exc:
            field = exc.where.rsplit(".", 1)[-1]
            self.error.setText(texts.guardian_field_text(exc.where))
            self.edits.get(field, self.edits["email"]).setFocus()
            return None
        self.error.clear()
        return guardian


@dataclass(frozen=True)
class ChildDraft:
    """A child profile not yet stored (the wizard stores all of them at once)."""

    display_name: str
    birthday: date
    language: Language

    def age(self, today: date) -> int:
        return age_on(self.birthday, today)

    def needs_guardian_consent(self, today: date) -> bool:
        return self.age(today) < CONSENT_AGE


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ChildForm(QWidget):
    """Name, birthday (R10: the age is set when the profile is made) and language."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("childNameEdit")
        self.name_edit.setMaxLength(MAX_FIELD_CHARS)
        self.birthday_edit = QDateEdit(self)
        self.birthday_edit.setObjectName("birthdayEdit")
        self.birthday_edit.setCalendarPopup(True)
        self.birthday_edit.setDisplayFormat("yyyy-MM-dd")
        self.birthday_edit.setMaximumDate(to_qdate(today))
        self.birthday_edit.setMinimumDate(to_qdate(date(today.year - 120, 1, 1)))
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("childLanguageBox")
        self.language_box.addItem("English", Language.EN.value)
        self.language_box.addItem("中文", Language.ZH.value)
        self.age_label = QLabel(self)
        self.age_label.setWordWrap(True)
        self.name_caption, self.birthday_caption, self.language_caption = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, editor in (
            (self.name_caption, self.name_edit),
            (self.birthday_caption, self.birthday_edit),
            (self.language_caption, self.language_box),
        ):
            caption.setBuddy(editor)
            form.addRow(caption, editor)
        form.addRow("", self.age_label)
        self.error = error_label(self, "childError")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.name_edit.textEdited.connect(self.changed)
        self.birthday_edit.dateChanged.connect(self._update_age)
        self.birthday_edit.dateChanged.connect(self.changed)
        self.language_box.currentIndexChanged.connect(self.changed)
        self.set_child(None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.name_caption.setText(self.tr("Child's &name:"))
        self.birthday_caption.setText(self.tr("&Birthday:"))
        self.language_caption.setText(self.tr("&Language:"))
        self.name_edit.setAccessibleName(self.tr("Child's name"))
        self.birthday_edit.setAccessibleName(self.tr("Child's birthday"))
        self.language_box.setAccessibleName(self.tr("Child's language"))
        self._update_age()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_age(self) -> None:
        birthday = from_qdate(self.birthday_edit.date())
        age = age_on(birthday, self.today)
        text = self.tr("Age: %n", "", age)
        if age < CONSENT_AGE:
            text += " — " + self.tr("under 14: your consent is needed before the chat opens")
        self.age_label.setText(text)

    def set_child(self, name: str | None, birthday: date | None = None, language=None) -> None:
        """Fill the form (None: empty name, a 10-year-old's birthday shown with its age)."""
        self.name_edit.setText(name or "")
        default = date(self.today.year - 10, self.today.month, min(self.today.day, 28))
        self.birthday_edit.setDate(to_qdate(birthday or default))
        index = self.language_box.findData(Language(language or Language.EN).value)
        self.language_box.setCurrentIndex(max(index, 0))
        self.error.clear()
        self._update_age()

    def validate(self) -> ChildDraft | None:
        """The checked draft, or None after showing what to fix."""
        birthday = from_qdate(self.birthday_edit.date())
        try:
            name = validate_child(self.name_edit.text(), birthday, self.today)
        except ProfileError as exc:
            self.error.setText(texts.child_field_text(exc.key))
            (self.birthday_edit if exc.key == "birthday" else self.name_edit).setFocus()
            return None
        self.error.clear()
        return ChildDraft(name, birthday, Language(self.language_box.currentData()))

    def focus_first(self) -> None:
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)


class ChildDialog(QDialog):
    """Add or edit one child: name, birthday, language (validated by the core's rules)."""

    def __init__(self, today, child: ChildProfile | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("childDialog")
        self.form = ChildForm(today, self)
        if child is not None:
            self.form.set_child(child.display_name, child.birthday, child.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.draft = None
        self.setWindowTitle(self.tr("Edit child") if child else self.tr("Add a child"))
        self.form.focus_first()

    def submit(self) -> None:
        self.draft = self.form.validate()
        if self.draft is not None:
            self.accept()
