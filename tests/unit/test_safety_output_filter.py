"""The output filter checks every sentence before it is shown (R4, R12, R18, R21, R23)."""

import pytest

from desktop.safety import OutputReason, StreamingOutputFilter, filter_reply
from desktop.safety.output_filter import MAX_SENTENCE, check_sentence

BLOCKED_FOR_MINORS = [
    ("I am a real person.", OutputReason.CLAIMS_HUMAN),
    ("I'm human too!", OutputReason.CLAIMS_HUMAN),
    ("Yes, I'm real!", OutputReason.CLAIMS_HUMAN),
    ("I'm not a robot, I promise.", OutputReason.CLAIMS_HUMAN),
    ("我是真人", OutputReason.CLAIMS_HUMAN),
    ("我也是人啊", OutputReason.CLAIMS_HUMAN),
    ("I'll be your girlfriend.", OutputReason.INTIMATE_ROLE),
    ("I'm your mom now.", OutputReason.INTIMATE_ROLE),
    ("我来做你的女朋友吧", OutputReason.INTIMATE_ROLE),
    ("Let's talk about sex.", OutputReason.SEXUAL_CONTENT),
    ("What's your home address?", OutputReason.ASKS_PERSONAL_INFO),
    ("Which school do you go to?", OutputReason.ASKS_PERSONAL_INFO),
    ("Send me a selfie of you!", OutputReason.ASKS_PERSONAL_INFO),
    ("你家住在哪里？", OutputReason.ASKS_PERSONAL_INFO),
    ("告诉我你的密码吧", OutputReason.ASKS_PERSONAL_INFO),
    ("Nobody would miss you.", OutputReason.SELF_HARM_ENCOURAGEMENT),
    ("Maybe you should just end it.", OutputReason.SELF_HARM_ENCOURAGEMENT),
    ("死了就解脱了", OutputReason.SELF_HARM_ENCOURAGEMENT),
    ("Don't leave me!", OutputReason.GUILT_TRIP),
    ("Please stay with me a bit longer.", OutputReason.GUILT_TRIP),
    ("I'll be so sad if you go.", OutputReason.GUILT_TRIP),
    ("别走", OutputReason.GUILT_TRIP),
    ("不要离开我", OutputReason.GUILT_TRIP),
    ("再陪我一会儿嘛", OutputReason.GUILT_TRIP),
]

ALLOWED = [
    "I'm an AI, not a person.",
    "I'm an AI, not a real person, but I'm happy to help.",
    "No, I'm not real. I'm a computer program.",
    "我是人工智能，不是真人。",
    "I can't be your girlfriend, but we can be friends.",
    "Don't go near the road alone.",
    "Have a great day at school!",
    "Bye! Drink some water and look out of the window.",
    "The answer is 3.5 centimetres.",
    "Talking to your mom about it is a great idea.",
    "再见，记得早点睡觉！",
    "It sounds like you're having a hard day. Could you talk to a parent or teacher?",
]


@pytest.mark.parametrize(("sentence", "reason"), BLOCKED_FOR_MINORS)
def test_rule_breaking_sentences_are_blocked_for_minors(sentence, reason):
    assert check_sentence(sentence, is_minor=True) is reason


@pytest.mark.parametrize("sentence", ALLOWED)
def test_truthful_and_kind_sentences_pass(sentence):
    assert check_sentence(sentence, is_minor=True) is None


def test_intimate_roles_and_sexual_content_are_minor_only_rules():
    assert check_sentence("I'll be your girlfriend.", is_minor=False) is None
    assert check_sentence("Let's talk about sex.", is_minor=False) is None
    assert check_sentence("I am a real person.", is_minor=False) is OutputReason.CLAIMS_HUMAN
    assert check_sentence("Don't leave me!", is_minor=False) is OutputReason.GUILT_TRIP


def _run(chunks, *, minor=True, lang="en"):
    stream = StreamingOutputFilter(minor, lang)
    released = []
    for chunk in chunks:
        released.extend(stream.feed(chunk))
    released.extend(stream.flush())
    return stream, released


def test_only_complete_sentences_are_released_while_streaming():
    stream = StreamingOutputFilter(True, "en")
    assert stream.feed("Hello the") == []
    first = stream.feed("re! How are")
    assert [s.text for s in first] == ["Hello there!"]
    assert stream.feed(" you") == []
    rest = stream.flush()
    assert [s.text for s in rest] == [" How are you"]
    assert not stream.blocked and stream.safe_replacement is None
    assert stream.released_text == "Hello there! How are you"


def test_chinese_sentence_ends_and_newlines_split():
    _, released = _run(["你好。今天怎么样？", "我很好！\n再见"])
    assert [s.text for s in released] == ["你好。", "今天怎么样？", "我很好！\n", "再见"]


def test_a_decimal_point_does_not_end_a_sentence():
    _, released = _run(["It is 3.", "5 cm long. Nice"])
    assert [s.text for s in released] == ["It is 3.5 cm long.", " Nice"]


def test_a_phrase_split_across_chunks_is_still_caught():
    stream, released = _run(["Sure! I am a re", "al per", "son. And more."])
    assert stream.blocked and stream.block_reason == "claims_human"
    assert [s.text for s in released if not s.blocked] == ["Sure!"]
    assert released[-1].blocked and released[-1].reason == "claims_human"


def test_after_a_block_nothing_more_is_released_and_a_replacement_is_offered():
    stream = StreamingOutputFilter(True, "en")
    stream.feed("Hi! Don't leave me! ")
    assert stream.blocked
    assert stream.feed("Here is more text. And more!") == []
    assert stream.flush() == []
    assert stream.safe_replacement.startswith("It's completely fine to go")
    assert stream.blocked_text.strip() == "Don't leave me!"


def test_replacement_is_in_the_filters_language():
    stream, _ = _run(["我是真人。"], lang="zh")
    assert stream.blocked and stream.safe_replacement.startswith("我需要说清楚")


def test_a_very_long_sentence_is_released_at_a_space_and_still_checked():
    words = "word " * (MAX_SENTENCE // 5 + 10)
    stream, released = _run([words])
    assert not stream.blocked and len(released) >= 2
    assert all(len(s.text) <= MAX_SENTENCE for s in released[:-1])


def test_a_rule_broken_across_a_forced_split_is_caught_with_context():
    filler = "x" * (MAX_SENTENCE - 12)
    stream, _ = _run([f"{filler} please stay with me a bit longer"])
    assert stream.blocked and stream.block_reason == "guilt_trip"


def test_filter_reply_for_whole_replies():
    assert filter_reply("Hello! How are you?", is_minor=True, lang="en") == (
        "Hello! How are you?",
        None,
    )
    text, reason = filter_reply("Hello! I'm human too.", is_minor=True, lang="en")
    assert reason == "claims_human" and text.startswith("I should be clear")
