"""The conversation's safety seam, filled by ``desktop.safety``.

Input: every child message is assessed and planned into an intervention (R19 tiers). Output:
every backend reply passes the streaming output filter sentence by sentence (R4, R12, R18, R21,
R23). Dependence findings are also recorded for the limits' R3 pattern detection.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.safety.categories import Category
from desktop.safety.detector import assess
from desktop.safety.intervention import Intervention, plan_intervention
from desktop.safety.output_filter import StreamingOutputFilter


class SafetyGate:
    def __init__(self, on_dependence: Callable[[], None] | None = None):
        self.on_dependence = on_dependence

    def review_input(self, text: str, *, lang: str, is_minor: bool) -> Intervention:
        intervention = plan_intervention(assess(text, lang), is_minor=is_minor, lang=lang)
        if Category.DEPENDENCE in intervention.categories and self.on_dependence is not None:
            self.on_dependence()
        return intervention

    def output_filter(self, *, lang: str, is_minor: bool) -> StreamingOutputFilter:
        return StreamingOutputFilter(is_minor, lang)
