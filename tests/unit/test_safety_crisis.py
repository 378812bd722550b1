"""Crisis card data (R20): checked numbers, region first, both regions always, offline."""

from datetime import date

import pytest

from desktop.safety import crisis_card, hotlines_for
from desktop.safety.crisis import ContactKind, all_hotlines, calm_message, region_for

CHECKED = {
    ("CN", "12356"),
    ("CN", "010-82951332"),
    ("CN", "400-161-9995"),
    ("CN", "12355"),
    ("CN", "110"),
    ("CN", "120"),
    ("US", "988"),
    ("US", "911"),
}


def test_exactly_the_checked_numbers_are_listed():
    assert {(h.region, h.number) for h in all_hotlines()} == CHECKED


def test_every_line_is_bilingual_dated_and_typed():
    for line in all_hotlines():
        assert line.name_en and line.name_zh and line.hours_en and line.hours_zh
        assert isinstance(line.last_verified, date)
        assert line.last_verified <= date(2026, 12, 31)
        assert line.kind.can_call


def test_line_facts_from_the_brief():
    by_number = {h.number: h for h in all_hotlines()}
    assert by_number["988"].kind is ContactKind.CALL_TEXT and by_number["988"].kind.can_text
    assert not by_number["12355"].available_24h
    assert "not a 24-hour crisis line" in by_number["12355"].note_en
    assert "不是24小时" in by_number["12355"].note_zh
    assert "18" in by_number["12356"].hours_en and not by_number["12356"].available_24h
    assert by_number["010-82951332"].available_24h
    assert by_number["400-161-9995"].available_24h
    assert by_number["010-82951332"].dial == "01082951332"


@pytest.mark.parametrize(
    ("locale", "first"),
    [
        ("zh", "CN"),
        ("zh_CN", "CN"),
        ("zh-CN", "CN"),
        ("en_US", "US"),
        ("en", "US"),
        ("en_CN", "CN"),
        ("zh_US", "US"),
        (None, "US"),
        ("fr_FR", "US"),
    ],
)
def test_the_profiles_region_comes_first_and_both_are_always_present(locale, first):
    assert region_for(locale) == first
    lines = hotlines_for(locale)
    regions = [h.region for h in lines]
    assert regions[0] == first
    assert set(regions) == {"CN", "US"}
    # each region is one contiguous block, in file order
    assert regions == sorted(regions, key=lambda r: r != first)
    assert len(lines) == len(all_hotlines())


def test_china_lists_psychological_lines_before_police_and_ambulance():
    numbers = [h.number for h in hotlines_for("zh_CN") if h.region == "CN"]
    assert numbers.index("12356") < numbers.index("110")
    assert numbers[-2:] == ["110", "120"]


def test_calm_message_and_card_follow_the_language():
    title_en, body_en = calm_message("en")
    title_zh, body_zh = calm_message("zh_CN")
    assert "not alone" in title_en and "breath" in body_en
    assert "不是一个人" in title_zh and "深呼吸" in body_zh
    card = crisis_card("zh_CN")
    assert card.title == title_zh and card.hotlines[0].region == "CN"
    assert card.last_verified == min(h.last_verified for h in card.hotlines)
    assert crisis_card("zh_CN", lang="en").title == title_en


def test_names_follow_the_language():
    line = hotlines_for("en_US")[0]
    assert line.name("en") == line.name_en and line.name("zh") == line.name_zh
