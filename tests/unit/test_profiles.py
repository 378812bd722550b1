from datetime import date

import pytest

from desktop.profiles.models import AgeBand, Guardian, Language, age_band_for, age_on
from desktop.profiles.repository import ProfileError, ProfileRepository


@pytest.mark.parametrize(
    ("age", "band"),
    [(0, AgeBand.UNDER_8), (7, AgeBand.UNDER_8), (8, AgeBand.AGE_8_TO_15), (15, AgeBand.AGE_8_TO_15),
     (16, AgeBand.AGE_16_TO_17), (17, AgeBand.AGE_16_TO_17), (18, AgeBand.ADULT)],
)
def test_age_bands_follow_the_minor_mode_guidelines(age, band):
    assert age_band_for(age) is band


def test_age_counts_whole_years_and_leap_birthdays():
    assert age_on(date(2016, 11, 27), date(2026, 11, 26)) == 9
    assert age_on(date(2016, 11, 26), date(2026, 11, 26)) == 10
    assert age_on(date(2012, 2, 29), date(2026, 2, 28)) == 13
    assert age_on(date(2012, 2, 29), date(2026, 3, 1)) == 14


def test_language_parse_maps_locales():
    assert Language.parse("zh_CN") is Language.ZH
    assert Language.parse("zh-Hant-TW") is Language.ZH
    assert Language.parse("en_GB") is Language.EN
    assert Language.parse(None) is Language.EN


def test_add_and_read_children(memory_db, clock):
    repo = ProfileRepository(memory_db)
    lily = repo.add_child("  Lily  ", date(2017, 5, 1), Language.EN, now=clock.now())
    ming = repo.add_child("小明", date(2014, 1, 9), Language.ZH, now=clock.now())
    assert [c.display_name for c in repo.children()] == ["Lily", "小明"]
    assert lily.age_band(clock.now().date()) is AgeBand.AGE_8_TO_15
    assert ming.needs_guardian_consent(clock.now().date()) is True
    assert lily.minor_mode is True


@pytest.mark.parametrize(("name", "birthday", "key"), [
    ("", date(2015, 1, 1), "display_name"),
    ("x" * 41, date(2015, 1, 1), "display_name"),
    ("Kid", date(2030, 1, 1), "birthday"),
])
def test_bad_profile_values_are_refused(memory_db, clock, name, birthday, key):
    repo = ProfileRepository(memory_db)
    with pytest.raises(ProfileError) as info:
        repo.add_child(name, birthday, Language.EN, now=clock.now())
    assert info.value.key == key
    assert repo.children() == []


def test_guardian_round_trip(memory_db, clock):
    repo = ProfileRepository(memory_db)
    assert repo.guardian() is None
    g = Guardian(name="Ana", email="ana@example.org", emergency_name="Bo", emergency_phone="+86 10 1234")
    repo.save_guardian(g, now=clock.now())
    assert repo.guardian() == g
    with pytest.raises(ProfileError):
        repo.save_guardian(Guardian(name=" "), now=clock.now())
