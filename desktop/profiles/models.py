"""Profiles as plain dataclasses, and the age arithmetic every rule depends on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Language(StrEnum):
    """Languages the app and the built-in companion speak."""

    EN = "en"
    ZH = "zh"

    @classmethod
    def parse(cls, value: str | None) -> Language:
        """Map a locale name such as ``zh_CN`` or ``en-GB`` to a supported language."""
        if value and value.lower().replace("-", "_").startswith("zh"):
            return cls.ZH
        return cls.EN


class AgeBand(StrEnum):
    """The bands the Mobile Internet Minor Mode guidelines use (R7)."""

    UNDER_8 = "under_8"
    AGE_8_TO_15 = "8_to_15"
    AGE_16_TO_17 = "16_to_17"
    ADULT = "adult"

    @property
    def is_minor(self) -> bool:
        return self is not AgeBand.ADULT


def age_on(birthday: date, today: date) -> int:
    """Whole years completed on ``today`` (a 29 February birthday counts on 1 March)."""
    years = today.year - birthday.year
    if (today.month, today.day) < (birthday.month, birthday.day):
        years -= 1
    return max(years, 0)


def age_band_for(age: int) -> AgeBand:
    if age < 8:
        return AgeBand.UNDER_8
    if age < 16:
        return AgeBand.AGE_8_TO_15
    if age < 18:
        return AgeBand.AGE_16_TO_17
    return AgeBand.ADULT


#: Below this age the guardian's recorded consent is required (R13, PIPL).
CONSENT_AGE = 14


@dataclass(frozen=True)
class ChildProfile:
    id: int
    display_name: str
    birthday: date
    language: Language
    minor_mode: bool = True

    def age(self, today: date) -> int:
        return age_on(self.birthday, today)

    def age_band(self, today: date) -> AgeBand:
        return age_band_for(self.age(today))

    def is_minor(self, today: date) -> bool:
        return self.age(today) < 18

    def needs_guardian_consent(self, today: date) -> bool:
        return self.age(today) < CONSENT_AGE


@dataclass(frozen=True)
class Guardian:
    name: str
    email: str = ""
    phone: str = ""
    emergency_name: str = ""
    emergency_phone: str = ""
    emergency_email: str = ""
