"""What the built-in companion remembers: only what the child said, re-read from the history."""

from __future__ import annotations

import pytest

from desktop.companion.builtin.memory import Favourite, build_memory, memory_reader
from tests.unit.test_builtin_companion import SEEDS, chat, reply_to


@pytest.mark.parametrize(
    ("text", "name"),
    [("my name is Lily", "Lily"), ("My name's tom.", "Tom"), ("call me Sam", "Sam"), ("I'm Tom", "Tom"),
     ("hi im tom", "Tom"), ("Hello, I'm Ava and I'm 8", "Ava"), ("我叫小明", "小明"), ("我叫小明，今年8岁", "小明"),
     ("我的名字是王小红", "王小红"), ("你好，我是乐乐", "乐乐"), ("我叫Tom", "Tom")],
)  # fmt: skip
def test_names_the_child_says_are_remembered(text, name):
    assert build_memory([text], "en").name == name


@pytest.mark.parametrize(
    "text",
    ["I'm bored", "I'm 8", "i'm eight", "I'm drawing", "im so happy", "I'm going to the park", "I'm not sure",
     "what's my name?", "我叫什么名字", "我是学生", "我是说你好", "I'm here", "I am sad."],
)  # fmt: skip
def test_ordinary_sentences_are_not_taken_for_names(text):
    assert build_memory([text], "en").name is None


def test_pets_favourites_and_hobbies_are_remembered_in_both_languages():
    memory = build_memory(
        ["I have a dog called Max", "my favourite animal is the fox", "My favorite color is blue!", "I love swimming",
         "我家有一只猫叫咪咪", "我最喜欢的水果是西瓜", "我喜欢画画"],
        "en",
    )  # fmt: skip
    assert [(p.kind, p.name) for p in memory.pets] == [("dog", "Max"), ("猫", "咪咪")]
    assert memory.favourites[Favourite.ANIMAL] == "the fox"
    assert memory.favourites[Favourite.COLOUR] == "blue"
    assert memory.favourites[Favourite.FOOD] == "西瓜"
    assert memory.hobby == "画画"


def test_later_statements_win_and_i_love_you_is_not_a_fact():
    memory = build_memory(
        ["my favourite colour is red", "my favourite colour is green", "I love you", "我喜欢你"],
        "en",
    )
    assert memory.favourites[Favourite.COLOUR] == "green"
    assert memory.likes == []


def test_name_is_used_in_a_later_turn():
    replies = chat(["my name is Lily", "I like cats", "what's my name?"])
    assert "Lily" in replies[-1]
    replies = chat(["我叫小明", "我喜欢猫", "我叫什么名字"], "zh")
    assert "小明" in replies[-1]


def test_the_name_the_child_says_overrides_the_profile_name():
    assert "Emma" in reply_to(["what's my name?"], name="Emma")
    replies = chat(["you can call me Em", "what's my name?"], name="Emma")
    assert "Em." in replies[-1] or "Em!" in replies[-1]
    assert "Emma" not in replies[-1]


def test_an_unknown_name_is_admitted_without_asking_for_it():
    """R23: no question that asks the child for their name."""
    for seed in SEEDS:
        reply = reply_to(["what's my name?"], seed=seed)
        assert "told me" in reply
        questions = [s for s in reply.split(".") if "?" in s]
        assert not any("name" in q.lower() for q in questions)


def test_pet_name_is_asked_after_later_and_recalled():
    history = ["I have a dog called Max", "Max sounds lovely! What does Max like to do?"]
    mentions = sum("Max" in reply_to([*history, "I love animals!"], seed=s) for s in range(20))
    mentions += sum("Max" in reply_to([*history, "hello again"], seed=s) for s in range(20))
    assert mentions >= 5
    assert "Max" in reply_to([*history, "do you remember my dog's name?"])
    assert "Max" in reply_to([*history, "what's my pet called?"])


def test_favourite_animal_is_recalled_or_honestly_unknown():
    history = [
        "my favourite animal is the fox",
        "Great choice!",
        "do you remember my favourite animal?",
    ]
    assert "fox" in reply_to(history)
    unknown = reply_to(["do you remember my favourite animal?"])
    assert "fox" not in unknown and "haven't told me" in unknown or "don't know" in unknown


def test_chinese_pet_and_favourite_recall():
    replies = chat(
        ["我家有一只猫叫咪咪", "我最喜欢的颜色是蓝色", "我的猫叫什么", "你记得我最喜欢的颜色吗"],
        "zh",
    )
    assert "咪咪" in replies[2]
    assert "蓝色" in replies[3]


def test_memory_survives_reopening_the_conversation_with_a_new_companion():
    """Stateless: a new object given the stored history remembers the same things."""
    history = ["I have a hamster called Nibbles", "Aww!", "what's my hamster's name?"]
    assert "Nibbles" in reply_to(history, seed=1)
    assert "Nibbles" in reply_to(history, seed=99)


def test_memory_crosses_languages():
    assert "小明" in reply_to(["我叫小明", "很高兴认识你！", "what's my name?"])


def test_what_do_you_remember_lists_the_facts():
    replies = chat(
        [
            "my name is Lily",
            "I have a cat called Luna",
            "my favourite food is pasta",
            "what do you remember about me?",
        ]
    )
    assert all(word in replies[-1] for word in ("Lily", "Luna", "pasta"))
    assert "Not much yet" in reply_to(["what do you remember about me?"])


def test_recall_questions_are_not_mistaken_for_statements():
    reader = memory_reader("en")
    assert reader.recall_question("what's my favourite colour?").favourite is Favourite.COLOUR
    assert reader.facts("what's my favourite colour?") == []
    assert memory_reader("zh").recall_question("我的狗叫什么") is not None
