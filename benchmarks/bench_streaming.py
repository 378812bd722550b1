"""Streaming: the longest GUI event-loop stall while a loopback server streams 200 chunks/s.

A real OpenAI-compatible server on 127.0.0.1 streams 2,000 chunks (10 s at 200/s) into the chat
view through the real client, worker thread and model. A 5 ms QTimer heartbeat on the GUI thread
records the longest gap between beats (target ≤ 50 ms); the same heartbeat with no stream running
is the baseline.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.companion.backends.openai_compat import OpenAICompatBackend  # noqa: E402
from desktop.companion.conversation import ConversationService  # noqa: E402
from desktop.companion.personas import load_catalogue, persona_by_id  # noqa: E402
from desktop.companion.repository import ConversationRepository  # noqa: E402
from desktop.profiles.models import Language  # noqa: E402
from desktop.profiles.repository import ProfileRepository  # noqa: E402
from desktop.storage import open_memory_database  # noqa: E402
from tests.support.fake_clock import FakeClock  # noqa: E402
from tests.support.sse_server import OpenAIStreamServer, StreamReply  # noqa: E402
from ui.chat.view import ChatView  # noqa: E402

CHUNKS = int(os.environ.get("BENCH_CHUNKS", "2000"))
RATE = 200.0


class Heartbeat:
    def __init__(self, interval_ms: int = 5):
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.last = None
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = None
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest * 1000


def spin(app, seconds: float, until=lambda: False) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and not until():
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    clock = FakeClock()
    db = open_memory_database()
    profile = ProfileRepository(db).add_child("Bench", date(2015, 1, 1), Language.EN, now=clock.now())
    service = ConversationService(ConversationRepository(db), profile, persona_by_id("buddy"), clock)
    service.open_session()
    pieces = [f"word{i} " + ("and more. " if i % 12 == 11 else "") for i in range(CHUNKS)]
    with OpenAIStreamServer(chat=StreamReply(pieces=pieces, interval=1 / RATE)) as server:
        backend = OpenAICompatBackend(server.base_url, "bench-model")
        view = ChatView(service, backend, load_catalogue()[:4])
        view.resize(900, 700)
        view.show()
        beat = Heartbeat()
        beat.start()
        spin(app, 3.0)
        baseline = beat.stop()
        beat.start()
        started = time.perf_counter()
        view.input.setPlainText("tell me a long story")
        view.send()
        spin(app, CHUNKS / RATE * 3 + 10, until=lambda: not view.busy)
        streaming = beat.stop()
        elapsed = time.perf_counter() - started
        received = len(view.service.repo.all_messages(view.service.conversation.id)[-1].content.split())
        view.close()
    print(f"chunks streamed         : {CHUNKS} at {RATE:.0f}/s in {elapsed:.1f} s ({received} words stored)")
    print(f"longest stall, idle     : {baseline:5.1f} ms (baseline)")
    print(f"longest stall, streaming: {streaming:5.1f} ms (target <= 50)")
    print(f"ratio streaming / idle  : {streaming / max(baseline, 0.001):.2f}")


if __name__ == "__main__":
    main()
