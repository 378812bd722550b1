"""Entering and leaving minor mode (R10): one click in, the guardian's PIN to get out.

    enter_minor_mode(core, profile)                 # no PIN: anyone may make things stricter
    leave_minor_mode(parent, core, profile)         # PinDialog first; None if not verified

``core`` is the ``GuardianCore`` (or a ``PanelContext``). Both write an audit event, so the
guardian can see who switched what and when.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.pin import GuardianSession, require_session
from desktop.profiles.models import ChildProfile
from desktop.profiles.repository import ProfileRepository
from ui.parental.pin_dialog import PinDialog, guardian_of

AUDIT_ENTERED = AuditKind.MINOR_MODE_ENTERED
AUDIT_LEFT = AuditKind.MINOR_MODE_LEFT


def _set_minor_mode(core, profile: ChildProfile, value: bool) -> ChildProfile:
    repo = ProfileRepository(core.db)
    current = repo.get_child(profile.id)
    return repo.update_child(replace(current, minor_mode=value), today=core.clock.now().date())


def enter_minor_mode(
    ctx_or_guardian, profile: ChildProfile, *, actor: Actor = Actor.CHILD
) -> ChildProfile:
    """Turn minor mode on at once, no PIN (R10: entering takes one click)."""
    core = guardian_of(ctx_or_guardian)
    updated = _set_minor_mode(core, profile, True)
    if not profile.minor_mode:
        core.audit.record(actor, AUDIT_ENTERED, {"profile_id": profile.id})
    return updated


def leave_minor_mode_with_session(
    ctx_or_guardian, profile: ChildProfile, session: GuardianSession | None
) -> ChildProfile:
    """Turn minor mode off for a guardian who has just given the PIN (raises
    ``GuardianSessionError`` without a fresh session)."""
    core = guardian_of(ctx_or_guardian)
    require_session(session, core.clock)
    updated = _set_minor_mode(core, profile, False)
    core.audit.record(Actor.GUARDIAN, AUDIT_LEFT, {"profile_id": profile.id})
    return updated


def leave_minor_mode(
    parent: QWidget | None, ctx_or_guardian, profile: ChildProfile
) -> ChildProfile | None:
    """Ask for the guardian's PIN, then turn minor mode off; None if the PIN was not given."""
    reason = QCoreApplication.translate(
        "MinorMode",
        "Leave minor mode for %1? The default daily limit, night-time pause and rest "
        "reminders stop for this profile, unless you set time rules yourself. This needs the "
        "guardian's PIN.",
    ).replace("%1", profile.display_name)
    session = PinDialog.ask(parent, ctx_or_guardian, reason)
    if session is None:
        return None
    return leave_minor_mode_with_session(ctx_or_guardian, profile, session)
