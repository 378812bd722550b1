"""The child's report, complaint and appeal dialogs, and the guardian's tickets page (R16, R27)."""

from ui.complaints.appeal_dialog import AdultAppealDialog
from ui.complaints.panel_page import ComplaintsPage
from ui.complaints.report_dialog import ComplaintDialog, ReportDialog

__all__ = ["AdultAppealDialog", "ComplaintDialog", "ComplaintsPage", "ReportDialog"]
