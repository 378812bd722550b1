"""System page: start Hearth at login, the look, and the protection self-test (hearth doctor).

Autostart matters for a family: Hearth cannot guard a chat it is not running for, and the
self-test shows the guardian, in plain words, what is protected and what is not.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop import autostart
from ui.parental import doctor_texts
from ui.parental.page import PanelContext, PanelPage


class SystemPage(PanelPage):
    page_id = "system"

    def __init__(self, ctx: PanelContext, parent=None, *, config_home=None, keyring_service: str | None = None):
        super().__init__(ctx, parent)
        self.config_home = config_home
        self.keyring_service = keyring_service
        self.autostart_box = QCheckBox(self)
        self.autostart_box.setEnabled(autostart.autostart_supported())
        self.autostart_box.toggled.connect(self.changed)
        self.theme_box = QComboBox(self)
        for value in ("auto", "light", "dark"):
            self.theme_box.addItem("", value)
        self.theme_box.currentIndexChanged.connect(self.changed)
        self.doctor_button = QPushButton(self)
        self.doctor_button.clicked.connect(self.run_doctor)
        self.doctor_table = QTableWidget(0, 3, self)
        self.doctor_table.verticalHeader().hide()
        self.doctor_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doctor_table.setWordWrap(True)
        header = self.doctor_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows follow the wrapped text as the columns change width (a handful of rows).
        self.doctor_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.doctor_note = QLabel(self)
        self.doctor_note.setWordWrap(True)
        self.checks: list = []  # the last self-test's results (desktop.doctor.Check)
        form = QFormLayout()
        self.autostart_label = QLabel(self)
        self.theme_label = QLabel(self)
        form.addRow(self.autostart_label, self.autostart_box)
        form.addRow(self.theme_label, self.theme_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.doctor_button)
        layout.addWidget(self.doctor_note)
        layout.addWidget(self.doctor_table, 1)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("System")

    def retranslate_ui(self) -> None:
        self.autostart_label.setText(self.tr("Start Hearth when this user logs in"))
        self.autostart_box.setAccessibleName(self.tr("Start Hearth when this user logs in"))
        if not autostart.autostart_supported():
            self.autostart_box.setToolTip(self.tr("Use the operating system's start-up settings on this platform."))
        self.theme_label.setText(self.tr("Look"))
        for index, text in enumerate((self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"))):
            self.theme_box.setItemText(index, text)
        self.doctor_button.setText(self.tr("Run the protection self-test"))
        self.doctor_table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("What to do")])
        self._show_checks()  # the last results, in the new language; the test is not re-run

    def load(self) -> None:
        self.autostart_box.setChecked(autostart.is_autostart_enabled(config_home=self.config_home))
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(self.ctx.settings.theme())))

    def save(self) -> None:
        if autostart.autostart_supported():
            if self.autostart_box.isChecked():
                autostart.enable_autostart(config_home=self.config_home)
            else:
                autostart.disable_autostart(config_home=self.config_home)
        theme = self.theme_box.currentData()
        self.ctx.settings.set_theme(theme)
        from PySide6.QtWidgets import QApplication

        from ui.theme import apply_theme

        apply_theme(QApplication.instance(), theme)

    def restore_defaults(self) -> None:
        self.autostart_box.setChecked(False)
        self.theme_box.setCurrentIndex(0)

    def run_doctor(self) -> list:
        from desktop import meta
        from desktop.doctor import run_checks

        checks = run_checks(self.ctx.data_dir, clock=self.ctx.clock,
                            service=self.keyring_service or meta.KEYRING_SERVICE, config_home=self.config_home)
        self.checks = checks
        self._show_checks()
        return checks

    def _show_checks(self) -> None:
        """The last self-test in the interface language; the core's English is in the tooltips."""
        checks = self.checks
        self.doctor_table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            cells = (
                doctor_texts.check_name(check),
                f"{doctor_texts.status_word(check.status)} — {doctor_texts.check_message(check)}",
                doctor_texts.check_fix(check),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{check.name}: {check.message}" if column < 2 else check.fix)
                self.doctor_table.setItem(row, column, item)
        failing = sum(1 for c in checks if c.status.value == "fail")
        if not checks:
            self.doctor_note.clear()
        elif failing:
            self.doctor_note.setText(self.tr("%n check(s) need attention.", "", failing))
        else:
            self.doctor_note.setText(self.tr("Every protection check passed or only warns."))
