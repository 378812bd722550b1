"""The main window: a stack of screens, and the decisions about which one a child sees.

Order of checks when a child opens the chat (fail closed at every step):
integrity of the guardian's settings → guardian consent for under-14s (R13) → time limits (R11).
The help card (R20) is reachable from every screen. The window never builds core services
itself; the composition root (``ui.app``) hands it an :class:`AppContext`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from desktop import meta
from desktop.resources import resource_path
from ui.profile_picker import ProfilePickerView

if TYPE_CHECKING:  # the window is shown before the services exist (see ``attach``)
    from PySide6.QtGui import QCloseEvent

    from desktop.profiles.models import ChildProfile
    from ui.context import AppContext


class MainWindow(QMainWindow):
    chat_opened = Signal(object)  # ChatView
    screen_changed = Signal(str)  # object name of the visible screen

    def __init__(self, ctx: AppContext | None = None):
        """Build the screens. Without ``ctx`` the window can already be shown (the picker
        stays disabled); ``attach`` hands it the services once they are built."""
        super().__init__()
        self.ctx = None
        self.setObjectName("mainWindow")
        self.setMinimumSize(720, 560)
        self.resize(960, 720)
        icon = resource_path("icons", "hearth.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.picker = ProfilePickerView(self)
        self.picker.profile_chosen.connect(self.open_chat)
        self.picker.guardian_requested.connect(self.open_panel)
        self.picker.help_requested.connect(self.show_crisis_card)
        self.picker.language_chosen.connect(self.set_language)
        self.stack.addWidget(self.picker)
        self._integrity_view = None
        self._consent_view = None
        self.session = None  # ui.child_session.ChildSession while a child chats
        self.wizard = None
        self.background_timer = QTimer(self)
        self.background_timer.setSingleShot(True)
        self.background_timer.setInterval(150)
        self.retention_timer = QTimer(self)
        self.retention_timer.setInterval(6 * 3600 * 1000)
        self.tray = None
        self.retranslate_ui()
        if ctx is not None:
            self.attach(ctx)
        else:
            self.picker.set_ready(False)  # no chat or panel before the checks run; help works

    def attach(self, ctx: AppContext) -> None:
        """Take the services, then start the background work that may wait for the window."""
        self.ctx = ctx
        self.picker.set_ready(True)
        if ctx.background_start is not None:
            self.background_timer.timeout.connect(ctx.background_start)
            self.background_timer.start()
        if ctx.guardian is not None:
            from ui.app import apply_retention

            self.retention_timer.timeout.connect(lambda: apply_retention(ctx))
            self.retention_timer.start()

    # The gate screens are built when first needed: most starts never show them.
    @property
    def integrity_view(self):
        if self._integrity_view is None:
            from ui.gate_views import IntegrityLockView

            view = IntegrityLockView(self)
            view.unlock_requested.connect(self._unlock_integrity)
            view.help_requested.connect(self.show_crisis_card)
            self.stack.addWidget(view)
            self._integrity_view = view
        return self._integrity_view

    @property
    def consent_view(self):
        if self._consent_view is None:
            from ui.gate_views import ConsentNeededView

            view = ConsentNeededView(self)
            view.back_requested.connect(self.show_picker)
            view.guardian_requested.connect(self.open_panel)
            view.help_requested.connect(self.show_crisis_card)
            self.stack.addWidget(view)
            self._consent_view = view
        return self._consent_view

    @property
    def chat(self):
        """The open ChatView, if a child is chatting."""
        return self.session.chat if self.session is not None else None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("%1 — AI companion").replace("%1", meta.APP_NAME))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """Switch the interface language while the app runs (every screen retranslates)."""
        from PySide6.QtWidgets import QApplication

        from ui.i18n import current_language, install_translators

        if lang != current_language():  # a switch retranslates every widget: only when needed
            install_translators(QApplication.instance(), lang)
        self.picker.set_language(lang)

    # -- start --------------------------------------------------------------------------------
    def start(self) -> None:
        """First screen: the setup wizard, the integrity lock, or the profile picker."""
        guardian = self.ctx.guardian
        if guardian is None:
            self.show_picker()
            return
        state = guardian.check_integrity()
        if state.status.value == "needs_setup":
            self.show_setup()
        elif not state.chat_allowed:
            self.show_integrity_lock(state)
        else:
            self.show_picker()

    def _show(self, widget) -> None:
        self.stack.setCurrentWidget(widget)
        self.screen_changed.emit(widget.objectName())

    def show_picker(self) -> None:
        self.close_chat("profile_switch")
        self.picker.set_profiles(self.ctx.profiles.children())
        self._show(self.picker)

    def show_setup(self) -> None:
        from ui.setup.wizard import SetupWizard

        self.wizard = SetupWizard(self.ctx.guardian, parent=self)
        self.wizard.family_created.connect(lambda _outcome: self.start())
        self.wizard.rejected.connect(self._setup_cancelled)
        self.wizard.open()

    def _setup_cancelled(self) -> None:
        if self.ctx.guardian.check_integrity().status.value == "needs_setup":
            self.close()

    def show_integrity_lock(self, state) -> None:
        self.close_chat("integrity_locked")
        self.integrity_view.show_state(state)
        self._show(self.integrity_view)

    def _unlock_integrity(self) -> None:
        from ui.parental.pin_dialog import PinDialog

        guardian = self.ctx.guardian
        session = PinDialog.ask(self, guardian, self.tr("Enter the guardian PIN to review and accept the current settings."))
        if session is None:
            return
        state = guardian.reseal(session, drop_tampered=True)
        if state.chat_allowed:
            self.show_picker()
        else:
            self.show_integrity_lock(state)

    # -- chat ---------------------------------------------------------------------------------
    def open_chat(self, profile_id: int):
        from ui.child_session import ChildSession

        guardian = self.ctx.guardian
        profile = self.ctx.profiles.get_child(profile_id)
        if guardian is not None:
            state = guardian.check_integrity()
            if not state.chat_allowed:
                self.show_integrity_lock(state)
                return None
            if guardian.consents.chat_needs_consent(profile, self.ctx.clock.now().date()):
                self.consent_view.show_for(profile)
                self._show(self.consent_view)
                return None
        if self._crisis_pending(profile):
            self.show_crisis_screen(profile)
            return None
        self.close_chat("profile_switch")
        self.set_language(profile.language.value)  # the child's own language
        self.ctx.ensure_backend()
        session = ChildSession(self.ctx, profile, self)
        self.session = session
        chat = session.chat
        chat.setObjectName("chatScreen")
        chat.session_ended.connect(self._on_session_ended)
        chat.crisis_requested.connect(self.show_crisis_card)
        chat.crisis_intervention.connect(lambda: self.show_crisis_screen(profile))
        chat.report_requested.connect(lambda mid: self._report(profile, mid))
        chat.complaint_requested.connect(lambda: self._complain(profile))
        chat.supervision_info_requested.connect(self._supervision_info)
        chat.appeal_requested.connect(lambda: self._appeal(profile))
        chat.leave_minor_mode_requested.connect(lambda: self._leave_minor_mode(profile))
        chat.enter_minor_mode_requested.connect(lambda: self._enter_minor_mode(profile))
        self.stack.addWidget(chat)
        if session.lock_view is not None:
            lock = session.lock_view
            lock.setObjectName("lockScreen")
            self.stack.addWidget(lock)
            lock.crisis_requested.connect(self.show_crisis_card)
            lock.switch_profile_requested.connect(self.show_picker)
            lock.close_requested.connect(self.close)
            session.locked.connect(lambda _d: self._show(lock))
            session.unlocked.connect(lambda: self._show(chat))
        allowed = session.start()
        if allowed or session.lock_view is None:
            self._show(chat)
            chat.input.setFocus()
            self._show_disclosure()
        else:
            self._show(session.lock_view)
        self.chat_opened.emit(chat)
        return chat

    def close_chat(self, reason: str = "closed") -> None:
        session, self.session = self.session, None
        if session is None:
            return
        session.shutdown(reason)
        for widget in (session.chat, session.lock_view):
            if widget is not None:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        session.deleteLater()

    def _on_session_ended(self, reason: str) -> None:
        self.show_picker()

    def _show_disclosure(self) -> None:
        """R2: at the start of each session, say plainly that this is an AI."""
        if self.ctx.quiet_disclosure:
            return
        from PySide6.QtWidgets import QMessageBox

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

    # -- crisis (R19, R20) ----------------------------------------------------------------------
    def _crisis_pending(self, profile: ChildProfile) -> bool:
        """A tier-3 alert the guardian has not acknowledged keeps the chat closed, across restarts."""
        if self.ctx.alerts is None:
            return False
        pending = self.ctx.alerts.inbox(profile_id=profile.id, unacknowledged_only=True)
        return any(alert.tier >= 3 for alert in pending)

    def show_crisis_screen(self, profile: ChildProfile) -> None:
        from ui.crisis import CrisisScreen

        self.close_chat("crisis")
        old = getattr(self, "crisis_screen", None)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.crisis_screen = CrisisScreen(profile.language.value, self)
        self.crisis_screen.acknowledge_requested.connect(lambda: self._acknowledge_crisis(profile))
        self.crisis_screen.switch_profile_requested.connect(self.show_picker)
        self.stack.addWidget(self.crisis_screen)
        self._show(self.crisis_screen)

    def _acknowledge_crisis(self, profile: ChildProfile) -> None:
        from ui.parental.pin_dialog import PinDialog

        if self.ctx.guardian is None or self.ctx.alerts is None:
            return
        session = PinDialog.ask(self, self.ctx.guardian, self.tr(
            "A guardian confirms they have checked in with %1. Enter the PIN to reopen the chat.").replace(
                "%1", profile.display_name))
        if session is None:
            return
        for alert in self.ctx.alerts.inbox(profile_id=profile.id, unacknowledged_only=True):
            if alert.tier >= 3:
                self.ctx.alerts.acknowledge(alert.id, "guardian")
        from desktop.guardian.audit import Actor, AuditKind

        self.ctx.guardian.audit.record(Actor.GUARDIAN, AuditKind.CRISIS_ACKNOWLEDGED, {"profile_id": profile.id})
        self.open_chat(profile.id)

    # -- things reachable from the chat ---------------------------------------------------------
    def show_crisis_card(self) -> None:
        from ui.crisis import CrisisCardDialog
        from ui.i18n import current_language

        CrisisCardDialog.show_card(self, lang=current_language())

    def _report(self, profile: ChildProfile, message_id: int) -> None:
        from ui.complaints import ReportDialog

        if self.ctx.complaints is None:
            return
        dialog = ReportDialog(self, repo=self.ctx.complaints, clock=self.ctx.clock, profile_id=profile.id,
                              message_id=message_id, lang=profile.language)
        dialog.open()

    def _complain(self, profile: ChildProfile) -> None:
        from ui.complaints import ComplaintDialog

        if self.ctx.complaints is None:
            return
        ComplaintDialog(self, repo=self.ctx.complaints, clock=self.ctx.clock, profile_id=profile.id,
                        lang=profile.language).open()

    def _appeal(self, profile: ChildProfile) -> None:
        from ui.complaints import AdultAppealDialog

        if self.ctx.complaints is None:
            return
        AdultAppealDialog(self, repo=self.ctx.complaints, clock=self.ctx.clock, profile_id=profile.id,
                          lang=profile.language).open()

    def _supervision_info(self) -> None:
        from desktop.family_settings import BackendKind
        from ui.supervision import SupervisionInfoDialog

        settings = self.ctx.settings
        lang = self.session.profile.language if self.session is not None else None
        try:
            info = {
                "transcript_visible": settings.transcript_visible() if settings else False,
                "retention_days": settings.retention_days() if settings else 90,
                "alert_excerpts": settings.alert_excerpts() if settings else False,
                "online_companion": settings.backend().kind is BackendKind.OPENAI if settings else False,
            }
        except Exception:  # settings that do not verify: say the most the guardian could see
            info = {"transcript_visible": True, "retention_days": None, "alert_excerpts": True, "online_companion": True}
        SupervisionInfoDialog(self, lang=lang, **info).open()

    def _leave_minor_mode(self, profile: ChildProfile) -> None:
        from ui.parental.minor_mode import leave_minor_mode

        if self.ctx.guardian is None:
            return
        if leave_minor_mode(self, self.ctx.guardian, profile) is not None:
            self.open_chat(profile.id)

    def _enter_minor_mode(self, profile: ChildProfile) -> None:
        """R10: one click, no PIN."""
        from ui.parental.minor_mode import enter_minor_mode

        if self.ctx.guardian is None:
            return
        enter_minor_mode(self.ctx.guardian, profile)
        self.open_chat(profile.id)

    # -- guardian -----------------------------------------------------------------------------
    def open_panel(self) -> None:
        from ui.parental.pin_dialog import PinDialog
        from ui.parental_panel_factory import open_parental_panel

        if self.ctx.guardian is None:
            return
        session = PinDialog.ask(self, self.ctx.guardian, self.tr("Enter the guardian PIN to open the parental settings."))
        if session is None:
            return
        self.close_chat("guardian_panel")
        open_parental_panel(self, self.ctx, session, on_closed=self.start)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.background_timer.stop()
        self.retention_timer.stop()
        if self.ctx is None:
            event.accept()
            return
        if self.tray is not None:
            self.tray.hide()
        self.close_chat("window_closed")
        event.accept()
