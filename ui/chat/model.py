"""A Qt list model over the conversation repository that loads history lazily.

Only the newest page is read when a conversation opens; older pages are fetched by keyset when
the view scrolls to the top. Opening a 100,000-message conversation therefore reads the same
number of rows as opening a short one (benchmarks/bench_history.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.companion.backends.base import Role
from desktop.companion.repository import ConversationRepository, MessageStatus, StoredMessage

PAGE_SIZE = 60

ROLE_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
LIVE_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass
class ChatRow:
    id: int | None
    role: Role
    text: str
    status: MessageStatus
    live: bool = False


def _row(msg: StoredMessage) -> ChatRow:
    return ChatRow(msg.id, msg.role, msg.content, msg.status)


class MessageListModel(QAbstractListModel):
    def __init__(self, repo: ConversationRepository, parent=None):
        super().__init__(parent)
        self._repo = repo
        self._rows: list[ChatRow] = []
        self._conversation_id: int | None = None
        self._has_older = False

    # -- Qt API -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == ROLE_ROLE:
            return row.role.value
        if role == STATUS_ROLE:
            return row.status.value
        if role == ID_ROLE:
            return row.id
        if role == LIVE_ROLE:
            return row.live
        return None

    # -- loading ----------------------------------------------------------------------------
    def load(self, conversation_id: int | None) -> None:
        self.beginResetModel()
        self._conversation_id = conversation_id
        self._rows = []
        self._has_older = False
        if conversation_id is not None:
            page = self._repo.page_before(conversation_id, None, PAGE_SIZE)
            self._rows = [_row(m) for m in page]
            self._has_older = len(page) == PAGE_SIZE
        self.endResetModel()

    @property
    def conversation_id(self) -> int | None:
        return self._conversation_id

    @property
    def has_older(self) -> bool:
        return self._has_older

    def load_older(self) -> int:
        """Prepend the previous page; returns how many rows were added."""
        if not self._has_older or self._conversation_id is None:
            return 0
        first_id = next((r.id for r in self._rows if r.id is not None), None)
        page = self._repo.page_before(self._conversation_id, first_id, PAGE_SIZE)
        self._has_older = len(page) == PAGE_SIZE
        if not page:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(page) - 1)
        self._rows[0:0] = [_row(m) for m in page]
        self.endInsertRows()
        return len(page)

    # -- live updates -----------------------------------------------------------------------
    def append_stored(self, msg: StoredMessage) -> None:
        self._append(_row(msg))

    def start_live_reply(self) -> None:
        self._append(ChatRow(None, Role.ASSISTANT, "", MessageStatus.PARTIAL, live=True))

    def append_live_text(self, text: str, *, replace: bool = False) -> None:
        if not self._rows or not self._rows[-1].live:
            return
        row = self._rows[-1]
        row.text = text if replace else row.text + text
        idx = self.index(len(self._rows) - 1)
        self.dataChanged.emit(idx, idx)

    def live_text(self) -> str:
        return self._rows[-1].text if self._rows and self._rows[-1].live else ""

    def finish_live_reply(self, stored: StoredMessage | None) -> None:
        if not self._rows or not self._rows[-1].live:
            return
        last = len(self._rows) - 1
        if stored is None:
            self.beginRemoveRows(QModelIndex(), last, last)
            self._rows.pop()
            self.endRemoveRows()
            return
        self._rows[last] = _row(stored)
        idx = self.index(last)
        self.dataChanged.emit(idx, idx)

    def _append(self, row: ChatRow) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()
