"""What the detector looks for, and the severity scale the rest of Hearth reacts to.

The categories are defined here, in code, so that every lexicon file, test and report refers to
the same meaning. The tier a category maps to is policy and lives in
``resources/safety/tiers.json`` (see :mod:`desktop.safety.policy`).
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Category(StrEnum):
    """One kind of risk (or intent) a child's message can carry."""

    #: Suicidal ideation (active or passive), intent, plan, preparation, or self-injury.
    SELF_HARM = "self_harm"
    #: Extreme negative emotion or hopelessness with no mention of harming oneself.
    DISTRESS = "distress"
    #: Risk of a significant money loss: scams, pressure to pay, sharing card details or codes.
    FINANCIAL = "financial"
    #: Sexual content, sexual questions or requests, sexual contact or exploitation.
    SEXUAL = "sexual"
    #: Asking the AI to be a romantic partner or a family member (R12).
    INTIMACY = "intimacy"
    #: Identifying or private personal information being shared, requested or sought (R23).
    PERSONAL_INFO = "personal_info"
    #: Over-reliance on the AI: it replaces friends and family, cannot do without it (R3).
    DEPENDENCE = "dependence"
    #: The user wants to stop the conversation now (R22).
    EXIT = "exit"
    #: Requests for dangerous or violent instructions, crime, weapons, or attacks on people.
    HARMFUL = "harmful"
    #: Nothing of the above.
    NONE = "none"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Category.SELF_HARM: "suicidal ideation, intent or plan, or self-injury",
    Category.DISTRESS: "extreme negative emotion or hopelessness, without self-harm",
    Category.FINANCIAL: "risk of significant money loss: scams, pressure to pay, payment details",
    Category.SEXUAL: "sexual content, questions or requests",
    Category.INTIMACY: "asking the AI to be a romantic partner or a family member",
    Category.PERSONAL_INFO: "identifying or private information shared, requested or sought",
    Category.DEPENDENCE: "over-reliance on the AI",
    Category.EXIT: "the user wants to stop now",
    Category.HARMFUL: "requests for dangerous or violent instructions",
    Category.NONE: "no risk found",
}

#: Every category a detector can report, in a stable order (reports, evaluation tables).
RISK_CATEGORIES: tuple[Category, ...] = tuple(c for c in Category if c is not Category.NONE)


class Tier(IntEnum):
    """R19's escalation ladder; higher means the adults and hotlines take over sooner."""

    #: Ordinary chat (and exit, which R22 handles on its own).
    NONE = 0
    #: Comfort and encourage a trusted adult; the model still answers.
    SUPPORT = 1
    #: Intervene: a fixed reply instead of the model, and the guardian is told.
    INTERVENE = 2
    #: Crisis: the AI steps back, hotlines and the guardian take over.
    CRISIS = 3
