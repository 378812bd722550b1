"""Switching the interface language while Hearth runs: the visible words follow at once and come
back, plurals included, and Chinese is drawn with real glyphs (not empty boxes).

The window is the real one (``build_main_window`` on a real SQLite file); the translators are
the compiled ``resources/translations/*.qm`` and Qt's ``qtbase_zh_CN``. The QApplication is
shared by every test, so each test ends in English.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.support.backends import ScriptedBackend
from ui.i18n import install_translators
from ui.lock.countdown import CountdownBanner
from ui.widgets.ai_label import AI_LABEL_TEXT

PICKER_TITLE = {"en": "Who is chatting today?", "zh": "今天谁来聊天？"}


@pytest.fixture
def english_afterwards(qapp):
    yield
    install_translators(qapp, "en")


def _switch(qtbot, window, lang: str) -> None:
    """Switch as the language box does; Qt delivers LanguageChange through the event loop."""
    window.set_language(lang)
    qtbot.waitUntil(lambda: window.picker.title.text() == PICKER_TITLE[lang], timeout=5000)


def _chat_words(chat) -> dict[str, str]:
    return {
        "send": chat.send_button.text(),
        "stop": chat.stop_button.text(),
        "end": chat.end_button.text(),
        "help": chat.help_button.text(),
        "report": chat.complaint_button.text(),
        "supervision": chat.supervision_button.text(),
        "placeholder": chat.input.placeholderText(),
    }


def test_picker_follows_the_language_and_back(qtbot, make_window, child, english_afterwards):
    window = make_window(ScriptedBackend())
    picker = window.picker
    assert picker.title.text() == "Who is chatting today?"
    _switch(qtbot, window, "zh")
    assert picker.guardian_button.text() == "家长设置…"
    assert picker.help_button.text() == "现在需要帮助？"
    assert picker.language_box.currentData() == "zh"
    assert window.windowTitle().endswith("AI 伙伴")
    _switch(qtbot, window, "en")
    assert picker.guardian_button.text() == "Guardian settings…"
    assert picker.language_box.currentData() == "en"


def test_chat_buttons_follow_the_language_and_back(qtbot, make_window, child, english_afterwards):
    window = make_window(ScriptedBackend())
    window.picker.button_for(child.id).click()  # Lily's profile is English: the chat opens in English
    chat = window.chat
    english = _chat_words(chat)
    assert english["send"] == "Send" and english["end"] == "End chat"
    _switch(qtbot, window, "zh")
    chinese = _chat_words(chat)
    assert chinese == {
        "send": "发送",
        "stop": "停止",
        "end": "结束聊天",
        "help": "现在需要帮助？",
        "report": "反馈问题",
        "supervision": "监护已开启",
        "placeholder": "输入消息…（按 Enter 发送，Shift+Enter 换行）",
    }
    assert chat.ai_label.text() == AI_LABEL_TEXT  # R1: the bilingual label is a constant
    _switch(qtbot, window, "en")
    assert _chat_words(chat) == english


def test_a_plural_follows_the_language_and_the_count(qtbot, make_window, child, english_afterwards):
    """The last-minute countdown (R11) speaks its seconds as a plural in both languages."""
    window = make_window(ScriptedBackend())
    banner = CountdownBanner()
    qtbot.addWidget(banner)
    _switch(qtbot, window, "en")
    banner.set_seconds(1)
    assert banner.count.accessibleName() == "1 second left"
    _switch(qtbot, window, "zh")
    assert banner.count.accessibleName() == "还剩 1 秒"
    assert banner.heading.text() == "还剩 1 分钟——该说再见啦"
    banner.set_seconds(42)
    assert banner.count.accessibleName() == "还剩 42 秒"
    _switch(qtbot, window, "en")
    assert banner.count.accessibleName() == "42 seconds left"
    assert banner.heading.text() == "1 minute left — time to say goodbye"


def test_a_too_long_paste_is_refused_in_chinese(qtbot, make_window, child, english_afterwards):
    """The refusal names its limit through a plural message, in the child's language."""
    window = make_window(ScriptedBackend())
    window.picker.button_for(child.id).click()
    chat = window.chat
    _switch(qtbot, window, "zh")
    QApplication.clipboard().setText("字" * 200_000)
    chat.input.paste()
    assert chat.notice.isVisible()
    text = chat.notice.text()
    assert text.startswith("这条消息太长了：最多 ") and text.endswith("你写的内容还在这里。")
    assert any(ch.isdigit() for ch in text)


def _glyph(font, char: str) -> QImage:
    metrics = QFontMetrics(font)
    image = QImage(metrics.height() * 2, metrics.height() * 2, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPoint(metrics.height() // 2, metrics.ascent() + metrics.height() // 2), char)
    painter.end()
    return image


def _ink(image: QImage) -> int:
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).lightness() < 128
    )


def test_chinese_renders_with_real_glyphs(qtbot, make_window, child, english_afterwards):
    """A CJK font is installed and used: two different characters draw two different shapes
    (a missing font draws the same empty box for both), and the Chinese title has ink."""
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    window = make_window(ScriptedBackend())
    _switch(qtbot, window, "zh")
    title = window.picker.title
    font = title.font()
    person, sky = _glyph(font, "人"), _glyph(font, "天")
    assert _ink(person) > 10 and _ink(sky) > 10
    assert person != sky
    shot = title.grab().toImage()
    assert _ink(shot.convertToFormat(QImage.Format.Format_RGB32)) > 50
    assert shot.pixelColor(0, 0) != QColor(Qt.GlobalColor.black)
