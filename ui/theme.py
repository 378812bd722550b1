"""The light and dark themes: a palette for Qt's own drawing plus a stylesheet from resources/.

"auto" follows the desktop's colour scheme where Qt can read it (Qt ≥ 6.5 styleHints).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

STYLE = "Fusion"  # draws every control from the palette, the same on every desktop


def create_application(argv0: str) -> QApplication:
    """The QApplication, with Hearth's style chosen on its command line (``-style``).

    ``app.setStyle()`` hands the new style back to Python, and the first QStyle object there
    builds that class's Python enums: ≈4 ms before the first frame. Chosen this way, Qt creates
    the style in C++ alone (``-style`` also wins over ``QT_STYLE_OVERRIDE``, as setStyle did).
    """
    app = QApplication([argv0, "-style", STYLE])
    app.setProperty("hearthStyle", STYLE)
    return app


def _is_dark_system(app: QApplication) -> bool:
    """True when the platform theme's colour scheme is Dark (``QStyleHints.colorScheme()``).

    Until Hearth sets its own palette, the application's palette is the platform theme's, which
    Qt builds from that same scheme (Fusion's is #323232 for Dark, #efefef otherwise), so the
    first call reads it there: ``colorScheme()`` returns a ``Qt.ColorScheme``, and the first use
    of the ``Qt`` namespace builds its ~90 Python enums, ≈12 ms before the first frame. Later
    calls (settings changed, desktop switched) ask ``colorScheme()``. ``tests/e2e/
    test_smoke_startup.py`` holds the two answers equal under a real platform theme.
    """
    if app.property("hearthTheme") is None:
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    from PySide6.QtCore import Qt

    scheme = getattr(app.styleHints(), "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str = "auto") -> str:
    """Apply ``light``, ``dark`` or ``auto``; returns the theme actually used."""
    if app.property("hearthStyle") != STYLE:
        app.setStyle(STYLE)
        app.setProperty("hearthStyle", STYLE)
    dark = mode == "dark" or (mode == "auto" and _is_dark_system(app))
    name = "dark" if dark else "light"
    palette = QPalette()
    if dark:
        colors = {"Window": "#1b1f24", "WindowText": "#e8e6e3", "Base": "#1f242a", "Text": "#e8e6e3",
                  "Button": "#2a3038", "ButtonText": "#e8e6e3", "Highlight": "#8ab4f8",
                  "HighlightedText": "#0b1a2e", "ToolTipBase": "#2a3038", "ToolTipText": "#e8e6e3",
                  "PlaceholderText": "#9aa0a6"}
    else:
        colors = {"Window": "#fbf7f0", "WindowText": "#1d2a36", "Base": "#ffffff", "Text": "#1d2a36",
                  "Button": "#ffffff", "ButtonText": "#1d2a36", "Highlight": "#1f6feb",
                  "HighlightedText": "#ffffff", "ToolTipBase": "#fffdf7", "ToolTipText": "#1d2a36",
                  "PlaceholderText": "#6b6f75"}
    for role, value in colors.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(value))
    app.setPalette(palette)
    app.setStyleSheet(resource_path("styles", f"{name}.qss").read_text(encoding="utf-8"))
    app.setProperty("hearthTheme", name)
    return name
