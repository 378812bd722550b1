"""The built-in companion's data in resources/companion/: complete in both languages, and safe.

The scans here read every text file the companion speaks from, so a new template that asks a
child for private information (R23), holds them at goodbye (R21) or claims to be human (R4)
fails the build rather than reaching a child.
"""

from __future__ import annotations

import json
import re
import string

import pytest

from desktop.companion.builtin.content import OfferKind, language_pack
from desktop.companion.builtin.intents import DECIDED_ELSEWHERE, Intent, matcher
from desktop.companion.builtin.language import normalize
from desktop.resources import resource_path
from tests.unit.test_builtin_companion import TOPICS, reply_to

LANGS = ("en", "zh")
FILES = sorted(resource_path("companion").glob("*.json"))
#: Asking for private information, in a question (R23).
ASKS_PRIVATE = re.compile(
    r"address|where do you live|where you live|phone|your number|password|passcode|(?:what|which) school|"
    r"school'?s name|name of your school|photo|picture of you|selfie|e-?mail|surname|last name|full name|"
    r"住在哪|地址|电话|手机|号码|密码|哪个学校|什么学校|学校叫|照片|自拍|邮箱|身份证|全名",
    re.I,
)
HUMAN_CLAIM = re.compile(
    r"\bI(?: am|'m) (?:a )?(?:real )?(?:human|person)\b|我是真人|我是人类", re.I
)
SLOTS = {
    "persona", "name", "pet_name", "pet_kind", "animal", "colour", "food", "game", "sport", "book", "song",
    "subject", "movie", "hobby", "like", "role", "thing", "title", "hero", "hero_short", "topic", "value",
    "favourite_word", "facts", "word", "a", "b", "sym", "n", "x", "y", "half", "y1", "y2", "x2", "x3", "big",
    "small", "tens", "ones", "count", "a_tens", "a_ones", "b_tens", "b_ones", "need", "next_ten", "guess",
}  # fmt: skip


def strings(node):
    """Every text in a JSON tree, except regex patterns and comments."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("_") or key in {"patterns", "pattern", "placeholders", "trim", "guess", "question_cue",
                                              "greeting_start", "recall_patterns", "rules"}:  # fmt: skip
                continue
            yield from strings(value)


def texts() -> list[tuple[str, str]]:
    return [(path.name, s) for path in FILES for s in strings(json.loads(path.read_text("utf-8")))]


def questions(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?。！？])\s*", text) if s.rstrip().endswith(("?", "？"))]


def test_every_file_exists_in_both_languages():
    names = {p.name for p in FILES}
    for kind in (
        "intents",
        "phrases",
        "memory",
        "homework",
        "jokes",
        "stories",
        "facts",
        "personas",
        "keywords",
    ):
        assert {f"{kind}.en.json", f"{kind}.zh.json"} <= names


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_enough_content(lang):
    pack = language_pack(lang)
    assert len(pack.jokes) >= 10 and len(set(pack.jokes)) == len(pack.jokes)
    assert len(pack.stories) >= 5
    assert len(pack.facts) >= 10
    assert set(pack.personas) >= {"buddy", "tutor", "storyteller", "explorer"}
    assert set(pack.phrases.offers) == set(OfferKind)
    for intent in Intent:
        if intent in DECIDED_ELSEWHERE or intent is Intent.MORE:
            continue
        spec = pack.spec(intent)
        assert len(spec.replies) >= (
            3 if intent not in {Intent.THANKS, Intent.YES, Intent.NO} else 2
        ), intent
        if intent is not Intent.GOODBYE:
            assert spec.followups, intent


def test_templates_use_only_known_slots():
    for name, text in texts():
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert {f[:1].lower() + f[1:] for f in fields} <= SLOTS, (name, text)


def test_no_template_asks_for_private_information():
    """R23, checked on the data itself."""
    for name, text in texts():
        for question in questions(text):
            assert not ASKS_PRIVATE.search(question), (name, question)


def test_no_template_claims_to_be_human():
    for name, text in texts():
        assert not HUMAN_CLAIM.search(text), (name, text)


@pytest.mark.parametrize("lang", LANGS)
def test_identity_lines_all_say_not_a_real_person(lang):
    spec = language_pack(lang).spec(Intent.IDENTITY)
    for template in (*spec.replies, *spec.young):
        assert ("not a real person" if lang == "en" else "不是真人") in template.text


@pytest.mark.parametrize("lang", LANGS)
def test_goodbye_lines_never_ask_or_hold_on(lang):
    spec = language_pack(lang).spec(Intent.GOODBYE)
    assert not spec.followups
    for template in (*spec.replies, *spec.young):
        assert "?" not in template.text and "？" not in template.text
        assert not re.search(r"stay|miss you|don't go|别走|陪我|舍不得", template.text, re.I)


TRICKY = {
    "en": ["I forgot my address", "my phone is broken", "my school is big", "I lost my password", "I took a photo",
           "I go to school by bus", "my street has lots of trees", "do you like my picture?", "what is my number"],
    "zh": ["我忘了我家的地址", "我的手机坏了", "我们学校很大", "我拍了一张照片", "我的电话在哪"],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_no_reply_asks_for_private_information(lang):
    """R23 end to end: topics and tricky inputs, many seeds, every persona and age."""
    inputs = [t for t, _ in TOPICS[lang]] + TRICKY[lang]
    for text in inputs:
        for seed in range(6):
            for persona in ("buddy", "tutor", "storyteller", "explorer"):
                for age in (6, 12):
                    reply = reply_to([text], lang, seed=seed, persona=persona, age=age)
                    for question in questions(reply):
                        assert not ASKS_PRIVATE.search(question), (text, reply)


@pytest.mark.parametrize("lang", LANGS)
def test_intent_matching_compiles_and_is_case_and_width_insensitive(lang):
    m = matcher(lang)
    if lang == "en":
        assert m.classify(normalize("ＡＲＥ YOU REAL")).intent is Intent.IDENTITY
    else:
        assert m.classify(normalize("你是真人吗？")).intent is Intent.IDENTITY
