"""What the usage-ledger tests on a real database file share: the limits service wired the way
the app wires it, and a child chatting for a while. Kept in one place so the persistence and the
tamper tests drive the ledger identically and cannot drift apart."""

from __future__ import annotations

from desktop.limits.audit import SqliteAuditSink
from desktop.limits.clockguard import ClockGuard
from desktop.limits.service import LimitsService


def start_limits(db, clock, key, child, *, boot="boot-1"):
    """Start the limits service for ``child`` as the app does (audit sink, then the clock guard,
    then the service); returns the service and its audit sink."""
    audit = SqliteAuditSink(db, clock.now)
    guard = ClockGuard(db, clock, key, audit, boot_id=lambda: boot)
    guard.start()
    return LimitsService(db, child, guard, key, audit), audit


def chat(svc, clock, seconds):
    """Let ``seconds`` of chatting pass: a tick every 3 s and, every 30 s, fresh activity."""
    for i in range(int(seconds // 3)):
        clock.advance(3)
        if i % 10 == 0:
            svc.note_activity()
        else:
            svc.tick()
