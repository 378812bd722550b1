"""Retention (R26): history older than the guardian's limit goes; recent history stays."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus
from desktop.companion.retention import AUDIT_KIND, purge, purge_expired, retention_cutoff
from desktop.guardian.audit import Actor, AuditLog
from desktop.profiles.models import Language
from desktop.profiles.repository import ProfileRepository


@pytest.fixture
def repo(memory_db):
    return ConversationRepository(memory_db)


@pytest.fixture
def child(memory_db, clock):
    return ProfileRepository(memory_db).add_child("Lily", date(2016, 3, 1), Language.EN, now=clock.now())


def conversation(repo, child, when, texts=("hi", "hello")):
    conv = repo.start(child.id, "buddy", now=when)
    for i, text in enumerate(texts):
        role = Role.USER if i % 2 == 0 else Role.ASSISTANT
        repo.add_message(conv.id, role, text, MessageStatus.COMPLETE, now=when + timedelta(seconds=i))
    return conv


def ids(repo, child):
    return sorted(c.id for c in repo.for_profile(child.id))


def test_only_conversations_older_than_the_limit_are_removed(repo, child, clock, memory_db):
    now = clock.now()
    old = conversation(repo, child, now - timedelta(days=120))
    edge = conversation(repo, child, now - timedelta(days=89, hours=23))
    new = conversation(repo, child, now - timedelta(hours=1))
    assert purge_expired(repo, now, 90) == 1
    assert ids(repo, child) == sorted([edge.id, new.id])
    assert repo.count(old.id) == 0 and repo.count(new.id) == 2
    leftover = memory_db.execute("select count(*) from messages where conversation_id = ?", [old.id])
    assert leftover.fetchone()[0] == 0


def test_a_resumed_conversation_keeps_its_recent_messages(repo, child, clock):
    now = clock.now()
    conv = conversation(repo, child, now - timedelta(days=100), texts=("old question", "old answer"))
    repo.add_message(conv.id, Role.USER, "today's question", MessageStatus.SENT, now=now)
    report = purge(repo, now, 90)
    assert (report.messages, report.conversations) == (2, 0)
    assert [m.content for m in repo.all_messages(conv.id)] == ["today's question"]


def test_purge_is_audited_only_when_something_went(repo, child, clock, memory_db):
    audit = AuditLog(memory_db, clock)
    now = clock.now()
    assert purge_expired(repo, now, 30) == 0
    assert audit.recent(5, kind=AUDIT_KIND) == []
    conversation(repo, child, now - timedelta(days=31))
    assert purge_expired(repo, now, 30) == 1
    [event] = audit.recent(5, kind=AUDIT_KIND)
    assert event.actor is Actor.SYSTEM and event.at == now
    assert event.detail == {
        "retention_days": 30,
        "cutoff": (now - timedelta(days=30)).isoformat(),
        "messages": 2,
        "conversations": 1,
    }


def test_time_zone_offsets_are_compared_as_instants(repo, child, clock):
    # The cutoff is 2026-08-28T16:00+08:00. Each case below is one where comparing the stored
    # ISO strings would give the wrong answer.
    now = clock.now()
    cutoff = now - timedelta(days=90)
    # Expired by an hour, written at UTC+14: its text "…T21:00+14:00" sorts after the cutoff's.
    expired = conversation(repo, child, (cutoff - timedelta(hours=1)).astimezone(ZoneInfo("Pacific/Kiritimati")))
    # Young by an hour, written in UTC: its text "…T09:00+00:00" sorts before the cutoff's.
    young = conversation(repo, child, (cutoff + timedelta(hours=1)).astimezone(ZoneInfo("UTC")))
    assert expired.started_at.isoformat() > cutoff.isoformat()
    assert young.started_at.isoformat() < cutoff.isoformat()
    report = purge(repo, now, 90)
    assert (report.messages, report.conversations) == (2, 1)
    assert ids(repo, child) == [young.id]


def test_unreadable_timestamps_are_kept(repo, child, clock, memory_db):
    now = clock.now()
    conv = conversation(repo, child, now - timedelta(days=400))
    memory_db.execute("update messages set created_at = 'garbage' where conversation_id = ?", [conv.id])
    purge_expired(repo, now, 90)
    assert repo.count(conv.id) == 2


@pytest.mark.parametrize("days", [0, -1, 3651])
def test_limits_outside_the_allowed_range_are_refused(repo, clock, days):
    with pytest.raises(ValueError):
        purge_expired(repo, clock.now(), days)


def test_naive_now_is_refused():
    from datetime import datetime

    with pytest.raises(ValueError):
        retention_cutoff(datetime(2026, 1, 1), 90)
