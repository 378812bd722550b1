"""The main window: a stack of screens (profile picker, chat, and the screens other parts add).

It never builds core services itself; the composition root (``ui.app``) hands it a
:class:`ui.context.AppContext`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget

from desktop import meta
from desktop.companion.conversation import ConversationService
from desktop.companion.personas import DEFAULT_PERSONA_ID, personas_for
from ui.chat.view import ChatView
from ui.context import AppContext
from ui.profile_picker import ProfilePickerView


class MainWindow(QMainWindow):
    chat_opened = Signal(object)  # ChatView

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setMinimumSize(720, 560)
        self.resize(960, 720)
        icon = ctx.icon("hearth.svg")
        if icon is not None:
            self.setWindowIcon(QIcon(icon))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.picker = ProfilePickerView(self)
        self.picker.profile_chosen.connect(self.open_chat)
        self.stack.addWidget(self.picker)
        self.chat: ChatView | None = None
        self.retranslate_ui()
        self.show_picker()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("%1 — AI companion").replace("%1", meta.APP_NAME))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- screens ----------------------------------------------------------------------------
    def show_picker(self) -> None:
        self.picker.set_profiles(self.ctx.profiles.children())
        self.stack.setCurrentWidget(self.picker)

    def open_chat(self, profile_id: int) -> ChatView:
        profile = self.ctx.profiles.get_child(profile_id)
        today = self.ctx.clock.now().date()
        allowed = personas_for(profile.age(today) if not profile.minor_mode else min(profile.age(today), 17))
        persona = next((p for p in allowed if p.id == DEFAULT_PERSONA_ID), allowed[0])
        service = ConversationService(
            self.ctx.conversations, profile, persona, self.ctx.clock, seed=self.ctx.seed
        )
        latest = self.ctx.conversations.latest(profile.id)
        if latest is not None and latest.ended_at is None and latest.persona_id in {p.id for p in allowed}:
            service.persona = next(p for p in allowed if p.id == latest.persona_id)
            service.open_session(latest)
        else:
            service.open_session()
        self.close_chat()
        self.chat = ChatView(service, self.ctx.backend, allowed, parent=self)
        self.chat.session_ended.connect(self._on_session_ended)
        self.stack.addWidget(self.chat)
        self.stack.setCurrentWidget(self.chat)
        self.chat.input.setFocus()
        self._show_disclosure()
        self.chat_opened.emit(self.chat)
        return self.chat

    def close_chat(self) -> None:
        if self.chat is not None:
            self.chat.shutdown()
            self.stack.removeWidget(self.chat)
            self.chat.deleteLater()
            self.chat = None

    def _on_session_ended(self, reason: str) -> None:
        self.close_chat()
        self.show_picker()

    def _show_disclosure(self) -> None:
        """R2: at the start of each session, say plainly that this is an AI."""
        if self.ctx.quiet_disclosure:
            return
        box = QMessageBox(self)
        box.setObjectName("disclosureDialog")
        box.setWindowTitle(self.tr("Before you start"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("You are chatting with an AI — a computer program, not a real person."))
        box.setInformativeText(
            self.tr("It can be wrong. It will never ask where you live or for your passwords. "
                    "Your guardian can see a summary of your chats. If something worries you, talk to a trusted adult.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        self.disclosure = box

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.chat is not None:
            self.chat.end_chat("window_closed")
        event.accept()
