"""Family export and import: the same family on a second computer.

The export (``{"format": "hearth-family", "version": 1, ...}``) holds everything the guardian
chose: contacts, children (with their ids, so settings that name a profile still fit), consent
records with their history, and every signed setting (verified before export). It also holds
the argon2id hashes of the PIN and the recovery code, so the same PIN works on the other
computer and the import can check the PIN without the original machine. It never holds a PIN,
a secret or chat content. Treat the file as private: with it, someone can try to guess the PIN
offline (which is why it is written with mode 0600).

Import is for a data folder without a family. If the keyring says a family was set up here
but the database is gone, the PIN must match that keyring's PIN as well (a restore).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from desktop import meta
from desktop.family.config import parse_guardian, parse_settings
from desktop.family.validation import (
    FileFormatError,
    array,
    check_format,
    iso_date,
    obj,
    text,
)
from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.consent import ConsentGiver
from desktop.guardian.core import AlreadySetUpError, GuardianCore
from desktop.guardian.notices import ConsentKind, UnknownNoticeError, check_version
from desktop.guardian.pin import PinHashes, PinOutcome, verify_hash
from desktop.guardian.pin_rules import normalize_input
from desktop.profiles.models import Guardian, Language
from desktop.profiles.repository import ProfileError, ProfileRepository, validate_child

FAMILY_FORMAT = "hearth-family"
FAMILY_VERSION = 1
MAX_ITEMS = 10_000


class WrongPinError(PermissionError):
    """The PIN does not open this export (or this account's family); ``message`` says why."""


@dataclass(frozen=True)
class ChildRecord:
    id: int
    display_name: str
    birthday: date
    language: Language
    minor_mode: bool
    created_at: str


@dataclass(frozen=True)
class ConsentRow:
    child_id: int
    kind: ConsentKind
    given_by: str
    giver: ConsentGiver
    notice_version: str
    given_at: str
    withdrawn_at: str | None
    withdrawn_by: str | None


@dataclass(frozen=True)
class FamilyBundle:
    guardian: Guardian
    pin: PinHashes
    children: tuple[ChildRecord, ...]
    consents: tuple[ConsentRow, ...]
    settings: dict[str, Any]


def export_family(core: GuardianCore) -> dict[str, Any]:
    """The family as a JSON-ready dict. Raises ``SettingsIntegrityError`` if settings are
    tampered (export only what verifies)."""
    settings = core.settings.export_items()
    guardian = ProfileRepository(core.db).guardian()
    hashes = core.pins.authoritative_hashes()
    if guardian is None or hashes is None:
        raise AlreadySetUpError("missing", "there is no family to export here")
    children = [
        {
            "id": r["id"],
            "display_name": r["display_name"],
            "birthday": r["birthday"],
            "language": r["language"],
            "minor_mode": bool(r["minor_mode"]),
            "created_at": r["created_at"] or "",
        }
        for r in core.db["child_profiles"].rows_where(order_by="id")
    ]
    consents = [
        {
            "child_id": c.profile_id,
            "kind": c.kind.value,
            "given_by": c.given_by,
            "giver": c.giver.value,
            "notice_version": c.notice_version,
            "given_at": c.given_at.isoformat(),
            "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            "withdrawn_by": c.withdrawn_by,
        }
        for c in core.consents.history()
    ]
    return {
        "_comment": "Hearth family export. Private: contains contact details and the PIN's "
        "hash. Import with `hearth family import FILE --pin-stdin`.",
        "format": FAMILY_FORMAT,
        "version": FAMILY_VERSION,
        "app_version": meta.VERSION,
        "exported_at": core.clock.now().isoformat(),
        "guardian": asdict(guardian),
        "pin": {"pin_hash": hashes.pin_hash, "recovery_hash": hashes.recovery_hash},
        "children": children,
        "consents": consents,
        "settings": settings,
    }


def parse_family_export(data: Any, *, today: date) -> FamilyBundle:
    """Check a whole export before anything is written; raises ``FileFormatError``."""
    top = obj(
        data,
        "",
        {"format", "version", "guardian", "pin", "children", "consents", "settings"},
        {"app_version", "exported_at"},
    )
    check_format(top, "", FAMILY_FORMAT, FAMILY_VERSION)
    guardian = parse_guardian(top["guardian"], "guardian")
    pin = obj(top["pin"], "pin", {"pin_hash", "recovery_hash"})
    for name in ("pin_hash", "recovery_hash"):
        value = pin[name]
        if not isinstance(value, str) or not value.startswith("$argon2id$") or len(value) > 512:
            raise FileFormatError(f"pin.{name}", "not an argon2id hash")
    children_raw = array(top["children"], "children")
    consents_raw = array(top["consents"], "consents")
    if len(children_raw) > MAX_ITEMS or len(consents_raw) > MAX_ITEMS:
        raise FileFormatError("", "too many entries")
    children = tuple(_child(c, f"children[{i}]", today) for i, c in enumerate(children_raw))
    ids = [c.id for c in children]
    if len(set(ids)) != len(ids):
        raise FileFormatError("children", "two children have the same id")
    consents = tuple(_consent(c, f"consents[{i}]", set(ids)) for i, c in enumerate(consents_raw))
    settings = parse_settings(top["settings"], "settings")
    return FamilyBundle(
        guardian, PinHashes(pin["pin_hash"], pin["recovery_hash"]), children, consents, settings
    )


def _child(value: Any, where: str, today: date) -> ChildRecord:
    data = obj(
        value, where, {"id", "display_name", "birthday", "language", "minor_mode"}, {"created_at"}
    )
    if not isinstance(data["id"], int) or isinstance(data["id"], bool) or data["id"] < 1:
        raise FileFormatError(f"{where}.id", "expected a positive whole number")
    birthday = iso_date(data["birthday"], f"{where}.birthday")
    if not isinstance(data["display_name"], str):
        raise FileFormatError(f"{where}.display_name", "expected text in quotes")
    try:
        name = validate_child(data["display_name"], birthday, today)
    except ProfileError as exc:
        raise FileFormatError(f"{where}.{exc.key}", str(exc)) from None
    if data["language"] not in {lang.value for lang in Language}:
        raise FileFormatError(f"{where}.language", 'expected "en" or "zh"')
    if not isinstance(data["minor_mode"], bool):
        raise FileFormatError(f"{where}.minor_mode", "expected true or false")
    created = _timestamp(
        data.get("created_at") or today.isoformat() + "T00:00:00", f"{where}.created_at"
    )
    return ChildRecord(
        data["id"], name, birthday, Language(data["language"]), data["minor_mode"], created
    )


def _consent(value: Any, where: str, child_ids: set[int]) -> ConsentRow:
    data = obj(
        value,
        where,
        {"child_id", "kind", "given_by", "giver", "notice_version", "given_at"},
        {"withdrawn_at", "withdrawn_by"},
    )
    if data["child_id"] not in child_ids:
        raise FileFormatError(f"{where}.child_id", "does not name a child in this file")
    try:
        kind = ConsentKind(data["kind"])
        giver = ConsentGiver(data["giver"])
    except ValueError:
        raise FileFormatError(where, "unknown consent kind or giver") from None
    try:
        version = check_version(
            kind, data["notice_version"] if isinstance(data["notice_version"], str) else ""
        )
    except UnknownNoticeError as exc:
        raise FileFormatError(f"{where}.notice_version", str(exc)) from None
    withdrawn = data.get("withdrawn_at")
    return ConsentRow(
        child_id=data["child_id"],
        kind=kind,
        given_by=text(data["given_by"], f"{where}.given_by", max_length=100),
        giver=giver,
        notice_version=version,
        given_at=_timestamp(data["given_at"], f"{where}.given_at"),
        withdrawn_at=_timestamp(withdrawn, f"{where}.withdrawn_at") if withdrawn else None,
        withdrawn_by=text(
            data.get("withdrawn_by"), f"{where}.withdrawn_by", max_length=200, required=False
        )
        or None,
    )


def _timestamp(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise FileFormatError(where, "expected a date and time (ISO 8601)")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise FileFormatError(where, f"{value!r} is not an ISO 8601 date and time") from None
    return value


def import_family(core: GuardianCore, bundle: FamilyBundle, pin: str) -> str:
    """Create the family of ``bundle`` here; returns the new install id.

    Raises ``PinRuleError`` (empty/overlong PIN), ``WrongPinError``, ``AlreadySetUpError`` or
    ``SecretsUnavailableError``; in each case nothing is written.
    """
    candidate = normalize_input(pin)
    del pin
    if core.is_set_up():
        raise AlreadySetUpError(
            "database",
            "this data folder already has a family; import is for a computer or folder without one",
        )
    marker = core.secrets.family_marker()
    if not verify_hash(bundle.pin.pin_hash, candidate):
        raise WrongPinError("the PIN does not match the PIN of this export")
    hashes = bundle.pin
    if marker is not None:
        # Restoring where the keyring remembers a family: its guardian's PIN must match too,
        # and wrong tries count towards the lockout like any other.
        result = core.pins.verify(candidate)
        if result.outcome is not PinOutcome.ACCEPTED:
            raise WrongPinError(
                "the PIN does not match the guardian PIN this account's "
                f"keyring remembers ({result.message})"
            )
        hashes = PinHashes(marker.pin_hash, marker.recovery_hash)
    del candidate

    def populate(_session) -> None:
        now = core.clock.now()
        ProfileRepository(core.db).save_guardian(bundle.guardian, now=now)
        for child in bundle.children:
            core.db["child_profiles"].insert(
                {
                    "id": child.id,
                    "display_name": child.display_name,
                    "birthday": child.birthday.isoformat(),
                    "language": child.language.value,
                    "minor_mode": int(child.minor_mode),
                    "created_at": child.created_at,
                }
            )
        for c in bundle.consents:
            core.db["consents"].insert(
                {
                    "profile_id": c.child_id,
                    "kind": c.kind.value,
                    "given_by": c.given_by,
                    "giver": c.giver.value,
                    "notice_version": c.notice_version,
                    "given_at": c.given_at,
                    "withdrawn_at": c.withdrawn_at,
                    "withdrawn_by": c.withdrawn_by,
                }
            )
        core.settings.replace_all(
            core.secrets.settings_key(), bundle.settings, actor=Actor.GUARDIAN
        )

    install_id, _ = core.establish(
        hashes,
        populate=populate,
        kind=AuditKind.FAMILY_IMPORTED,
        detail={"children": len(bundle.children), "settings": len(bundle.settings)},
        replace_marker=marker is not None,
    )
    return install_id
