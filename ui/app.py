"""The one composition root: identity → single instance → paths → DB → translators → services →
windows. Nothing else in Hearth decides which concrete classes are wired together.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import contextlib  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop import meta  # noqa: E402
from desktop.cli import CLI_COMMANDS, build_parser  # noqa: E402


def _data_dir(args) -> Path:
    if args.data_dir is not None:
        return args.data_dir
    from ui.paths import resolve_data_dir

    return resolve_data_dir()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if args.command in CLI_COMMANDS:
        from desktop import cli

        return cli.run(args, _data_dir(args))
    return run_gui(args)


def run_gui(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.clock import SystemClock
    from desktop.storage import StorageError, open_database
    from ui import messages
    from ui.i18n import install_translators
    from ui.single_instance import SingleInstanceGuard
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(meta.APP_NAME)
    app.setApplicationDisplayName(meta.APP_NAME)
    app.setApplicationVersion(meta.VERSION)
    app.setDesktopFileName(meta.APP_ID)
    install_translators(app, args.lang)
    apply_theme(app, os.environ.get("HEARTH_THEME", "auto"))
    data_dir = _data_dir(args)
    with contextlib.suppress(OSError):  # open_database reports an unwritable folder clearly
        data_dir.mkdir(parents=True, exist_ok=True)
    guard = SingleInstanceGuard(data_dir) if data_dir.is_dir() else None
    if guard is not None and not guard.acquire():
        guard.notify_running_instance()
        print("hearth: already running for this data directory; raised its window", file=sys.stderr)
        return 3
    try:
        db = open_database(data_dir)
    except StorageError as exc:
        text = messages.storage_error(exc.key, str(exc.path))
        print(f"hearth: {text}", file=sys.stderr)
        if not args.smoke:
            QMessageBox.critical(None, meta.APP_NAME, text)
        return 2
    window = build_main_window(data_dir, db, SystemClock(), smoke=args.smoke)
    if guard is not None:
        guard.activation_requested.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    window.show()
    if args.smoke:
        def finish() -> None:
            elapsed_ms = (time.perf_counter() - _STARTED) * 1000
            print(f"hearth smoke ok: started in {elapsed_ms:.0f} ms")
            app.quit()

        QTimer.singleShot(0, finish)
    rc = app.exec()
    db.close()
    if guard is not None:
        guard.release()
    return rc


def build_main_window(data_dir: Path, db, clock, *, smoke: bool = False, seed: int | None = None,
                      backend=None, quiet_disclosure: bool | None = None):
    """Wire the core services to the window. Tests call this with a FakeClock and a temp dir."""
    from desktop.companion.backend_factory import make_backend
    from desktop.companion.repository import ConversationRepository
    from desktop.profiles.repository import ProfileRepository
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(
        data_dir=data_dir,
        db=db,
        clock=clock,
        backend=backend or make_backend(db),
        profiles=ProfileRepository(db),
        conversations=ConversationRepository(db),
        seed=seed,
        quiet_disclosure=smoke or bool(os.environ.get("HEARTH_QUIET_DISCLOSURE"))
        if quiet_disclosure is None else quiet_disclosure,
    )
    return MainWindow(ctx)


if __name__ == "__main__":
    sys.exit(main())
