""""I am an adult": a request to the guardian, never a switch (R16).

Filing an appeal only writes a ticket into the guardian's inbox. Nothing is unlocked, no limit is
lifted, minor mode stays on; the guardian decides in the PIN-locked parental panel
(``ComplaintsPage``). If an undecided appeal exists already, the dialog shows its receipt instead
of filing a second one, so tapping the button repeatedly cannot flood the guardian.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.complaints import Ticket
from ui.complaints.form import TicketFormDialog


class AdultAppealDialog(TicketFormDialog):
    """Emits ``ticket_filed(Ticket)`` when a new appeal is recorded."""

    def __init__(self, parent: QWidget | None = None, *, repo, clock, profile_id: int, lang=None):
        super().__init__(parent, repo=repo, clock=clock, profile_id=profile_id, lang=lang)
        pending = self.repo.open_appeal(profile_id)
        if pending is not None:
            self.show_receipt(pending, already_filed=True)

    def _build_form(self, layout: QVBoxLayout) -> None:
        page = self.form_page
        self.intro = QLabel(page)
        self.intro.setObjectName("appealIntro")
        self.intro.setWordWrap(True)
        self.how = QLabel(page)
        self.how.setWordWrap(True)
        self.text_caption = QLabel(page)
        self.text = self._text_box()
        self.text.setObjectName("appealText")
        self.text_caption.setBuddy(self.text)
        for widget in (self.intro, self.how, self.text_caption, self.text):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _retranslate_form(self) -> None:
        self.setWindowTitle(self.tr("I am an adult"))
        self.intro.setText(self.tr(
            "Hearth treats this profile as a child's, so minor mode is on: time limits, bedtime and "
            "the other protections. If you are 18 or older, you can ask your guardian to turn it off."))
        self.how.setText(self.tr(
            "This only sends a request to your guardian. Nothing changes until they decide in the "
            "parental panel."))
        self.text_caption.setText(self.tr("&Message to your guardian (you can leave this empty):"))
        self.text.setAccessibleName(self.tr("Message to your guardian (optional)"))
        self.send_button.setAccessibleName(self.tr("Send the request to your guardian"))

    def _file(self) -> Ticket:
        return self.repo.file_appeal(self.profile_id, self.text.toPlainText(), self.clock.now())

    def _focus_for_error(self, key: str) -> QWidget | None:
        return self.text
