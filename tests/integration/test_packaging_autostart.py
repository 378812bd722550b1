"""The autostart entry as real desktop software reads it.

desktop-file-validate checks the syntax; GLib's launcher (`gio launch`, the code GNOME's session
uses for autostart entries) parses the Exec line and starts the program, which records the
arguments it received, so the quoting is checked end to end.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.autostart import disable_autostart, enable_autostart, is_autostart_enabled


def _validate(path: Path) -> None:
    out = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True,
                         timeout=30)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout + out.stderr == ""  # not even a hint


def _wait_for(path: Path, deadline_s: float = 20.0) -> str:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if path.exists() and path.stat().st_size:
            return path.read_text(encoding="utf-8")
        time.sleep(0.05)
    raise AssertionError(f"{path} did not appear within {deadline_s} s")


@pytest.fixture
def argv_recorder(tmp_path) -> Path:
    """A program in a folder with a space in its name that writes its arguments as JSON."""
    folder = tmp_path / "My Apps"
    folder.mkdir()
    script = folder / "record args"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys, pathlib\n"
        "out = pathlib.Path(sys.argv[0]).with_name('argv.json')\n"
        "tmp = out.with_suffix('.tmp')\n"
        "tmp.write_text(json.dumps(sys.argv[1:]))\n"
        "tmp.replace(out)\n"
    )
    script.chmod(0o755)
    return script


def test_enabled_entry_is_valid(tmp_path):
    _validate(enable_autostart(["/opt/hearth/hearth"], config_home=tmp_path))


def test_override_that_hides_a_system_entry_is_valid(tmp_path):
    system = tmp_path / "xdg"
    entry = enable_autostart(["/usr/bin/hearth"], config_home=system)  # stands in for /etc/xdg
    assert disable_autostart(config_home=tmp_path / "home", config_dirs=[system]) is True
    assert not is_autostart_enabled(config_home=tmp_path / "home", config_dirs=[system])
    _validate(tmp_path / "home" / "autostart" / entry.name)


def test_glib_starts_the_entry_with_exactly_our_arguments(tmp_path, argv_recorder):
    args = ["--lang", "zh", 'quote " dollar $HOME', "back\\slash", "50%", "it's", "~", "空 格"]
    path = enable_autostart([str(argv_recorder), *args], config_home=tmp_path / "config")
    _validate(path)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    if "DBUS_SESSION_BUS_ADDRESS" in os.environ:
        env["DBUS_SESSION_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    out = subprocess.run(["gio", "launch", str(path)], capture_output=True, text=True, env=env,
                         timeout=30)
    assert out.returncode == 0, out.stderr
    assert json.loads(_wait_for(argv_recorder.with_name("argv.json"))) == args
