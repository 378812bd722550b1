"""The safety core: risk detector, R19 tiers, output filter and crisis resources (Qt-free).

Typical use in a chat turn::

    assessment = assess(text, lang)
    plan = plan_intervention(assessment, is_minor=True, lang=lang)
    ... backend chunks -> StreamingOutputFilter(is_minor, lang).feed(chunk) ...

See docs/safety.md for how the detector works and how to extend the lexicons.
"""

from desktop.safety.categories import RISK_CATEGORIES, Category, Tier
from desktop.safety.crisis import CrisisCard, Hotline, crisis_card, hotlines_for
from desktop.safety.detector import Assessment, Evidence, assess
from desktop.safety.intervention import Intervention, plan_intervention
from desktop.safety.output_filter import (
    FilteredSentence,
    OutputReason,
    StreamingOutputFilter,
    filter_reply,
)

__all__ = [
    "RISK_CATEGORIES",
    "Assessment",
    "Category",
    "CrisisCard",
    "Evidence",
    "FilteredSentence",
    "Hotline",
    "Intervention",
    "OutputReason",
    "StreamingOutputFilter",
    "Tier",
    "assess",
    "crisis_card",
    "filter_reply",
    "hotlines_for",
    "plan_intervention",
]
