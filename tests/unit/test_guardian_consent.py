"""Recorded consent (R13 service, R25 training) and the versioned notices behind it."""

from datetime import date, timedelta

import pytest

from desktop.guardian.audit import AuditKind, AuditLog
from desktop.guardian.consent import ConsentError, ConsentGiver, ConsentRepository
from desktop.guardian.notices import (
    ConsentKind,
    UnknownNoticeError,
    check_version,
    current_notice_version,
    load_notice,
    notice_versions,
)
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository


@pytest.fixture
def repo(memory_db, clock):
    return ConsentRepository(memory_db, AuditLog(memory_db, clock))


def add_child(db, clock, age_years):
    today = clock.now().date()
    birthday = date(today.year - age_years, 1, 1)
    return ProfileRepository(db).add_child("Kid", birthday, Language.EN, now=clock.now())


def test_notices_exist_in_both_languages():
    for kind in ConsentKind:
        version = current_notice_version(kind)
        assert version == f"{kind.value}-v1"
        assert notice_versions(kind) == [version]
        for lang in Language:
            notice = load_notice(version, lang)
            assert notice.kind is kind and notice.language is lang
            assert version in notice.text  # the text names its own version
            assert len(notice.text) > 300


def test_notices_do_not_nudge():
    for kind in ConsentKind:
        text = load_notice(current_notice_version(kind), Language.EN).text.lower()
        for nudge in ("recommended", "most parents", "don't miss", "limited time"):
            assert nudge not in text
    training = load_notice("training-v1", Language.EN).text
    assert "off" in training and "separate" in training


@pytest.mark.parametrize("version", ["service-v9", "training-v1x", "nonsense", "", "service-v0"])
def test_unknown_versions_are_refused(version):
    with pytest.raises(UnknownNoticeError):
        check_version(ConsentKind.SERVICE, version)


def test_a_training_notice_does_not_cover_service():
    with pytest.raises(UnknownNoticeError):
        check_version(ConsentKind.SERVICE, "training-v1")


def test_under_14_cannot_chat_until_the_guardian_consents(repo, memory_db, clock):
    child = add_child(memory_db, clock, 9)
    today = clock.now().date()
    assert repo.chat_needs_consent(child, today)
    record = repo.record(child.id, ConsentKind.SERVICE, "Li Wei", "service-v1", clock.now())
    assert record.given_by == "Li Wei" and record.notice_version == "service-v1"
    assert record.given_at == clock.now() and record.giver is ConsentGiver.GUARDIAN
    assert not repo.chat_needs_consent(child, today)
    assert repo.audit.recent(1, kind=AuditKind.CONSENT_GIVEN)


def test_fourteen_and_over_need_no_recorded_consent(repo, memory_db, clock):
    child = add_child(memory_db, clock, 15)
    assert not repo.chat_needs_consent(child, clock.now().date())


def test_withdrawal_closes_the_chat_at_once_and_keeps_history(repo, memory_db, clock):
    child = add_child(memory_db, clock, 10)
    repo.record(child.id, ConsentKind.SERVICE, "Li Wei", "service-v1", clock.now())
    clock.advance(3600)
    closed = repo.withdraw(child.id, ConsentKind.SERVICE, by="Li Wei", at=clock.now())
    assert closed.withdrawn_at == clock.now() and not closed.active
    assert repo.chat_needs_consent(child, clock.now().date())
    assert repo.withdraw(child.id, ConsentKind.SERVICE, by="Li Wei", at=clock.now()) is None
    assert len(repo.history(child.id)) == 1
    assert repo.audit.recent(1, kind=AuditKind.CONSENT_WITHDRAWN)


def test_a_new_consent_supersedes_the_old_one(repo, memory_db, clock):
    child = add_child(memory_db, clock, 10)
    repo.record(child.id, ConsentKind.SERVICE, "Li Wei", "service-v1", clock.now())
    repo.record(child.id, ConsentKind.SERVICE, "Zhang Min", "service-v1", clock.now())
    first, second = repo.history(child.id)
    assert not first.active and first.withdrawn_by.startswith("superseded")
    assert second.active and repo.current(child.id, ConsentKind.SERVICE) == second


def test_training_is_separate_and_off_by_default(repo, memory_db, clock):
    child = add_child(memory_db, clock, 12)
    repo.record(child.id, ConsentKind.SERVICE, "Li Wei", "service-v1", clock.now())
    assert not repo.training_allowed(child.id)
    with pytest.raises(ConsentError) as info:
        repo.record(
            child.id,
            ConsentKind.TRAINING,
            "Kid",
            "training-v1",
            clock.now(),
            giver=ConsentGiver.SELF,
        )
    assert info.value.key == "giver"
    repo.record(child.id, ConsentKind.TRAINING, "Li Wei", "training-v1", clock.now())
    assert repo.training_allowed(child.id)
    assert repo.has_consent(child.id, ConsentKind.SERVICE)  # untouched by the training one


def test_a_teenager_may_consent_to_training_themselves(repo, memory_db, clock):
    child = add_child(memory_db, clock, 16)
    record = repo.record(
        child.id, ConsentKind.TRAINING, "Tom", "training-v1", clock.now(), giver=ConsentGiver.SELF
    )
    assert record.giver is ConsentGiver.SELF


def test_the_age_is_taken_at_the_time_of_consent(repo, memory_db, clock):
    today = clock.now().date()
    birthday = date(today.year - 14, today.month, today.day) + timedelta(days=1)
    child = ProfileRepository(memory_db).add_child("Kid", birthday, Language.EN, now=clock.now())
    with pytest.raises(ConsentError):
        repo.record(
            child.id,
            ConsentKind.TRAINING,
            "Kid",
            "training-v1",
            clock.now(),
            giver=ConsentGiver.SELF,
        )


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("given_by", {"given_by": "  "}),
        ("notice_version", {"notice_version": "service-v7"}),
        ("profile_id", {"profile_id": 999}),
    ],
)
def test_bad_records_are_refused(repo, memory_db, clock, field, kwargs):
    child = add_child(memory_db, clock, 10)
    args = {
        "profile_id": child.id,
        "kind": ConsentKind.SERVICE,
        "given_by": "Li Wei",
        "notice_version": "service-v1",
        "at": clock.now(),
    } | kwargs
    with pytest.raises(ConsentError) as info:
        repo.record(**args)
    assert info.value.key == field
    assert repo.history() == []


def test_removing_a_child_removes_its_consents(repo, memory_db, clock):
    child = add_child(memory_db, clock, 10)
    repo.record(child.id, ConsentKind.SERVICE, "Li Wei", "service-v1", clock.now())
    ProfileRepository(memory_db).remove_child(child.id)
    assert repo.history() == []
