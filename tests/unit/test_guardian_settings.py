"""Signed guardian settings: HMAC per row plus a manifest; tampering fails closed (issue 3)."""

import json

import pytest

from desktop.guardian.audit import AuditKind
from desktop.guardian.integrity import IntegrityReason
from desktop.guardian.pin import GuardianSessionError
from desktop.guardian.settings_store import (
    SettingsIntegrityError,
    SettingStatus,
    SignedSettingsStore,
    canonical_json,
)
from tests.support.guardian_core import make_core

PIN = "20261126"
RULES = {"daily_minutes": {"mon": 60, "sat": 90}, "curfew": ["22:00", "06:00"]}



@pytest.fixture
def core(tmp_path, clock):
    core = make_core(tmp_path / "data", clock)
    core.enrol(PIN)
    yield core
    core.db.close()


def raw_update(core, key, value_text):
    core.db.execute("UPDATE guardian_settings SET value = ? WHERE key = ?", [value_text, key])


def test_round_trip_of_every_value_type(core):
    values = {"a": RULES, "b": [1, 2.5, "x", None, True], "c": "text 中文", "d": 7, "e": False}
    for key, value in values.items():
        core.settings.put(key, value)
    for key, value in values.items():
        assert core.settings.get(key) == value
    assert core.settings.get("never-set", {"default": 1}) == {"default": 1}
    assert sorted(core.settings.keys()) == sorted(values)
    assert core.check_integrity().chat_allowed


def test_changes_are_audited(core):
    core.settings.put("limits.rules", RULES)
    core.settings.delete("limits.rules")
    kinds = [e.kind for e in core.audit.recent(5)]
    assert kinds[:2] == [AuditKind.SETTING_DELETED, AuditKind.SETTING_CHANGED]


@pytest.mark.parametrize("bad", [float("nan"), {1: "x"}, object(), b"bytes", {"k": {1, 2}}])
def test_values_must_be_plain_json(core, bad):
    with pytest.raises(ValueError):
        core.settings.put("k", bad)


@pytest.mark.parametrize("key", ["", "x" * 201, "tab\tkey", 5])
def test_keys_are_checked(core, key):
    with pytest.raises(ValueError):
        core.settings.put(key, 1)


def test_canonical_json_ignores_key_order():
    assert canonical_json({"b": 1, "a": [2, {"d": 3, "c": 4}]}) == canonical_json(
        {"a": [2, {"c": 4, "d": 3}], "b": 1}
    )


def test_an_edited_value_fails_closed_and_is_audited_once(core):
    core.settings.put("limits.rules", RULES)
    raw_update(core, "limits.rules", json.dumps({"daily_minutes": {"mon": 600}}))
    assert core.settings.read("limits.rules").status is SettingStatus.TAMPERED
    for _ in range(3):
        with pytest.raises(SettingsIntegrityError) as info:
            core.settings.get("limits.rules", default={})
    assert info.value.keys == ("limits.rules",)
    assert len(core.audit.recent(50, kind=AuditKind.SETTINGS_TAMPERED)) == 1
    state = core.check_integrity()
    assert state.reasons == (IntegrityReason.SETTINGS_TAMPERED,)
    assert state.tampered_settings == ("limits.rules",)
    assert core.audit.recent(1, kind=AuditKind.INTEGRITY_LOCKED)


def test_a_copied_mac_does_not_help(core):
    core.settings.put("a", 1)
    core.settings.put("b", 2)
    mac_a = core.db["guardian_settings"].get("a")["mac"]
    core.db.execute("UPDATE guardian_settings SET value = '1', mac = ? WHERE key = 'b'", [mac_a])
    assert core.settings.read("b").status is SettingStatus.TAMPERED


def test_a_deleted_row_breaks_the_manifest(core):
    core.settings.put("persona.blocked", ["girlfriend"])
    core.db.execute("DELETE FROM guardian_settings WHERE key = 'persona.blocked'")
    with pytest.raises(SettingsIntegrityError):
        core.settings.get("persona.blocked", default=[])
    assert IntegrityReason.SETTINGS_TAMPERED in core.check_integrity().reasons


def test_an_old_row_copied_back_breaks_the_manifest(core):
    core.settings.put("limit", 90)
    old = core.db["guardian_settings"].get("limit")
    core.settings.put("limit", 30)
    core.db["guardian_settings"].upsert(old, pk="key")
    assert core.settings.read("limit").status is SettingStatus.OK  # its own MAC is genuine...
    assert not core.settings.verify_all().manifest_ok  # ...but the manifest knows
    assert not core.check_integrity().chat_allowed


def test_an_added_row_is_noticed(core):
    core.db["guardian_settings"].insert({"key": "x", "value": "1", "mac": "0" * 64})
    assert core.settings.verify_all().tampered == ("x",)


def test_put_refuses_to_launder_a_tampered_store(core):
    core.settings.put("a", 1)
    raw_update(core, "a", "2")
    with pytest.raises(SettingsIntegrityError):
        core.settings.put("b", 3)
    assert core.settings.keys() == ["a"]


def test_reseal_needs_a_fresh_pin_session(core, clock):
    core.settings.put("a", 1)
    raw_update(core, "a", "2")
    with pytest.raises(GuardianSessionError):
        core.reseal(None)
    session = core.pins.verify(PIN).session
    clock.advance(16 * 60)
    with pytest.raises(GuardianSessionError):
        core.reseal(session)
    assert not core.check_integrity().chat_allowed


def test_reseal_accepts_or_drops_what_was_tampered(core):
    core.settings.put("a", 1)
    core.settings.put("b", 1)
    raw_update(core, "a", "2")
    raw_update(core, "b", "5")
    session = core.pins.verify(PIN).session
    assert not core.check_integrity().chat_allowed
    # First accept, then tamper again and drop.
    assert core.reseal(session).chat_allowed
    assert core.settings.get("a") == 2
    raw_update(core, "b", "9")
    state = core.reseal(session, drop_tampered=True)
    assert state.chat_allowed
    assert core.settings.get("b", "default") == "default"
    assert core.settings.get("a") == 2
    resealed = core.audit.recent(1, kind=AuditKind.INTEGRITY_RESEALED)[0]
    assert resealed.detail["dropped_settings"] == ["b"]
    assert resealed.detail["reasons"] == ["settings_tampered"]


def test_reseal_with_a_new_key(core):
    core.settings.put("a", {"x": 1})
    old_key = core.secrets.settings_key()
    old_ledger_key = core.derived_key("limits.ledger")
    state = core.reseal(core.pins.verify(PIN).session, new_key=True)
    assert state.chat_allowed
    assert core.secrets.settings_key() != old_key
    assert core.derived_key("limits.ledger") != old_ledger_key
    assert core.settings.get("a") == {"x": 1}


def test_without_the_key_nothing_verifies(tmp_path, clock, core):
    core.settings.put("a", 1)
    store = SignedSettingsStore(core.db, lambda: None, core.audit, clock)
    assert store.read("a").status is SettingStatus.UNVERIFIABLE
    with pytest.raises(SettingsIntegrityError):
        store.get("a", 0)
    with pytest.raises(SettingsIntegrityError):
        store.put("a", 2)


def test_another_key_does_not_verify(core, clock):
    core.settings.put("a", 1)
    other = SignedSettingsStore(core.db, lambda: b"k" * 32, core.audit, clock)
    assert other.read("a").status is SettingStatus.TAMPERED


def test_derived_keys_are_stable_and_separate(core):
    assert core.derived_key("limits.ledger") == core.derived_key("limits.ledger")
    assert core.derived_key("limits.ledger") != core.derived_key("alerts")
    assert len(core.derived_key("x")) == 32
