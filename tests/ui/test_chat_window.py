"""The chat window with a real database: send, stream, stop, switch persona, reopen history."""

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.companion.backends.base import BackendErrorKind
from desktop.companion.repository import MessageStatus
from tests.support.backends import FailingBackend, ScriptedBackend
from ui.widgets.ai_label import AI_LABEL_TEXT


def _open_chat(window, child):
    window.picker.button_for(child.id).click()
    return window.chat


def _send(qtbot, chat, text):
    chat.input.setPlainText(text)
    qtbot.mouseClick(chat.send_button, Qt.MouseButton.LeftButton)


def test_send_shows_streamed_reply_and_stores_it(qtbot, make_window, child):
    window = make_window(ScriptedBackend("Hi Lily! What is your favourite game?"))
    chat = _open_chat(window, child)
    assert chat.ai_label.text() == AI_LABEL_TEXT and chat.ai_label.isVisible()
    _send(qtbot, chat, "hello")
    qtbot.waitUntil(lambda: not chat.busy, timeout=5000)
    texts = [chat.model.index(i).data() for i in range(chat.model.rowCount())]
    assert texts == ["hello", "Hi Lily! What is your favourite game?"]
    stored = chat.service.repo.all_messages(chat.service.conversation.id)
    assert [m.status for m in stored] == [MessageStatus.SENT, MessageStatus.COMPLETE]
    assert chat.input.toPlainText() == ""


def test_stop_keeps_the_partial_reply(qtbot, make_window, child):
    gate = threading.Event()
    window = make_window(ScriptedBackend("one two three four", gate=gate))
    chat = _open_chat(window, child)
    _send(qtbot, chat, "tell me something")
    qtbot.waitUntil(lambda: chat.model.live_text() == "one ", timeout=5000)
    qtbot.mouseClick(chat.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not chat.busy, timeout=5000)
    last = chat.service.repo.all_messages(chat.service.conversation.id)[-1]
    assert (last.content, last.status) == ("one ", MessageStatus.PARTIAL)
    gate.set()


def test_backend_failure_keeps_message_and_retry_works(qtbot, make_window, child):
    backend = FailingBackend(BackendErrorKind.CONNECTION_REFUSED)
    window = make_window(backend)
    chat = _open_chat(window, child)
    _send(qtbot, chat, "are you there?")
    qtbot.waitUntil(lambda: not chat.busy, timeout=5000)
    assert chat.notice.isVisible() and "connection refused" in chat.notice.text()
    assert chat.retry_button.isVisible()
    chat.backend = ScriptedBackend("Yes, I'm here.")
    qtbot.mouseClick(chat.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not chat.busy, timeout=5000)
    stored = chat.service.repo.all_messages(chat.service.conversation.id)
    assert [(m.content, m.status) for m in stored] == [
        ("are you there?", MessageStatus.SENT), ("Yes, I'm here.", MessageStatus.COMPLETE)]


def test_empty_message_gets_a_clear_notice(qtbot, make_window, child):
    window = make_window(ScriptedBackend())
    chat = _open_chat(window, child)
    _send(qtbot, chat, "   ")
    assert chat.notice.isVisible() and chat.notice.text() == "Type a message first."
    chat.hide_notice()
    chat.input.setPlainText("my draft")
    QApplication.clipboard().setText("x" * 1_000_000)
    started = time.perf_counter()
    chat.input.paste()
    assert time.perf_counter() - started < 1.0  # the window does not freeze
    assert chat.notice.isVisible() and "too long" in chat.notice.text()
    assert chat.input.toPlainText() == "my draft"  # nothing lost
    assert QApplication.clipboard().text() == "x" * 1_000_000


def test_persona_switch_starts_a_new_conversation(qtbot, make_window, child):
    window = make_window(ScriptedBackend())
    chat = _open_chat(window, child)
    first = chat.service.conversation.id
    ids = [chat.persona_box.itemData(i) for i in range(chat.persona_box.count())]
    assert "sweetheart" not in ids and "big_sister" not in ids  # R12
    chat.persona_box.setCurrentIndex(ids.index("storyteller"))
    assert chat.service.persona.id == "storyteller"
    assert chat.service.conversation.id != first
    assert chat.model.rowCount() == 0


def test_reopening_shows_history(qtbot, make_window, child):
    window = make_window(ScriptedBackend("Nice!"))
    chat = _open_chat(window, child)
    _send(qtbot, chat, "I like foxes")
    qtbot.waitUntil(lambda: not chat.busy, timeout=5000)
    window.close_chat()
    window.show_picker()
    chat = _open_chat(window, child)
    texts = [chat.model.index(i).data() for i in range(chat.model.rowCount())]
    assert texts == ["I like foxes", "Nice!"]


def test_enter_sends_and_shift_enter_adds_a_line(qtbot, make_window, child):
    window = make_window(ScriptedBackend("ok"))
    chat = _open_chat(window, child)
    chat.input.setFocus()
    qtbot.keyClicks(chat.input, "line one")
    qtbot.keyClick(chat.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(chat.input, "line two")
    assert chat.model.rowCount() == 0
    qtbot.keyClick(chat.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chat.busy, timeout=5000)
    assert chat.model.index(0).data() == "line one\nline two"
