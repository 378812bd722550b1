"""Desktop notifications through plyer, checked at a real notification server (dunst) on a
private D-Bus session, plus the honest "none" answers when no server or no bus is there.

The fixture starts what it needs: a private ``dbus-daemon``, Xvfb (``-displayfd``) when DISPLAY
is unset, and ``dunst -config /dev/null``. If that is impossible it skips, or FAILS when
``HEARTH_REQUIRE_NOTIFY_SERVER=1`` (CI sets it, so a broken image cannot pass silently).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date

import pytest

from desktop.alerts import (
    AlertDispatcher,
    AlertService,
    DesktopChannelConfig,
    HealthState,
    build_channel,
)
from desktop.notifications import (
    DeliveredVia,
    DesktopNotifier,
    notification_path_status,
    reminder_text,
)
from desktop.profiles.models import ChildProfile, Language
from tests.integration.alerts_support import wait_until

REQUIRE = os.environ.get("HEARTH_REQUIRE_NOTIFY_SERVER") == "1"
NAME = "org.freedesktop.Notifications"


def unavailable(reason: str):
    if REQUIRE:
        pytest.fail(f"notification server required but unavailable: {reason}")
    pytest.skip(reason)


@dataclass
class Session:
    env: dict[str, str]
    procs: list[subprocess.Popen] = field(default_factory=list)

    def run(self, *args: str) -> str:
        done = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=10)
        return done.stdout

    def has_owner(self, name: str) -> bool:
        out = self.run(
            "gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
            "--object-path", "/org/freedesktop/DBus",
            "--method", "org.freedesktop.DBus.NameHasOwner", name,
        )  # fmt: skip
        return "true" in out

    def close(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()


def private_bus() -> Session:
    """A fresh session bus of our own (never the developer's desktop session)."""
    if not shutil.which("dbus-daemon") or not shutil.which("gdbus"):
        unavailable("dbus-daemon/gdbus not installed")
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = bus.stdout.readline().strip()
    if not address:
        bus.kill()
        unavailable("dbus-daemon printed no address")
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    return Session(env, [bus])


def start_display(session: Session) -> None:
    if session.env.get("DISPLAY"):
        return
    if not shutil.which("Xvfb"):
        unavailable("no DISPLAY and Xvfb is not installed")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    session.procs.append(xvfb)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        unavailable("Xvfb did not report a display")
    session.env["DISPLAY"] = f":{number}"


@pytest.fixture(scope="module")
def dunst():
    session = private_bus()
    try:
        if not shutil.which("dunst") or not shutil.which("dunstctl"):
            unavailable("dunst is not installed")
        start_display(session)
        session.procs.append(
            subprocess.Popen(
                ["dunst", "-config", "/dev/null"],
                env=session.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        if not wait_until(lambda: session.has_owner(NAME), 10, 0.05):
            unavailable("dunst did not take org.freedesktop.Notifications")
        yield session
    finally:
        session.close()


@pytest.fixture
def on_dunst(dunst, monkeypatch):
    """Point this process (jeepney) and its children (notify-send) at the private session."""
    for key in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY"):
        monkeypatch.setenv(key, dunst.env[key])
    dunst.run("dunstctl", "close-all")
    return dunst


def shown(session: Session) -> list[dict]:
    """Notifications dunst received (closing them moves them into its history)."""
    session.run("dunstctl", "close-all")
    history = json.loads(session.run("dunstctl", "history") or '{"data": [[]]}')
    return [
        {k: v["data"] for k, v in item.items() if isinstance(v, dict)}
        for item in history["data"][0]
    ]


def test_path_status_names_the_running_server(on_dunst):
    status = notification_path_status()
    assert status.ok
    assert status.server.name == "dunst" and status.server.spec_version
    assert status.detail.startswith("dunst ")


@pytest.mark.parametrize("lang", list(Language))
def test_a_reminder_reaches_the_server(on_dunst, lang):
    text = reminder_text("ai_not_human", lang, "8_to_15")
    result = DesktopNotifier().notify(text.title, text.body)
    assert result.delivered_via is DeliveredVia.DESKTOP, result.reason
    assert wait_until(lambda: any(n["summary"] == text.title for n in shown(on_dunst)), 5)
    (item,) = [n for n in shown(on_dunst) if n["summary"] == text.title]
    assert item["body"] == text.body
    assert item["appname"] == "Hearth"


def test_a_leading_dash_is_not_taken_for_an_option(on_dunst):
    result = DesktopNotifier().notify("-5 minutes", "--help")
    assert result.delivered
    assert wait_until(lambda: any(n["summary"].endswith("-5 minutes") for n in shown(on_dunst)), 5)


def test_a_guardian_alert_on_the_desktop_is_discreet(on_dunst, memory_db, clock):
    child = ChildProfile(1, "Lily", date(2015, 3, 1), Language.EN)
    config = DesktopChannelConfig()
    service = AlertService(memory_db, clock, [config])
    service.raise_alert(child, "self_harm", 3)
    report = AlertDispatcher(memory_db, {"desktop": build_channel(config)}, clock).pump()
    assert len(report.delivered) == 1
    assert wait_until(lambda: any(n["appname"] == "Hearth" for n in shown(on_dunst)), 5)
    texts = json.dumps(shown(on_dunst), ensure_ascii=False)
    assert "guardian panel" in texts and "Lily" not in texts and "self" not in texts


def test_a_bus_without_a_server_says_so(monkeypatch, memory_db, clock):
    session = private_bus()
    try:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.env["DBUS_SESSION_BUS_ADDRESS"])
        status = notification_path_status()
        assert not status.ok
        assert status.detail == f"no notification server is running ({NAME} has no owner)"
        result = DesktopNotifier().notify("Time for some water", "Drink a glass of water.")
        assert (result.delivered_via, result.reason) == (DeliveredVia.NONE, status.detail)

        # Through the alert outbox: the desktop channel fails with that reason, and is retried.
        config = DesktopChannelConfig()
        service = AlertService(memory_db, clock, [config])
        service.raise_alert(None, "clock_tamper", 2)
        report = AlertDispatcher(memory_db, {"desktop": build_channel(config)}, clock).pump()
        assert report.failed[0][2] == f"no notification server: {status.detail}"
        assert service.channel_health()[0].state is HealthState.DEGRADED
    finally:
        session.close()


def test_no_bus_at_all(monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-bus")
    status = notification_path_status()
    assert not status.ok and status.detail.startswith("cannot connect to the D-Bus session bus")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    assert notification_path_status().detail == (
        "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
    )
    assert DesktopNotifier().notify("a", "b").delivered_via is DeliveredVia.NONE
