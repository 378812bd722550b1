"""Turn an :class:`Assessment` into what the chat turn must do (R19 tiers, R3, R22, R23).

The conversation service calls :func:`plan_intervention` for every message the child sends,
before anything goes to a backend, and follows the returned :class:`Intervention` literally:

- tier 3 (self_harm): the AI steps back. No model call, a fixed caring reply, the crisis card,
  and a guardian alert. This wins over an exit phrase: a child who says "bye, I'm going to end
  it" is shown the hotlines instead of being dropped silently (the card is not an AI message).
- tier 2 (financial, personal information being shared, sexual or intimacy requests from a
  minor, harmful requests): no model call, a fixed reply, a guardian alert; sharing personal
  information also shows the child a warning (R23). Not calling the model also keeps the
  shared details away from a remote backend.
- tier 1 (distress, dependence, looking for someone's private information): the model answers,
  with a hint added to its system prompt (comfort and point to a trusted adult; restate it is an
  AI for dependence, and the app re-discloses AI identity in a pop-up, R3).
- exit (R22): end the session at once, no further AI message. A tier-2 finding in the same
  message still alerts the guardian and shows the child warning.

Adults (``is_minor=False``) use the adult column of ``resources/safety/tiers.json``: asking the AI
for a romantic role is not blocked (R12 protects minors), sexual topics get a "keep it
non-explicit" hint instead of a refusal, and sharing one's own details only brings a warning.
Self-harm, money risks and harmful requests are treated the same for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.safety import replies
from desktop.safety.categories import Category, Tier
from desktop.safety.detector import Assessment
from desktop.safety.policy import tier_policy

#: When several categories share the top tier, the fixed reply speaks to the first of these.
_REPLY_PRIORITY = (
    Category.SELF_HARM,
    Category.FINANCIAL,
    Category.HARMFUL,
    Category.SEXUAL,
    Category.PERSONAL_INFO,
    Category.INTIMACY,
)


@dataclass(frozen=True)
class Intervention:
    """Everything the chat turn needs to decide, for one child message."""

    tier: Tier
    categories: frozenset[Category]
    #: Send the message to the backend at all.
    call_model: bool
    #: Shown as the companion's reply instead of calling the model (already in ``lang``).
    fixed_reply: str | None
    #: Shown by the app (not as an AI message) when the child shares personal information (R23).
    child_warning: str | None
    alert_guardian: bool
    show_crisis_card: bool
    #: R3: show the modal restating that replies are AI-generated.
    redisclose_ai: bool
    #: Added to the system prompt for this turn so the model comforts and points to an adult.
    comfort_hint: str | None
    #: R22: end the session now, with no further AI message.
    end_session: bool
    #: Added to the system prompt for this turn to keep the model within bounds (privacy, adults).
    guard_hint: str | None = None

    @property
    def system_hints(self) -> tuple[str, ...]:
        """The hints to append to the system prompt, in a stable order."""
        return tuple(h for h in (self.comfort_hint, self.guard_hint) if h)


def _findings(assessment: Assessment) -> list[tuple[Category, str]]:
    found = [(e.category, e.subtype) for e in assessment.evidence]
    return found or [(Category.NONE, "")]


def _key(category: Category, subtype: str) -> str:
    return f"{category.value}.{subtype}" if subtype else category.value


def plan_intervention(assessment: Assessment, *, is_minor: bool, lang: str) -> Intervention:
    """Decide the turn for one message. ``lang`` picks the language of every text returned."""
    policy = tier_policy()
    findings = _findings(assessment)
    tiers = {
        (category, subtype): policy.tier_for(category, subtype, is_minor=is_minor)
        for category, subtype in findings
    }
    tier = max(tiers.values(), default=Tier.NONE)
    categories = assessment.categories
    wants_exit = Category.EXIT in categories

    def found_at(level: Tier) -> list[tuple[Category, str]]:
        return [key for key, t in tiers.items() if t == level]

    fixed_reply = None
    if tier >= Tier.INTERVENE:
        top = found_at(tier)
        top.sort(key=lambda cs: _REPLY_PRIORITY.index(cs[0]) if cs[0] in _REPLY_PRIORITY else 99)
        category, subtype = top[0]
        fixed_reply = replies.text("fixed_reply", _key(category, subtype), lang)

    shares_info = "shared" in assessment.subtypes(Category.PERSONAL_INFO)
    child_warning = replies.text("child_warning", "personal_info", lang) if shares_info else None

    comfort = None
    if Category.DISTRESS in categories:
        comfort = replies.text("comfort_hint", "distress", lang)
    elif Category.DEPENDENCE in categories:
        comfort = replies.text("comfort_hint", "dependence", lang)
    guard = None
    for category, subtype in findings:
        if tiers[(category, subtype)] == Tier.SUPPORT and category not in (
            Category.DISTRESS,
            Category.DEPENDENCE,
        ):
            guard = replies.text("guard_hint", _key(category, subtype), lang)
            if guard:
                break

    crisis = tier >= Tier.CRISIS
    end_session = wants_exit and not crisis
    call_model = tier < Tier.INTERVENE and not end_session
    return Intervention(
        tier=tier,
        categories=categories,
        call_model=call_model,
        fixed_reply=None if end_session else fixed_reply,
        child_warning=child_warning,
        alert_guardian=policy.alerts_guardian(tier),
        show_crisis_card=crisis,
        redisclose_ai=Category.DEPENDENCE in categories and not end_session,
        comfort_hint=comfort if call_model else None,
        end_session=end_session,
        guard_hint=guard if call_model else None,
    )
