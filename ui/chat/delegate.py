"""Paints chat bubbles. Markdown is rendered by Qt (QTextDocument.setMarkdown), not by hand.

Every AI bubble carries a small "AI-generated" caption (R1), so a screenshot of one message
still says where it came from.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.chat.model import LIVE_ROLE, ROLE_ROLE, STATUS_ROLE

PADDING = 10
MARGIN = 8
CAPTION_HEIGHT = 18
MAX_WIDTH_RATIO = 0.78


class MessageDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._cache: dict[tuple[str, int, str], QTextDocument] = {}

    def _document(self, text: str, width: int, font: QFont, role: str) -> QTextDocument:
        key = (text, width, role)
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 600:
                self._cache.clear()
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            if role == "assistant":
                doc.setMarkdown(text or "…")
            else:
                doc.setPlainText(text)
            doc.setTextWidth(width)
            self._cache[key] = doc
        return doc

    def _bubble_width(self, option: QStyleOptionViewItem) -> int:
        return max(120, int(option.rect.width() * MAX_WIDTH_RATIO) - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        role = index.data(ROLE_ROLE)
        doc = self._document(index.data() or "", self._bubble_width(option), option.font, role)
        caption = CAPTION_HEIGHT if role == "assistant" else 0
        return QSize(option.rect.width(), int(doc.size().height()) + 2 * PADDING + 2 * MARGIN + caption)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        role = index.data(ROLE_ROLE)
        status = index.data(STATUS_ROLE)
        live = bool(index.data(LIVE_ROLE))
        is_ai = role == "assistant"
        doc = self._document(index.data() or "", self._bubble_width(option), option.font, role)
        size = doc.size()
        w = size.width() + 2 * PADDING
        h = size.height() + 2 * PADDING
        top = option.rect.top() + MARGIN + (CAPTION_HEIGHT if is_ai else 0)
        left = option.rect.left() + MARGIN if is_ai else option.rect.right() - MARGIN - w
        bubble = QRectF(left, top, w, h)
        palette = option.palette
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        if is_ai:
            fill = QColor("#2c3a47") if dark else QColor("#eef3f8")
            if status == "notice":
                fill = QColor("#3d3524") if dark else QColor("#fff4dc")
        else:
            fill = QColor("#2f6f5e") if dark else QColor("#d7f0e6")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        path = QPainterPath()
        path.addRoundedRect(bubble, 12, 12)
        painter.fillPath(path, fill)
        painter.drawPath(path)
        if is_ai:
            caption_font = QFont(option.font)
            caption_font.setPointSizeF(max(8.0, option.font.pointSizeF() * 0.85))
            painter.setFont(caption_font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            caption = QCoreApplication.translate("MessageDelegate", "Hearth notice") if status == "notice" else QCoreApplication.translate("MessageDelegate", "AI-generated")
            if live:
                caption += " · " + QCoreApplication.translate("MessageDelegate", "writing…")
            elif status == "partial":
                caption += " · " + QCoreApplication.translate("MessageDelegate", "stopped")
            painter.drawText(
                QRectF(left + 4, top - CAPTION_HEIGHT, option.rect.width(), CAPTION_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                caption,
            )
        painter.translate(bubble.left() + PADDING, bubble.top() + PADDING)
        doc.drawContents(painter)
        painter.restore()
