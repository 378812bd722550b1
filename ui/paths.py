"""Where Hearth keeps its data: QStandardPaths, unless HEARTH_DATA_DIR says otherwise.

Only QtCore is used, so the CLI can resolve the same folder as the GUI without a display.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from desktop import meta


def resolve_data_dir() -> Path:
    override = os.environ.get(meta.DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if not QCoreApplication.applicationName() or QCoreApplication.applicationName() == "python":
        QCoreApplication.setApplicationName(meta.APP_NAME)
    QCoreApplication.setOrganizationName("")
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
