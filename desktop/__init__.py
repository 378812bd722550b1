"""Hearth's application core: everything that is not a widget.

This package never imports PySide6 or ``ui``; ``tests/unit/test_layers.py`` enforces it, so the
rules a family relies on (limits, safety, consent) can be tested and reused without a display.
"""
