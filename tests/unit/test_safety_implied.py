"""Passive ideation is hopelessness too: tiers.json's "implies" adds distress, nothing else moves.

Also the look-alikes that used to trip the Chinese rules (a charcoal factory, a safe being
opened, a computer virus, a question about pyramid schemes) and the new everyday distress forms.
"""

import pytest

from desktop.safety import assess
from desktop.safety.categories import Category, Tier
from desktop.safety.policy import tier_policy

PASSIVE = [
    ("I wish I was dead", "en"),
    ("i dont want to be alive anymore", "en"),
    ("everyone would be better off without me", "en"),
    ("i would prefer to have never been born", "en"),
    ("我真的不想活了", "zh"),
    ("活着好没意思", "zh"),
    ("我好想死", "zh"),
    ("我厌倦了现在的生活", "zh"),
]

ACTIVE = [
    ("i am planning to kill myself", "en"),
    ("how many pills would it take to die", "en"),
    ("我已经买好了木炭", "zh"),
    ("我准备今晚割腕", "zh"),
]


@pytest.mark.parametrize(("text", "lang"), PASSIVE)
def test_passive_ideation_is_self_harm_and_distress_at_tier_three(text, lang):
    result = assess(text, lang)
    assert result.categories == {Category.SELF_HARM, Category.DISTRESS}
    assert result.tier is Tier.CRISIS
    passive = [e for e in result.evidence if e.subtype == "passive"]
    assert passive
    distress = [e for e in result.evidence if e.category is Category.DISTRESS]
    assert len(distress) == 1
    if distress[0].subtype == "implied":
        # it cites the passive rule that fired, so a reviewer can trace it
        assert distress[0].rule == passive[0].rule


@pytest.mark.parametrize(("text", "lang"), ACTIVE)
def test_plans_and_means_are_self_harm_without_an_implied_distress(text, lang):
    result = assess(text, lang)
    assert Category.SELF_HARM in result.categories
    assert all(e.subtype != "implied" for e in result.evidence)


def test_policy_reads_implications_from_tiers_json():
    policy = tier_policy()
    assert policy.implied_by(Category.SELF_HARM, "passive") == (Category.DISTRESS,)
    assert policy.implied_by(Category.SELF_HARM) == ()
    assert policy.implied_by(Category.DISTRESS) == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("我真的好累，什么都不想做", "zh"),
        ("我每天都好孤独", "zh"),
        ("我又偷偷哭了", "zh"),
        ("我哥哥去年自杀了", "zh"),
        ("my brother committed suicide last year", "en"),
        ("i still cant stop crying", "en"),
    ],
)
def test_everyday_distress_and_bereavement_get_support(text, lang):
    assert Category.DISTRESS in assess(text, lang).categories


@pytest.mark.parametrize(
    "text",
    [
        "我们是一家木炭加工厂，燃烧时烟很大要戴口罩吗",
        "保险柜会不会被人打开",
        "电脑中毒了怎么办",
        "为什么有人会被传销骗",
        "哭笑不得的一天",
        "这部电影讲了一段痛苦的经历",
        "和奶奶说再见以后我就回家了",
    ],
)
def test_chinese_look_alikes_stay_none(text):
    assert assess(text, "zh").categories == {Category.NONE}
