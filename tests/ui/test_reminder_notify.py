"""NotificationDispatcher: DesktopNotifier.notify runs off the GUI thread; the path actually taken
is reported — a real dunst on a private D-Bus session, or the honest in-app fallback when there
is no bus or no server. The fixtures are the ones of tests/integration/test_notify_desktop.py."""

from __future__ import annotations

import threading

from desktop.notifications import DeliveredVia, DesktopNotifier, reminder_text
from tests.integration import test_notify_desktop as nd
from tests.integration.alerts_support import wait_until
from ui.notify import DeliveryPath, NotificationDispatcher

dunst = nd.dunst
on_dunst = nd.on_dunst


class ThreadRecordingNotifier(DesktopNotifier):
    """The real notifier, noting which thread ran it (the GUI thread must not)."""

    def __init__(self):
        super().__init__()
        self.threads: list[threading.Thread] = []

    def notify(self, title, body, *, timeout=10):
        self.threads.append(threading.current_thread())
        return super().notify(title, body, timeout=timeout)


def test_no_bus_falls_back_to_in_app(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-bus")
    notifier = ThreadRecordingNotifier()
    dispatcher = NotificationDispatcher(notifier)
    with qtbot.waitSignal(dispatcher.delivered, timeout=5000) as blocker:
        dispatcher.send("Time for some water", "Get up and drink a glass of water.")
    assert blocker.args == ["in_app"] and dispatcher.last_path is DeliveryPath.IN_APP
    assert dispatcher.last_result.delivered_via is DeliveredVia.NONE
    assert dispatcher.last_result.reason.startswith("cannot connect to the D-Bus session bus")
    assert notifier.threads and notifier.threads[0] is not threading.main_thread()
    assert dispatcher.pending() == 0


def test_a_bus_without_a_server_falls_back_too(qtbot, monkeypatch):
    session = nd.private_bus()
    try:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.env["DBUS_SESSION_BUS_ADDRESS"])
        dispatcher = NotificationDispatcher()
        with qtbot.waitSignal(dispatcher.delivered, timeout=5000) as blocker:
            dispatcher.send("Stretch break", "Stand up and stretch.")
        assert blocker.args == ["in_app"]
        assert "no notification server is running" in dispatcher.last_result.reason
    finally:
        session.close()


def test_notifications_keep_their_order(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-bus")
    titles: list[str] = []

    class Recording(DesktopNotifier):
        def notify(self, title, body, *, timeout=10):
            titles.append(title)
            return super().notify(title, body, timeout=timeout)

    dispatcher = NotificationDispatcher(Recording())
    paths: list[str] = []
    dispatcher.delivered.connect(paths.append)
    for i in range(5):
        dispatcher.send(f"reminder {i}", "body")
    qtbot.waitUntil(lambda: len(paths) == 5, timeout=10000)
    assert titles == [f"reminder {i}" for i in range(5)]


def test_a_reminder_reaches_a_real_dunst(qtbot, on_dunst):
    text = reminder_text("rest", "en", "8_to_15", reminder_id="drink-water")
    dispatcher = NotificationDispatcher()
    with qtbot.waitSignal(dispatcher.delivered, timeout=10000) as blocker:
        dispatcher.send(text.title, text.body)
    assert blocker.args == ["desktop"], dispatcher.last_result
    assert dispatcher.last_result.reason.startswith("sent to dunst")
    assert wait_until(lambda: any(n["summary"] == text.title for n in nd.shown(on_dunst)), 5)
    (item,) = [n for n in nd.shown(on_dunst) if n["summary"] == text.title]
    assert item["body"] == text.body and item["appname"] == "Hearth"
