"""Guards against a Qt binding that miscounts references to None.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every call of a method returning
void; a chat that paints long enough then aborts with "deallocating None". This test makes such a
binding fail here instead of in a child's session.
"""

import sys

from PySide6.QtGui import QImage, QPainter, QTextDocument


def test_void_calls_do_not_leak_references_to_none(qapp):
    doc = QTextDocument()
    doc.setMarkdown("hello **there**")
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.save()
            doc.drawContents(painter)
            painter.restore()
            doc.setTextWidth(150)
        drift = sys.getrefcount(None) - before
    finally:
        painter.end()
    assert abs(drift) < 100, f"None refcount drifted by {drift} over 8000 void calls"
