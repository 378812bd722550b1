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


def test_the_self_test_reads_in_the_interface_language(qtbot, qapp, family, tmp_path):
    """Check names, results and advice are the guardian's words; the core's English stays in
    the tooltips (and in ``hearth doctor``)."""
    import re

    from ui.i18n import install_translators
    from ui.parental import doctor_texts

    page = SystemPage(family.context(), config_home=tmp_path / "config", keyring_service=family.home.service)
    qtbot.addWidget(page)
    checks = page.run_doctor()
    table = page.doctor_table

    def cells(column):
        return [table.item(r, column).text() for r in range(table.rowCount())]

    assert {"System keyring", "Guardian settings", "Clock", "Start at login"} <= set(cells(0))
    assert cells(1) == [f"{doctor_texts.status_word(c.status)} — {doctor_texts.check_message(c)}" for c in checks]
    autostart = cells(0).index("Start at login")
    assert cells(2)[autostart] == "Tick \u201cStart Hearth when this user logs in\u201d above and save."
    assert table.item(autostart, 1).toolTip() == f"autostart: {checks[autostart].message}"

    install_translators(qapp, "zh")
    gf.announce_language_change(page)  # the last results are re-worded, not re-run
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert {"系统密钥环", "家长设置", "系统时钟", "登录时启动"} <= set(cells(0))
    assert all(cjk.search(text) for text in cells(0) + cells(1)), cells(0) + cells(1)
    assert cells(2)[autostart] == "勾选上方的\u201c此用户登录时启动 Hearth\u201d并保存。"
    assert cells(1)[cells(0).index("系统密钥环")].startswith("正常 — 密钥环可用")
    assert cjk.search(page.doctor_note.text())
    assert table.horizontalHeaderItem(2).text() == "处理建议"
