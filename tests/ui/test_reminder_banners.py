"""Reminders inside the app: the rest banner after 30 active minutes (R8), limit warnings, the
AI-not-human and R3 modals, and the countdown — driven by the real LimitsController."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.notifications import reminder_text
from desktop.notifications.texts import catalogue
from desktop.profiles.models import Language
from tests.ui import limits_ui_support as sup
from ui.lock import CountdownBanner
from ui.notify import NotificationDispatcher
from ui.reminders import AiReminderDialog, BannerArea, BannerTone, ReminderPresenter

family = sup.family


@pytest.fixture
def no_desktop(monkeypatch, tmp_path):
    """No notification server at all: every notification must fall back to the in-app banner."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-bus")


@pytest.fixture
def chat_screen(qtbot, family, no_desktop):
    def make(profile=None, *, lifetime_ms=60_000):
        profile = profile or family.child
        window = QWidget()
        banners = BannerArea(window, lifetime_ms=lifetime_ms)
        countdown = CountdownBanner(window)
        layout = QVBoxLayout(window)
        layout.addWidget(banners)
        layout.addStretch(1)
        layout.addWidget(countdown)
        controller = family.controller(profile)
        dispatcher = NotificationDispatcher(parent=window)
        presenter = ReminderPresenter(
            family.db,
            profile,
            banners,
            today=lambda: family.clock.now().date(),
            dispatcher=dispatcher,
            dialog_parent=window,
            parent=window,
        )
        presenter.attach(controller)
        countdown.attach(controller)
        qtbot.addWidget(window)
        window.resize(720, 520)
        window.show()
        return controller, banners, countdown, presenter, dispatcher

    return make


def rest_titles(lang: Language) -> set[str]:
    return {entry["title"]["default"] for entry in catalogue(lang)["rest"]}


def test_the_rest_banner_comes_after_30_active_minutes_r8(qtbot, family, chat_screen):
    family.set_rules(daily_minutes=(None,) * 7)
    controller, banners, countdown, presenter, dispatcher = chat_screen()
    controller.open_session()
    sup.chat(controller, family.clock, 29 * 60 + 57)
    assert banners.banner("rest") is None and not banners.isVisible()
    sup.chat(controller, family.clock, 3)
    banner = banners.banner("rest")
    assert banner is not None and banner.isVisible() and banners.isVisible()
    assert banner.objectName() == "reminderBanner"  # the theme's green frame
    assert banner.title() in rest_titles(Language.EN) and banner.body()
    assert banner.accessibleName() == banner.title()
    # The desktop path is absent here: the dispatcher says the banner is all the child got.
    qtbot.waitUntil(lambda: dispatcher.last_path is not None, timeout=5000)
    assert dispatcher.last_path == "in_app"
    # The next rest reminder (60 min) is another one from the rotation.
    first = banner.title()
    sup.chat(controller, family.clock, 30 * 60)
    assert banners.banner("rest").title() != first


def test_a_banner_stays_until_dismissed_or_its_time_is_up(qtbot, family, chat_screen):
    controller, banners, *_ = chat_screen(lifetime_ms=150)
    banner = banners.show_banner("rest", "Stretch break", "Stand up.")
    assert banner.isVisible()
    qtbot.waitUntil(lambda: banners.banner("rest") is None, timeout=3000)
    assert not banners.isVisible()
    controller2, banners2, *_ = chat_screen()
    banner = banners2.show_banner("rest", "Stretch break", "Stand up.")
    with qtbot.waitSignal(banner.dismissed, timeout=1000):
        qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert banners2.banner("rest") is None


def test_limit_warnings_replace_each_other_and_use_the_profile_language(qtbot, family, chat_screen):
    zh = family.add_child("Ming", 10, Language.ZH)
    family.set_rules(zh, daily_minutes=(15,) * 7)
    controller, banners, countdown, presenter, dispatcher = chat_screen(zh)
    shown = []
    presenter.shown.connect(lambda kind, title: shown.append(kind))
    controller.open_session()
    sup.chat(controller, family.clock, 5 * 60)
    banner = banners.banner("limit_warning")
    expected = reminder_text("limit_warning", "zh", "8_to_15", minutes_left=10, limit_kind="daily")
    assert (banner.title(), banner.body()) == (expected.title, expected.body)
    assert banner.tone is BannerTone.WARNING and banner.objectName() == "warningBanner"
    sup.chat(controller, family.clock, 5 * 60)
    expected = reminder_text("limit_warning", "zh", "8_to_15", minutes_left=5, limit_kind="daily")
    assert [b.body() for b in banners.banners() if b.key == "limit_warning"] == [expected.body]
    assert shown.count("limit_warning") == 2


def test_the_ai_not_human_reminder_is_a_modal_r6(qtbot, family, chat_screen):
    family.set_rules(daily_minutes=(None,) * 7, ai_reminder_minutes=20)
    controller, banners, countdown, presenter, dispatcher = chat_screen()
    controller.open_session()
    sup.chat(controller, family.clock, 19 * 60 + 57)
    assert presenter.dialog is None
    sup.chat(controller, family.clock, 3)
    dialog = presenter.dialog
    assert isinstance(dialog, AiReminderDialog) and dialog.isVisible() and dialog.isModal()
    expected = reminder_text("ai_not_human", "en", "8_to_15")
    assert (dialog.title_label.text(), dialog.body_label.text()) == (expected.title, expected.body)
    assert banners.banner("ai_not_human") is None  # the modal, not a banner
    qtbot.waitUntil(lambda: dispatcher.last_path == "in_app", timeout=5000)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert presenter.dialog is None


def test_dependence_shows_the_r3_modal_and_no_desktop_notification(qtbot, family, chat_screen):
    controller, banners, countdown, presenter, dispatcher = chat_screen()
    sent = []
    dispatcher.delivered.connect(sent.append)
    controller.open_session()
    controller.service.flag_dependence("safety:dependence")
    family.clock.advance(3)
    controller.tick()
    dialog = presenter.dialog
    assert dialog is not None and dialog.isModal() and dialog.kind == "dependence"
    assert dialog.body_label.text() == reminder_text("dependence", "en", "8_to_15").body
    assert dispatcher.pending() == 0 and sent == []  # R3 stays inside the app
    # The safety layer's direct trigger reuses the open modal instead of stacking a second one.
    presenter.show_redisclosure("safety")
    assert presenter.dialog is dialog


def test_the_countdown_banner_shows_the_final_minute(qtbot, family, chat_screen):
    family.set_rules(daily_minutes=(5,) * 7)
    controller, banners, countdown, presenter, dispatcher = chat_screen()
    controller.open_session()
    sup.chat(controller, family.clock, 4 * 60 - 3)
    assert not countdown.isVisible()
    sup.chat(controller, family.clock, 4, step=1)
    assert countdown.isVisible() and countdown.objectName() == "warningBanner"
    assert countdown.heading.text() == "1 minute left — time to say goodbye"
    assert countdown.count.text() == "0:59"
    sup.chat(controller, family.clock, 10, step=1)
    assert countdown.count.text() == "0:49" and countdown.seconds == 49
    sup.chat(controller, family.clock, 49, step=1)
    assert controller.is_locked and not countdown.isVisible()
