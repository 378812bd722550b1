"""Which pages the parental panel shows, in what order, and what they need.

Kept apart from the panel shell so adding a page is one line here, and so the main window does
not import every page module at start-up (they load only when the guardian opens the panel).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.guardian.audit import Actor, AuditKind
from ui.context import AppContext
from ui.parental.page import PanelContext, PanelPage


class ComplaintsPanelPage(PanelPage):
    """Hosts the complaints table (R27) and turns an accepted adult appeal (R16) into leaving
    minor mode — only ever by the guardian's decision in this PIN-locked panel."""

    page_id = "complaints"

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None):
        from ui.complaints import ComplaintsPage

        super().__init__(ctx, parent)
        self.inner = ComplaintsPage(self, repo=ctx.complaints, clock=ctx.clock,
                                    on_appeal_accepted=self._appeal_accepted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)

    def _appeal_accepted(self, profile_id: int) -> bool:
        from desktop.profiles.repository import ProfileRepository

        profiles = ProfileRepository(self.ctx.db)
        profile = profiles.get_child(profile_id)
        profiles.update_child(profile.__class__(**{**profile.__dict__, "minor_mode": False}),
                              today=self.ctx.clock.now().date())
        self.ctx.guardian.audit.record(Actor.GUARDIAN, AuditKind.MINOR_MODE_LEFT,
                                       {"profile_id": profile_id, "via": "appeal"})
        return True

    def title(self) -> str:
        return self.tr("Complaints")

    def load(self) -> None:
        self.inner.load()

    def save(self) -> None:
        self.inner.save()

    def restore_defaults(self) -> None:
        self.inner.restore_defaults()


def page_factories(ctx: AppContext) -> list:
    from ui.limits_controller import ledger_key
    from ui.parental.alerts_page import AlertsPage
    from ui.parental.audit_page import AuditPage
    from ui.parental.companion_page import CompanionPage
    from ui.parental.data_page import DataPage
    from ui.parental.profiles_page import ProfilesPage
    from ui.parental.reports_page import ReportsPage
    from ui.parental.time_page import TimePage

    def reports(pctx: PanelContext) -> PanelPage:
        try:
            key = ledger_key(ctx.guardian)
        except Exception:  # no key: the page says the usage cannot be verified
            key = None
        return ReportsPage(pctx, key=key)

    def alerts(pctx: PanelContext) -> PanelPage:
        from ui.app import rebuild_alert_channels

        page = AlertsPage(pctx)
        page.channels_changed.connect(lambda: rebuild_alert_channels(ctx))
        return page

    def system(pctx: PanelContext) -> PanelPage:
        from ui.parental.system_page import SystemPage

        return SystemPage(pctx, keyring_service=ctx.keyring_service or None)

    return [ProfilesPage, TimePage, CompanionPage, alerts, reports, DataPage, ComplaintsPanelPage, AuditPage, system]


def panel_context(ctx: AppContext, on_backend_changed=None) -> PanelContext:
    return PanelContext(
        db=ctx.db,
        data_dir=ctx.data_dir,
        clock=ctx.clock,
        guardian=ctx.guardian,
        settings=ctx.settings,
        alerts=ctx.alerts,
        complaints=ctx.complaints,
        on_backend_changed=on_backend_changed,
    )


def open_parental_panel(parent: QWidget, ctx: AppContext, session, *, on_closed=None):
    """Build and show the panel for a guardian who just entered the PIN."""
    from ui.app import rebuild_backend
    from ui.parental.panel import ParentalPanel

    pctx = panel_context(ctx, on_backend_changed=lambda: rebuild_backend(ctx))
    panel = ParentalPanel(pctx, page_factories(ctx), parent, session=session)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its pages go with it
    if on_closed is not None:
        panel.finished.connect(lambda _r: on_closed())
    panel.show()
    return panel
