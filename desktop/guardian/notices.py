"""The notices a guardian agrees to, versioned as plain files in ``resources/notices/``.

A file is named ``<kind>-v<N>.<lang>.md`` (``service-v1.en.md``). A consent record stores the
version string (``service-v1``), so a later, changed notice never silently covers an old consent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.profiles.models import Language
from desktop.resources import resource_path

NOTICE_DIR = "notices"
_VERSION = re.compile(r"^(?P<kind>[a-z]+)-v(?P<number>[1-9][0-9]{0,3})$")


class ConsentKind(StrEnum):
    """What a consent covers. ``SERVICE``: using Hearth at all (R13); ``TRAINING``: using the
    chats to train models (R25) — separate, never bundled, off unless recorded."""

    SERVICE = "service"
    TRAINING = "training"


@dataclass(frozen=True)
class Notice:
    version: str
    kind: ConsentKind
    language: Language
    text: str


class UnknownNoticeError(ValueError):
    """No notice file with this version (or it belongs to another kind)."""


def parse_version(version: str) -> tuple[ConsentKind, int]:
    match = _VERSION.match(version or "")
    if not match:
        raise UnknownNoticeError(f"not a notice version: {version!r}")
    try:
        kind = ConsentKind(match["kind"])
    except ValueError:
        raise UnknownNoticeError(f"no such notice kind: {match['kind']!r}") from None
    return kind, int(match["number"])


def notice_versions(kind: ConsentKind) -> list[str]:
    """Every version of ``kind`` that exists in English and Chinese, oldest first."""
    kind = ConsentKind(kind)
    found = []
    for path in resource_path(NOTICE_DIR).glob(f"{kind.value}-v*.en.md"):
        version = path.name.removesuffix(".en.md")
        try:
            parsed_kind, number = parse_version(version)
        except UnknownNoticeError:
            continue
        if parsed_kind is kind and path.with_name(f"{version}.zh.md").exists():
            found.append((number, version))
    return [version for _, version in sorted(found)]


def current_notice_version(kind: ConsentKind) -> str:
    versions = notice_versions(kind)
    if not versions:
        raise UnknownNoticeError(f"no {kind} notice in resources/{NOTICE_DIR}")
    return versions[-1]


def check_version(kind: ConsentKind, version: str) -> str:
    """``version`` if it is an existing notice of ``kind``; raises ``UnknownNoticeError``."""
    parsed_kind, _ = parse_version(version)
    if parsed_kind is not ConsentKind(kind) or version not in notice_versions(parsed_kind):
        raise UnknownNoticeError(f"there is no {ConsentKind(kind).value} notice {version!r}")
    return version


def load_notice(version: str, language: Language) -> Notice:
    kind, _ = parse_version(version)
    check_version(kind, version)
    language = Language(language)
    path = resource_path(NOTICE_DIR, f"{version}.{language.value}.md")
    return Notice(version, kind, language, path.read_text(encoding="utf-8"))
