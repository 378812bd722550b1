"""The parental panel's Companion page: which personas each child may use, and which companion
answers (the built-in one, or an OpenAI-compatible server the guardian runs or pays for).

R12: a romantic-partner or family-member persona is never offered for a minor, so it is not even
listed; the list comes from ``personas_for(age)``, the one rule the chat itself uses. R15: the
guardian blocks personas per child. The API key goes to the keyring, never into the database
(DESIGN.md, "Storage and secrets"); the page only learns whether one is stored.

The backend half (address, model, key, "Test connection") is ``ui.parental.backend_form``.
Saving is the guardian's act (the panel holds a fresh PIN session), and
``ctx.on_backend_changed()`` lets the app rebuild its backend at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from desktop.companion.personas import Persona, personas_for
from desktop.profiles.repository import ProfileRepository
from ui.parental.backend_form import BackendForm
from ui.parental.page import PanelContext, PanelPage
from ui.parental.page_helpers import (
    ChildSelector,
    Tone,
    note_label,
    page_layout,
    set_status,
    status_label,
    ui_language,
)

PERSONA_ROLE = Qt.ItemDataRole.UserRole


class CompanionPage(PanelPage):
    page_id = "companion"

    def __init__(self, ctx: PanelContext, parent=None):
        super().__init__(ctx, parent)
        self._blocked: dict[int, set[str]] = {}
        self._saved_blocked: dict[int, set[str]] = {}
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        body = page_layout(self)
        self.persona_box = QGroupBox(self)
        box = QVBoxLayout(self.persona_box)
        row = QHBoxLayout()
        self.child_label = QLabel(self.persona_box)
        self.child_combo = ChildSelector(self.persona_box)
        self.child_label.setBuddy(self.child_combo)
        row.addWidget(self.child_label)
        row.addWidget(self.child_combo, 1)
        box.addLayout(row)
        self.persona_note = note_label(self.persona_box, "personaNote")
        box.addWidget(self.persona_note)
        self.persona_list = QListWidget(self.persona_box)
        self.persona_list.setObjectName("personaList")
        self.persona_list.setMinimumHeight(120)
        box.addWidget(self.persona_list)
        self.persona_status = status_label(self.persona_box, "personaStatus")
        box.addWidget(self.persona_status)
        body.addWidget(self.persona_box)
        self.backend_form = BackendForm(self.ctx.guardian.secrets, self)
        body.addWidget(self.backend_form)
        body.addStretch(1)
        self.child_combo.profile_changed.connect(self._show_personas)
        self.persona_list.itemChanged.connect(self._persona_toggled)
        self.backend_form.edited.connect(self.changed)
        self.setTabOrder(self.child_combo, self.persona_list)
        self.setTabOrder(self.persona_list, self.backend_form.builtin_radio)

    def title(self) -> str:
        return self.tr("Companion")

    def retranslate_ui(self) -> None:
        self.persona_box.setTitle(self.tr("Personas"))
        self.child_label.setText(self.tr("&Child:"))
        self.child_combo.setAccessibleName(self.tr("Child"))
        self.persona_list.setAccessibleName(self.tr("Personas this child may use"))
        self.backend_form.retranslate_ui()
        profile = self.child_combo.current_profile()
        if profile is not None:
            self._update_persona_note(profile)

    # -- loading and saving -----------------------------------------------------------------
    def load(self) -> None:
        children = ProfileRepository(self.ctx.db).children()
        self._blocked = {c.id: set(self.ctx.settings.blocked_personas(c.id)) for c in children}
        self._saved_blocked = {k: set(v) for k, v in self._blocked.items()}
        self.child_combo.set_profiles(children)
        if not children:
            self.persona_list.clear()
            self.persona_note.setText(self.tr("Add a child profile first."))
        self.backend_form.load(self.ctx.settings.backend())

    def save(self) -> None:
        """Write the key, the personas and the backend. Invalid input is shown at its field and
        raises ``ValueError`` before anything is written."""
        choice = self.backend_form.validated_choice()
        if choice is None:
            raise ValueError(self.tr("Check the companion server settings."))
        key_changed = self.backend_form.store_key(choice.key_name)
        for profile_id, blocked in self._blocked.items():
            if blocked != self._saved_blocked.get(profile_id, set()):
                self.ctx.settings.set_blocked_personas(profile_id, sorted(blocked))
        self._saved_blocked = {k: set(v) for k, v in self._blocked.items()}
        backend_changed = choice != self.backend_form.saved_choice
        if backend_changed:
            self.ctx.settings.set_backend(choice)
            self.backend_form.mark_saved(choice)
        if (backend_changed or key_changed) and callable(self.ctx.on_backend_changed):
            self.ctx.on_backend_changed()

    def restore_defaults(self) -> None:
        """Every persona the rules allow, and the built-in companion."""
        for profile_id in self._blocked:
            self._blocked[profile_id] = set()
        profile_id = self.child_combo.current_id()
        if profile_id is not None:
            self._show_personas(profile_id)
        self.backend_form.restore_defaults()
        self.changed.emit()

    def validate(self) -> bool:
        return self.backend_form.validated_choice() is not None

    # -- personas -------------------------------------------------------------------------------
    def shown_persona_ids(self) -> list[str]:
        return [self.persona_list.item(i).data(PERSONA_ROLE) for i in range(self.persona_list.count())]

    def _offered(self, profile_id: int) -> list[Persona]:
        profile = next(p for p in self.child_combo.profiles() if p.id == profile_id)
        return personas_for(profile.age(self.ctx.clock.now().date()))  # R12 lives in here

    def _show_personas(self, profile_id: int) -> None:
        lang = ui_language().value
        self.persona_list.blockSignals(True)
        self.persona_list.clear()
        for persona in self._offered(profile_id):
            item = QListWidgetItem(f"{persona.name(lang)} — {persona.description(lang)}")
            item.setData(PERSONA_ROLE, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            allowed = persona.id not in self._blocked.get(profile_id, set())
            item.setCheckState(Qt.CheckState.Checked if allowed else Qt.CheckState.Unchecked)
            self.persona_list.addItem(item)
        self.persona_list.blockSignals(False)
        if self.persona_list.count():
            self.persona_list.setCurrentRow(0)
        set_status(self.persona_status, "")
        profile = self.child_combo.current_profile()
        if profile is not None:
            self._update_persona_note(profile)

    def _update_persona_note(self, profile) -> None:
        if profile.is_minor(self.ctx.clock.now().date()):
            text = self.tr("Ticked personas are available to %1. Romantic-partner and family-member "
                           "personas are never offered to anyone under 18.")
        else:
            text = self.tr("Ticked personas are available to %1.")
        self.persona_note.setText(text.replace("%1", profile.display_name))

    def _persona_toggled(self, item: QListWidgetItem) -> None:
        profile_id = self.child_combo.current_id()
        if profile_id is None:
            return
        shown = set(self.shown_persona_ids())
        # Personas not listed now (say, below the child's age) keep their blocked state.
        blocked = set(self._blocked.get(profile_id, set())) - shown
        for i in range(self.persona_list.count()):
            it = self.persona_list.item(i)
            if it.checkState() != Qt.CheckState.Checked:
                blocked.add(it.data(PERSONA_ROLE))
        if shown and shown <= blocked:
            # Blocking every persona would look like a broken app to the child; the time
            # limits are the honest way to stop chatting.
            self.persona_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Checked)
            self.persona_list.blockSignals(False)
            set_status(self.persona_status, self.tr("At least one persona stays available. "
                                                    "Use the time limits to stop chatting altogether."), Tone.ERROR)
            return
        set_status(self.persona_status, "")
        self._blocked[profile_id] = blocked
        self.changed.emit()
