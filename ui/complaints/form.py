"""What the report, complaint and appeal dialogs share: a form page, then the receipt (R27).

The dialog never closes on submit: it turns into the receipt, so the child sees the ticket number
and the deadline before anything else. Keyboard: Enter sends (Shift+Enter starts a new line in a
text box), Esc cancels, Tab walks the controls in reading order.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desktop.clock import Clock
from desktop.complaints import ComplaintError, ComplaintRepository, Ticket
from ui.complaints import texts
from ui.complaints.receipt import TicketReceipt


class TicketFormDialog(QDialog):
    """Base class: subclasses add their controls in ``_build_form`` and file in ``_file``."""

    ticket_filed = Signal(object)  # Ticket

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        repo: ComplaintRepository | Database,
        clock: Clock,
        profile_id: int,
        lang=None,
    ):
        super().__init__(parent)
        self.repo = repo if isinstance(repo, ComplaintRepository) else ComplaintRepository(repo)
        self.clock = clock
        self.profile_id = profile_id
        self.lang = lang
        self.ticket: Ticket | None = None
        self._error_key: str | None = None
        self.setModal(True)
        self.setMinimumWidth(520)

        # Two pages shown one at a time. Not a QStackedWidget: it does not pass on the
        # height-for-width of word-wrapped labels, and the radio buttons then get squeezed.
        self.form_page = QWidget(self)
        self.form_layout = QVBoxLayout(self.form_page)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.receipt = TicketReceipt(self)
        self.receipt.hide()
        self._build_form(self.form_layout)  # first, so Tab walks the form before the buttons

        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "QLabel#formError { background: #fde7e9; color: #8c1d18; border: 1px solid #b3261e;"
            " border-radius: 8px; padding: 6px 10px; }"
        )
        self.error_label.hide()

        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendTicketButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.submit)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form_page, 1)
        layout.addWidget(self.receipt, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.retranslate_ui()

    # -- for subclasses ---------------------------------------------------------------------
    def _build_form(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def _file(self) -> Ticket:
        raise NotImplementedError

    def _retranslate_form(self) -> None:
        raise NotImplementedError

    def _focus_for_error(self, key: str) -> QWidget | None:
        return None

    def _text_box(self) -> QPlainTextEdit:
        """A multi-line box where Enter sends and Shift+Enter starts a new line."""
        box = QPlainTextEdit(self.form_page)
        box.setTabChangesFocus(True)
        box.setMaximumHeight(110)
        box.installEventFilter(self)
        return box

    # -- flow -------------------------------------------------------------------------------
    def submit(self) -> Ticket | None:
        if self.ticket is not None:
            return self.ticket
        try:
            ticket = self._file()
        except ComplaintError as exc:
            self.show_error(exc.key)
            return None
        self.show_receipt(ticket)
        self.ticket_filed.emit(ticket)
        return ticket

    def show_receipt(self, ticket: Ticket, *, already_filed: bool = False) -> None:
        self.ticket = ticket
        self.clear_error()
        self.receipt.show_ticket(ticket, self.clock.now().tzinfo, self.lang, already_filed=already_filed)
        self.form_page.hide()
        self.receipt.show()
        self.send_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.setMinimumHeight(0)  # the receipt is shorter than the form
        self.fit_height(shrink=True)

    def show_error(self, key: str) -> None:
        self._error_key = key
        self.error_label.setText(texts.error_text(key))
        self.error_label.show()
        if self.isVisible():
            self.fit_height()
        target = self._focus_for_error(key)
        if target is not None:
            target.setFocus()

    def clear_error(self) -> None:
        self._error_key = None
        self.error_label.hide()

    def fit_height(self, *, shrink: bool = False) -> None:
        """Grow to the height the wrapped text needs at the current width.

        A dialog sizes itself from its layout's plain minimum, which ignores word wrap; the
        radio buttons would then overlap. Called on show and whenever the content changes.
        """
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        if needed > 0:
            self.setMinimumHeight(needed)
            if self.height() < needed or shrink:
                self.resize(self.width(), needed)

    # -- Qt ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_height()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(texts.button_cancel())
        self.send_button.setText(texts.button_send())
        self.close_button.setText(texts.button_close())
        self._retranslate_form()
        if self._error_key is not None:
            self.error_label.setText(texts.error_text(self._error_key))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit()
            return True
        return super().eventFilter(obj, event)
