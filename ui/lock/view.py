"""The lock screen (R11): why the chat stopped, until when, something calm to do instead.

It fills the window when ``LimitsController.locked`` fires. It never blames or pressures the
child (R21: no guilt, nothing that pulls them back) and the crisis card stays one click away on
every lock (R11, R20): ``crisis_requested`` is never disabled, whatever the reason.

"Ask for more time" appears only where the guardian can open the lock on the spot (daily limit,
curfew; see ``ui.lock.more_time``). "Switch profile" and "Close" leave without unlocking.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.limits.policy import Decision, LockReason
from desktop.resources import resource_path
from ui.lock.more_time import AskPin, MoreTimeDialog, offered_choices

_STYLE = """
QLabel#lockTitle { font-size: 20pt; font-weight: bold; }
QLabel#lockUntil { font-size: 14pt; font-weight: bold; }
QLabel#lockSuggestion { font-size: 12pt; }
QFrame#lockCard { border: 2px solid #c9bfae; border-radius: 18px; }
QFrame#lockHelp { border: 1px solid #b3261e; border-radius: 12px; }
"""


class LockView(QWidget):
    crisis_requested = Signal()
    switch_profile_requested = Signal()
    close_requested = Signal()
    #: A guardian answered "more time" (the MoreTimeChoice value); unlocking follows from
    #: ``LimitsController.unlocked`` when the answer opened the chat.
    more_time_decided = Signal(str)

    def __init__(
        self,
        controller,
        guardian=None,
        *,
        ask_pin: AskPin | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("lockView")
        self.controller = controller
        self.guardian = guardian
        self.ask_pin = ask_pin
        self.decision: Decision | None = None
        self.more_time_dialog: MoreTimeDialog | None = None
        self._build()
        self.retranslate_ui()
        controller.locked.connect(self.show_decision)
        controller.decision_changed.connect(self._decision_changed)
        if controller.decision is not None and not controller.decision.allowed:
            self.show_decision(controller.decision)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(_STYLE)
        self.card = QFrame(self)
        self.card.setObjectName("lockCard")
        self.card.setMaximumWidth(760)
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.icon = QLabel(self.card)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon_path = resource_path("icons", "hearth.svg")
        if icon_path.exists():
            self.icon.setPixmap(QIcon(str(icon_path)).pixmap(72, 72))
        self.title = self._label("lockTitle")
        self.explanation = self._label("lockExplanation")
        self.until = self._label("lockUntil")
        self.suggestion = self._label("lockSuggestion")

        self.more_time_button = QPushButton(self.card)
        self.more_time_button.setObjectName("moreTimeButton")
        self.more_time_button.clicked.connect(self.ask_for_more_time)
        self.switch_button = QPushButton(self.card)
        self.switch_button.setObjectName("switchProfileButton")
        self.switch_button.clicked.connect(self.switch_profile_requested)
        self.close_button = QPushButton(self.card)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.more_time_button, self.switch_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.help_box = QFrame(self.card)
        self.help_box.setObjectName("lockHelp")
        self.help_text = QLabel(self.help_box)
        self.help_text.setWordWrap(True)
        self.crisis_button = QPushButton(self.help_box)
        self.crisis_button.setObjectName("crisisButton")
        self.crisis_button.clicked.connect(self.crisis_requested)
        help_row = QHBoxLayout(self.help_box)
        help_row.addWidget(self.help_text, 1)
        help_row.addWidget(self.crisis_button)

        card = QVBoxLayout(self.card)
        card.setContentsMargins(28, 24, 28, 24)
        card.setSpacing(14)
        for widget in (self.icon, self.title, self.explanation, self.until, self.suggestion):
            card.addWidget(widget)
        card.addLayout(buttons)
        card.addSpacing(8)
        card.addWidget(self.help_box)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setTabOrder(self.more_time_button, self.switch_button)
        self.setTabOrder(self.switch_button, self.close_button)
        self.setTabOrder(self.close_button, self.crisis_button)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self.card)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return label

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Chatting is locked"))
        self.more_time_button.setText(self.tr("Ask for &more time"))
        self.more_time_button.setAccessibleName(self.tr("Ask a guardian for more time"))
        self.switch_button.setText(self.tr("&Switch profile"))
        self.close_button.setText(self.tr("&Close Hearth"))
        self.help_text.setText(self.tr("Worried or upset? Help is always here, even now."))
        self.crisis_button.setText(self.tr("Need &help now?"))
        self.crisis_button.setAccessibleName(self.tr("Open the help and hotlines card"))
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- content ----------------------------------------------------------------------------
    def show_decision(self, decision: Decision) -> None:
        """Show why and until when for a "not allowed" decision."""
        self.decision = decision
        self._show_texts()
        self.more_time_button.setVisible(self._can_ask())
        self._focus_first()

    def _can_ask(self) -> bool:
        return self.guardian is not None and bool(offered_choices(self.decision))

    def _focus_first(self) -> None:
        """Keyboard users start on the first useful button (set again whenever shown)."""
        (self.more_time_button if self._can_ask() else self.switch_button).setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._focus_first()

    def _decision_changed(self, decision: Decision) -> None:
        if not decision.allowed:
            self.show_decision(decision)

    def _show_texts(self) -> None:
        decision = self.decision
        if decision is None:
            return
        reason = decision.reason
        title, explanation, suggestion = self._reason_texts(reason)
        self.title.setText(title)
        self.explanation.setText(explanation)
        self.until.setText(self.until_text(decision.until, self.controller.now()))
        self.suggestion.setText(suggestion)
        self.until.setAccessibleName(self.until.text())
        self.title.setAccessibleName(title)

    def _reason_texts(self, reason: LockReason | None) -> tuple[str, str, str]:
        if reason is LockReason.DAILY_LIMIT:
            return (
                self.tr("Today's chat time is used up"),
                self.tr("You have used all of today's time for chatting."),
                self.tr("How about reading a book, playing outside or helping at home?"),
            )
        if reason is LockReason.CURFEW:
            return (
                self.tr("It's night-time, so chatting is resting"),
                self.tr("Hearth takes a break at night so that you can sleep well."),
                self.tr("Put the screen away, get cosy and have a good night's sleep."),
            )
        if reason is LockReason.OUTSIDE_ALLOWED_HOURS:
            return (
                self.tr("Chatting isn't open right now"),
                self.tr("Your guardian chose the hours when you can chat."),
                self.tr("This is a good time to play, read or talk with your family."),
            )
        if reason is LockReason.SESSION_BREAK:
            return (
                self.tr("Time for a break"),
                self.tr("You have been chatting for a long time. A break comes first."),
                self.tr("Stand up, stretch, drink some water and look out of the window."),
            )
        return (
            self.tr("Chatting is paused"),
            self.tr("Your guardian has paused chatting for now."),
            self.tr("Maybe do something you enjoy away from the screen."),
        )

    def until_text(self, until: datetime | None, now: datetime) -> str:
        """ "until when", in the child's local time: today, tomorrow, or a date."""
        if until is None:
            return self.tr("It stays paused until your guardian unlocks it.")
        until = until.astimezone(now.tzinfo)
        clock = f"{until.hour:02d}:{until.minute:02d}"
        days = (until.date() - now.date()).days
        if days <= 0:
            return self.tr("You can chat again at %1.").replace("%1", clock)
        if days == 1:
            return self.tr("You can chat again tomorrow at %1.").replace("%1", clock)
        day = QLocale().toString(until.date(), QLocale.FormatType.LongFormat)
        return self.tr("You can chat again on %1 at %2.").replace("%1", day).replace("%2", clock)

    # -- more time --------------------------------------------------------------------------
    def ask_for_more_time(self) -> MoreTimeDialog | None:
        """Open the guardian's approval dialog (window-modal, returns at once)."""
        if self.guardian is None or not offered_choices(self.controller.decision):
            return None
        dialog = MoreTimeDialog(self.controller, self.guardian, ask_pin=self.ask_pin, parent=self)
        dialog.decided.connect(self.more_time_decided)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._dialog_closed)
        self.more_time_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, _result: int) -> None:
        self.more_time_dialog = None
        if self.decision is not None and self.controller.is_locked:
            self.show_decision(self.controller.decision)
