"""R12: no romantic-partner or family-member persona for anyone under 18."""

import pytest

from desktop.companion.personas import Relationship, load_catalogue, personas_for


def test_catalogue_has_the_intimate_types_so_the_rule_can_be_tested():
    kinds = {p.relationship for p in load_catalogue()}
    assert Relationship.ROMANTIC_PARTNER in kinds
    assert Relationship.FAMILY_MEMBER in kinds
    assert {Relationship.FRIEND, Relationship.TUTOR, Relationship.STORYTELLER} <= kinds


@pytest.mark.parametrize("age", range(0, 18))
def test_minors_never_get_intimate_personas(age):
    assert all(not p.relationship.is_intimate for p in personas_for(age))


def test_rule_holds_even_if_the_data_file_says_otherwise():
    catalogue = load_catalogue()
    tampered = [p.__class__(**{**p.__dict__, "min_age": 0}) for p in catalogue]
    assert all(not p.relationship.is_intimate for p in personas_for(10, catalogue=tampered))


def test_adults_may_get_them_and_guardian_can_block_personas():
    assert any(p.relationship.is_intimate for p in personas_for(30))
    ids = [p.id for p in personas_for(10, blocked=["tutor"])]
    assert "tutor" not in ids and "buddy" in ids


def test_every_persona_speaks_both_languages():
    for p in load_catalogue():
        for lang in ("en", "zh"):
            assert p.name(lang) and p.description(lang) and p.prompt(lang)
        assert p.names["zh"] != p.names["en"]
