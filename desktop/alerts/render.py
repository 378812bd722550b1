"""The words of a guardian alert, in the channel's language (texts in ``resources/alerts/``).

An alert carries category, tier, time and child; the conversation only as an excerpt the guardian
opted in to (R15). The desktop notification is worded discreetly on purpose: it appears on the
family computer, where the child may be the one reading it (UK code: no disclosure to others).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.alerts.models import Alert, AlertCategory
from desktop.profiles.models import Language
from desktop.resources import load_json


@dataclass(frozen=True)
class AlertMessage:
    subject: str  # e-mail subject
    title: str  # short headline (ntfy Title, JSON "title")
    text: str  # full plain-text body
    desktop_title: str
    desktop_body: str


def _texts(language: Language) -> dict:
    return load_json("alerts", f"{Language(language).value}.json")


def category_label(category: str, language: Language) -> str:
    """A translated label, or the raw slug for a category added after this version."""
    return _texts(language)["categories"].get(str(category), str(category))


def render_alert(alert: Alert, language: Language) -> AlertMessage:
    t = _texts(language)
    tier_key = str(min(max(alert.tier, 1), 3))
    child = alert.child_name or t["no_child"]  # e.g. a clock change concerns every profile
    local = alert.created_at.astimezone()  # shown in the family computer's own time zone
    values = {
        "child": child,
        "time": local.strftime("%Y-%m-%d %H:%M (UTC%z)"),
        "tier": alert.tier,
        "tier_label": t["tiers"][tier_key],
        "category_label": category_label(alert.category, language),
        "excerpt": alert.excerpt or "",
        "key": alert.idempotency_key,
    }
    if alert.category == AlertCategory.TEST:
        lines = [t["test_body"], "", t["footer"]]
    else:
        lines = [t["opening"], t["reason"], "", t["advice"][tier_key], ""]
        lines.append(t["excerpt"] if alert.excerpt else t["no_excerpt"])
        lines += ["", t["footer"]]
    return AlertMessage(
        subject=t["subject"].format(**values),
        title=t["title"].format(**values),
        text="\n".join(line.format(**values) for line in lines),
        desktop_title=t["desktop_title"],
        desktop_body=t["desktop_body"],
    )
