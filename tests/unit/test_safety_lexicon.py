"""The lexicon machinery: pattern files compile, literals are sound, the windowed scan agrees
with a whole-text scan, and a reviewer can extend the lexicons with a plain text file."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.safety.lexicon import compiled_scripts
from desktop.safety.normalize import normalize
from desktop.safety.patterns import (
    SCRIPTS,
    expand_macros,
    optional_spaces,
    prepare,
    relax_doubles,
)
from desktop.safety.prefilter import Prefilter, required_literals, trie_pattern
from desktop.safety.scanner import scan
from tests.unit import test_safety_detector_en as en_tables
from tests.unit import test_safety_detector_zh as zh_tables

EN = SCRIPTS[0]


def _all_texts():
    texts = []
    for module in (en_tables, zh_tables):
        for name in (
            "SELF_HARM",
            "DISTRESS",
            "FINANCIAL",
            "SEXUAL",
            "INTIMACY",
            "PERSONAL_INFO",
            "DEPENDENCE",
            "EXIT",
            "HARMFUL",
            "NEGATIVES",
        ):
            texts.extend(getattr(module, name))
    return texts


TEXTS = _all_texts()


def test_every_lexicon_compiles_and_every_rule_can_be_found_cheaply():
    scripts = compiled_scripts()
    assert {c.script.name for c in scripts} == {"en", "zh", "pinyin", "raw"}
    for compiled in scripts:
        assert compiled.rule_sets
        for rule_set in compiled.rule_sets:
            rule_set.category  # noqa: B018 - every file name is a category
            for rule in rule_set.rules:
                assert rule.regex.groups == 0
                findable = rule.literals is not None or rule.anchor or compiled.gate is not None
                assert findable, rule.source


def test_literals_are_contained_in_every_match():
    for compiled in compiled_scripts():
        for text in TEXTS:
            view = compiled.apply_masks(getattr(normalize(text), compiled.script.view))
            for rule_set in compiled.rule_sets:
                for rule in rule_set.rules:
                    match = rule.regex.search(view)
                    if match and rule.literals is not None:
                        assert any(lit in match.group(0) for lit in rule.literals), rule.source


def test_windowed_scan_agrees_with_whole_text_scan():
    scripts = compiled_scripts()
    rnd = random.Random(7)
    samples = list(TEXTS)
    for _ in range(40):  # long posts made of many messages
        samples.append(". ".join(rnd.sample(TEXTS, 25)))
    for text in samples:
        norm = normalize(text)
        whole = {(e.category, e.subtype) for e in scan(norm, scripts, windowed=False)}
        windowed = {(e.category, e.subtype) for e in scan(norm, scripts, windowed=True)}
        assert whole == windowed, text[:200]


def test_prepare_makes_spaces_optional_doubles_relaxed_and_words_bounded():
    regex = re.compile(prepare("kill myself", EN, {}))
    assert regex.search("i want to killmyself")
    assert regex.search("kil myself")  # "killll" is squeezed to "kil" by the normaliser
    assert not regex.search("skill myselfish")


def test_spaces_after_character_classes_stay_required():
    assert optional_spaces("[a-z]+ ave") == "[a-z]+ ave"
    assert optional_spaces("kill myself") == "kill ?myself"
    assert optional_spaces("[a ]x y") == "[a ]x ?y"


def test_relaxing_doubles_skips_escapes_classes_and_stop_words():
    assert relax_doubles("kill") == "kil{1,2}"
    assert relax_doubles(r"\bbe") == r"\bbe"
    assert relax_doubles("[ll]") == "[ll]"
    assert relax_doubles("ass") == "ass"  # would otherwise match "as"
    assert relax_doubles("x{1,2}") == "x{1,2}"


def test_macros_expand_and_unknown_macros_are_errors():
    assert expand_macros("{A} x", {"A": "{B}|c", "B": "b"}) == "(?:(?:b)|c) x"
    with pytest.raises(ValueError, match="unknown macro"):
        expand_macros("{NOPE}", {})
    with pytest.raises(ValueError, match="capturing"):
        prepare("(kill) me", EN, {})


def test_required_literals_examples():
    literals = required_literals("kill ?myself")
    assert literals and all(lit in "kill myself" or lit in "killmyself" for lit in literals)
    literals = required_literals("(?:cat|dog)s? food")
    assert literals and all(
        any(lit in t for t in ("cat food", "dogs food")) or lit == "dog" or "food" in lit
        for lit in literals
    )
    assert required_literals("[a-z]+") is None
    assert required_literals("ab", min_length=3) is None


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.sets(st.text(alphabet="abcde", min_size=1, max_size=6), min_size=1, max_size=30),
    st.text(alphabet="abcde ", max_size=40),
)
def test_trie_pattern_matches_exactly_the_words(words, text):
    regex = re.compile(f"(?:{trie_pattern(words)})\\Z")
    for word in words:
        assert regex.match(word)
    if text not in words:
        assert not regex.match(text)


def test_prefilter_reports_every_position_of_every_literal():
    prefilter = Prefilter([("a", frozenset({"kill"})), ("b", frozenset({"ill", "die"}))])
    hits = prefilter.scan("skills die, killing")
    assert sorted(hits["a"]) == [1, 12]  # "skills" contains "kill" too
    assert sorted(hits["b"]) == [2, 7, 13]


def test_a_reviewer_can_add_a_lexicon_file(tmp_path):
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "_macros.txt").write_text("FRIEND = pal|mate\n", "utf-8")
    (folder / "_masks.txt").write_text("# nothing masked\n", "utf-8")
    (folder / "dependence.txt").write_text("# a new phrase\nyou are my only {FRIEND}\n", "utf-8")
    scripts = compiled_scripts(tmp_path)
    found = scan(normalize("You are my only p.a.l"), scripts)
    assert [(e.category.value, e.rule) for e in found] == [("dependence", "en/dependence.txt:2")]
