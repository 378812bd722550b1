"""The child's "what can my guardian see?" page (R17, with R15 and R26 facts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from ui.supervision import DEFAULT_RETENTION_DAYS, SupervisionInfoDialog


def _open(qtbot, **kw):
    dialog = SupervisionInfoDialog(None, **{"lang": "en", **kw})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_default_page_says_the_chats_are_not_visible(qtbot):
    dialog = _open(qtbot, transcript_visible=False)
    text = dialog.plain_text()
    assert dialog.windowTitle() == "What can my guardian see?"
    assert dialog.banner_title.text() == "Your guardian cannot read your chats."
    assert "NOT your chats. Your guardian cannot read your messages." in text
    assert "can read all your chats" not in text
    # What the guardian does see (R15): when and how long, alerts and their kind, not the words.
    assert "for how long (a usage summary)" in text
    assert "what kind of worry it is, not your words" in text
    # What Hearth never does, and how to ask.
    for phrase in ("never sells your information", "never shows you ads", "does not use your location",
                   "Ask your guardian"):
        assert phrase in text
    assert DEFAULT_RETENTION_DAYS == 90 and "deleted automatically after 90 days" in text  # R26


def test_full_transcript_is_said_first_and_prominently(qtbot):
    off = _open(qtbot, transcript_visible=False)
    on = _open(qtbot, transcript_visible=True)
    assert on.plain_text() != off.plain_text()
    assert on.banner_title.text() == "Your guardian can read all your chats."
    assert "full transcript" in on.banner_text.text()
    assert "Your whole chats: every message you write and every answer" in on.plain_text()
    assert "NOT your chats" not in on.plain_text()
    # The banner is the first thing under the title, and louder than the calm "off" banner.
    layout = on.banner.parentWidget().layout()
    assert layout.indexOf(on.banner) == layout.indexOf(on.title) + 1
    assert on.banner.isVisible()
    assert "3px solid" in on.banner.styleSheet() and "3px solid" not in off.banner.styleSheet()
    assert on.banner_title.styleSheet() != off.banner_title.styleSheet()


def test_retention_and_alert_excerpts_are_told_as_set(qtbot):
    short = _open(qtbot, transcript_visible=False, retention_days=30, alert_excerpts=True)
    assert "deleted automatically after 30 days" in short.plain_text()
    assert "with a few of the words that were written" in short.plain_text()
    forever = _open(qtbot, transcript_visible=False, retention_days=None, online_companion=True)
    assert "until your guardian deletes them" in forever.plain_text()
    assert "online companion" in forever.plain_text()


def test_keyboard_closes_and_controls_have_names(qtbot):
    dialog = _open(qtbot, transcript_visible=True)
    assert dialog.close_button.isDefault() and dialog.close_button.accessibleName()
    assert all(text.accessibleName() for _, text in dialog.sections)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    again = _open(qtbot, transcript_visible=False)
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


class _MarkingTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context == "SupervisionInfoDialog" else None

    def isEmpty(self):
        return False


def test_language_change_rewrites_the_page(qtbot):
    dialog = _open(qtbot, transcript_visible=True)
    translator = _MarkingTranslator()
    QApplication.instance().installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.banner_title.text() == "«Your guardian can read all your chats.»",
                        timeout=2000)
        assert "«What Hearth never does»" in dialog.plain_text()
    finally:
        QApplication.instance().removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "What can my guardian see?", timeout=2000)
