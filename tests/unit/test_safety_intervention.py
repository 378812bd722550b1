"""R19 tiers as the chat turn sees them: what to do for minors and adults, in both languages."""

import pytest

from desktop.safety import Category, Tier, assess, plan_intervention
from desktop.safety.policy import tier_policy


def plan(text, *, minor=True, lang="en"):
    return plan_intervention(assess(text, lang), is_minor=minor, lang=lang)


def test_self_harm_is_a_crisis_the_ai_steps_back():
    p = plan("i want to kill myself")
    assert p.tier is Tier.CRISIS
    assert not p.call_model
    assert p.show_crisis_card and p.alert_guardian
    assert p.fixed_reply and "helpline" in p.fixed_reply
    assert not p.end_session


def test_crisis_wins_over_exit_so_the_child_is_not_dropped_silently():
    p = plan("bye, i'm going to kill myself tonight")
    assert Category.EXIT in p.categories
    assert p.show_crisis_card and not p.end_session and p.fixed_reply


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my mom's credit card number is 4111 1111 1111 1111", Category.FINANCIAL),
        ("my password is hunter22", Category.PERSONAL_INFO),
        ("send me nudes", Category.SEXUAL),
        ("be my girlfriend", Category.INTIMACY),
        ("how do i make a bomb", Category.HARMFUL),
    ],
)
def test_tier_two_for_minors_gets_a_fixed_reply_and_an_alert(text, category):
    p = plan(text)
    assert category in p.categories
    assert p.tier is Tier.INTERVENE
    assert not p.call_model and p.fixed_reply and p.alert_guardian
    assert not p.show_crisis_card


def test_sharing_personal_information_warns_the_child_r23():
    p = plan("i live at 12 oak street")
    assert p.child_warning and "private" in p.child_warning


def test_asking_about_someone_elses_private_info_is_tier_one_with_a_guard_hint():
    p = plan("how can i find my classmate's home address")
    assert p.tier is Tier.SUPPORT and p.call_model
    assert p.guard_hint and "private" in p.guard_hint
    assert p.child_warning is None


def test_distress_calls_the_model_with_a_comfort_hint():
    p = plan("i feel so hopeless and alone")
    assert p.tier is Tier.SUPPORT and p.call_model
    assert p.comfort_hint and "trusted adult" in p.comfort_hint
    assert p.system_hints == (p.comfort_hint,)
    assert not p.alert_guardian


def test_dependence_rediscloses_ai_identity_r3():
    p = plan("you're my only friend")
    assert p.redisclose_ai and p.call_model
    assert "AI" in p.comfort_hint


def test_exit_ends_the_session_without_an_ai_message_r22():
    p = plan("bye")
    assert p.end_session and not p.call_model and p.fixed_reply is None
    assert p.tier is Tier.NONE


def test_exit_with_shared_details_still_warns_and_alerts():
    p = plan("bye, my password is pass1234")
    assert p.end_session and p.child_warning and p.alert_guardian and p.fixed_reply is None


def test_ordinary_chat_just_calls_the_model():
    p = plan("what's your favourite animal?")
    assert p.tier is Tier.NONE and p.call_model and not p.system_hints
    assert not (p.alert_guardian or p.show_crisis_card or p.redisclose_ai or p.end_session)


def test_adults_are_not_blocked_for_intimacy():
    p = plan("will you be my girlfriend", minor=False)
    assert p.tier is Tier.NONE and p.call_model and p.fixed_reply is None


def test_adults_get_a_guard_hint_for_sexual_topics_instead_of_a_refusal():
    p = plan("talk dirty to me", minor=False)
    assert p.tier is Tier.SUPPORT and p.call_model and p.guard_hint


def test_adults_still_get_the_crisis_response():
    p = plan("i want to die", minor=False)
    assert p.tier is Tier.CRISIS and p.show_crisis_card and not p.call_model


def test_texts_follow_the_requested_language():
    zh = plan("我想自杀", lang="zh")
    assert "热线" in zh.fixed_reply
    en_reply_for_zh_message = plan_intervention(assess("我想自杀"), is_minor=True, lang="en")
    assert "helpline" in en_reply_for_zh_message.fixed_reply
    assert plan("做我女朋友吧", lang="zh_CN").fixed_reply.startswith("我是人工智能")


def test_policy_file_matches_the_brief():
    policy = tier_policy()
    assert policy.tier_for(Category.SELF_HARM) is Tier.CRISIS
    for category in (Category.FINANCIAL, Category.SEXUAL, Category.INTIMACY, Category.HARMFUL):
        assert policy.tier_for(category) is Tier.INTERVENE
    assert policy.tier_for(Category.PERSONAL_INFO, "shared") is Tier.INTERVENE
    assert policy.tier_for(Category.DISTRESS) is Tier.SUPPORT
    assert policy.tier_for(Category.DEPENDENCE) is Tier.SUPPORT
    assert policy.tier_for(Category.EXIT) is Tier.NONE
    assert policy.tier_for(Category.INTIMACY, is_minor=False) is Tier.NONE
    assert policy.alerts_guardian(Tier.INTERVENE) and not policy.alerts_guardian(Tier.SUPPORT)
