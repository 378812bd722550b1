"""Emphasis that survives the theme: the app stylesheet fixes every widget's font size, so
``QWidget.setFont`` cannot make a heading bigger; a widget's own stylesheet can."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

#: The body size of the light and dark themes (``resources/styles/*.qss``).
BASE_POINT_SIZE = 11.0


def emphasize(widget: QWidget, scale: float = 1.0, *, bold: bool = True) -> None:
    weight = "bold" if bold else "normal"
    widget.setStyleSheet(f"font-size: {BASE_POINT_SIZE * scale:.1f}pt; font-weight: {weight};")
