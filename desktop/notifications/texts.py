"""What a reminder says, in the child's language and at the child's reading level.

The words live in ``resources/reminders/<lang>.json`` so they can be reviewed and translated
without touching code. This module only chooses: which entry (kind, and for rest reminders which
one), which age-band variant (falling back to ``default``), and which plural form. English has
"one"/"other"; Chinese has no plural, so its files carry only "other".

Kinds are plain strings on purpose: the schedule (``desktop/reminders``) emits its own
``ReminderDue(kind)`` and ``LimitWarning(minutes_left, limit_kind)``; any enum or string with the
same value matches here.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.profiles.models import AgeBand, Language
from desktop.resources import load_json


class ReminderKind(StrEnum):
    REST = "rest"  # R8: real-world reminder every 30 min (rotating library)
    CONTINUOUS_USE = "continuous_use"  # R5: "you have been chatting for N hours"
    AI_NOT_HUMAN = "ai_not_human"  # R6: break reminder that says the companion is not human
    DEPENDENCE = "dependence"  # R3: restate that the replies are AI-generated
    LIMIT_WARNING = "limit_warning"  # 10/5/1 minutes before a daily limit or the curfew


class LimitKind(StrEnum):
    """Which limit a warning is about; unknown values fall back to a neutral text."""

    DAILY = "daily"
    CURFEW = "curfew"
    ALLOWED_HOURS = "allowed_hours"
    SESSION = "session"


@dataclass(frozen=True)
class ReminderText:
    title: str
    body: str
    #: The rest reminder's id (for rotation); ``None`` for the other kinds.
    reminder_id: str | None = None


class ReminderTextError(ValueError):
    """A reminder was asked for with a missing or impossible parameter."""


def _value(item: Any) -> str:
    """The string value of an enum member or a plain string (other modules' enums match)."""
    return str(getattr(item, "value", item))


def _language(lang: Language | str) -> Language:
    return Language.parse(_value(lang))


def _band(age_band: AgeBand | str) -> AgeBand:
    return AgeBand(_value(age_band))


def catalogue(lang: Language | str) -> dict:
    """The parsed reminder file of a language (cached; do not mutate)."""
    return load_json("reminders", f"{_language(lang).value}.json")


def rest_ids() -> list[str]:
    """Ids of the rest reminders, in file order (the same in every language)."""
    return [entry["id"] for entry in catalogue(Language.EN)["rest"]]


def _band_fallbacks(band: AgeBand) -> list[str]:
    # Adults read the 16-17 wording; every band ends at "default".
    if band is AgeBand.ADULT:
        return [AgeBand.ADULT.value, AgeBand.AGE_16_TO_17.value, "default"]
    return [band.value, "default"]


def _for_band(variants: dict, band: AgeBand) -> Any:
    for key in _band_fallbacks(band):
        if key in variants:
            return variants[key]
    raise ReminderTextError(f"no text for age band {band.value}")


def plural_form(lang: Language, count: int) -> str:
    """CLDR-style plural category: English "one"/"other", Chinese always "other"."""
    if lang is Language.EN and count == 1:
        return "one"
    return "other"


def _count(params: dict, name: str) -> int:
    if name not in params:
        raise ReminderTextError(f"missing parameter {name!r}")
    value = params[name]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReminderTextError(f"{name!r} must be a whole number >= 0, got {value!r}")
    return value


def _render(text: Any, lang: Language, params: dict) -> str:
    if isinstance(text, dict):  # a plural object
        count = _count(params, text["count"])
        text = text.get(plural_form(lang, count), text["other"])
    fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    missing = fields - params.keys()
    if missing:
        raise ReminderTextError(f"missing parameter(s) {sorted(missing)}")
    return text.format(**{name: params[name] for name in fields})


def _entry(kind: ReminderKind, data: dict, params: dict) -> tuple[dict, str | None]:
    if kind is ReminderKind.REST:
        pool = data["rest"]
        wanted = params.get("reminder_id")
        if wanted is None:
            return pool[0], pool[0]["id"]
        for entry in pool:
            if entry["id"] == wanted:
                return entry, wanted
        raise ReminderTextError(f"unknown rest reminder {wanted!r}")
    if kind is ReminderKind.CONTINUOUS_USE and "hours" not in params and "minutes" in params:
        # ReminderDue carries the streak in minutes; the text speaks in whole hours (R5).
        params["hours"] = _count(params, "minutes") // 60
    if kind is ReminderKind.LIMIT_WARNING:
        if "minutes_left" not in params:
            raise ReminderTextError("missing parameter 'minutes_left'")
        by_limit = data["limit_warning"]
        limit = _value(params.get("limit_kind", LimitKind.DAILY.value))
        return by_limit.get(limit, by_limit["default"]), None
    return data[kind.value], None


def reminder_text(
    kind: ReminderKind | str,
    lang: Language | str,
    age_band: AgeBand | str,
    **params: Any,
) -> ReminderText:
    """The title and body of one reminder.

    Parameters by kind: REST takes ``reminder_id`` (see :class:`ReminderTextPicker`; the first
    entry if omitted); CONTINUOUS_USE takes ``hours`` (or the streak's ``minutes``);
    LIMIT_WARNING takes ``minutes_left`` and ``limit_kind`` (a :class:`LimitKind` value; an
    unknown kind gets a neutral text).
    """
    kind = ReminderKind(_value(kind))
    language = _language(lang)
    band = _band(age_band)
    entry, reminder_id = _entry(kind, catalogue(language), params)
    title = _render(_for_band(entry["title"], band), language, params)
    body = _render(_for_band(entry["body"], band), language, params)
    return ReminderText(title=title, body=body, reminder_id=reminder_id)
