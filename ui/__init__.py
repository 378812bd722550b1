"""Hearth's PySide6 view layer. It imports ``desktop``; ``desktop`` never imports it."""
