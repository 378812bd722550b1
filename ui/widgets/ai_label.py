"""The permanent "AI — not a real person" label (R1).

Its text is bilingual on purpose and not translated: the rule names both languages, and a child
switching the UI language must never see it disappear. It has no close button and a contrast
well above WCAG AA.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

AI_LABEL_TEXT = "AI — not a real person / 人工智能，不是真人"


class AiIdentityLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(AI_LABEL_TEXT, parent)
        self.setObjectName("aiIdentityLabel")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(AI_LABEL_TEXT)
        self.setWordWrap(True)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
        self.setFont(font)
        self.setStyleSheet(
            "QLabel#aiIdentityLabel { background: #1f3a5f; color: #ffffff; padding: 6px 12px;"
            " border-radius: 8px; font-size: 12pt; font-weight: bold; }"
        )
