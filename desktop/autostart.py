"""Start Hearth when the user logs in, through the XDG Autostart convention.

Limits, curfew and reminders only act while Hearth runs, so a guardian may want it started at
login; the parental panel calls these functions. The mechanism is the freedesktop.org Autostart
spec, which GNOME, KDE, Xfce and most other Linux desktops follow:

* a desktop entry in ``$XDG_CONFIG_HOME/autostart/`` is started at login;
* a user file there hides a system-wide one of the same name in ``$XDG_CONFIG_DIRS/autostart``;
* ``Hidden=true`` (spec) or ``X-GNOME-Autostart-enabled=false`` (GNOME) switches an entry off.

Only the user's own file is written, atomically. Windows and macOS use other mechanisms
(registry Run key, login items); :func:`autostart_supported` says whether this module applies.
"""

from __future__ import annotations

import configparser
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop import meta

ENTRY_GROUP = "Desktop Entry"
GNOME_ENABLED_KEY = "X-GNOME-Autostart-enabled"
# Characters that force quoting of an Exec argument (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def autostart_supported(platform: str = sys.platform) -> bool:
    """XDG Autostart applies on Linux and the BSDs, not on Windows or macOS."""
    return not platform.startswith(("win", "cygwin", "darwin"))


def _config_home() -> Path:
    # The spec ignores a relative XDG_CONFIG_HOME; so do the session managers.
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def _config_dirs() -> list[Path]:
    value = os.environ.get("XDG_CONFIG_DIRS", "") or "/etc/xdg"
    return [Path(p) for p in value.split(":") if os.path.isabs(p)]


def autostart_path(config_home: Path | None = None) -> Path:
    """``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop`` (default ``~/.config``)."""
    return Path(config_home or _config_home()) / "autostart" / f"{meta.APP_ID}.desktop"


def exec_line(argv: Sequence[str]) -> str:
    """Quote ``argv`` as a desktop-entry Exec value.

    Arguments with reserved characters are double-quoted with ``"`, `` ` ``, ``$`` and ``\\``
    backslash-escaped; ``%`` is doubled because a lone one starts a field code. (The desktop
    file's own string escaping then doubles every backslash, see :func:`_escape_value`.)
    """
    if not argv:
        raise ValueError("an autostart command needs at least the program")
    parts = []
    for arg in argv:
        if not arg or any(ch in "\n\r\x00" for ch in arg):
            raise ValueError(f"cannot put {arg!r} in an Exec line")
        arg = arg.replace("%", "%%")
        if any(ch in _RESERVED for ch in arg):
            escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            arg = f'"{escaped}"'
        parts.append(arg)
    return " ".join(parts)


def _escape_value(value: str) -> str:
    # Desktop-entry string escaping (spec, "Possible value types").
    return value.replace("\\", "\\\\").replace("\t", "\\t")


def launch_command() -> list[str]:
    """The command that starts this same Hearth again at login.

    The frozen executable inside a bundle; else the ``hearth`` script installed next to the
    running interpreter (a venv or pip install); else the interpreter running ``ui.app``.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("hearth.exe" if sys.platform == "win32" else "hearth")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "ui.app"]


def render_entry(exec_cmd: str, *, enabled: bool = True) -> str:
    """The text of Hearth's autostart entry for an already quoted Exec value.

    ``enabled=False`` makes the override that hides a system-wide entry of the same name.
    """
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={meta.APP_NAME}",
        f"Comment={meta.SUMMARY}",
        f"Comment[zh_CN]={meta.SUMMARY_ZH}",
        f"Exec={_escape_value(exec_cmd)}",
        f"Icon={meta.APP_ID}",
        "Terminal=false",
        "StartupNotify=false",
        f"{GNOME_ENABLED_KEY}={'true' if enabled else 'false'}",
    ]
    if not enabled:
        lines.append("Hidden=true")
    return "\n".join(lines) + "\n"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def enable_autostart(exec_cmd: str | Sequence[str] | None = None, *,
                     config_home: Path | None = None) -> Path:
    """Start Hearth at login; returns the entry written.

    ``exec_cmd`` is either a ready Exec line (a ``str`` already quoted by the spec's quoting
    rule; the file's string escaping is applied here) or an argument list that
    :func:`exec_line` quotes; by default :func:`launch_command`. Replaces any earlier
    entry, including a ``Hidden=true`` override written by :func:`disable_autostart`.
    """
    if exec_cmd is None:
        exec_cmd = launch_command()
    if not isinstance(exec_cmd, str):
        exec_cmd = exec_line(exec_cmd)
    if not exec_cmd.strip() or any(ch in exec_cmd for ch in "\n\r\x00"):
        raise ValueError(f"not a usable Exec line: {exec_cmd!r}")
    path = autostart_path(config_home)
    _atomic_write(path, render_entry(exec_cmd))
    return path


def _entry_enabled(path: Path) -> bool:
    """Whether a session manager would start this entry (a broken file is skipped, as they do)."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",),
                                       comment_prefixes=("#",))
    parser.optionxform = str  # desktop-entry keys are case-sensitive
    try:
        parser.read_string(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error):
        return False
    if not parser.has_section(ENTRY_GROUP):
        return False
    entry = parser[ENTRY_GROUP]
    if entry.get("Hidden", "false").strip() == "true":
        return False
    if entry.get(GNOME_ENABLED_KEY, "true").strip() == "false":
        return False
    return entry.get("Type", "").strip() == "Application" and bool(entry.get("Exec", "").strip())


def _effective_entry(config_home: Path | None, config_dirs: Sequence[Path] | None) -> Path | None:
    """The file that decides: the user's if present, else the first system-wide one."""
    name = autostart_path(config_home).name
    dirs = [autostart_path(config_home).parent]
    dirs += [Path(d) / "autostart" for d in (_config_dirs() if config_dirs is None else config_dirs)]
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
    return None


def is_autostart_enabled(*, config_home: Path | None = None,
                         config_dirs: Sequence[Path] | None = None) -> bool:
    """True when Hearth will start at the next login (user entry or a system-wide one)."""
    path = _effective_entry(config_home, config_dirs)
    return path is not None and _entry_enabled(path)


def disable_autostart(*, config_home: Path | None = None,
                      config_dirs: Sequence[Path] | None = None) -> bool:
    """Stop starting Hearth at login; returns whether it was enabled.

    Removes the user's entry. If a system-wide entry (e.g. from a distribution package) would
    still start Hearth, writes the spec's ``Hidden=true`` override in the user's folder instead.
    """
    was_enabled = is_autostart_enabled(config_home=config_home, config_dirs=config_dirs)
    autostart_path(config_home).unlink(missing_ok=True)
    if is_autostart_enabled(config_home=config_home, config_dirs=config_dirs):
        _atomic_write(autostart_path(config_home), render_entry("hearth", enabled=False))
    return was_enabled
