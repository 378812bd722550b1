"""The setup config file for ``hearth setup --config FILE.json --pin-stdin``.

The same choices as the first-run wizard, as JSON: the guardian's contact details and an
emergency contact (R14), the children with their birthdays (R10), the guardian's consent per
child and kind with the notice version they read (R13, R25), optional signed settings, and
whether to accept the weaker secrets file when no keyring exists. ``hearth setup
--print-example`` prints a commented example (``resources/setup/example-config.json``).
The whole file is checked before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.family.validation import (
    FileFormatError,
    array,
    check_format,
    email,
    iso_date,
    obj,
    phone,
    read_json_file,
    text,
)
from desktop.guardian.notices import ConsentKind, UnknownNoticeError, check_version
from desktop.guardian.settings_store import canonical_json, check_setting_key
from desktop.profiles.models import Guardian, Language
from desktop.profiles.repository import ProfileError, validate_child

SETUP_FORMAT = "hearth-setup"
SETUP_VERSION = 1
MAX_CHILDREN = 20


@dataclass(frozen=True)
class ChildSetup:
    display_name: str
    birthday: date
    language: Language
    #: The notice version the guardian agreed to, or None for "not now".
    service_consent: str | None = None
    training_consent: str | None = None


@dataclass(frozen=True)
class FamilyConfig:
    guardian: Guardian
    children: tuple[ChildSetup, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    secrets_file_fallback: bool = False


def load_family_config(path: Path, *, today: date) -> FamilyConfig:
    return parse_family_config(read_json_file(path), today=today)


def parse_family_config(data: Any, *, today: date) -> FamilyConfig:
    top = obj(
        data,
        "",
        {"format", "version", "guardian"},
        {"children", "settings", "secrets_file_fallback"},
    )
    check_format(top, "", SETUP_FORMAT, SETUP_VERSION)
    guardian = parse_guardian(top["guardian"], "guardian")
    children_raw = array(top.get("children", []), "children")
    if len(children_raw) > MAX_CHILDREN:
        raise FileFormatError("children", f"at most {MAX_CHILDREN} children")
    children = tuple(_child(item, f"children[{i}]", today) for i, item in enumerate(children_raw))
    settings = parse_settings(top.get("settings", {}), "settings")
    fallback = top.get("secrets_file_fallback", False)
    if not isinstance(fallback, bool):
        raise FileFormatError("secrets_file_fallback", "expected true or false")
    return FamilyConfig(guardian, children, settings, fallback)


GUARDIAN_KEYS = {"email", "phone", "emergency_name", "emergency_phone", "emergency_email"}


def parse_guardian(value: Any, where: str) -> Guardian:
    data = obj(value, where, {"name"}, GUARDIAN_KEYS)
    guardian = Guardian(
        name=text(data["name"], f"{where}.name", max_length=80),
        email=email(data.get("email"), f"{where}.email"),
        phone=phone(data.get("phone"), f"{where}.phone"),
        emergency_name=text(
            data.get("emergency_name"), f"{where}.emergency_name", max_length=80, required=False
        ),
        emergency_phone=phone(data.get("emergency_phone"), f"{where}.emergency_phone"),
        emergency_email=email(data.get("emergency_email"), f"{where}.emergency_email"),
    )
    # R14: Hearth must be able to reach a guardian or an emergency contact.
    if not any(
        (guardian.email, guardian.phone, guardian.emergency_phone, guardian.emergency_email)
    ):
        raise FileFormatError(
            where,
            "give at least one way to reach the guardian or the emergency contact (email or phone)",
        )
    return guardian


def parse_settings(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FileFormatError(where, "expected an object {...}")
    settings = {}
    for key, item in value.items():
        if isinstance(key, str) and key.startswith("_"):
            continue
        try:
            check_setting_key(key)
            canonical_json(item)
        except ValueError as exc:
            raise FileFormatError(f"{where}.{key}", str(exc)) from None
        settings[key] = item
    return settings


def _child(value: Any, where: str, today: date) -> ChildSetup:
    data = obj(value, where, {"display_name", "birthday"}, {"language", "consent"})
    birthday = iso_date(data["birthday"], f"{where}.birthday")
    name_raw = data["display_name"]
    if not isinstance(name_raw, str):
        raise FileFormatError(f"{where}.display_name", "expected text in quotes")
    try:
        name = validate_child(name_raw, birthday, today)
    except ProfileError as exc:
        raise FileFormatError(f"{where}.{exc.key}", str(exc)) from None
    language = data.get("language", "en")
    if language not in {lang.value for lang in Language}:
        raise FileFormatError(f"{where}.language", 'expected "en" or "zh"')
    consent = obj(
        data.get("consent", {}), f"{where}.consent", set(), {kind.value for kind in ConsentKind}
    )
    versions = {}
    for kind in ConsentKind:
        version = consent.get(kind.value)
        if version is None:
            versions[kind] = None
            continue
        try:
            versions[kind] = check_version(kind, version if isinstance(version, str) else "")
        except UnknownNoticeError as exc:
            raise FileFormatError(
                f"{where}.consent.{kind.value}",
                f"{exc}; use the version of the notice you read, or null",
            ) from None
    return ChildSetup(
        name,
        birthday,
        Language(language),
        versions[ConsentKind.SERVICE],
        versions[ConsentKind.TRAINING],
    )
