"""History: time to first paint of a 100,000-message conversation ÷ a 100-message one (≤ 2).

Both conversations live in one real SQLite file; the chat view is built and shown offscreen and
the clock stops when its message list has painted once.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.companion.backends.base import Role  # noqa: E402
from desktop.companion.conversation import ConversationService  # noqa: E402
from desktop.companion.personas import load_catalogue, persona_by_id  # noqa: E402
from desktop.companion.repository import ConversationRepository  # noqa: E402
from desktop.profiles.models import Language  # noqa: E402
from desktop.profiles.repository import ProfileRepository  # noqa: E402
from desktop.storage import open_database  # noqa: E402
from tests.support.backends import ScriptedBackend  # noqa: E402
from tests.support.fake_clock import FakeClock  # noqa: E402
from ui.chat.view import ChatView  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))


class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def fill(db, conversation_id: int, n: int) -> None:
    rows = (
        {
            "conversation_id": conversation_id,
            "role": (Role.USER if i % 2 == 0 else Role.ASSISTANT).value,
            "content": f"Message number {i}: what a **lovely** day for a walk with the dog.",
            "status": "sent" if i % 2 == 0 else "complete",
            "created_at": "2026-11-01T10:00:00+08:00",
            "meta": "{}",
        }
        for i in range(n)
    )
    db["messages"].insert_all(rows, batch_size=5000)


def time_to_first_paint(app, repo, profile, conversation, clock) -> float:
    service = ConversationService(repo, profile, persona_by_id("buddy"), clock)
    service.open_session(conversation)
    start = time.perf_counter()
    view = ChatView(service, ScriptedBackend(), load_catalogue()[:4])
    probe = FirstPaint()
    view.list.viewport().installEventFilter(probe)
    view.resize(900, 700)
    view.show()
    while not probe.painted:
        app.processEvents()
    elapsed = time.perf_counter() - start
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    clock = FakeClock()
    db = open_database(Path(tempfile.mkdtemp(prefix="hearth-bench-")))
    profile = ProfileRepository(db).add_child("Bench", date(2015, 1, 1), Language.EN, now=clock.now())
    repo = ConversationRepository(db)
    small = repo.start(profile.id, "buddy", now=clock.now())
    large = repo.start(profile.id, "buddy", now=clock.now())
    fill(db, small.id, 100)
    fill(db, large.id, 100_000)
    time_to_first_paint(app, repo, profile, small, clock)  # warm-up (fonts, caches)
    t_small, t_large = [], []
    for _ in range(RUNS):
        t_small.append(time_to_first_paint(app, repo, profile, small, clock))
        t_large.append(time_to_first_paint(app, repo, profile, large, clock))
    s, lg = statistics.median(t_small), statistics.median(t_large)
    print(f"first paint, 100 messages     : {s:6.1f} ms (median of {RUNS})")
    print(f"first paint, 100,000 messages : {lg:6.1f} ms")
    print(f"ratio                         : {lg / s:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
