"""Time rules in the signed settings: an edited limit fails closed (issue 3 tamper case)."""

import json
from datetime import date

from desktop.family_settings import FamilySettings
from desktop.guardian.audit import AuditLog
from desktop.guardian.settings_store import SignedSettingsStore
from desktop.limits.rules import TimeRules
from desktop.limits.signed_rules import SignedTimeRulesRepository

KEY = b"k" * 32


def _repo(db, clock):
    store = SignedSettingsStore(db, lambda: KEY, AuditLog(db, clock), clock)
    store.sign_all(KEY)  # what setup does: an empty, signed manifest
    return SignedTimeRulesRepository(db, FamilySettings(store))


def test_rules_round_trip_through_the_signed_store(memory_db, clock):
    repo = _repo(memory_db, clock)
    rules = TimeRules(daily_minutes=(30,) * 7)
    repo.save(1, rules, now=clock.now())
    assert repo.get(1).daily_minutes == (30,) * 7
    assert not repo.get(1).locked
    assert repo.get(2) == TimeRules()  # nothing set: the age-band defaults


def test_a_limit_edited_in_the_database_locks_the_chat(memory_db, clock):
    repo = _repo(memory_db, clock)
    repo.save(1, TimeRules(daily_minutes=(30,) * 7), now=clock.now())
    row = next(memory_db.query("select key, value from guardian_settings where key = 'limits.rules.1'"))
    edited = json.loads(row["value"])
    edited["daily_minutes"] = [1440] * 7
    memory_db.execute("update guardian_settings set value = ? where key = ?", [json.dumps(edited), row["key"]])
    rules = repo.get(1)
    assert rules.locked is True
    assert rules.daily_minutes != (1440,) * 7


def test_extension_is_signed_too(memory_db, clock):
    repo = _repo(memory_db, clock)
    repo.grant_extension(1, date(2026, 11, 26), 15, now=clock.now())
    assert repo.get(1).extensions
