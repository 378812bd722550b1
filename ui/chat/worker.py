"""Streams one reply on a worker thread; the GUI thread only receives signals.

The worker never touches widgets or the database: it runs ``stream_filtered`` and emits text.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from desktop.companion.backends.base import BackendError, CancelToken, ChatBackend
from desktop.companion.conversation import OutputFilter, TurnPlan, stream_filtered


class ReplyWorker(QThread):
    piece_ready = Signal(str, bool)  # text, replaced-by-filter
    failed = Signal(str, str)  # BackendErrorKind value, detail
    filtered = Signal(str)  # reason

    def __init__(self, backend: ChatBackend, plan: TurnPlan, output_filter: OutputFilter | None, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.plan = plan
        self.output_filter = output_filter
        self.cancel_token = CancelToken()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            for piece in stream_filtered(self.backend, self.plan, self.cancel_token, self.output_filter):
                if piece.replaced:
                    self.filtered.emit(piece.reason or "")
                self.piece_ready.emit(piece.text, piece.replaced)
        except BackendError as exc:
            if not self.cancel_token.cancelled:
                self.failed.emit(exc.kind.value, exc.detail)
        except Exception as exc:  # a bug in a backend must not take the app down
            if not self.cancel_token.cancelled:
                self.failed.emit("internal", repr(exc))
