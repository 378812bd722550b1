"""The chat screen: the AI label, the message list, the input and the controls.

The view drives one :class:`ConversationService` on the GUI thread and one
:class:`ReplyWorker` at a time for streaming. It raises signals for everything that leaves the
chat (lock screen, crisis card, session end), so the main window decides what to show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.companion.backends.base import ChatBackend
from desktop.companion.conversation import ConversationService, TurnPlan
from desktop.companion.events import (
    AiRedisclosureDue,
    ChatLocked,
    ChildWarned,
    InterventionStarted,
    InvisibleCharactersRemoved,
    SessionEnded,
)
from desktop.companion.input import InputError
from desktop.companion.personas import Persona
from desktop.companion.repository import MessageStatus, StoredMessage
from ui import messages
from ui.chat.delegate import MessageDelegate
from ui.chat.input_box import MessageInput
from ui.chat.model import ID_ROLE, ROLE_ROLE, MessageListModel
from ui.chat.worker import ReplyWorker
from ui.widgets.ai_label import AiIdentityLabel


class ChatView(QWidget):
    locked = Signal(object)  # ChatLocked
    session_ended = Signal(str)  # reason
    crisis_requested = Signal()
    crisis_intervention = Signal()  # tier 3: the AI stops, the crisis screen takes over (R19)
    redisclosure_requested = Signal(str)  # source
    persona_changed = Signal(str)
    report_requested = Signal(int)  # message id (R27)
    complaint_requested = Signal()
    supervision_info_requested = Signal()
    reply_finished = Signal(str)  # MessageStatus value
    appeal_requested = Signal()  # R16
    leave_minor_mode_requested = Signal()  # R10: needs the PIN
    enter_minor_mode_requested = Signal()  # R10: one click

    def __init__(
        self,
        service: ConversationService,
        backend: ChatBackend,
        personas: list[Persona],
        *,
        output_filter_factory: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service = service
        self.backend = backend
        self.personas = personas
        self.output_filter_factory = output_filter_factory
        self.worker: ReplyWorker | None = None
        self._retry_message: StoredMessage | None = None
        self._build()
        self.retranslate_ui()
        self.model.load(service.conversation.id if service.conversation else None)
        self._scroll_to_bottom()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.ai_label = AiIdentityLabel(self)
        self.persona_box = QComboBox(self)
        for p in self.personas:
            self.persona_box.addItem(p.name(self.service.lang), p.id)
        idx = self.persona_box.findData(self.service.persona.id)
        self.persona_box.setCurrentIndex(max(idx, 0))
        self.persona_box.currentIndexChanged.connect(self._on_persona_changed)
        self.supervision_button = QPushButton(self)
        self.supervision_button.setObjectName("supervisionBadge")
        self.supervision_button.clicked.connect(self.supervision_info_requested)
        self.help_button = QPushButton(self)
        self.help_button.setObjectName("crisisButton")
        self.help_button.clicked.connect(self.crisis_requested)
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("endChatButton")
        self.end_button.clicked.connect(lambda: self.end_chat("end_button"))
        self.complaint_button = QPushButton(self)
        self.complaint_button.clicked.connect(self.complaint_requested)
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreButton")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.appeal_action = self.more_menu.addAction("")
        self.appeal_action.triggered.connect(self.appeal_requested)
        self.minor_mode_action = self.more_menu.addAction("")
        self.minor_mode_action.triggered.connect(self.leave_minor_mode_requested)
        self.minor_mode_action.setVisible(self.service.profile.minor_mode)
        self.enter_minor_action = self.more_menu.addAction("")
        self.enter_minor_action.triggered.connect(self.enter_minor_mode_requested)
        self.enter_minor_action.setVisible(not self.service.profile.minor_mode)
        self.more_button.setMenu(self.more_menu)

        top = QHBoxLayout()
        self.persona_caption = QLabel(self)
        self.persona_caption.setBuddy(self.persona_box)
        top.addWidget(self.persona_caption)
        top.addWidget(self.persona_box)
        top.addStretch(1)
        top.addWidget(self.supervision_button)
        top.addWidget(self.complaint_button)
        top.addWidget(self.help_button)
        top.addWidget(self.end_button)
        top.addWidget(self.more_button)

        self.model = MessageListModel(self.service.repo, self)
        self.list = QListView(self)
        self.list.setObjectName("messageList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(MessageDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._message_menu)
        self.list.verticalScrollBar().valueChanged.connect(self._maybe_load_older)

        self.notice = QLabel(self)
        self.notice.setObjectName("chatNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()

        self.input = MessageInput(self)
        self.input.paste_refused.connect(lambda limit: self.show_notice(messages.input_error("too_long", limit)))
        self.input.setObjectName("messageInput")
        self.input.setMaximumHeight(90)
        self.input.setTabChangesFocus(True)
        self.input.installEventFilter(self)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.input, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        bottom.addLayout(buttons)

        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.retry_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.ai_label)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(notice_row)
        layout.addLayout(bottom)
        self._layout = layout
        QShortcut(QKeySequence("Escape"), self, activated=self.stop)

    def retranslate_ui(self) -> None:
        self.persona_caption.setText(self.tr("&Companion:"))
        self.persona_box.setAccessibleName(self.tr("Choose companion"))
        for i, p in enumerate(self.personas):
            self.persona_box.setItemText(i, p.name(self.service.lang))
            self.persona_box.setItemData(i, p.description(self.service.lang), Qt.ItemDataRole.ToolTipRole)
        self.supervision_button.setText(self.tr("Supervision is on"))
        self.supervision_button.setToolTip(self.tr("See what your guardian can see"))
        self.help_button.setText(self.tr("Need help now?"))
        self.help_button.setAccessibleName(self.tr("Open the help and hotlines card"))
        self.end_button.setText(self.tr("End chat"))
        self.complaint_button.setText(self.tr("Report a problem"))
        self.more_button.setText(self.tr("More"))
        self.more_button.setAccessibleName(self.tr("More options"))
        self.appeal_action.setText(self.tr("I am an adult…"))
        self.minor_mode_action.setText(self.tr("Leave minor mode (guardian PIN)…"))
        self.enter_minor_action.setText(self.tr("Turn on minor mode"))
        self.input.setPlaceholderText(self.tr("Type a message… (Enter sends, Shift+Enter for a new line)"))
        self.input.setAccessibleName(self.tr("Message"))
        self.send_button.setText(self.tr("Send"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the reply"))
        self.retry_button.setText(self.tr("Retry"))
        self.list.setAccessibleName(self.tr("Conversation"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.input and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.send()
                return True
        return super().eventFilter(obj, event)

    def add_banner_area(self, widget: QWidget) -> None:
        """Reminder banners go between the controls and the messages, where a child looks."""
        self._layout.insertWidget(self._layout.indexOf(self.list), widget)

    def add_above_input(self, widget: QWidget) -> None:
        """The final-minute countdown sits right above the input box."""
        self._layout.insertWidget(self._layout.count() - 1, widget)

    # -- sending ----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.worker is not None

    def send(self) -> None:
        if self.busy:
            return
        text = self.input.toPlainText()
        try:
            plan = self.service.begin_turn(text)
        except InputError as exc:
            self.show_notice(messages.input_error(exc.key, exc.limit))
            return
        self.hide_notice()
        if self.model.conversation_id != (self.service.conversation.id if self.service.conversation else None):
            self.model.load(self.service.conversation.id)
        if plan.user_message is not None:
            self.input.clear()
            self.model.append_stored(plan.user_message)
        self._handle_events(plan)
        if plan.notice is not None:
            self.model.append_stored(plan.notice)
        self._scroll_to_bottom()
        if plan.call_model:
            self._start_worker(plan)

    def retry(self) -> None:
        if self.busy or self._retry_message is None:
            return
        plan = self.service.retry_plan(self._retry_message)
        self.hide_notice()
        self._handle_events(plan)
        if plan.call_model:
            self._start_worker(plan)

    def _handle_events(self, plan: TurnPlan) -> None:
        for event in plan.events:
            if isinstance(event, ChatLocked):
                self.locked.emit(event)
            elif isinstance(event, SessionEnded):
                self.session_ended.emit(event.reason)
            elif isinstance(event, InterventionStarted) and event.tier >= 3:
                self.crisis_intervention.emit()
            elif isinstance(event, InterventionStarted) and event.show_crisis_card:
                self.crisis_requested.emit()
            elif isinstance(event, ChildWarned):
                self.show_notice(event.text)
            elif isinstance(event, AiRedisclosureDue):
                self.redisclosure_requested.emit(event.source)
            elif isinstance(event, InvisibleCharactersRemoved):
                self.show_notice(self.tr("Some invisible characters were removed from your message."))

    def _start_worker(self, plan: TurnPlan) -> None:
        output_filter = self.output_filter_factory() if self.output_filter_factory else None
        self.worker = ReplyWorker(self.backend, plan, output_filter, self)
        self.worker.piece_ready.connect(self._on_piece)
        self.worker.failed.connect(self._on_failed)
        self.worker.filtered.connect(self._on_filtered)
        self.worker.finished.connect(self._on_worker_finished)
        self._retry_message = plan.user_message
        self._failed = False
        self._replaced = False
        self._cut_reason: str | None = None
        self._filter_reason: str | None = None
        self.model.start_live_reply()
        self.stop_button.setEnabled(True)
        self.send_button.setEnabled(False)
        self.retry_button.hide()
        self.worker.start()

    def _on_piece(self, text: str, replaced: bool) -> None:
        if self.worker is None or self.worker.cancel_token.cancelled and not replaced:
            return
        if replaced:
            self._replaced = True
            self.model.append_live_text(text, replace=True)
        else:
            self.model.append_live_text(text)
        self._scroll_to_bottom()

    def _on_filtered(self, reason: str) -> None:
        self._filter_reason = reason  # stored with the reply: the filter's log (R4, R21...)

    def _on_failed(self, kind: str, detail: str) -> None:
        self._failed = True
        self.show_notice(messages.backend_error(kind))
        self.retry_button.show()

    def _on_worker_finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        text = self.model.live_text()
        if self._cut_reason == "exit":
            self.model.finish_live_reply(None)
        elif self._failed:
            stored = self.service.finish_turn(text, MessageStatus.PARTIAL) if text else None
            self.model.finish_live_reply(stored)
        else:
            if self._replaced:
                status = MessageStatus.BLOCKED
            elif worker.cancel_token.cancelled:
                status = MessageStatus.PARTIAL
            else:
                status = MessageStatus.COMPLETE
                self._retry_message = None
            meta = {k: v for k, v in (("cut", self._cut_reason), ("filtered", self._filter_reason)) if v} or None
            stored = self.service.finish_turn(text, status, meta=meta)
            self.model.finish_live_reply(stored)
            self.reply_finished.emit(status.value)
        self.stop_button.setEnabled(False)
        self.send_button.setEnabled(True)
        self.input.setFocus()

    # -- stopping ---------------------------------------------------------------------------
    def stop(self, reason: str = "stop_button") -> None:
        """Stop the reply; what arrived so far is kept as a partial reply."""
        if self.worker is not None:
            self._cut_reason = reason
            self.worker.cancel()

    def stop_and_wait(self, reason: str, timeout_ms: int = 3000) -> None:
        if self.worker is not None:
            worker = self.worker
            self.stop(reason)
            worker.wait(timeout_ms)
            self._on_worker_finished()

    def end_chat(self, reason: str) -> None:
        """R22: end at once; nothing more from the AI is rendered."""
        if self.worker is not None:
            self._cut_reason = "exit"
            worker = self.worker
            worker.cancel()
            worker.wait(3000)
            self._on_worker_finished()
        self.service.end_session(reason)
        self.session_ended.emit(reason)

    # -- misc -------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
        self.retry_button.hide()

    def _scroll_to_bottom(self) -> None:
        QTimer.singleShot(0, self.list, self.list.scrollToBottom)

    def _maybe_load_older(self, value: int) -> None:
        if value == 0 and self.model.has_older:
            bar = self.list.verticalScrollBar()
            before = bar.maximum()
            if self.model.load_older():
                QTimer.singleShot(0, bar, lambda: bar.setValue(bar.maximum() - before))

    def _on_persona_changed(self, index: int) -> None:
        persona_id = self.persona_box.itemData(index)
        persona = next((p for p in self.personas if p.id == persona_id), None)
        if persona is None or persona.id == self.service.persona.id:
            return
        self.stop_and_wait("persona_changed")
        self.service.end_session("persona_changed")
        self.service.persona = persona
        self.service.open_session()
        self.model.load(self.service.conversation.id)
        self.persona_changed.emit(persona.id)

    def _message_menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid() or index.data(ROLE_ROLE) != "assistant" or index.data(ID_ROLE) is None:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Report this message…"))
        action.triggered.connect(lambda: self.report_requested.emit(int(index.data(ID_ROLE))))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def shutdown(self) -> None:
        if self.worker is not None:
            self.stop_and_wait("window_closed")
