"""desktop.autostart: the guardian's "start Hearth at login" switch (XDG Autostart).

Real files in a temporary config home; the desktop tools that read them are exercised in
tests/integration/test_packaging_autostart.py.
"""

import configparser
import sys
from pathlib import Path

import pytest

from desktop import autostart, meta
from desktop.autostart import (
    autostart_path,
    autostart_supported,
    disable_autostart,
    enable_autostart,
    exec_line,
    is_autostart_enabled,
    launch_command,
)


def _entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def system_dirs(tmp_path) -> list[Path]:
    """An empty stand-in for /etc/xdg, so the machine's own autostart folder never leaks in."""
    folder = tmp_path / "etc-xdg"
    folder.mkdir()
    return [folder]


def test_path_follows_xdg_config_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert autostart_path() == tmp_path / "cfg" / "autostart" / f"{meta.APP_ID}.desktop"
    assert autostart_path(tmp_path / "other") == tmp_path / "other" / "autostart" / f"{meta.APP_ID}.desktop"


def test_relative_xdg_config_home_is_ignored_as_the_spec_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart_path() == tmp_path / ".config" / "autostart" / f"{meta.APP_ID}.desktop"


def test_enable_writes_an_enabled_entry_from_meta(home, system_dirs):
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)
    path = enable_autostart(["/opt/hearth/hearth"], config_home=home)
    assert path == autostart_path(home)
    entry = _entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == meta.APP_NAME
    assert entry["Comment"] == meta.SUMMARY
    assert entry["Comment[zh_CN]"] == meta.SUMMARY_ZH
    assert entry["Icon"] == meta.APP_ID
    assert entry["Exec"] == "/opt/hearth/hearth"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert "Hidden" not in entry
    assert is_autostart_enabled(config_home=home, config_dirs=system_dirs)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind
    assert path.stat().st_mode & 0o777 == 0o644


def test_enable_defaults_to_this_hearth(home, system_dirs):
    path = enable_autostart(config_home=home)
    assert _entry(path)["Exec"] == exec_line(launch_command())


def test_enable_twice_replaces_the_entry(home, system_dirs):
    enable_autostart(["/old/hearth"], config_home=home)
    enable_autostart(["/new/hearth", "--lang", "zh"], config_home=home)
    assert _entry(autostart_path(home))["Exec"] == "/new/hearth --lang zh"


def test_disable_removes_the_entry(home, system_dirs):
    enable_autostart(["/opt/hearth/hearth"], config_home=home)
    assert disable_autostart(config_home=home, config_dirs=system_dirs) is True
    assert not autostart_path(home).exists()
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)
    assert disable_autostart(config_home=home, config_dirs=system_dirs) is False


def test_string_exec_line_is_taken_as_given(home, system_dirs):
    path = enable_autostart('"/opt/My Apps/hearth" --lang en', config_home=home)
    assert _entry(path)["Exec"] == '"/opt/My Apps/hearth" --lang en'


@pytest.mark.parametrize("bad", ["", "   ", "hearth\n[Desktop Entry]", []])
def test_unusable_commands_are_refused_and_nothing_is_written(home, bad):
    with pytest.raises(ValueError):
        enable_autostart(bad, config_home=home)
    assert not autostart_path(home).exists()


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["/usr/bin/hearth"], "/usr/bin/hearth"),
        (["/opt/My Apps/hearth", "--lang", "zh"], '"/opt/My Apps/hearth" --lang zh'),
        (["hearth", "50%"], "hearth 50%%"),
        (["hearth", 'say "hi"'], r'hearth "say \"hi\""'),
        (["hearth", "$HOME"], r'hearth "\$HOME"'),
        (["hearth", "a\\b"], r'hearth "a\\b"'),
        (["hearth", "~"], 'hearth "~"'),
    ],
)
def test_exec_line_quotes_as_the_desktop_entry_spec_says(argv, line):
    assert exec_line(argv) == line


def test_backslashes_are_escaped_twice_in_the_file(home):
    # Quoting rule first (\ -> \\), then the string escaping of the file (each \ doubled).
    path = enable_autostart(["hearth", "a\\b"], config_home=home)
    assert 'Exec=hearth "a\\\\\\\\b"' in path.read_text(encoding="utf-8")


def test_an_entry_switched_off_by_the_desktop_does_not_count(home, system_dirs):
    path = enable_autostart(["hearth"], config_home=home)
    path.write_text(path.read_text().replace("X-GNOME-Autostart-enabled=true",
                                             "X-GNOME-Autostart-enabled=false"))
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)
    path.write_text(path.read_text().replace("X-GNOME-Autostart-enabled=false", "Hidden=true"))
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)


def test_a_broken_entry_does_not_count(home, system_dirs):
    path = autostart_path(home)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not a desktop entry")
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)
    path.write_text("[Something Else]\nExec=hearth\n")
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)


def test_a_system_wide_entry_is_hidden_by_a_user_override(home, system_dirs):
    system_entry = system_dirs[0] / "autostart" / f"{meta.APP_ID}.desktop"
    system_entry.parent.mkdir()
    system_entry.write_text(autostart.render_entry("/usr/bin/hearth"))
    assert is_autostart_enabled(config_home=home, config_dirs=system_dirs)

    assert disable_autostart(config_home=home, config_dirs=system_dirs) is True
    assert system_entry.exists()  # never touched: it belongs to the system
    assert _entry(autostart_path(home))["Hidden"] == "true"
    assert not is_autostart_enabled(config_home=home, config_dirs=system_dirs)

    enable_autostart(["/usr/bin/hearth"], config_home=home)
    assert is_autostart_enabled(config_home=home, config_dirs=system_dirs)


def test_system_dirs_come_from_xdg_config_dirs(monkeypatch, home, tmp_path):
    other = tmp_path / "xdg-a"
    (other / "autostart").mkdir(parents=True)
    (other / "autostart" / f"{meta.APP_ID}.desktop").write_text(autostart.render_entry("hearth"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"relative:{tmp_path / 'missing'}:{other}")
    assert is_autostart_enabled(config_home=home)


def test_launch_command_points_at_a_program_that_exists():
    command = launch_command()
    if command[1:] == ["-m", "ui.app"]:
        assert command[0] == sys.executable
    else:
        assert Path(command[0]).is_file()


def test_supported_only_where_xdg_autostart_applies():
    assert autostart_supported("linux")
    assert autostart_supported("freebsd14")
    assert not autostart_supported("win32")
    assert not autostart_supported("darwin")
