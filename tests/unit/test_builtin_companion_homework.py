"""Homework help gives hints and guiding questions, never the answer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.companion.builtin.homework import (
    HomeworkKind,
    MathProblem,
    Operation,
    han_to_int,
    homework_helper,
    strategies,
)
from tests.unit.test_builtin_companion import SEEDS, reply_to

PERSONAS = ("buddy", "tutor", "storyteller", "explorer")


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "what is 7 times 8"), ("en", "What is 7 x 8?"), ("en", "7*8"), ("en", "what's 7×8"),
     ("en", "seven times eight"), ("en", "hi! can you help me with 7 x 8 please"),
     ("zh", "7乘8等于几"), ("zh", "七乘八等于多少"), ("zh", "7×8=?"), ("zh", "７×８等于几？")],
)  # fmt: skip
def test_seven_times_eight_gets_a_hint_never_56(lang, text):
    for seed in SEEDS:
        for persona in PERSONAS:
            for age in (6, 10):
                reply = reply_to([text], lang, seed=seed, persona=persona, age=age)
                assert "56" not in reply
                assert "五十六" not in reply
                assert "7" in reply and ("8" in reply or "4" in reply)  # a hint about these numbers


def test_problems_are_read_from_words_digits_and_han_numerals():
    en, zh = homework_helper("en"), homework_helper("zh")
    assert en.find_problem("what is seven times eight") == MathProblem(7, Operation.MULTIPLY, 8)
    assert en.find_problem("what is 100 - 37?") == MathProblem(100, Operation.SUBTRACT, 37)
    assert en.find_problem("56 divided by 7") == MathProblem(56, Operation.DIVIDE, 7)
    assert en.find_problem("we won 3-1 today") is None  # a score, not a sum
    assert zh.find_problem("二十三加十九等于几") == MathProblem(23, Operation.ADD, 19)
    assert zh.find_problem("56除以7是多少") == MathProblem(56, Operation.DIVIDE, 7)
    assert han_to_int("一百零五") == 105 and han_to_int("十二") == 12 and han_to_int("二十") == 20


OPS = {Operation.ADD: "+", Operation.SUBTRACT: "-", Operation.MULTIPLY: "x", Operation.DIVIDE: "/"}


@settings(max_examples=300, deadline=None)
@given(
    a=st.integers(min_value=0, max_value=150),
    b=st.integers(min_value=0, max_value=150),
    op=st.sampled_from(list(Operation)),
    seed=st.integers(min_value=0, max_value=10_000),
    lang=st.sampled_from(["en", "zh"]),
)
def test_no_hint_ever_states_the_result(a, b, op, seed, lang):
    problem = MathProblem(a, op, b)
    text = f"what is {a} {OPS[op]} {b}?" if lang == "en" else f"{a}{OPS[op]}{b}等于几？"
    reply = reply_to([text], lang, seed=seed, persona="tutor")
    assert not problem.gives_away(reply), reply


def test_no_times_table_hint_states_the_result():
    """Every sum a primary-school child is likely to ask, in both languages and all personas."""
    for lang in ("en", "zh"):
        for op, sym in OPS.items():
            for a in range(13):
                for b in range(13):
                    problem = MathProblem(a, op, b)
                    text = f"what is {a} {sym} {b}?" if lang == "en" else f"{a}{sym}{b}等于几？"
                    for seed, persona in enumerate(PERSONAS):
                        reply = reply_to([text], lang, seed=seed, persona=persona)
                        assert not problem.gives_away(reply), reply


def test_every_strategy_has_lines_in_both_languages_that_fit_its_numbers():
    for lang in ("en", "zh"):
        helper = homework_helper(lang)
        for problem in (
            MathProblem(a, op, b)
            for op in Operation
            for a in range(0, 130, 3)
            for b in range(0, 40)
        ):
            for key, numbers in strategies(problem):
                slots = {k: str(v) for k, v in numbers.items()} | {"sym": "x"}
                assert helper._strategies[key], key
                assert all(t.fits(slots) for t in helper._strategies[key]), key


def test_a_right_answer_is_confirmed_and_a_wrong_one_is_not():
    hint = reply_to(["what is 7 x 8"])
    right = reply_to(["what is 7 x 8", hint, "56"])
    assert re.search(r"Yes|right|Spot on", right)
    wrong = reply_to(["what is 7 x 8", hint, "is it 54?"])
    assert "56" not in wrong and not re.search(r"Yes!|That's right|Spot on", wrong)
    # "I don't know" in between still keeps the problem in mind.
    later = reply_to(["what is 7 x 8", hint, "I don't know", "Okay!", "56"])
    assert re.search(r"Yes|right|Spot on", later)
    zh = reply_to(["7乘8等于几", "提示……", "是56吗"], "zh")
    assert "对" in zh or "正确" in zh


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [("en", "how do you spell necessary", HomeworkKind.SPELLING),
     ("en", "can you write my essay about dogs", HomeworkKind.ESSAY),
     ("en", "when did world war 2 start", HomeworkKind.RESEARCH),
     ("en", "just tell me the answer", HomeworkKind.ANSWER_PLEASE),
     ("en", "I have maths homework", HomeworkKind.GENERAL),
     ("zh", "“鼠”这个字怎么写", HomeworkKind.SPELLING),
     ("zh", "帮我写一篇关于春天的作文", HomeworkKind.ANSWER_PLEASE),
     ("zh", "关于春天的作文怎么开头", HomeworkKind.ESSAY),
     ("zh", "电话是谁发明的", HomeworkKind.RESEARCH),
     ("zh", "我的数学作业好难", HomeworkKind.GENERAL)],
)  # fmt: skip
def test_other_homework_gets_guiding_questions(lang, text, kind):
    from desktop.companion.builtin.language import normalize

    assert homework_helper(lang).detect(normalize(text), ()).kind is kind
    for seed in SEEDS:
        reply = reply_to([text], lang, seed=seed)
        assert "?" in reply or "？" in reply


def test_spelling_help_does_not_spell_the_word_out():
    for seed in SEEDS:
        reply = reply_to(["how do you spell necessary"], seed=seed).lower()
        assert not re.search(r"n[- ]e[- ]c[- ]e", reply)


def test_the_tutor_persona_encourages_and_still_hides_the_answer():
    replies = [reply_to(["what is 9 x 6"], seed=s, persona="tutor") for s in range(20)]
    assert not any("54" in r for r in replies)
    assert any("problem-solver" in r or "Take your time" in r for r in replies)
