"""System page: autostart entry written and removed, theme stored, the self-test runs."""

from PySide6.QtWidgets import QApplication

from tests.ui import guardian_fixtures as gf
from ui.parental.system_page import SystemPage

secret_service = gf.secret_service
keyring_service = gf.keyring_service
home = gf.home
family = gf.family


def test_autostart_theme_and_doctor(qtbot, family, tmp_path):
    config_home = tmp_path / "config"
    page = SystemPage(family.context(), config_home=config_home, keyring_service=family.home.service)
    qtbot.addWidget(page)
    page.load()
    assert not page.autostart_box.isChecked()
    page.autostart_box.setChecked(True)
    page.theme_box.setCurrentIndex(page.theme_box.findData("dark"))
    page.save()
    entry = config_home / "autostart" / "org.hearthapp.Hearth.desktop"
    assert entry.exists() and "Exec=" in entry.read_text()
    assert family.context().settings.theme() == "dark"
    assert QApplication.instance().property("hearthTheme") == "dark"
    page.restore_defaults()
    page.save()
    assert not entry.exists() or "Hidden=true" in entry.read_text()
    assert QApplication.instance().property("hearthTheme") in ("light", "dark")
    checks = page.run_doctor()
    assert page.doctor_table.rowCount() == len(checks) > 3
    from ui.theme import apply_theme

    apply_theme(QApplication.instance(), "light")
