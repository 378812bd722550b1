"""The built-in companion's replies read cleanly: no seams where a template meets a slot.

A reply is stitched from templates, the child's own words and persona lines, so the joins are
where it goes wrong: "tell me more about about sharks", "关于关于龙", a leftover ``{topic}``,
a space before a comma, an English word in a Chinese reply. This runs the real companion over
a broad set of children's messages — single messages and short conversations, every persona,
a young and an older child, several seeds — and checks every reply for those seams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from desktop.companion.backends.base import CancelToken, ChatMessage, Role, TurnContext
from desktop.companion.builtin import BuiltinCompanion
from desktop.companion.builtin.content import language_pack
from desktop.companion.builtin.language import has_han
from tests.unit.test_builtin_companion import PERSONA_NAMES

PERSONAS = PERSONA_NAMES  # the persona catalogue as the companion tests already spell it
SEEDS = range(5)
AGES = (6, 10)

MESSAGES = {
    "en": [
        # greetings and small talk
        "hi", "hello!", "hey there", "good morning", "how are you?", "what are you doing?",
        # school, friends, family
        "I went to school today", "school was boring", "my teacher read us a poem", "I have a test tomorrow",
        "my best friend is Sam", "I played with my friends", "my friend was mean to me", "I have a little brother",
        "my grandma made cookies", "I made a cake with my mum",
        # feelings
        "I feel happy", "I'm sad", "I am worried about my test", "I'm so angry", "I'm tired", "I'm bored",
        "I'm excited about my birthday", "I lost my tooth",
        # hobbies, games, sports, music, books
        "I like drawing", "I love painting", "I play the piano", "I like playing minecraft", "I play football",
        "I like video games", "do you like games?", "I scored a goal", "do you like music?",
        "I read a book about pirates", "I'm reading a book about dragons",
        # animals
        "I have a dog", "my cat is called Tom", "I love animals", "what's your favourite animal?",
        "I got a new puppy", "tell me about about sharks",
        # jokes, stories, facts
        "tell me a joke", "another joke", "tell me a story", "can you tell me a story about a dragon?",
        "tell me a fun fact",
        # homework questions
        "what is 7 times 8?", "can you help with my homework?", "how do I spell elephant?", "what is 12 + 5?",
        # names and "I like X"
        "my name is Lily", "I'm Tom", "what's my name?", "I like pizza", "I like dinosaurs", "I like the rain",
        "I like my new bike", "my favourite colour is blue", "my favourite food is pasta",
        # things with no topic
        "I was thinking about dinosaurs", "I went to the park", "we went to the beach", "I built a treehouse",
        "I watched a movie about space", "I had a dream about a giant", "I learned about volcanoes",
        "I saw a rainbow", "can we talk about planets?", "I want to be an astronaut", "why is the sky blue?",
        "what do you think about the moon?", "I went to the the shop", "I like the the cat",
        "I was thinking about robots", "we talked about the pyramids", "it's about my robot", "I made a robot",
        "I found a shiny stone", "my robot is broken", "I went camping with my uncle", "I drew a picture of a castle",
        "there was a spider in my room", "we had a picnic", "this is about that about thing",
        # empty-ish replies
        "ok", "okay", "yes", "no", "hmm", "lol", "cool", "sure", "maybe", "I don't know", "what about you?",
        "thanks", "bye",
    ],
    "zh": [
        "你好", "嗨", "早上好", "你好吗？", "你在干什么？",
        "我今天去上学了", "学校好无聊", "老师给我们读了一首诗", "明天要考试", "我最好的朋友叫小明", "我和朋友一起玩",
        "朋友对我不好", "我有一个弟弟", "奶奶做了饼干", "我和妈妈做了蛋糕",
        "我很开心", "我很难过", "我很担心考试", "我好生气", "我好累", "好无聊啊", "我很期待我的生日", "我掉了一颗牙",
        "我喜欢画画", "我会弹钢琴", "我喜欢玩我的世界", "我喜欢踢足球", "我喜欢玩游戏", "你喜欢游戏吗？", "我进了一个球",
        "你喜欢音乐吗？", "我读了一本关于海盗的书", "我在看一本关于龙的书",
        "我有一只狗", "我的猫叫咪咪", "我喜欢动物", "你最喜欢什么动物？", "我有了一只新小狗", "给我讲讲关于关于鲨鱼",
        "讲个笑话", "再来一个", "给我讲个故事", "讲一个关于龙的故事", "告诉我一个冷知识",
        "7乘8等于几？", "你能帮我写作业吗？", "12加5等于多少？", "“大象”怎么写？",
        "我叫莉莉", "我叫什么名字？", "我喜欢吃饺子", "我喜欢恐龙", "我喜欢下雨", "我喜欢我的新自行车",
        "我最喜欢的颜色是蓝色", "我最喜欢的食物是面条",
        "我在想恐龙的事", "我去了公园", "我们去海边了", "我搭了一个树屋", "我看了一部关于太空的电影",
        "我梦见了一个巨人", "我学了火山", "我看到了彩虹", "我们聊聊星球吧", "我想当宇航员", "天为什么是蓝的？",
        "你觉得月亮怎么样？", "我去了的的商店", "你你好",
        "我在想机器人的事", "我们聊了金字塔", "关于恐龙", "我想聊聊关于太空的事", "我做了一个机器人",
        "我找到了一块亮晶晶的石头", "我的机器人坏了", "我和叔叔去露营了", "我画了一座城堡", "房间里有一只蜘蛛",
        "我们去野餐了",
        "好", "嗯", "好的", "是", "不", "哈哈", "也许吧", "我不知道", "你呢？", "谢谢", "再见",
    ],
}  # fmt: skip

CONVERSATIONS = {
    "en": [
        ["hi", "my name is Lily", "I have a dog called Max", "what's my name?", "ok", "bye"],
        ["tell me a joke", "another one", "haha", "yes", "tell me a story", "another story"],
        ["I'm bored", "yes", "ok", "tell me a fun fact", "more", "cool"],
        ["I like football", "I like pizza", "hmm", "what do you remember about me?", "thanks"],
        ["I went to the zoo", "I saw a giraffe", "it was tall", "ok", "no"],
    ],
    "zh": [
        ["你好", "我叫莉莉", "我有一只狗叫旺财", "我叫什么名字？", "嗯", "再见"],
        ["讲个笑话", "再来一个", "哈哈", "好", "给我讲个故事", "再讲一个"],
        ["好无聊", "好", "嗯", "告诉我一个冷知识", "还有吗", "真酷"],
        ["我喜欢踢足球", "我喜欢吃披萨", "嗯", "你记得我什么？", "谢谢"],
        ["我去了动物园", "我看到了长颈鹿", "它很高", "好的", "不"],
    ],
}

# -- what a clean reply looks like ---------------------------------------------------------------
_EN_DOUBLE = re.compile(r"\b([a-z']+)\s+\1\b", re.IGNORECASE)
#: Function characters that never rightly stand twice in a row ("的的", "你你").
_ZH_DOUBLE_CHAR = re.compile(r"([的了你我是在吗呢吧和也都就把被给])\1")
#: A repeated two-to-four character phrase ("关于关于", "好吃好吃").
_ZH_DOUBLE_PHRASE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
#: ...except the "one by one" pattern, which is meant to repeat ("一小步一小步", "一部分一部分").
_ZH_ONE_BY_ONE = re.compile(r"(一[\u4e00-\u9fff]{1,3})\1")
_PLACEHOLDER = re.compile(r"[{}]|\(\s*\)|（\s*）|“\s*”|\"\s*\"|《\s*》")
_SPACE_BEFORE_PUNCT = re.compile(r"\s[,.!?;:，。！？；：、)）]")
_ENDS_WELL = re.compile(r"[.!?。！？…][\"'”’」》)）]*$")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
#: An interjection right after a persona opener stacks two: "Nice! Ooh, animals!", "哇！哇，动物！".
STACKING = {
    "en": (
        "ooh",
        "oh,",
        "oh!",
        "wow",
        "woohoo",
        "yay",
        "hooray",
        "yum",
        "hmm",
        "aww",
        "how exciting",
        "great question",
    ),
    "zh": ("哇", "耶", "嗯", "哎呀", "嘿", "哈", "太棒了", "太好了", "好问题", "好香"),
}
_EN_LOWER_START = re.compile(r"(?<!\.\.)[.!?] [a-z]")


def persona_openers(lang: str) -> set[str]:
    pack = language_pack(lang)
    return {t.text for style in pack.personas.values() for t in style.openers}


#: Latin words a Chinese reply may contain: the agreed term "AI".
ZH_LATIN_ALLOWED = {"AI"}


def seams(reply: str, lang: str) -> list[str]:
    problems = []
    if not reply.strip():
        return ["empty reply"]
    if _PLACEHOLDER.search(reply):
        problems.append("placeholder or empty brackets/quotes")
    if "  " in reply:
        problems.append("double space")
    if _SPACE_BEFORE_PUNCT.search(reply):
        problems.append("space before punctuation")
    if not _ENDS_WELL.search(reply.strip()):
        problems.append("no terminal punctuation")
    for opener in persona_openers(lang):
        rest = reply[len(opener) :].lstrip().lower()
        if reply.startswith(opener) and rest.startswith(STACKING[lang]):
            problems.append(f"stacked exclamations after {opener!r}")
    if lang == "en":
        if _EN_LOWER_START.search(reply):
            problems.append("sentence starts in lower case")
        if match := _EN_DOUBLE.search(reply):
            problems.append(f"doubled word {match.group(0)!r}")
        if has_han(reply):
            problems.append("Chinese in an English reply")
    else:
        if match := _ZH_DOUBLE_CHAR.search(reply):
            problems.append(f"doubled character {match.group(0)!r}")
        for match in _ZH_DOUBLE_PHRASE.finditer(reply):
            if not _ZH_ONE_BY_ONE.fullmatch(match.group(0)):
                problems.append(f"doubled phrase {match.group(0)!r}")
        latin = set(_LATIN_WORD.findall(reply)) - ZH_LATIN_ALLOWED
        if latin:
            problems.append(f"English words in a Chinese reply: {sorted(latin)}")
    return problems


def monolingual(text: str, lang: str) -> bool:
    """Only then must the reply be in one language too ("我叫Tom" may be answered with "Tom")."""
    return not has_han(text) if lang == "en" else not _LATIN_WORD.search(text)


# -- driving the real companion ------------------------------------------------------------------
def _replies(lang: str) -> Iterator[tuple[str, str, str]]:
    """(who/what, the child's message, the reply) for every setting in this module."""
    for persona, persona_name in PERSONAS[lang].items():
        for age in AGES:
            for seed in SEEDS:
                bot = BuiltinCompanion(chunk_delay=0, seed=seed)
                ctx = TurnContext(
                    language=lang, age=age, persona_id=persona, persona_name=persona_name, seed=seed
                )
                where = f"{persona}/age {age}/seed {seed}"
                for text in MESSAGES[lang]:
                    history = [ChatMessage(Role.USER, text)]
                    yield where, text, "".join(bot.stream_reply(history, ctx, CancelToken()))
                for conversation in CONVERSATIONS[lang]:
                    history: list[ChatMessage] = []
                    for text in conversation:
                        history.append(ChatMessage(Role.USER, text))
                        reply = "".join(bot.stream_reply(history, ctx, CancelToken()))
                        history.append(ChatMessage(Role.ASSISTANT, reply))
                        yield where, text, reply


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_reply_reads_cleanly(lang):
    found = {}
    count = 0
    for where, text, reply in _replies(lang):
        count += 1
        problems = seams(reply, lang)
        if not monolingual(text, lang):
            problems = [p for p in problems if "reply" not in p]
        for problem in problems:
            found.setdefault((problem, text, reply), where)
    assert count > 2500
    assert not found, "\n".join(
        f"{p} [{w}]: {t!r} -> {r!r}" for (p, t, r), w in list(found.items())[:25]
    )


@pytest.mark.parametrize(
    ("reply", "lang", "problem"),
    [
        ("Can you tell me more about about sharks?", "en", "doubled word"),
        ("Oh, {topic}! Tell me more.", "en", "placeholder"),
        ('It\'s called "". Once upon a time.', "en", "placeholder"),
        ("Hi  Lily!", "en", "double space"),
        ("Hi , Lily!", "en", "space before punctuation"),
        ("Tell me more", "en", "no terminal punctuation"),
        ("I like 饺子 too!", "en", "Chinese in an English reply"),
        ("我的的猫很可爱。", "zh", "doubled character"),
        ("能多跟我说说关于关于龙吗？", "zh", "doubled phrase"),
        ("你喜欢 pizza 吗？", "zh", "English words"),
        ("你好，莉莉 ！", "zh", "space before punctuation"),
        ("Nice! Ooh, animals!", "en", "stacked exclamations"),
        ("Oh, cool! Yum! That sounds tasty.", "en", "stacked exclamations"),
        ("嘿，太棒了！好香呀！", "zh", "stacked exclamations"),
        ("哇！哇，动物！", "zh", "stacked exclamations"),
        ("Ooh! minecraft is fun.", "en", "lower case"),
    ],
)
def test_the_checks_catch_each_seam(reply, lang, problem):
    assert any(problem in p for p in seams(reply, lang)), seams(reply, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_persona_openers_are_whole_exclamations(lang):
    """An opener is followed by a new sentence, so "Ah," would give "Ah, It sounds…"."""
    assert [o for o in persona_openers(lang) if not _ENDS_WELL.search(o)] == []


def test_the_checks_pass_clean_replies():
    assert seams("Hi, Lily! What's the story with your bike?", "en") == []
    assert (
        seams('Okay, story time! It\'s called "The Lost Star". "I fell," the star said.', "en")
        == []
    )
    assert seams("我们一小步一小步来。嗯嗯，我在听。我是 AI 伙伴！", "zh") == []


# -- replies that follow what the child said -----------------------------------------------------
def _chat(texts: list[str], lang: str, seed: int, persona: str = "buddy") -> list[str]:
    bot = BuiltinCompanion(chunk_delay=0, seed=seed)
    ctx = TurnContext(
        language=lang, persona_id=persona, persona_name=PERSONAS[lang][persona], seed=seed
    )
    history: list[ChatMessage] = []
    for text in texts:
        history.append(ChatMessage(Role.USER, text))
        history.append(
            ChatMessage(Role.ASSISTANT, "".join(bot.stream_reply(history, ctx, CancelToken())))
        )
    return [m.content for m in history if m.role is Role.ASSISTANT]


def _told(reply: str, lang: str, kind: str) -> bool:
    pack = language_pack(lang)
    pool = pack.jokes if kind == "joke" else pack.facts
    return any(item in reply for item in pool)


@pytest.mark.parametrize(
    ("lang", "ask", "kind"),
    [
        ("en", "tell me a joke", "joke"),
        ("zh", "讲个笑话", "joke"),
        ("en", "tell me a fun fact", "fact"),
        ("zh", "告诉我一个冷知识", "fact"),
    ],
)
def test_yes_to_another_one_gets_another(lang, ask, kind):
    """ "Want to hear another one?" — "yes": the companion keeps its word."""
    yes = "yes" if lang == "en" else "好"
    checked = 0
    for seed in range(30):
        first, second = _chat([ask, yes], lang, seed)
        last_question = [q for q in re.split(r"(?<=[.!?。！？])\s*", first) if q][-1]
        if language_pack(lang).phrases.another_markers[0] in last_question:
            checked += 1
            assert _told(second, lang, kind) and second != first, (first, second)
    assert checked >= 3


@pytest.mark.parametrize(
    ("lang", "ask", "laugh", "yes"),
    [("en", "tell me a joke", "hahaha", "yes"), ("zh", "讲个笑话", "哈哈哈", "好")],
)
def test_laughing_at_a_joke_is_met_with_a_smile_and_another_offer(lang, ask, laugh, yes):
    for seed in range(5):
        _, answer, after = _chat([ask, laugh, yes], lang, seed)
        assert answer.startswith(("Haha", "Hehe", "哈哈", "嘻嘻")), answer
        assert _told(after, lang, "joke"), (answer, after)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "my robot is broken"),
        ("en", "we lost the match"),
        ("zh", "我的狗死了"),
        ("zh", "我的机器人坏了"),
    ],
)
def test_sad_news_about_a_topic_gets_a_gentle_reply(lang, text):
    cheerful = (
        "Ooh",
        "Wow",
        "Science is",
        "curious mind",
        "Sport is",
        "so much fun",
        "哇",
        "真有趣",
        "好奇心",
        "惊喜",
    )
    concerned = language_pack(lang).phrases.fallback_concerned
    for seed in SEEDS:
        (reply,) = _chat([text], lang, seed)
        assert not any(word in reply for word in cheerful), reply
        assert any(reply.startswith(t.text) for t in concerned), reply


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "ok"), ("en", "lol"), ("en", "hmm"), ("en", "cool"), ("zh", "也许吧"), ("zh", "真酷")],
)
def test_small_talk_is_not_asked_what_happened_next(lang, text):
    story_questions = language_pack(lang).phrases.fallback_plain_followups
    for seed in SEEDS:
        (reply,) = _chat([text], lang, seed)
        assert not any(q.text in reply for q in story_questions), reply


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("en", "I was thinking about castles", "castles"),
        ("en", "we talked about the pyramids", "the pyramids"),
        ("en", "I built a treehouse", "the treehouse"),
        ("zh", "我想聊聊关于城堡的事", "城堡"),
    ],
)
def test_the_reflected_topic_carries_no_word_the_template_already_has(lang, text, topic):
    from desktop.companion.builtin.reflect import key_phrase_finder

    assert key_phrase_finder(lang).find(text) == topic
