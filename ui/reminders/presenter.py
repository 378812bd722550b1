"""Turning the core's reminder events into what the child sees (DESIGN.md: only ui/ words events).

- ``LimitWarning`` (10/5/1 minutes) → an amber banner ("limit_warning": a newer warning replaces
  the older one) and a desktop notification.
- ``ReminderDue(REST)`` (R8) → the next rest reminder of the profile's rotation, green banner,
  notification. ``CONTINUOUS_USE`` (R5) → the same with the hours of the streak.
- ``ReminderDue(AI_NOT_HUMAN)`` (R6) and ``DEPENDENCE`` (R3) → the modal ``AiReminderDialog``.
  AI_NOT_HUMAN also goes out as a notification (a break reminder); DEPENDENCE does not: R3 asks
  for the modal in the app, and a desktop pop-up about over-dependence on a shared family screen
  would expose the child for nothing.

Texts come from ``desktop.notifications`` in the *profile's* language and age band (the
resource files are reviewed against R21: no text invites the child back to the chat).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from desktop.notifications import ReminderText, ReminderTextPicker, reminder_text
from desktop.notifications.texts import ReminderKind as TextKind
from desktop.profiles.models import AgeBand, ChildProfile
from desktop.reminders.events import LimitWarning, ReminderDue, ReminderKind
from ui.reminders.banner import BannerArea, BannerTone
from ui.reminders.dialog import AiReminderDialog

WARNING_KEY = "limit_warning"
_MODAL_KINDS = (ReminderKind.AI_NOT_HUMAN, ReminderKind.DEPENDENCE)


def reading_band(profile: ChildProfile, today: date) -> AgeBand:
    """The age band whose wording fits; a profile in minor mode never reads adult texts."""
    band = profile.age_band(today)
    if profile.minor_mode and band is AgeBand.ADULT:
        return AgeBand.AGE_16_TO_17
    return band


class ReminderPresenter(QObject):
    #: (kind, title) after something was shown; kind is a ReminderKind value or "limit_warning".
    shown = Signal(str, str)

    def __init__(
        self,
        db: Database,
        profile: ChildProfile,
        banners: BannerArea,
        *,
        today: Callable[[], date],
        dispatcher=None,
        dialog_parent: QWidget | None = None,
        picker: ReminderTextPicker | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.profile = profile
        self.banners = banners
        self.today = today
        self.dispatcher = dispatcher
        self.dialog_parent = dialog_parent
        self.picker = picker or ReminderTextPicker(db)
        self.dialog: AiReminderDialog | None = None

    def attach(self, controller) -> None:
        controller.warning.connect(self.show_warning)
        controller.reminder.connect(self.show_reminder)

    # -- events -----------------------------------------------------------------------------
    def show_warning(self, event: LimitWarning) -> None:
        text = reminder_text(
            TextKind.LIMIT_WARNING,
            self.profile.language,
            self._band(),
            minutes_left=int(event.minutes_left),
            limit_kind=str(event.limit_kind),
        )
        self.banners.show_banner(WARNING_KEY, text.title, text.body, BannerTone.WARNING)
        self._notify(text)
        self.shown.emit(WARNING_KEY, text.title)

    def show_reminder(self, event: ReminderDue) -> None:
        kind = ReminderKind(event.kind)
        text = self._text(kind, event)
        if kind in _MODAL_KINDS:
            self._show_modal(kind, text)
            if kind is ReminderKind.AI_NOT_HUMAN:
                self._notify(text)
        else:
            self.banners.show_banner(kind.value, text.title, text.body, BannerTone.REMINDER)
            self._notify(text)
        self.shown.emit(kind.value, text.title)

    def show_redisclosure(self, source: str = "safety") -> None:
        """R3 from the safety layer ("you're my only friend"): the same modal, right away."""
        self.show_reminder(ReminderDue(ReminderKind.DEPENDENCE, f"flag:{source}"))

    # -- helpers ----------------------------------------------------------------------------
    def _band(self) -> AgeBand:
        return reading_band(self.profile, self.today())

    def _text(self, kind: ReminderKind, event: ReminderDue) -> ReminderText:
        lang, band = self.profile.language, self._band()
        if kind is ReminderKind.REST:
            return self.picker.next(self.profile.id, lang, band)
        if kind is ReminderKind.CONTINUOUS_USE:
            return reminder_text(
                TextKind.CONTINUOUS_USE, lang, band, minutes=int(event.minutes or 0)
            )
        return reminder_text(TextKind(kind.value), lang, band)

    def _show_modal(self, kind: ReminderKind, text: ReminderText) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_text(kind.value, text.title, text.body)  # one modal at a time
            return
        dialog = AiReminderDialog(kind.value, text.title, text.body, self.dialog_parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: AiReminderDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _notify(self, text: ReminderText) -> None:
        if self.dispatcher is not None:
            self.dispatcher.send(text.title, text.body)
