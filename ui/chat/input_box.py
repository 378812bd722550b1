"""The message box. A paste larger than a message may be is refused up front: laying out a
1 MB single line would freeze the window for many seconds, and the clipboard still holds it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit

from desktop.companion.input import MAX_MESSAGE_CHARS


class MessageInput(QPlainTextEdit):
    paste_refused = Signal(int)  # the limit

    def insertFromMimeData(self, source) -> None:
        incoming = len(source.text()) if source.hasText() else 0
        if incoming + len(self.toPlainText()) > MAX_MESSAGE_CHARS:
            self.paste_refused.emit(MAX_MESSAGE_CHARS)
            return
        super().insertFromMimeData(source)
