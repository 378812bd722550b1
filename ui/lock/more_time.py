""" "Ask for more time": the guardian decides on the spot, with the PIN (Apple Screen Time's choices).

The child opens the dialog from the lock screen and hands the computer to the guardian, who picks
15 more minutes, one more hour, the rest of today, or (during the curfew) tonight's curfew off —
or says no. Every decision, the "no" included, needs the PIN and is written to the guardian's
audit log (``limits.more_time``), so the guardian's record shows the asks that were refused too.
The grants themselves go through ``LimitsService`` (which records them in ``limits_events``).

Only choices that can actually open the chat are offered: an extension raises today's budget
(daily limit), an exemption lifts one night's curfew (R9). A break, allowed hours or a pause by
the guardian are changed on the panel's Time page instead.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.pin import GuardianSession, GuardianSessionError, require_session
from desktop.limits.policy import Decision, LockReason

#: The audit kind of a more-time decision (granted or denied).
AUDIT_KIND = AuditKind.MORE_TIME_DECIDED

AskPin = Callable[[QWidget | None, str], GuardianSession | None]


class MoreTimeChoice(StrEnum):
    MINUTES_15 = "15_minutes"
    HOUR = "1_hour"
    REST_OF_DAY = "rest_of_day"
    CURFEW_OFF = "curfew_off"
    DENY = "deny"

    @property
    def minutes(self) -> int | None:
        """The extension in minutes (None: the rest of the day, or not an extension)."""
        return {MoreTimeChoice.MINUTES_15: 15, MoreTimeChoice.HOUR: 60}.get(self)


_EXTENSIONS = (MoreTimeChoice.MINUTES_15, MoreTimeChoice.HOUR, MoreTimeChoice.REST_OF_DAY)


def offered_choices(decision: Decision | None) -> tuple[MoreTimeChoice, ...]:
    """The choices that can open the chat for ``decision`` (empty: more time cannot help)."""
    if decision is None or decision.allowed:
        return ()
    reasons = set(decision.reasons)
    if not reasons or not reasons <= {LockReason.DAILY_LIMIT, LockReason.CURFEW}:
        return ()
    choices: list[MoreTimeChoice] = []
    if LockReason.CURFEW in reasons:
        choices.append(MoreTimeChoice.CURFEW_OFF)
    if LockReason.DAILY_LIMIT in reasons:
        choices.extend(_EXTENSIONS)
    return (*choices, MoreTimeChoice.DENY)


def pin_dialog_asker(guardian) -> AskPin:
    """The real PIN dialog (argon2 + lockout ladder) as an ``ask_pin`` callable."""

    def ask(parent: QWidget | None, reason: str) -> GuardianSession | None:
        from ui.parental.pin_dialog import PinDialog

        return PinDialog.ask(parent, guardian, reason)

    return ask


class MoreTimeDialog(QDialog):
    """``decided(choice value)`` after a PIN-confirmed decision; the dialog then closes."""

    decided = Signal(str)

    def __init__(
        self,
        controller,
        guardian,
        *,
        ask_pin: AskPin | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("moreTimeDialog")
        self.setModal(True)
        self.controller = controller
        self.guardian = guardian
        self.ask_pin = ask_pin or pin_dialog_asker(guardian)
        self.choices = offered_choices(controller.decision)
        self.result_decision: Decision | None = None
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.radios: dict[MoreTimeChoice, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for choice in self.choices:
            radio = QRadioButton(self)
            radio.setObjectName(f"choice_{choice.value}")
            self.group.addButton(radio)
            self.radios[choice] = radio
            layout.addWidget(radio)
        if self.choices:
            self.radios[self.choices[0]].setChecked(True)
        self.status = QLabel(self)
        self.status.setObjectName("moreTimeStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("confirmMoreTime")
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(bool(self.choices))
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("More time"))
        self.intro.setText(
            self.tr(
                "A guardian can decide now. Choose an answer, then the guardian confirms it "
                "with the PIN."
            )
            if self.choices
            else self.tr(
                "More time cannot open this lock. A guardian can change the rules in "
                "the parental panel."
            )
        )
        labels = {
            MoreTimeChoice.MINUTES_15: self.tr("&15 more minutes"),
            MoreTimeChoice.HOUR: self.tr("One more &hour"),
            MoreTimeChoice.REST_OF_DAY: self.tr("The &rest of today"),
            MoreTimeChoice.CURFEW_OFF: self.tr("&Tonight's curfew off"),
            MoreTimeChoice.DENY: self.tr("&No, not now"),
        }
        for choice, radio in self.radios.items():
            radio.setText(labels[choice])
            radio.setAccessibleName(labels[choice].replace("&", ""))
        self.confirm_button.setText(self.tr("&Confirm with PIN…"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- deciding ---------------------------------------------------------------------------
    def selected(self) -> MoreTimeChoice | None:
        return next((c for c, r in self.radios.items() if r.isChecked()), None)

    def select(self, choice: MoreTimeChoice) -> None:
        self.radios[choice].setChecked(True)

    def confirm(self) -> None:
        """Ask for the PIN, then apply and record the selected choice."""
        choice = self.selected()
        if choice is None:
            return
        session = self.ask_pin(self, self.tr("The guardian's PIN confirms this answer."))
        if session is None:
            self._say(self.tr("The PIN was not confirmed, so nothing changed."))
            return
        try:
            self.decide(choice, session)
        except GuardianSessionError:
            self._say(self.tr("The PIN was not confirmed, so nothing changed."))
            return
        self.accept()

    def decide(self, choice: MoreTimeChoice, session: GuardianSession) -> Decision:
        """Apply ``choice`` for a guardian who just entered the PIN; always audited."""
        require_session(session, self.guardian.clock)
        before = self.controller.decision
        if choice is MoreTimeChoice.CURFEW_OFF:
            after = self.controller.grant_curfew_exemption()
        elif choice in _EXTENSIONS:
            after = self.controller.grant_extension(choice.minutes)
        else:
            after = self.controller.refresh()
        self.guardian.audit.record(
            Actor.GUARDIAN,
            AUDIT_KIND,
            {
                "profile_id": self.controller.profile.id,
                "choice": choice.value,
                "minutes": choice.minutes,
                "reasons": [str(r) for r in (before.reasons if before else ())],
                "allowed_after": after.allowed,
            },
        )
        self.result_decision = after
        self.decided.emit(choice.value)
        return after

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        self.status.show()
