"""The parental panel's Time page: per child, the daily minutes, hours, curfew, breaks and
reminders (R7-R9, R15: the guardian limits time). The widgets and their meaning live in
:mod:`ui.parental.time_form`; this page chooses the child, keeps unsaved edits per child, and
saves.

Everything is stored through ``SignedTimeRulesRepository`` in the guardian's signed settings, so
a child who edits the database gets a locked chat, not more time. One-off grants (extensions,
curfew exemptions) are not on this page: saving keeps whatever is stored at that moment, so a
"more time" given on the lock screen while the panel is open is never lost.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from desktop.family_settings import FamilySettings
from desktop.limits.rules import Audience, RulesError, TimeRules
from desktop.limits.signed_rules import SignedTimeRulesRepository
from desktop.profiles.repository import ProfileRepository
from ui.parental.page import PanelContext, PanelPage
from ui.parental.page_helpers import (
    Tone,
    child_selector_row,
    set_status,
    status_label,
)
from ui.parental.time_form import MinutesSpinBox, TimeRulesForm

__all__ = ["MinutesSpinBox", "TimePage"]


class TimePage(PanelPage):
    page_id = "time"

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        settings = ctx.settings
        if not isinstance(settings, FamilySettings):
            settings = FamilySettings(ctx.guardian.settings)
        self.repo = SignedTimeRulesRepository(ctx.db, settings)
        self._drafts: dict[int, TimeRules] = {}
        self._current: int | None = None
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        body, row = child_selector_row(self)  # the panel puts every page in its own scroll area
        body.addLayout(row)
        self.form = TimeRulesForm(self)
        body.addWidget(self.form)
        self.status = status_label(self, "timeStatus")
        body.addWidget(self.status)
        body.addStretch(1)
        self.child_combo.profile_changed.connect(self._child_changed)
        self.form.edited.connect(self._edited)
        self.setTabOrder(self.child_combo, self.form.minute_boxes[0])

    def title(self) -> str:
        return self.tr("Time")

    def retranslate_ui(self) -> None:
        self.child_label.setText(self.tr("&Child:"))
        self.child_combo.setAccessibleName(self.tr("Child"))

    # -- PanelPage --------------------------------------------------------------------------
    def load(self) -> None:
        children = ProfileRepository(self.ctx.db).children()
        self._drafts = {c.id: self.repo.get(c.id) for c in children}
        self._current = None
        self.child_combo.set_profiles(children)
        self.form.setEnabled(bool(children))
        set_status(self.status, "" if children else self.tr("Add a child profile first."))

    def save(self) -> None:
        """Store every child's edited rules; invalid input is shown and raises ``ValueError``."""
        self._capture()
        now = self.ctx.clock.now()
        for profile_id, draft in self._drafts.items():
            stored = self.repo.get(profile_id)
            rules = replace(
                draft,
                extensions=stored.extensions,
                curfew_exempt_nights=stored.curfew_exempt_nights,
            )
            if rules != stored:
                rules = self.repo.save(profile_id, rules, now=now)
            self._drafts[profile_id] = rules
        set_status(self.status, self.tr("Saved."), Tone.OK)

    def restore_defaults(self) -> None:
        """The law's defaults for the child shown (R7-R9); the guardian still presses Save."""
        self.form.show_rules(TimeRules(), self._audience())
        self.changed.emit()

    # -- children ---------------------------------------------------------------------------
    def _audience(self) -> Audience | None:
        profile = next((p for p in self.child_combo.profiles() if p.id == self._current), None)
        return None if profile is None else Audience.of(profile, self.ctx.clock.now().date())

    def _child_changed(self, profile_id: int) -> None:
        if self._current is not None and self._current != profile_id:
            try:
                self._capture()
            except ValueError:  # keep the guardian on the child whose input needs fixing
                self.child_combo.blockSignals(True)
                self.child_combo.select(self._current)
                self.child_combo.blockSignals(False)
                return
        self._current = profile_id
        self.form.show_rules(self._drafts.get(profile_id, TimeRules()), self._audience())

    def _capture(self) -> None:
        if self._current is None:
            return
        try:
            self._drafts[self._current] = self.form.rules(
                self._drafts.get(self._current, TimeRules())
            )
        except RulesError as exc:
            text = self._error_text(exc.key)
            set_status(self.status, text, Tone.ERROR)
            raise ValueError(text) from None

    def _error_text(self, key: str) -> str:
        if key == "allowed_hours":
            return self.tr(
                'Allowed hours must start before they end ("until 00:00" means midnight).'
            )
        if key == "window":
            return self.tr("The curfew must start and end at different times.")
        return self.tr("Check the time settings (%1).").replace("%1", key)

    def _edited(self) -> None:
        set_status(self.status, "")
        self.changed.emit()
