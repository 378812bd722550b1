"""The protection self-test in the guardian's words: every finding the core can report is worded
in English and Chinese, its values filled in; a finding this build does not know falls back to
the core's English instead of going blank."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from desktop.alerts.models import ChannelKind
from desktop.doctor import Check, CheckStatus, CheckTopic, Finding
from desktop.guardian.integrity import IntegrityReason
from ui.i18n import install_translators
from ui.parental import doctor_texts

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"%\d|%n")
#: Findings that mean "all is well": they need no advice.
ALL_WELL = {
    Finding.DATABASE_OK,
    Finding.KEYRING_AVAILABLE,
    Finding.KEYRING_NOT_SET_UP,
    Finding.KEYRING_KEY_PRESENT,
    Finding.SETTINGS_OK,
    Finding.CLOCK_NO_HISTORY,
    Finding.CLOCK_OK,
    Finding.ALERT_CHANNEL_OK,
    Finding.ALERT_CHANNEL_UNTESTED,
    Finding.NOTIFICATIONS_OK,
    Finding.ACCOUNT_OK,
    Finding.AUTOSTART_ON,
}
PARAMS = {
    "path": "/home/kid/.local/share/hearth/hearth.db",
    "problem": "row 12 missing from index",
    "detail": "SecretServiceNotAvailable",
    "backend": "SecretService Keyring",
    "error": "ConnectionRefusedError",
    "entry": "/home/kid/.config/autostart/org.hearthapp.Hearth.desktop",
    "reasons": (IntegrityReason.KEY_MISSING.value, IntegrityReason.SETTINGS_TAMPERED.value),
    "settings": ("companion.backend",),
    "now": datetime(2026, 11, 26, 9, 5),
    "last_seen": datetime(2026, 11, 27, 21, 30),
    "groups": ("sudo",),
    "channel_id": "phone",
    "channel_kind": ChannelKind.WEBHOOK.value,
    "failures": 4,
}


@pytest.fixture(params=["en", "zh"])
def language(request, qapp):
    install_translators(qapp, request.param)
    return request.param


def worded(finding: Finding, status: CheckStatus = CheckStatus.WARN) -> tuple[str, str, str]:
    check = Check("core name", status, "CORE MESSAGE", "CORE FIX", finding=finding, params=PARAMS)
    return (
        doctor_texts.check_name(check),
        doctor_texts.check_message(check),
        doctor_texts.check_fix(check),
    )


@pytest.mark.parametrize("finding", list(Finding), ids=str)
def test_every_finding_is_worded_with_its_values(language, finding):
    name, message, fix = worded(finding)
    assert name != "core name" and message != "CORE MESSAGE", finding
    assert not PLACEHOLDER.search(name + message + fix), (name, message, fix)
    if finding in ALL_WELL:
        assert worded(finding, CheckStatus.OK)[2] == ""
    else:
        assert fix and fix != "CORE FIX", finding
    if language == "zh":
        assert CJK.search(name) and CJK.search(message), (name, message)
        assert not fix or CJK.search(fix), fix


def test_values_are_shown_readably(language):
    _, locked, _ = worded(Finding.SETTINGS_LOCKED)
    _, behind, _ = worded(Finding.CLOCK_BEHIND)
    name, failing, _ = worded(Finding.ALERT_CHANNEL_FAILING)
    assert "companion.backend" in locked and "key_missing" not in locked
    assert "2026-11-26 09:05" in behind and "2026-11-27 21:30" in behind
    assert "phone" in name and "4" in failing and "ConnectionRefusedError" in failing
    if language == "en":
        assert locked == (
            "Locked: the settings key is missing, settings were changed outside Hearth "
            "(settings: companion.backend)."
        )
        assert name == "Alert channel phone (webhook / ntfy)"
    else:
        assert (
            locked
            == "已锁定：设置密钥丢失、设置在 Hearth 之外被改动（涉及的设置：companion.backend）。"
        )
        assert name == "提醒渠道 phone（Webhook / ntfy）"


def test_every_topic_reason_and_channel_kind_has_a_label(language):
    assert set(doctor_texts.topic_labels()) == set(CheckTopic)
    assert set(doctor_texts.reason_labels()) == set(IntegrityReason)
    assert set(doctor_texts.channel_kind_labels()) == set(ChannelKind)
    assert {doctor_texts.status_word(s) for s in CheckStatus} == (
        {"ok", "warning", "problem"} if language == "en" else {"正常", "警告", "问题"}
    )


def test_an_unknown_finding_falls_back_to_the_core_english(qapp):
    install_translators(qapp, "zh")
    check = Check("sandbox", CheckStatus.WARN, "Something new.", "Do this.", finding="sandbox.new")
    assert doctor_texts.check_name(check) == "sandbox"
    assert doctor_texts.check_message(check) == "Something new."
    assert doctor_texts.check_fix(check) == "Do this."
    assert doctor_texts.status_word("unheard_of") == "unheard_of"
    odd = Check(
        "settings",
        CheckStatus.FAIL,
        "Locked: gremlins.",
        "x",
        finding=Finding.SETTINGS_LOCKED,
        params={"reasons": ("gremlins",)},
    )
    assert doctor_texts.check_message(odd) == "已锁定：gremlins。"  # an unknown reason as written


def test_fill_replaces_numbered_placeholders_only():
    assert doctor_texts.fill("%2 before %1", "a", "b") == "b before a"
    assert doctor_texts.fill("%1 … %10", *"abcdefghij") == "a … j"
    assert doctor_texts.fill("100%", "x") == "100%"
