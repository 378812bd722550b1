"""AlertService and the outbox: atomic writes, idempotency, the R15 excerpt opt-in, the inbox."""

from __future__ import annotations

import enum
import sqlite3
from datetime import date

import pytest

from desktop.alerts import (
    AlertCategory,
    AlertService,
    DeliveryStatus,
    DesktopChannelConfig,
    SmtpChannelConfig,
    WebhookChannelConfig,
)
from desktop.profiles.models import ChildProfile, Language

LILY = ChildProfile(id=1, display_name="Lily", birthday=date(2015, 3, 1), language=Language.EN)
MING = ChildProfile(id=2, display_name="小明", birthday=date(2012, 5, 5), language=Language.ZH)

CHANNELS = [
    DesktopChannelConfig(),
    SmtpChannelConfig(
        host="smtp.example.org", port=587, sender="h@example.org", recipients=("m@example.org",)
    ),
    WebhookChannelConfig(url="https://ntfy.example.org/family", channel_id="phone"),
    WebhookChannelConfig(url="https://example.org/off", channel_id="off", enabled=False),
]


@pytest.fixture
def wakes():
    return []


@pytest.fixture
def service(memory_db, clock, wakes):
    return AlertService(memory_db, clock, CHANNELS, wake=lambda: wakes.append(1))


def test_raise_writes_the_alert_and_one_delivery_per_enabled_channel(service, clock, wakes):
    alert = service.raise_alert(LILY, AlertCategory.SELF_HARM, 3)
    assert (alert.category, alert.tier, alert.profile_id, alert.child_name) == (
        "self_harm",
        3,
        1,
        "Lily",
    )
    assert alert.created_at == clock.now()
    assert alert.idempotency_key.startswith("hearth-")
    deliveries = service.deliveries(alert.id)
    assert [d.channel_id for d in deliveries] == ["desktop", "email", "phone"]  # not "off"
    assert {d.status for d in deliveries} == {DeliveryStatus.PENDING}
    assert all(d.next_attempt_at == clock.now() and d.attempts == 0 for d in deliveries)
    assert wakes == [1]  # the dispatcher thread is told at once


def test_same_idempotency_key_is_one_alert(service, memory_db, wakes):
    first = service.raise_alert(LILY, "self_harm", 3, idempotency_key="message-42")
    again = service.raise_alert(LILY, "self_harm", 3, idempotency_key="message-42")
    assert again == first
    assert memory_db["alerts"].count == 1
    assert memory_db["alert_deliveries"].count == 3
    assert wakes == [1]


def test_the_outbox_write_is_atomic(service, memory_db):
    # A real constraint failure half-way (a trigger refusing one channel) must leave no alert.
    memory_db.execute(
        "create trigger refuse_phone before insert on alert_deliveries"
        " when new.channel_id = 'phone' begin select raise(abort, 'refused'); end"
    )
    with pytest.raises(sqlite3.IntegrityError):
        service.raise_alert(LILY, "distress", 2)
    assert memory_db["alerts"].count == 0
    assert memory_db["alert_deliveries"].count == 0


def test_excerpt_is_dropped_unless_the_guardian_opted_in_r15(memory_db, clock):
    default = AlertService(memory_db, clock, CHANNELS)
    assert default.include_excerpts is False
    assert default.raise_alert(LILY, "distress", 2, excerpt="I feel awful").excerpt is None

    opted_in = AlertService(memory_db, clock, CHANNELS, include_excerpts=True)
    alert = opted_in.raise_alert(LILY, "distress", 2, excerpt="  I feel\nawful\x00 " + "x" * 400)
    assert alert.excerpt.startswith("I feel awful ")
    assert len(alert.excerpt) == 200 and alert.excerpt.endswith("…")
    assert opted_in.inbox()[0].excerpt == alert.excerpt


def test_categories_from_other_modules_and_new_slugs_are_accepted(service):
    class SafetyLabel(enum.StrEnum):  # how desktop/safety may spell its labels
        FINANCIAL = "financial"

    assert service.raise_alert(LILY, SafetyLabel.FINANCIAL, 3).category == AlertCategory.FINANCIAL
    assert service.raise_alert(None, "settings_tamper", 2).category == "settings_tamper"
    with pytest.raises(ValueError):
        service.raise_alert(LILY, "Not A Slug!", 2)


@pytest.mark.parametrize("tier", [0, 4, True, "3", 2.0])
def test_tier_must_be_1_to_3(service, tier):
    with pytest.raises(ValueError):
        service.raise_alert(LILY, "distress", tier)


def test_inbox_is_newest_first_filterable_and_acknowledgeable(service, clock):
    a = service.raise_alert(LILY, "distress", 2)
    clock.advance(60)
    b = service.raise_alert(MING, "self_harm", 3)
    clock.advance(60)
    c = service.raise_alert(LILY, "dependence", 1)
    assert [x.id for x in service.inbox()] == [c.id, b.id, a.id]
    assert [x.id for x in service.inbox(profile_id=LILY.id)] == [c.id, a.id]
    assert service.unacknowledged_count() == 3

    clock.advance(30)
    acked = service.acknowledge(b.id, by="Mum")
    assert acked.acknowledged and acked.acknowledged_by == "Mum"
    assert acked.acknowledged_at == clock.now()
    clock.advance(30)
    assert service.acknowledge(b.id, by="Dad").acknowledged_by == "Mum"  # first one stands
    assert [x.id for x in service.inbox(unacknowledged_only=True)] == [c.id, a.id]
    assert service.unacknowledged_count() == 2
    # The local inbox is the outbox row itself: acknowledging does not touch deliveries.
    assert len(service.deliveries(b.id)) == 3


def test_alerts_outlive_a_deleted_profile(memory_db, clock):
    from desktop.profiles.repository import ProfileRepository

    repo = ProfileRepository(memory_db)
    child = repo.add_child("Ana", date(2014, 1, 1), Language.EN, now=clock.now())
    service = AlertService(memory_db, clock, CHANNELS)
    alert = service.raise_alert(child, "self_harm", 3)
    repo.remove_child(child.id)
    assert service.inbox()[0].child_name == "Ana" == alert.child_name


def test_no_channels_still_records_the_inbox_entry(memory_db, clock):
    service = AlertService(memory_db, clock, [])
    alert = service.raise_alert(LILY, "self_harm", 3)
    assert service.inbox() == [alert]
    assert service.deliveries(alert.id) == []


def test_every_safety_category_has_a_guardian_label():
    from desktop.alerts.render import category_label
    from desktop.safety.categories import RISK_CATEGORIES

    for category in RISK_CATEGORIES:
        if category.value == "exit":
            continue  # leaving the chat is never an alert
        for lang in Language:
            assert category_label(category, lang) != category.value, category
