"""Small checks shared by the setup config and the family import: strict, with a JSON path.

Both files are typed by hand or carried between computers, so every problem names where it is
(``children[1].birthday``) and unknown keys are errors (a typo such as ``birthdate`` must not be
silently ignored). Keys that start with ``_`` are comments and are skipped.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 5 * 1024 * 1024
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-. ]{3,32}$")


class FileFormatError(ValueError):
    """A problem in a setup or family file; ``where`` is a JSON path ('' for the whole file)."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.detail = message


def read_json_file(path: Path) -> Any:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FileFormatError(
                "", f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB"
            )
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileFormatError("", f"cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise FileFormatError("", "the file is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            "", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def obj(value: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
    """A JSON object with exactly these keys (comments ``_...`` dropped)."""
    if not isinstance(value, dict):
        raise FileFormatError(where, "expected an object {...}")
    data = {k: v for k, v in value.items() if not (isinstance(k, str) and k.startswith("_"))}
    unknown = sorted(set(data) - required - set(optional))
    if unknown:
        raise FileFormatError(where, f"unknown key {unknown[0]!r}")
    missing = sorted(required - set(data))
    if missing:
        raise FileFormatError(where, f"missing key {missing[0]!r}")
    return data


def array(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise FileFormatError(where, "expected a list [...]")
    return value


def text(value: Any, where: str, *, max_length: int, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise FileFormatError(where, "expected text in quotes")
    value = " ".join(value.split())
    if required and not value:
        raise FileFormatError(where, "must not be empty")
    if len(value) > max_length:
        raise FileFormatError(where, f"at most {max_length} characters")
    return value


def email(value: Any, where: str) -> str:
    value = text(value, where, max_length=254, required=False)
    if value and not _EMAIL.match(value):
        raise FileFormatError(where, f"{value!r} does not look like an e-mail address")
    return value


def phone(value: Any, where: str) -> str:
    value = text(value, where, max_length=32, required=False)
    if value and not _PHONE.match(value):
        raise FileFormatError(where, f"{value!r} does not look like a phone number")
    return value


def iso_date(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise FileFormatError(where, 'expected a date as "YYYY-MM-DD"')
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FileFormatError(where, f"{value!r} is not a date as YYYY-MM-DD") from None


def check_format(data: dict, where: str, name: str, version: int) -> None:
    """``format`` must be ``name``; a newer ``version`` gets its own clear message."""
    if data.get("format") != name:
        raise FileFormatError(
            where or "format", f'this is not a {name} file ("format" should be "{name}")'
        )
    found = data.get("version")
    if not isinstance(found, int) or isinstance(found, bool) or found < 1:
        raise FileFormatError("version", "expected a whole number")
    if found > version:
        raise FileFormatError(
            "version",
            f"written by a newer Hearth (format version {found}); "
            f"this Hearth reads version {version}. Update Hearth first.",
        )
