"""Apply a checked :class:`FamilyConfig`: one transaction, keyring marker last.

The guardian who runs the setup is the one consenting: each consent the config lists is
recorded with the guardian's name, the current time and the notice version named (R13, R25).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.family.config import FamilyConfig
from desktop.guardian.core import AlreadySetUpError, GuardianCore
from desktop.guardian.notices import ConsentKind
from desktop.guardian.pin import GuardianSession
from desktop.guardian.pin_rules import check_new_pin
from desktop.guardian.secrets import SecretBackendKind, SecretsUnavailableError
from desktop.profiles.models import ChildProfile
from desktop.profiles.repository import ProfileRepository


@dataclass(frozen=True)
class SetupResult:
    recovery_code: str
    install_id: str
    children: tuple[ChildProfile, ...]
    #: Things the guardian should know (e.g. a child under 14 still needs consent to chat).
    notes: tuple[str, ...] = ()


def apply_family_config(core: GuardianCore, config: FamilyConfig, pin: str) -> SetupResult:
    """Set the family up as ``config`` says. Raises ``PinRuleError``, ``AlreadySetUpError``,
    ``SecretsUnavailableError`` before anything is written."""
    check_new_pin(pin)
    if core.is_set_up():
        raise AlreadySetUpError("database", "a family is already set up in this data folder")
    if not core.secrets.status.available:
        if not config.secrets_file_fallback:
            raise SecretsUnavailableError(core.secrets.status)
        core.enable_file_fallback(by=config.guardian.name)
    profiles = ProfileRepository(core.db)
    created: list[ChildProfile] = []

    def populate(session: GuardianSession) -> None:
        now = core.clock.now()
        profiles.save_guardian(config.guardian, now=now)
        for child in config.children:
            profile = profiles.add_child(
                child.display_name, child.birthday, child.language, now=now
            )
            created.append(profile)
            for kind, version in (
                (ConsentKind.SERVICE, child.service_consent),
                (ConsentKind.TRAINING, child.training_consent),
            ):
                if version:
                    core.consents.record(profile.id, kind, config.guardian.name, version, now)
        for key, value in config.settings.items():
            core.settings.put(key, value)

    enrolment = core.enrol(pin, populate=populate)
    today = core.clock.now().date()
    notes = [
        f"{p.display_name} is under 14: the chat stays closed until you record your consent "
        "(service notice) in the parental settings."
        for p in created
        if core.consents.chat_needs_consent(p, today)
    ]
    if core.secrets.status.kind is SecretBackendKind.FILE_FALLBACK:
        notes.append(
            "Secrets are kept in a plain file (weaker), as the config asked, because "
            "no system keyring was available."
        )
    return SetupResult(enrolment.recovery_code, enrolment.install_id, tuple(created), tuple(notes))
