"""The one way the core reads files from ``resources/``.

Lexicons, personas, hotlines and reminder texts are data, not code, so translators and safety
reviewers can change them without touching Python. In a PyInstaller bundle ``resources/`` sits
next to the frozen packages, which is why the path is derived from this file.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Absolute path of a file or folder under ``resources/``."""
    return _root().joinpath(*parts)


@cache
def load_json(*parts: str):
    """Parse a JSON resource once; callers must not mutate the result."""
    import json  # not at the top: the GUI imports this module before its first frame

    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)
