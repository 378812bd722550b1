"""Reminders inside the app: banners for rest reminders and limit warnings, a modal for the AI
re-disclosure (R3, R6), and the presenter that turns the core's events into both plus a desktop
notification.

Wiring, for the main window::

    banners = BannerArea()                       # above the chat's message list
    presenter = ReminderPresenter(db, profile, banners, dispatcher=NotificationDispatcher(),
                                  dialog_parent=window, today=lambda: clock.now().date())
    presenter.attach(controller)                 # LimitsController.warning / .reminder
    chat.redisclosure_requested.connect(presenter.show_redisclosure)   # safety's R3 trigger
"""

from ui.reminders.banner import BannerArea, BannerTone, ReminderBanner
from ui.reminders.dialog import AiReminderDialog
from ui.reminders.presenter import ReminderPresenter

__all__ = ["AiReminderDialog", "BannerArea", "BannerTone", "ReminderBanner", "ReminderPresenter"]
