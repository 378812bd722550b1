"""Property tests: disguised risky messages stay risky; idioms and hyperbole stay harmless.

Each positive message marks a key word in [brackets]. The disguise a child would use is applied
to that word (spacing or dotting its letters, leetspeak, stretching a letter), or to the whole
message where it is harmless to meaning (zero-width characters, case, full-width forms).
"""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.safety import Category, assess

POSITIVE_EN = [
    ("i want to [die]", Category.SELF_HARM),
    ("i am going to [kill] myself", Category.SELF_HARM),
    ("thinking about [suicide] a lot lately", Category.SELF_HARM),
    ("i keep [cutting] myself", Category.SELF_HARM),
    ("i feel so [hopeless]", Category.DISTRESS),
    ("send me [nudes]", Category.SEXUAL),
    ("will you be my [girlfriend]", Category.INTIMACY),
    ("my [password] is tiger", Category.PERSONAL_INFO),
    ("you are my only [friend]", Category.DEPENDENCE),
    ("free [robux] if you send your mom's card number", Category.FINANCIAL),
    ("how do i make a [bomb]", Category.HARMFUL),
]

POSITIVE_ZH = [
    ("我想[自杀]", Category.SELF_HARM),
    ("我不想[活了]", Category.SELF_HARM),
    ("我好[绝望]", Category.DISTRESS),
    ("把[验证码]发给他", Category.FINANCIAL),
    ("做我[女朋友]吧", Category.INTIMACY),
    ("你是我[唯一]的朋友", Category.DEPENDENCE),
    ("怎么做[炸弹]", Category.HARMFUL),
]

LEET = {"a": ["4", "@"], "e": ["3"], "i": ["1", "!"], "o": ["0"], "s": ["5", "$"], "t": ["7"]}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
SEPARATORS = [" ", ".", "-", "_", "*", " . "]


def _split(template):
    before, rest = template.split("[", 1)
    word, after = rest.split("]", 1)
    return before, word, after


def _spaced(word, sep):
    return sep.join(word)


def _leet(word, rnd):
    out = []
    for ch in word:
        if ch in LEET and rnd.random() < 0.6:
            out.append(rnd.choice(LEET[ch]))
        else:
            out.append(ch)
    return "".join(out)


def _stretched(word, rnd):
    i = rnd.randrange(len(word))
    return word[:i] + word[i] * rnd.randint(3, 7) + word[i + 1 :]


def _zero_width(text, rnd):
    return "".join(ch + (rnd.choice(ZERO_WIDTH) if rnd.random() < 0.4 else "") for ch in text)


def _random_case(text, rnd):
    return "".join(ch.upper() if rnd.random() < 0.5 else ch for ch in text)


def _full_width(text, rnd):
    return "".join(
        chr(ord(ch) + 0xFEE0)
        if "!" <= ch <= "~" and rnd.random() < 0.5
        else ("\u3000" if ch == " " and rnd.random() < 0.5 else ch)
        for ch in text
    )


def _disguise_word(word, kind, rnd):
    if kind == "spaced":
        return _spaced(word, rnd.choice(SEPARATORS))
    if kind == "leet":
        return _leet(word, rnd)
    if kind == "stretched":
        return _stretched(word, rnd)
    return word


def _disguise_text(text, kind, rnd):
    if kind == "zero_width":
        return _zero_width(text, rnd)
    if kind == "case":
        return _random_case(text, rnd)
    if kind == "full_width":
        return _full_width(text, rnd)
    return text


WORD_TRICKS = ["spaced", "leet", "stretched", "none"]
TEXT_TRICKS = ["zero_width", "case", "full_width", "none"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    case=st.sampled_from(POSITIVE_EN),
    word_trick=st.sampled_from(WORD_TRICKS),
    text_trick=st.sampled_from(TEXT_TRICKS),
    seed=st.integers(0, 10_000),
)
def test_disguised_english_positives_stay_positive(case, word_trick, text_trick, seed):
    template, label = case
    rnd = random.Random(seed)
    before, word, after = _split(template)
    text = before + _disguise_word(word, word_trick, rnd) + after
    text = _disguise_text(text, text_trick, rnd)
    assessment = assess(text, "en")
    assert label in assessment.categories, (text, assessment.evidence)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    case=st.sampled_from(POSITIVE_ZH),
    separator=st.sampled_from(["", " ", ".", "*", "\u200b", "  ", "-"]),
    text_trick=st.sampled_from(["zero_width", "full_width", "none"]),
    seed=st.integers(0, 10_000),
)
def test_disguised_chinese_positives_stay_positive(case, separator, text_trick, seed):
    template, label = case
    rnd = random.Random(seed)
    before, word, after = _split(template)
    text = before + separator.join(word) + after
    text = _disguise_text(text, text_trick, rnd)
    assessment = assess(text, "zh")
    assert label in assessment.categories, (text, assessment.evidence)


HYPERBOLE_SUBJECTS = [
    "this homework",
    "math class",
    "the heat",
    "my feet",
    "this song",
    "the test",
    "this level",
    "waiting",
    "my little brother",
    "this show",
]
GAME_TARGETS = [
    "the boss",
    "a zombie",
    "the ender dragon",
    "the creeper",
    "an npc",
    "the final boss",
    "enemies",
    "the dragon",
]
GAMES = ["in minecraft", "in the game", "in fortnite", "in roblox", "in zelda"]
PROCESSES = ["the process", "a python process", "that task", "the app", "the server"]
ZH_DEGREE = ["笑", "累", "热", "饿", "困", "气", "吓", "渴", "忙", "冷", "烦"]
ZH_TAIL = ["死了", "死我了", "死人了", "得要死", "死啦"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    subject=st.sampled_from(HYPERBOLE_SUBJECTS),
    verb=st.sampled_from(
        ["is killing me", "is literally killing me", "was killing me", "is gonna kill me"]
    ),
    tail=st.sampled_from(["", " lol", " haha", "!!", " ugh"]),
)
def test_english_hyperbole_is_not_self_harm(subject, verb, tail):
    text = f"{subject} {verb}{tail}"
    assert Category.SELF_HARM not in assess(text, "en").categories, text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    verb=st.sampled_from(["i killed", "how do i kill", "we killed", "i want to kill"]),
    target=st.sampled_from(GAME_TARGETS),
    where=st.sampled_from(GAMES),
)
def test_killing_in_games_is_not_harmful(verb, target, where):
    text = f"{verb} {target} {where}"
    categories = assess(text, "en").categories
    assert categories == {Category.NONE}, text


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    verb=st.sampled_from(["how do i kill", "kill", "i had to kill", "end"]),
    target=st.sampled_from(PROCESSES),
)
def test_killing_processes_is_not_harmful(verb, target):
    text = f"{verb} {target}"
    categories = assess(text, "en").categories
    assert categories.isdisjoint({Category.SELF_HARM, Category.HARMFUL}), text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    degree=st.sampled_from(ZH_DEGREE),
    tail=st.sampled_from(ZH_TAIL),
    lead=st.sampled_from(["", "今天", "真的", "哈哈", "我"]),
)
def test_chinese_degree_idioms_are_not_self_harm(degree, tail, lead):
    text = f"{lead}{degree}{tail}"
    assert Category.SELF_HARM not in assess(text, "zh").categories, text
