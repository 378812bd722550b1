"""Reporting one AI message, and the general complaint form (R27).

Both are reachable within two clicks of the chat: right-click an AI message → "Report this
message…", or the "Report a problem" button. Neither pre-selects an answer, so a ticket always
says what the child chose. Handling and deadlines are stated on the receipt (see
``desktop.complaints.models`` for why 3 and 15 days).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.complaints import ComplaintCategory, ComplaintError, ReportReason, Ticket
from ui.complaints import texts
from ui.complaints.form import TicketFormDialog

#: How much of the reported message the dialog shows; the ticket keeps all of it.
EXCERPT_CHARS = 280


def _crisis_hint(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("crisisHint")
    label.setWordWrap(True)
    return label


#: Radio circles drawn from the palette, so they stand out in the light and the dark theme alike
#: (the default circles nearly vanish on the dark background).
CHOICE_STYLE = (
    "QRadioButton { spacing: 8px; padding: 2px 0; }"
    " QRadioButton::indicator { width: 14px; height: 14px; border-radius: 9px;"
    " border: 2px solid palette(text); background: palette(base); }"
    " QRadioButton::indicator:checked { background: qradialgradient(cx:0.5, cy:0.5, radius:0.5,"
    " fx:0.5, fy:0.5, stop:0 palette(highlight), stop:0.55 palette(highlight), stop:0.65 palette(base)); }"
    " QRadioButton:focus { text-decoration: underline; }"
)


def _radio_group(parent: QWidget, values) -> tuple[QGroupBox, QButtonGroup, dict]:
    box = QGroupBox(parent)
    box.setStyleSheet(CHOICE_STYLE)
    group = QButtonGroup(box)
    group.setExclusive(True)
    layout = QVBoxLayout(box)
    radios = {}
    for i, value in enumerate(values):
        radio = QRadioButton(box)
        radio.setObjectName(f"choice_{value.value}")
        group.addButton(radio, i)
        layout.addWidget(radio)
        radios[value] = radio
    return box, group, radios


class ReportDialog(TicketFormDialog):
    """Report one of the companion's messages: the excerpt, a reason, an optional comment."""

    def __init__(self, parent: QWidget | None = None, *, repo, clock, profile_id: int, message_id: int,
                 lang=None):
        self.message_id = message_id
        self.message_text: str | None = None
        self._load_error: str | None = None
        super().__init__(parent, repo=repo, clock=clock, profile_id=profile_id, lang=lang)
        if self._load_error is not None:
            self.show_error(self._load_error)
            self.send_button.setEnabled(False)

    def _build_form(self, layout: QVBoxLayout) -> None:
        try:
            self.message_text = self.repo.reportable_message(self.profile_id, self.message_id).content
        except ComplaintError as exc:
            self._load_error = exc.key
        page = self.form_page
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.excerpt_caption = QLabel(page)
        self.excerpt = QLabel(page)
        self.excerpt.setObjectName("reportExcerpt")
        self.excerpt.setWordWrap(True)
        self.excerpt.setTextFormat(Qt.TextFormat.PlainText)
        text = self.message_text or ""
        self.excerpt.setText(text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…")
        frame = QFrame(page)
        frame.setObjectName("excerptFrame")
        frame.setStyleSheet(
            "QFrame#excerptFrame { background: #f3f0ea; border-left: 4px solid #1f3a5f; border-radius: 6px; }"
            " QFrame#excerptFrame QLabel { color: #1d2a36; background: transparent; }"
        )
        inner = QVBoxLayout(frame)
        inner.addWidget(self.excerpt_caption)
        inner.addWidget(self.excerpt)
        self.reason_box, self.reason_group, self.reason_buttons = _radio_group(page, list(ReportReason))
        self.comment_caption = QLabel(page)
        self.comment = self._text_box()
        self.comment.setObjectName("reportComment")
        self.comment_caption.setBuddy(self.comment)
        self.hint = _crisis_hint(page)
        for widget in (self.intro, frame, self.reason_box, self.comment_caption, self.comment, self.hint):
            layout.addWidget(widget)
        self.reason_group.idClicked.connect(lambda _id: self.clear_error())

    def _retranslate_form(self) -> None:
        self.setWindowTitle(self.tr("Report this message"))
        self.intro.setText(self.tr("Tell your guardian what was wrong with this message from the companion."))
        self.excerpt_caption.setText(self.tr("The companion (AI) said:"))
        self.excerpt.setAccessibleName(self.tr("The reported message"))
        self.reason_box.setTitle(self.tr("What was wrong? Choose one:"))
        for reason, radio in self.reason_buttons.items():
            radio.setText(texts.reason_label(reason))
            radio.setAccessibleName(texts.reason_label(reason))
        self.comment_caption.setText(self.tr("&Anything else you want to say? (you can leave this empty)"))
        self.comment.setAccessibleName(self.tr("Your comment (optional)"))
        self.hint.setText(texts.crisis_hint())
        self.send_button.setAccessibleName(self.tr("Send the report"))

    def selected_reason(self) -> ReportReason | None:
        return next((r for r, b in self.reason_buttons.items() if b.isChecked()), None)

    def _file(self) -> Ticket:
        reason = self.selected_reason()
        if reason is None:
            raise ComplaintError("reason", "no reason chosen")
        return self.repo.file_report(
            self.profile_id, self.message_id, reason, self.comment.toPlainText(), self.clock.now()
        )

    def _focus_for_error(self, key: str) -> QWidget | None:
        if key == "reason":
            return self.reason_buttons[ReportReason.WRONG]
        return self.comment if key.startswith("text") else None


class ComplaintDialog(TicketFormDialog):
    """A general complaint: what it is about, and what happened."""

    def _build_form(self, layout: QVBoxLayout) -> None:
        page = self.form_page
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.category_box, self.category_group, self.category_buttons = _radio_group(
            page, list(ComplaintCategory))
        self.text_caption = QLabel(page)
        self.text = self._text_box()
        self.text.setObjectName("complaintText")
        self.text_caption.setBuddy(self.text)
        self.hint = _crisis_hint(page)
        for widget in (self.intro, self.category_box, self.text_caption, self.text, self.hint):
            layout.addWidget(widget)
        self.category_group.idClicked.connect(lambda _id: self.clear_error())

    def _retranslate_form(self) -> None:
        self.setWindowTitle(self.tr("Report a problem"))
        self.intro.setText(self.tr("Something not right? Tell your guardian about it here."))
        self.category_box.setTitle(self.tr("What is it about? Choose one:"))
        for category, radio in self.category_buttons.items():
            radio.setText(texts.category_label(category))
            radio.setAccessibleName(texts.category_label(category))
        self.text_caption.setText(self.tr("&What happened?"))
        self.text.setAccessibleName(self.tr("What happened"))
        self.hint.setText(texts.crisis_hint())
        self.send_button.setAccessibleName(self.tr("Send the complaint"))

    def selected_category(self) -> ComplaintCategory | None:
        return next((c for c, b in self.category_buttons.items() if b.isChecked()), None)

    def _file(self) -> Ticket:
        category = self.selected_category()
        if category is None:
            raise ComplaintError("category", "no category chosen")
        return self.repo.file_complaint(self.profile_id, category, self.text.toPlainText(), self.clock.now())

    def _focus_for_error(self, key: str) -> QWidget | None:
        if key == "category":
            return self.category_buttons[ComplaintCategory.COMPANION]
        return self.text if key.startswith("text") else None
