"""The whole app, wired as in production, against a real keyring, a real SQLite file and a real
loopback OpenAI-compatible server that counts requests (issue 5's end-to-end cases, R11, R13,
R19, R22, R4/R23 output filtering)."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt

from desktop.companion.backends.openai_compat import OpenAICompatBackend
from desktop.companion.repository import MessageStatus
from desktop.guardian.consent import ConsentKind
from desktop.guardian.notices import current_notice_version
from tests.support.sse_server import OpenAIStreamServer, StreamReply
from tests.ui import guardian_fixtures as gf

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family


def _consent(family):
    family.core.consents.record(family.child.id, ConsentKind.SERVICE, "Ana Li",
                                current_notice_version(ConsentKind.SERVICE), family.home.clock.now())


def _window(qtbot, family, backend):
    from ui.app import build_main_window

    window = build_main_window(family.home.data_dir, family.db, family.home.clock, backend=backend,
                               quiet_disclosure=True, guardian=family.core, seed=3)
    qtbot.addWidget(window)
    window.show()
    return window


def _send(qtbot, chat, text):
    chat.input.setPlainText(text)
    qtbot.mouseClick(chat.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not chat.busy, timeout=10_000)


@contextmanager
def _running_app(qtbot, family, replies):
    """The app against a real loopback model server that counts requests; closed afterwards."""
    with OpenAIStreamServer(chat=replies) as server:
        window = _window(qtbot, family, OpenAICompatBackend(server.base_url, "m"))
        try:
            yield window, server
        finally:
            _shutdown(window)


def _shutdown(window):
    window.close()
    runner = window.ctx.alert_runner
    if runner is not None and runner.is_alive:
        runner.stop()


def test_under_14_without_consent_cannot_chat(qtbot, family):
    with _running_app(qtbot, family, StreamReply.saying("Hi!")) as (window, server):
        window.picker.button_for(family.child.id).click()
        assert window.stack.currentWidget() is window.consent_view
        assert window.chat is None


def test_tier_three_shows_crisis_screen_alerts_and_never_calls_the_model(qtbot, family):
    _consent(family)
    with _running_app(qtbot, family, StreamReply.saying("Hello there.")) as (window, server):
        chat = window.open_chat(family.child.id)
        _send(qtbot, chat, "i want to kill myself tonight")
        assert window.stack.currentWidget().objectName() == "crisisScreen"
        assert server.request_count == 0
        alerts = window.ctx.alerts.inbox(profile_id=family.child.id)
        assert alerts and alerts[0].tier == 3
        # The card survives a restart of the chat: only the guardian's PIN lifts it.
        window.show_picker()
        window.open_chat(family.child.id)
        assert window.stack.currentWidget().objectName() == "crisisScreen"
        assert "12356" in window.crisis_screen.card.numbers()


def test_tier_two_gets_a_fixed_reply_and_an_alert_without_the_model(qtbot, family):
    _consent(family)
    with _running_app(qtbot, family, StreamReply.saying("Hello there.")) as (window, server):
        chat = window.open_chat(family.child.id)
        _send(qtbot, chat, "my mum's credit card number is 4111 1111 1111 1111 and the code on the back is 123")
        assert server.request_count == 0
        stored = chat.service.repo.all_messages(chat.service.conversation.id)
        assert stored[-1].status is MessageStatus.NOTICE
        assert any(a.tier == 2 for a in window.ctx.alerts.inbox(profile_id=family.child.id))


def test_exit_phrase_ends_the_session_with_no_further_ai_message(qtbot, family):
    _consent(family)
    with _running_app(qtbot, family, StreamReply.saying("Please stay!")) as (window, server):
        chat = window.open_chat(family.child.id)
        conversation = chat.service.conversation.id
        _send(qtbot, chat, "bye")
        assert window.chat is None and window.stack.currentWidget() is window.picker
        assert server.request_count == 0
        messages = window.ctx.conversations.all_messages(conversation)
        assert [m.role.value for m in messages] == ["user"]
        assert window.ctx.conversations.get(conversation).ended_at is not None


def test_backend_claiming_to_be_human_or_asking_for_an_address_is_filtered(qtbot, family):
    _consent(family)
    replies = [StreamReply.saying("Of course. I am a real person, just like you."),
               StreamReply.saying("Cool! What is your home address?")]
    with _running_app(qtbot, family, replies) as (window, server):
        chat = window.open_chat(family.child.id)
        for prompt in ("are you a person", "what should we talk about"):
            _send(qtbot, chat, prompt)
            last = chat.service.repo.all_messages(chat.service.conversation.id)[-1]
            assert last.status is MessageStatus.BLOCKED, last
            assert "I am a real person" not in last.content and "home address" not in last.content
            assert last.meta.get("filtered")
        assert server.request_count == 2


def test_a_tampered_limit_locks_the_app_until_the_pin(qtbot, family):
    _consent(family)
    from desktop.family_settings import FamilySettings

    FamilySettings(family.core.settings).set_time_rules(family.child.id, {"daily_minutes": [30] * 7})
    family.db.execute("update guardian_settings set value = ? where key = ?",
                      ['{"daily_minutes": [1440, 1440, 1440, 1440, 1440, 1440, 1440]}', f"limits.rules.{family.child.id}"])
    with _running_app(qtbot, family, StreamReply.saying("Hi")) as (window, server):
        assert window.stack.currentWidget() is window.integrity_view
        window.open_chat(family.child.id)
        assert window.chat is None
        assert window.stack.currentWidget() is window.integrity_view


def test_every_panel_page_and_child_dialog_opens_from_the_window(qtbot, family):
    """Catches a page or dialog that cannot even be built (imports, constructor arguments)."""
    _consent(family)
    from ui.complaints import AdultAppealDialog, ComplaintDialog, ReportDialog
    from ui.parental_panel_factory import open_parental_panel
    from ui.supervision import SupervisionInfoDialog

    with _running_app(qtbot, family, StreamReply.saying("Hello there.")) as (window, server):
        chat = window.open_chat(family.child.id)
        _send(qtbot, chat, "hi")
        ai_message = chat.service.repo.all_messages(chat.service.conversation.id)[-1]
        chat.report_requested.emit(ai_message.id)
        chat.complaint_requested.emit()
        chat.appeal_requested.emit()
        chat.supervision_info_requested.emit()
        for cls in (ReportDialog, ComplaintDialog, AdultAppealDialog, SupervisionInfoDialog):
            dialogs = [w for w in window.findChildren(cls) if w.isVisible()]
            assert dialogs, cls.__name__
            for dialog in dialogs:
                dialog.reject()
        panel = open_parental_panel(window, window.ctx, family.session)
        ids = [page.page_id for page in panel.pages]
        assert ids == ["profiles", "time", "companion", "alerts", "reports", "data", "complaints", "audit", "system"]
        for page_id in ids:
            panel.show_page(page_id)
        panel.close_discarding()


def test_tier_three_alert_reaches_guardian_and_emergency_contact_by_email(qtbot, family):
    """R19: the guardian and the emergency contact are alerted at once, over real SMTP."""
    from dataclasses import replace

    from desktop.alerts import ChannelRepository, SmtpChannelConfig, SmtpSecurity
    from desktop.profiles.repository import ProfileRepository
    from tests.integration.alerts_support import SmtpServer, wait_until

    _consent(family)
    profiles = ProfileRepository(family.db)
    profiles.save_guardian(replace(profiles.guardian(), emergency_email="aunt@example.org"), now=family.home.clock.now())
    with SmtpServer() as smtp:
        ChannelRepository(family.db).save(SmtpChannelConfig(
            host="127.0.0.1", port=smtp.port, sender="hearth@example.org", recipients=("ana@example.org",),
            security=SmtpSecurity.NONE, channel_id="email"))
        with _running_app(qtbot, family, StreamReply.saying("Hello.")) as (window, server):
            chat = window.open_chat(family.child.id)
            window.ctx.background_start()  # what the window does 150 ms after it shows
            _send(qtbot, chat, "i'm going to kill myself tonight")
            assert server.request_count == 0
            assert wait_until(lambda: len(smtp.mails) >= 2, timeout=15)
            recipients = sorted(r for mail in smtp.mails for r in mail.recipients)
            assert recipients == ["ana@example.org", "aunt@example.org"]
            # An ordinary tier-2 alert goes to the guardian only.
            window.show_picker()
            window.ctx.alert_sink.raise_alert(family.child, "financial", 2)
            assert wait_until(lambda: len(smtp.mails) >= 3, timeout=15)
            assert smtp.mails[-1].recipients == ["ana@example.org"]
