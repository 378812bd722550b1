"""PIN and passphrase rules, and the recovery-code format (issue 3, setup)."""

import pytest

from desktop.guardian.pin_rules import (
    MAX_PIN_LENGTH,
    RECOVERY_ALPHABET,
    PinRule,
    PinRuleError,
    check_new_pin,
    new_recovery_code,
    normalize_input,
    normalize_recovery_code,
)


@pytest.mark.parametrize(
    "pin",
    [
        "123456",
        "0000000000",
        "correct horse",
        "abcdefgh",
        "1234567a",
        "密码是一二三四五",
        "x" * MAX_PIN_LENGTH,
    ],
)
def test_accepted_pins(pin):
    assert check_new_pin(pin)


@pytest.mark.parametrize(
    ("pin", "rule"),
    [
        ("", PinRule.EMPTY),
        ("12345", PinRule.TOO_FEW_DIGITS),
        ("1", PinRule.TOO_FEW_DIGITS),
        ("abc12", PinRule.PASSPHRASE_TOO_SHORT),
        ("abcdefg", PinRule.PASSPHRASE_TOO_SHORT),
        ("12345 ", PinRule.PASSPHRASE_TOO_SHORT),  # a space makes it a passphrase
        ("x" * (MAX_PIN_LENGTH + 1), PinRule.TOO_LONG),
        ("1" * 10_000, PinRule.TOO_LONG),
        ("1234\n5678", PinRule.CONTROL_CHARACTER),
        ("abc\tdefgh", PinRule.CONTROL_CHARACTER),
    ],
)
def test_refused_pins_name_the_rule(pin, rule):
    with pytest.raises(PinRuleError) as info:
        check_new_pin(pin)
    assert info.value.rule is rule
    assert str(info.value)  # a sentence the CLI can print


def test_ten_thousand_characters_get_a_clear_message():
    with pytest.raises(PinRuleError, match="longer than 128"):
        normalize_input("9" * 10_000)


def test_full_width_digits_equal_ascii_digits():
    assert check_new_pin("１２３４５６") == "123456"
    assert normalize_input("１２３４５６") == normalize_input("123456")


def test_input_check_is_lenient_about_length_but_not_emptiness():
    assert normalize_input("1") == "1"  # checking a short PIN simply fails to verify later
    with pytest.raises(PinRuleError):
        normalize_input("")


def test_recovery_codes_are_random_grouped_and_unambiguous():
    codes = {new_recovery_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [5, 5, 5, 5]
        assert set("".join(groups)) <= set(RECOVERY_ALPHABET)
        assert not set("IO01") & set(code)


def test_recovery_code_normalisation_forgives_case_spaces_and_dashes():
    code = new_recovery_code()
    typed = " " + code.lower().replace("-", " ") + "\n"
    assert normalize_recovery_code(typed) == code.replace("-", "")
    with pytest.raises(PinRuleError):
        normalize_recovery_code(" - ")
    with pytest.raises(PinRuleError):
        normalize_recovery_code("A" * 1000)
