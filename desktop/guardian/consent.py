"""Recorded consent: who gave it, when, for which version of the notice (R13, R25).

A child under 14 may not chat until a guardian's ``service`` consent is recorded (R13, PIPL).
``training`` consent (R25) is separate, off unless recorded, and for a child under 14 only a
guardian can give it. Withdrawing is as easy as giving: one call, effective at once. History is
kept (each record says when it was withdrawn) so the guardian can see what was agreed when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlite_utils import Database

from desktop.guardian.audit import Actor, AuditKind, AuditLog
from desktop.guardian.notices import ConsentKind, UnknownNoticeError, check_version
from desktop.profiles.models import ChildProfile
from desktop.profiles.repository import ProfileRepository

MAX_NAME = 100


class ConsentGiver(StrEnum):
    GUARDIAN = "guardian"
    SELF = "self"  # a child of 14 or more agreeing for themselves


class ConsentError(ValueError):
    """A consent that cannot be recorded; ``key`` names the problem for the UI."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    profile_id: int
    kind: ConsentKind
    given_by: str
    giver: ConsentGiver
    notice_version: str
    given_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class ConsentRepository:
    """The ``consents`` table."""

    def __init__(self, db: Database, audit: AuditLog | None = None):
        self.db = db
        self.audit = audit

    def record(
        self,
        profile_id: int,
        kind: ConsentKind,
        given_by: str,
        notice_version: str,
        at: datetime,
        *,
        giver: ConsentGiver = ConsentGiver.GUARDIAN,
    ) -> ConsentRecord:
        kind, giver = ConsentKind(kind), ConsentGiver(giver)
        name = " ".join((given_by or "").split())
        if not name or len(name) > MAX_NAME:
            raise ConsentError("given_by", f"say who gives consent (1 to {MAX_NAME} characters)")
        try:
            check_version(kind, notice_version)
        except UnknownNoticeError as exc:
            raise ConsentError("notice_version", str(exc)) from None
        child = self._child(profile_id)
        if giver is ConsentGiver.SELF and child.needs_guardian_consent(at.date()):
            raise ConsentError("giver", "a child under 14 needs the guardian's consent")
        with self.db.atomic():
            current = self.current(profile_id, kind)
            if current is not None and current.active:
                self._close(current.id, at, f"superseded by {notice_version}")
            table = self.db["consents"]
            table.insert(
                {
                    "profile_id": profile_id,
                    "kind": kind.value,
                    "given_by": name,
                    "giver": giver.value,
                    "notice_version": notice_version,
                    "given_at": at.isoformat(),
                    "withdrawn_at": None,
                    "withdrawn_by": None,
                }
            )
            record = self._get(table.last_pk)
            if self.audit:
                self.audit.record(
                    Actor.GUARDIAN if giver is ConsentGiver.GUARDIAN else Actor.CHILD,
                    AuditKind.CONSENT_GIVEN,
                    {
                        "profile_id": profile_id,
                        "kind": kind.value,
                        "given_by": name,
                        "notice_version": notice_version,
                    },
                )
        return record

    def withdraw(
        self, profile_id: int, kind: ConsentKind, *, by: str, at: datetime
    ) -> ConsentRecord | None:
        """Withdraw the active consent, if any; returns the closed record."""
        kind = ConsentKind(kind)
        current = self.current(profile_id, kind)
        if current is None or not current.active:
            return None
        name = " ".join((by or "").split())[:MAX_NAME] or "guardian"
        self._close(current.id, at, name)
        if self.audit:
            self.audit.record(
                Actor.GUARDIAN,
                AuditKind.CONSENT_WITHDRAWN,
                {"profile_id": profile_id, "kind": kind.value, "by": name},
            )
        return self._get(current.id)

    def current(self, profile_id: int, kind: ConsentKind) -> ConsentRecord | None:
        """The latest record of this kind (which may be withdrawn)."""
        rows = list(
            self.db["consents"].rows_where(
                "profile_id = ? and kind = ?",
                [profile_id, ConsentKind(kind).value],
                order_by="id desc",
                limit=1,
            )
        )
        return _record(rows[0]) if rows else None

    def has_consent(self, profile_id: int, kind: ConsentKind) -> bool:
        current = self.current(profile_id, kind)
        return current is not None and current.active

    def history(self, profile_id: int | None = None) -> list[ConsentRecord]:
        where, args = ("profile_id = ?", [profile_id]) if profile_id is not None else (None, [])
        return [_record(r) for r in self.db["consents"].rows_where(where, args, order_by="id")]

    def chat_needs_consent(self, profile: ChildProfile, today: date) -> bool:
        """True while a child under 14 has no active service consent: the chat stays closed."""
        return profile.needs_guardian_consent(today) and not self.has_consent(
            profile.id, ConsentKind.SERVICE
        )

    def training_allowed(self, profile_id: int) -> bool:
        """R25: off unless an active training consent is recorded."""
        return self.has_consent(profile_id, ConsentKind.TRAINING)

    def _close(self, record_id: int, at: datetime, by: str) -> None:
        self.db["consents"].update(record_id, {"withdrawn_at": at.isoformat(), "withdrawn_by": by})

    def _get(self, record_id: int) -> ConsentRecord:
        return _record(self.db["consents"].get(record_id))

    def _child(self, profile_id: int) -> ChildProfile:
        from sqlite_utils.db import NotFoundError

        try:
            return ProfileRepository(self.db).get_child(profile_id)
        except NotFoundError:
            raise ConsentError("profile_id", f"no child profile {profile_id}") from None


def _record(row: dict) -> ConsentRecord:
    withdrawn = row["withdrawn_at"]
    return ConsentRecord(
        id=row["id"],
        profile_id=row["profile_id"],
        kind=ConsentKind(row["kind"]),
        given_by=row["given_by"],
        giver=ConsentGiver(row["giver"]),
        notice_version=row["notice_version"],
        given_at=datetime.fromisoformat(row["given_at"]),
        withdrawn_at=datetime.fromisoformat(withdrawn) if withdrawn else None,
        withdrawn_by=row["withdrawn_by"],
    )
