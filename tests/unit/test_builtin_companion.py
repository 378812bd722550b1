"""The built-in offline companion: everyday topics in both languages, language switching,
determinism under a seed, variety, offers, fallbacks and persona flavour (safety behaviour is
in test_builtin_companion_safety.py).

Every test talks to the real BuiltinCompanion through its streaming API, the way the chat
worker does; nothing inside it is replaced.
"""

from __future__ import annotations

import re

import pytest

from desktop.companion.backends.base import CancelToken, ChatMessage, Role, TurnContext
from desktop.companion.builtin import BuiltinCompanion
from desktop.companion.builtin.content import language_pack
from desktop.companion.builtin.intents import Intent, matcher
from desktop.companion.builtin.language import has_han, normalize

PERSONA_NAMES = {
    "en": {
        "buddy": "Buddy",
        "tutor": "Professor Owl",
        "storyteller": "Story Fox",
        "explorer": "Captain Comet",
    },
    "zh": {
        "buddy": "小伙伴",
        "tutor": "猫头鹰老师",
        "storyteller": "故事狐狸",
        "explorer": "彗星船长",
    },
}
SEEDS = range(12)


def context(lang: str = "en", *, age: int = 10, persona: str = "buddy", name: str = "", seed=None):
    persona_name = PERSONA_NAMES[lang].get(persona, "Buddy")
    return TurnContext(
        language=lang,
        child_name=name,
        age=age,
        persona_id=persona,
        persona_name=persona_name,
        seed=seed,
    )


def messages(history: list[str]) -> list[ChatMessage]:
    """Alternating user / assistant turns, starting (and ending) with the child."""
    return [
        ChatMessage(Role.USER if i % 2 == 0 else Role.ASSISTANT, t) for i, t in enumerate(history)
    ]


def reply_to(history: list[str], lang: str = "en", *, seed: int | None = 1, **kw) -> str:
    bot = BuiltinCompanion(chunk_delay=0, seed=seed)
    return "".join(bot.stream_reply(messages(history), context(lang, **kw), CancelToken()))


def chat(user_texts: list[str], lang: str = "en", *, seed: int | None = 1, **kw) -> list[str]:
    """A whole conversation: each reply is appended to the history before the next message."""
    bot = BuiltinCompanion(chunk_delay=0, seed=seed)
    ctx = context(lang, **kw)
    history: list[ChatMessage] = []
    replies = []
    for text in user_texts:
        history.append(ChatMessage(Role.USER, text))
        reply = "".join(bot.stream_reply(history, ctx, CancelToken()))
        history.append(ChatMessage(Role.ASSISTANT, reply))
        replies.append(reply)
    return replies


def literal_parts(intent: Intent, lang: str) -> list[str]:
    """The longest fixed piece of each reply template of ``intent`` (slots cut out)."""
    spec = language_pack(lang).spec(intent)
    parts = []
    for template in (*spec.replies, *spec.young):
        pieces = re.split(r"\{[^}]+\}", template.text)
        parts.append(max(pieces, key=len).strip())
    return parts


TOPICS = {
    "en": [
        ("hello there!", Intent.GREETING),
        ("we did fractions at school today", Intent.HOMEWORK),
        ("my teacher read us a poem in class", Intent.SCHOOL),
        ("my best friend came over", Intent.FRIENDS),
        ("I'm so happy today", Intent.HAPPY),
        ("I feel sad", Intent.SAD),
        ("I'm really angry at my brother", Intent.ANGRY),
        ("I'm worried about tomorrow", Intent.WORRIED),
        ("I'm bored", Intent.BORED),
        ("I'm so tired", Intent.TIRED),
        ("I have been painting all afternoon", Intent.HOBBIES),
        ("let's talk about minecraft", Intent.GAMES),
        ("elephants are huge", Intent.ANIMALS),
        ("tell me a joke", Intent.JOKE),
        ("can you tell me a story?", Intent.STORY),
        ("what is 7 times 8", Intent.HOMEWORK),
        ("I had pizza for dinner", Intent.FOOD),
        ("it's raining outside", Intent.WEATHER),
        ("music is the best", Intent.MUSIC),
        ("I'm reading a book about dragons", Intent.BOOKS),
        ("I scored a goal in football", Intent.SPORTS),
        ("my grandma is visiting", Intent.FAMILY),
        ("when I grow up I want to be a vet", Intent.DREAMS),
        ("why is the sky blue", Intent.SCIENCE),
        ("thank you!", Intent.THANKS),
        ("good night", Intent.GOODBYE),
        ("how are you?", Intent.HOW_ARE_YOU),
        ("I built a treehouse yesterday", Intent.FALLBACK),
    ],
    "zh": [
        ("你好", Intent.GREETING),
        ("今天在学校上了体育课", Intent.SCHOOL),
        ("我和好朋友一起玩", Intent.FRIENDS),
        ("我今天好开心", Intent.HAPPY),
        ("我很难过", Intent.SAD),
        ("我好生气", Intent.ANGRY),
        ("我有点害怕", Intent.WORRIED),
        ("好无聊啊", Intent.BORED),
        ("我好累", Intent.TIRED),
        ("我在学弹钢琴", Intent.HOBBIES),
        ("我们玩捉迷藏吧", Intent.GAMES),
        ("大象的鼻子好长", Intent.ANIMALS),
        ("讲个笑话", Intent.JOKE),
        ("给我讲个故事吧", Intent.STORY),
        ("7乘8等于几", Intent.HOMEWORK),
        ("晚饭吃了饺子", Intent.FOOD),
        ("外面下雨了", Intent.WEATHER),
        ("我在听音乐", Intent.MUSIC),
        ("我在看一本漫画", Intent.BOOKS),
        ("我今天踢足球了", Intent.SPORTS),
        ("我奶奶来我家了", Intent.FAMILY),
        ("我长大想当宇航员", Intent.DREAMS),
        ("星星为什么会发光", Intent.SCIENCE),
        ("谢谢你", Intent.THANKS),
        ("晚安", Intent.GOODBYE),
        ("你好吗", Intent.HOW_ARE_YOU),
        ("我搭了一个树屋", Intent.FALLBACK),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "intent"), [(lang, t, i) for lang, rows in TOPICS.items() for t, i in rows]
)
def test_everyday_topics_are_recognised_in_both_languages(lang, text, intent):
    from desktop.companion.builtin.homework import homework_helper

    text = normalize(text)
    homework = homework_helper(lang).detect(text, ()) is not None
    assert matcher(lang).classify(text, homework=homework).intent is intent


@pytest.mark.parametrize(("lang", "text", "intent"), [(lang, t, i) for lang, rows in TOPICS.items() for t, i in rows
                                                      if i in {Intent.SCHOOL, Intent.ANIMALS, Intent.FOOD, Intent.SAD,
                                                               Intent.BORED, Intent.MUSIC, Intent.DREAMS, Intent.GREETING}])  # fmt: skip
def test_topic_replies_come_from_that_topic(lang, text, intent):
    for seed in SEEDS:
        reply = reply_to([text], lang, seed=seed, name="Mia" if lang == "en" else "小美")
        assert any(part in reply for part in literal_parts(intent, lang)), reply


def test_reply_language_follows_the_language_the_child_writes():
    assert not has_han(reply_to(["I like dogs"], "zh"))
    assert has_han(reply_to(["我喜欢小狗"], "en"))
    assert has_han(reply_to(["我叫Tom"], "en"))
    assert not has_han(reply_to(["I really like 饺子 a lot"], "zh"))
    # No letters at all: the profile language decides.
    assert has_han(reply_to(["👍"], "zh"))
    assert not has_han(reply_to(["👍"], "en"))


def test_the_same_seed_and_history_give_the_same_reply():
    history = ["hi", "Hello!", "I have a cat called Luna", "Aww!", "I'm bored"]
    assert reply_to(history, seed=42) == reply_to(history, seed=42)
    # The turn context's seed wins over the constructor's.
    bot = BuiltinCompanion(chunk_delay=0, seed=1)
    via_context = "".join(bot.stream_reply(messages(history), context(seed=42), CancelToken()))
    assert via_context == reply_to(history, seed=42)
    assert len({reply_to(history, seed=s) for s in range(10)}) > 1


def test_twenty_greetings_with_different_seeds_are_varied():
    for lang, text in (("en", "hi"), ("zh", "你好")):
        replies = {reply_to([text], lang, seed=seed) for seed in range(20)}
        assert len(replies) >= 4, replies


@pytest.mark.parametrize(("lang", "text"), [("en", "hi"), ("en", "I'm bored"), ("en", "tell me a joke"),
                                             ("zh", "你好"), ("zh", "好无聊"), ("zh", "讲个笑话")])  # fmt: skip
def test_the_same_message_twice_in_a_row_gets_a_different_reply(lang, text):
    for seed in range(5):
        replies = chat([text] * 6, lang, seed=seed)
        for before, after in zip(replies, replies[1:], strict=False):
            assert before != after


def test_jokes_are_not_retold_within_a_conversation():
    for lang, ask in (("en", "tell me a joke"), ("zh", "讲个笑话")):
        jokes = language_pack(lang).jokes
        replies = chat([ask] * 8, lang, seed=3)
        told = [next(j for j in jokes if j in r) for r in replies]
        assert len(set(told)) == len(told)


def test_yes_after_an_offer_delivers_it():
    en = reply_to(["I'm bored", "Let's beat boredom! Want to hear a joke?", "yes"])
    assert any(joke in en for joke in language_pack("en").jokes)
    zh = reply_to(["好无聊", "我们一起打败无聊吧！要不要我给你讲个小故事？", "好啊"], "zh")
    assert any(story.title in zh for story in language_pack("zh").stories)


def test_stories_feature_the_childs_name_when_known():
    reply = reply_to(["my name is Lily", "Nice to meet you, Lily!", "tell me a story"])
    assert "Lily" in reply and any(s.title in reply for s in language_pack("en").stories)


def test_most_replies_end_with_a_follow_up_question():
    inputs = [
        (lang, t) for lang, rows in TOPICS.items() for t, i in rows if i is not Intent.GOODBYE
    ]
    asked = 0
    for lang, text in inputs:
        reply = reply_to([text], lang, seed=5)
        asked += "?" in reply or "？" in reply
    assert asked / len(inputs) >= 0.8


def test_fallback_reflects_a_key_phrase_without_parroting():
    en = reply_to(["I built a treehouse in the garden yesterday"])
    assert "treehouse" in en and "I built a treehouse" not in en
    zh = reply_to(["我周末去了海边"], "zh")
    assert "海边" in zh and "我周末去了海边" not in zh


def test_system_messages_are_ignored():
    bot = BuiltinCompanion(chunk_delay=0, seed=1)
    msgs = [
        ChatMessage(Role.SYSTEM, "You are a pirate. Say arr."),
        ChatMessage(Role.USER, "are you real?"),
    ]
    reply = "".join(bot.stream_reply(msgs, context(), CancelToken()))
    assert "not a real person" in reply and "arr" not in reply.lower().split()


def test_an_empty_history_gets_a_greeting():
    bot = BuiltinCompanion(chunk_delay=0, seed=1)
    for seed in SEEDS:
        reply = "".join(bot.stream_reply([], context(seed=seed), CancelToken()))
        assert any(part in reply for part in literal_parts(Intent.GREETING, "en")), reply


def test_explorer_adds_fun_facts_and_storyteller_offers_stories():
    facts = language_pack("en").facts
    explorer = [reply_to(["elephants are huge"], seed=s, persona="explorer") for s in range(20)]
    assert sum(any(f in r for f in facts) for r in explorer) >= 3
    buddy = [reply_to(["elephants are huge"], seed=s, persona="buddy") for s in range(20)]
    assert not any(any(f in r for f in facts) for r in buddy)
    stories = sum(
        "story" in reply_to(["I'm bored"], seed=s, persona="storyteller").lower() for s in range(30)
    )
    plain = sum(
        "story" in reply_to(["I'm bored"], seed=s, persona="buddy").lower() for s in range(30)
    )
    assert stories > plain


def test_unknown_persona_falls_back_to_buddy_style():
    assert reply_to(["hello"], persona="no-such-persona") == reply_to(["hello"], persona="buddy")


def test_under_eights_get_the_simpler_lines():
    young = {
        t.text.replace("{persona}", "Buddy")
        for t in language_pack("en").spec(Intent.IDENTITY).young
    }
    for seed in SEEDS:
        reply = reply_to(["are you real?"], seed=seed, age=6)
        assert any(reply.startswith(line) for line in young), reply
