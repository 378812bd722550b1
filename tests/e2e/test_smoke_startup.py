"""What the first frame may cost, and the one shortcut it takes to follow the desktop's theme."""

import subprocess
import sys

FIRST_FRAME_TYPES = """
import sys
import PySide6.QtCore as QtCore
import PySide6.QtWidgets as QtWidgets
from PySide6.QtWidgets import QApplication
import ui.app

def quit_and_report(*_):
    print("Qt" in vars(QtCore), "QStyle" in vars(QtWidgets))
    QApplication.exit(0)

QApplication.quit = quit_and_report  # --smoke quits after the first event-loop turn
sys.exit(ui.app.main(["--smoke"]))
"""

THEME_PER_SCHEME = """
from PySide6.QtCore import Qt
from ui.theme import apply_theme, create_application

app = create_application("hearth")
requested = Qt.ColorScheme[sys.argv[1]]
app.styleHints().setColorScheme(requested)  # as if the desktop were switched before Hearth started
for _ in range(10):
    app.processEvents()
first = apply_theme(app, "auto")  # read from the platform palette, as before the first frame
scheme = app.styleHints().colorScheme()
other = Qt.ColorScheme.Light if requested == Qt.ColorScheme.Dark else Qt.ColorScheme.Dark
app.styleHints().setColorScheme(other)  # the desktop switches while Hearth runs
for _ in range(10):
    app.processEvents()
later = apply_theme(app, "auto")  # read from colorScheme()
print(first, scheme.name, later, app.styleHints().colorScheme().name)
"""


def test_the_first_frame_builds_neither_the_qt_namespace_nor_qstyle(hearth_env):
    """Their Python enums cost ≈12 ms and ≈4 ms before the window shows (benchmarks/bench_startup.py);
    ui.theme and ui.profile_picker reach the same settings without them."""
    env = {**hearth_env, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME_TYPES], capture_output=True, text=True,
                         timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert "hearth smoke ok" in out.stdout
    assert out.stdout.splitlines()[-1] == "False False", "something before the first frame touches Qt.* or QStyle"


def test_auto_theme_follows_the_colour_scheme_before_and_after_the_first_frame(hearth_env, x_display):
    """Before Hearth sets its palette, ``auto`` reads the platform's palette instead of
    ``QStyleHints.colorScheme()``; under a real platform theme both must give the same answer."""
    env = {**hearth_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display, "QT_QPA_PLATFORMTHEME": "gnome"}
    for scheme, expected in (("Dark", "dark Dark light Light"), ("Light", "light Light dark Dark")):
        out = subprocess.run([sys.executable, "-c", "import sys\n" + THEME_PER_SCHEME, scheme],
                             capture_output=True, text=True, timeout=60, env=env)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == expected, out.stderr
