"""Normalisation undoes disguises once, so the lexicons can be written plainly."""

import pytest

from desktop.safety.normalize import fold, han_view, latin_view, normalize, pinyin_view


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＫＩＬＬ　ＭＹＳＥＬＦ", "kill myself"),  # full-width letters and space
        ("K\u200bI\u200cL\u200dL", "kill"),  # zero-width characters
        ("k\u0336i\u0336l\u0336l\u0336", "kill"),  # combining strike-through
        ("d\u0301i\u0300e\u0302", "die"),  # accents
        ("\u202ekill\u202c", "kill"),  # bidi controls
        ("I\u00adWANT", "iwant"),  # soft hyphen
        ("Straße", "strasse"),  # casefold
    ],
)
def test_fold_removes_disguises(raw, expected):
    assert fold(raw) == expected


def test_fold_maps_traditional_characters_in_the_table():
    assert fold("我想自殺，活著沒意思") == "我想自杀,活着没意思"


def test_fold_keeps_digits_for_phone_numbers():
    assert fold("Call 138-1234-5678") == "call 138-1234-5678"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("k i l l myself", "kill myself"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("s-u-i-c-i-d-e", "suicide"),
        ("k1ll mys3lf", "kill myself"),
        ("ki11 m3", "kill me"),
        ("$uicide", "suicide"),
        ("diiiiie", "die"),
        ("killllll", "kil"),
        ("I don't", "i dont"),
        ("I’m sad", "im sad"),
        ("hello. bye!", "hello . bye ."),
        ("wait, what", "wait , what"),
        ("k i l l  m y s e l f", "kill myself"),
        ("s e n d   n u d e s", "send nudes"),
        ("s€x", "sex"),
        ("take a \U0001f52a to my wrists", "take a knife to my wrists"),
        ("all the \U0001f48a tonight", "all the pills tonight"),
    ],
)
def test_latin_view(raw, expected):
    assert latin_view(fold(raw)) == expected


@pytest.mark.parametrize("raw", ["meet at 4pm", "the 21st of may", "i weigh 40kg", "room 3b"])
def test_digits_next_to_units_are_not_leetspeak(raw):
    assert latin_view(fold(raw)) == fold(raw)


@pytest.mark.parametrize("raw", ["a  b", "i have 2  cats", "price 5€ ok"])
def test_wide_gaps_and_currency_alone_are_not_evasions(raw):
    assert latin_view(fold(raw)) == " ".join(fold(raw).replace("€", "").split())


def test_two_single_letters_are_not_joined():
    # "u r" is chat spelling, not an evasion; only runs of three or more letters are joined.
    assert latin_view("u r cool") == "u r cool"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zì shā", "zi sha"),  # tone marks
        ("zi4 sha1", "zi sha"),  # tone digits
        ("wo3 xiang3 si3", "wo xiang si"),
    ],
)
def test_pinyin_view(raw, expected):
    assert pinyin_view(fold(raw)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("自 杀", "自杀"),
        ("自.杀", "自杀"),
        ("自*杀", "自杀"),
        ("想 死", "想死"),
        ("我想 die", "我想die"),
    ],
)
def test_han_view_removes_joiners(raw, expected):
    assert han_view(fold(raw)) == expected


def test_views_that_do_not_apply_are_empty():
    english = normalize("hello there")
    assert english.han == "" and english.latin == "hello there"
    chinese = normalize("你好")
    assert chinese.latin == "" and chinese.pinyin == "" and chinese.han == "你好"


def test_digit_only_messages_get_a_han_view():
    # "88" and "886" are Chinese farewells.
    assert normalize("886").han == "886"


def test_pinyin_view_reuses_latin_when_nothing_differs():
    norm = normalize("plain words only")
    assert norm.pinyin == norm.latin


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("p*rn", "porn"), ("s*x", "sex"), ("su*cide", "suicide"), ("k*ll", "kill"), ("2*3", "2 3")],
)
def test_starred_words_are_filled_from_the_censored_list(raw, expected):
    assert latin_view(fold(raw)) == expected
