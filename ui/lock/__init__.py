"""The lock screen (R11), the guardian's "more time" approval and the final-minute countdown.

Wiring, for the main window::

    controller.locked.connect(lambda _d: chat.stop_and_wait("limit"))  # keeps the partial reply
    controller.locked.connect(lambda d: (lock.show_decision(d), stack.setCurrentWidget(lock)))
    controller.unlocked.connect(lambda: stack.setCurrentWidget(chat))
    lock.crisis_requested.connect(show_crisis_card)          # R11/R20: one click, never blocked
    lock.switch_profile_requested.connect(show_picker)
    lock.close_requested.connect(window.close)
    countdown = CountdownBanner(); countdown.attach(controller)  # above the chat input
"""

from ui.lock.countdown import CountdownBanner
from ui.lock.more_time import MoreTimeChoice, MoreTimeDialog
from ui.lock.view import LockView

__all__ = ["CountdownBanner", "LockView", "MoreTimeChoice", "MoreTimeDialog"]
