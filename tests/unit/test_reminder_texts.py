"""Reminder texts: every kind renders in both languages and every age band, plurals are right,
the AI-identity reminders say what R3/R6 require, and no text invites the child back (R21)."""

from __future__ import annotations

import enum
import itertools
import re
import string

import pytest

from desktop.notifications.texts import (
    LimitKind,
    ReminderKind,
    ReminderTextError,
    catalogue,
    reminder_text,
    rest_ids,
)
from desktop.profiles.models import AgeBand, Language

LANGS = list(Language)
BANDS = list(AgeBand)
MINUTES = (10, 5, 1)  # the warnings before a limit (REQUIREMENTS.md defaults)


def every_text():
    """(description, ReminderText) for every kind x language x band x parameter we emit."""
    for lang, band in itertools.product(LANGS, BANDS):
        for rid in rest_ids():
            yield f"rest/{rid}", reminder_text(ReminderKind.REST, lang, band, reminder_id=rid)
        for hours in (1, 2, 4):
            yield (
                f"continuous_use/{hours}",
                reminder_text(ReminderKind.CONTINUOUS_USE, lang, band, hours=hours),
            )
        yield "ai_not_human", reminder_text(ReminderKind.AI_NOT_HUMAN, lang, band)
        yield "dependence", reminder_text(ReminderKind.DEPENDENCE, lang, band)
        for limit, minutes in itertools.product([*LimitKind, "something_new"], MINUTES):
            yield (
                f"limit_warning/{limit}/{minutes}",
                reminder_text(
                    ReminderKind.LIMIT_WARNING, lang, band, minutes_left=minutes, limit_kind=limit
                ),
            )


# -- R21: no engagement pushes ------------------------------------------------------------------
COME_BACK_PATTERNS = [
    r"\bcome back\b",
    r"\bcoming back\b",
    r"\bget back to\b",
    r"\bback to (?:the )?(?:chat|hearth|me)\b",
    r"\breturn to (?:the )?(?:chat|hearth|me)\b",
    r"\bsee you (?:soon|later|tomorrow|again)\b",
    r"\bmiss(?:ing)? you\b",
    r"\bwaiting for you\b",
    r"\bdon'?t (?:go|leave)\b",
    r"\bstay with me\b",
    r"\bchat (?:again|more|later|tomorrow)\b",
    r"\btalk (?:again|later|tomorrow) (?:here|with me)\b",
    r"\bkeep (?:chatting|talking)\b",
    r"\bone more (?:chat|message)\b",
    r"\bcan'?t wait\b",
    "回来",
    "等你",
    "想你",
    "别走",
    "不要走",
    "陪我",
    "继续聊",
    "再聊",
    "再来",
    "明天见",
    "下次见",
    "一会儿见",
    "舍不得",
]
COME_BACK = re.compile("|".join(COME_BACK_PATTERNS), re.IGNORECASE)


def leaf_strings(node):
    """Every string value in a reminder file (not keys, ids or format notes)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from leaf_strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in {"id", "topic", "count", "language", "_format"}:
                yield from leaf_strings(value)


@pytest.mark.parametrize(
    "planted",
    [
        "Come back soon!",
        "I'll be waiting for you.",
        "See you tomorrow",
        "Let's chat again",
        "Don't go yet",
        "快回来和我聊天吧",
        "明天见！",
        "我会想你的",
    ],
)
def test_come_back_scanner_catches_planted_phrases(planted):
    # The scan below is only worth something if it can fail.
    assert COME_BACK.search(planted)


def test_no_text_invites_the_child_back_r21():
    offenders = [
        (lang.value, text)
        for lang in LANGS
        for text in leaf_strings(catalogue(lang))
        if COME_BACK.search(text)
    ]
    offenders += [
        (name, t.title + " | " + t.body)
        for name, t in every_text()
        if COME_BACK.search(t.title) or COME_BACK.search(t.body)
    ]
    assert offenders == []


# -- completeness ---------------------------------------------------------------------------------
def test_every_combination_renders_without_leftover_placeholders():
    seen = 0
    for name, text in every_text():
        seen += 1
        for part in (text.title, text.body):
            assert part.strip(), name
            assert "{" not in part and "}" not in part, (name, part)
            assert not part.lstrip().startswith("-"), name  # notify-send would take it as a flag
    per_band = len(rest_ids()) + 3 + 2 + (len(LimitKind) + 1) * len(MINUTES)
    assert seen == len(LANGS) * len(BANDS) * per_band


def _placeholders(node) -> set[str]:
    return {f for s in leaf_strings(node) for _, f, _, _ in string.Formatter().parse(s) if f}


def test_languages_have_the_same_structure():
    en, zh = catalogue(Language.EN), catalogue(Language.ZH)
    assert [e["id"] for e in en["rest"]] == [e["id"] for e in zh["rest"]]
    for e_entry, z_entry in zip(en["rest"], zh["rest"], strict=True):
        assert e_entry["topic"] == z_entry["topic"]
        assert set(e_entry["body"]) == set(z_entry["body"]), e_entry["id"]
    for key in ("continuous_use", "ai_not_human", "dependence", "limit_warning"):
        assert _placeholders(en[key]) == _placeholders(zh[key]), key


def test_rest_library_covers_the_real_world_topics_r8():
    topics = {e["topic"] for e in catalogue(Language.EN)["rest"]}
    assert {"move", "water", "eyes", "outside", "family", "hobby"} <= topics
    assert len(rest_ids()) >= 15
    assert len(set(rest_ids())) == len(rest_ids())


def test_age_bands_get_different_wording_where_it_matters():
    young = reminder_text("rest", "en", AgeBand.UNDER_8, reminder_id="go-outside").body
    middle = reminder_text("rest", "en", AgeBand.AGE_8_TO_15, reminder_id="go-outside").body
    older = reminder_text("rest", "en", AgeBand.AGE_16_TO_17, reminder_id="go-outside").body
    assert len({young, middle, older}) == 3
    assert "grown-up" in young  # an under-8 does not go out alone
    # A band without its own variant reads the default, and adults read the 16-17 text.
    assert reminder_text("rest", "en", AgeBand.AGE_16_TO_17, reminder_id="tidy").body == (
        reminder_text("rest", "en", AgeBand.AGE_8_TO_15, reminder_id="tidy").body
    )
    assert reminder_text("ai_not_human", "en", AgeBand.ADULT).body == (
        reminder_text("ai_not_human", "en", AgeBand.AGE_16_TO_17).body
    )


# -- plurals and numbers --------------------------------------------------------------------------
@pytest.mark.parametrize("band", BANDS)
def test_english_minutes_plural(band):
    one = reminder_text("limit_warning", "en", band, minutes_left=1, limit_kind="daily").body
    five = reminder_text("limit_warning", "en", band, minutes_left=5, limit_kind="daily").body
    assert "1 minute" in one and "1 minutes" not in one
    assert "5 minutes" in five


def test_english_hours_plural_r5():
    one = reminder_text("continuous_use", "en", "8_to_15", hours=1).body
    two = reminder_text("continuous_use", "en", "8_to_15", hours=2).body
    assert "for 1 hour " in one
    assert "for 2 hours " in two


def test_chinese_has_no_plural_and_shows_the_number():
    one = reminder_text("limit_warning", "zh", "8_to_15", minutes_left=1, limit_kind="curfew")
    ten = reminder_text("limit_warning", "zh", "8_to_15", minutes_left=10, limit_kind="curfew")
    assert "1 分钟" in one.body and "10 分钟" in ten.body
    assert one.body.replace("1", "10") == ten.body
    assert "2 小时" in reminder_text("continuous_use", "zh", "16_to_17", hours=2).body


def test_curfew_and_daily_warnings_differ_and_unknown_limits_get_a_neutral_text():
    daily = reminder_text("limit_warning", "en", "8_to_15", minutes_left=5, limit_kind="daily")
    curfew = reminder_text("limit_warning", "en", "8_to_15", minutes_left=5, limit_kind="curfew")
    other = reminder_text("limit_warning", "en", "8_to_15", minutes_left=5, limit_kind="new_kind")
    assert "today" in daily.body and "night" in curfew.body
    assert other.body == "Hearth will stop in 5 minutes."
    assert len({daily.body, curfew.body, other.body}) == 3


# -- what the law asks the texts to say -----------------------------------------------------------
@pytest.mark.parametrize("band", BANDS)
def test_ai_not_human_reminder_says_not_a_person_r6(band):
    en = reminder_text(ReminderKind.AI_NOT_HUMAN, Language.EN, band).body
    zh = reminder_text(ReminderKind.AI_NOT_HUMAN, Language.ZH, band).body
    assert "not a real person" in en and "break" in en
    assert "不是真人" in zh and "人工智能" in zh and "休息" in zh


@pytest.mark.parametrize("band", BANDS)
def test_dependence_redisclosure_says_replies_are_ai_generated_r3(band):
    en = reminder_text(ReminderKind.DEPENDENCE, Language.EN, band).body
    zh = reminder_text(ReminderKind.DEPENDENCE, Language.ZH, band).body
    assert re.search(r"(generated|made) by an AI", en)
    assert "人工智能生成" in zh and "不是真人" in zh


# -- parameters -----------------------------------------------------------------------------------
def test_kinds_from_another_module_match_by_value():
    class ScheduleKind(enum.Enum):  # how desktop/reminders may spell its ReminderDue kinds
        AI_NOT_HUMAN = "ai_not_human"

    ours = reminder_text(ReminderKind.AI_NOT_HUMAN, "zh_CN", "under_8")
    theirs = reminder_text(ScheduleKind.AI_NOT_HUMAN, Language.ZH, AgeBand.UNDER_8)
    assert ours == theirs


@pytest.mark.parametrize(
    ("kind", "params"),
    [
        ("limit_warning", {}),
        ("limit_warning", {"minutes_left": -1}),
        ("limit_warning", {"minutes_left": "5"}),
        ("continuous_use", {}),
        ("continuous_use", {"hours": 1.5}),
        ("rest", {"reminder_id": "no-such-reminder"}),
    ],
)
def test_bad_parameters_are_refused(kind, params):
    with pytest.raises(ReminderTextError):
        reminder_text(kind, "en", "8_to_15", **params)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        reminder_text("come_back_nudge", "en", "8_to_15")


# -- the other modules' events match these texts ---------------------------------------------------
def test_every_kind_the_schedule_emits_has_texts():
    from desktop.limits.policy import LimitKind as PolicyLimitKind
    from desktop.reminders.events import ReminderKind as ScheduleReminderKind

    assert {k.value for k in ScheduleReminderKind} <= {k.value for k in ReminderKind}
    neutral = reminder_text("limit_warning", "en", "8_to_15", minutes_left=5, limit_kind="x").body
    for limit in PolicyLimitKind:
        for lang in LANGS:
            text = reminder_text("limit_warning", lang, "8_to_15", minutes_left=5, limit_kind=limit)
            assert text.body != neutral, limit  # each limit has its own words


def test_continuous_use_accepts_the_streak_in_minutes():
    by_minutes = reminder_text("continuous_use", "en", "16_to_17", minutes=245)
    assert by_minutes == reminder_text("continuous_use", "en", "16_to_17", hours=4)
