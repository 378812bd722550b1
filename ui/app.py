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
from desktop.cli import CLI_COMMANDS, parse_args  # noqa: E402


def _data_dir(args) -> Path:
    if args.data_dir is not None:
        return args.data_dir
    from ui.paths import resolve_data_dir

    return resolve_data_dir()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if args.command in CLI_COMMANDS:
        from desktop import cli

        return cli.run(args, _data_dir(args))
    return run_gui(args)


def run_gui(args) -> int:
    """Show the window first, then open the database, the keyring and the services.

    The first frame needs only Qt, the theme and a plain read of the profile names; everything
    else (sqlite-utils, the keyring over D-Bus, migrations, integrity checks) runs right after
    that frame is painted, while the profile buttons stay disabled. Nothing can be opened before
    the checks have run, and a check that fails replaces the picker before anyone could use it.
    """
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.single_instance import SingleInstanceGuard
    from ui.theme import apply_theme, create_application

    app = QApplication.instance() or create_application(sys.argv[0])
    app.setApplicationName(meta.APP_NAME)
    app.setApplicationDisplayName(meta.APP_NAME)
    app.setApplicationVersion(meta.VERSION)
    app.setDesktopFileName(meta.APP_ID)
    lang = install_translators(app, args.lang)
    apply_theme(app, os.environ.get("HEARTH_THEME", "auto"))
    data_dir = _data_dir(args)
    with contextlib.suppress(OSError):  # open_database reports an unwritable folder clearly
        data_dir.mkdir(parents=True, exist_ok=True)
    guard = SingleInstanceGuard(data_dir) if data_dir.is_dir() else None
    if guard is not None and not guard.acquire():
        guard.notify_running_instance()
        print("hearth: already running for this data directory; raised its window", file=sys.stderr)
        return 3
    window = MainWindow()
    window.picker.set_profiles(quick_profile_list(data_dir))
    window.picker.set_language(lang)
    if guard is not None:
        guard.activation_requested.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    state = {"db": None, "rc": None}

    class FirstFrame(QObject):
        """Starts the services once the window has painted for the first time."""

        def eventFilter(self, obj, event):
            if event.type() == event.Type.Paint and not state.get("started"):
                state["started"] = True
                QTimer.singleShot(0, lambda: _finish_start(app, window, args, data_dir, state, guard))
            return False

    first_frame = FirstFrame(window)
    window.installEventFilter(first_frame)
    window.picker.installEventFilter(first_frame)
    window.show()
    if args.smoke:
        def finish() -> None:
            elapsed_ms = (time.perf_counter() - _STARTED) * 1000
            print(f"hearth smoke ok: started in {elapsed_ms:.0f} ms")
            app.quit()

        QTimer.singleShot(0, finish)
    rc = app.exec()
    ctx = window.ctx
    if ctx is not None and ctx.alert_runner is not None:
        ctx.alert_runner.stop()
    if state["db"] is not None:
        state["db"].close()
    if guard is not None:
        guard.release()
    return state["rc"] if state["rc"] is not None else rc


def quick_profile_list(data_dir: Path) -> list:
    """Profile ids and names for the first frame, read with the standard library only.

    Read-only and forgiving: a missing or damaged file gives an empty list here, and the full
    start right after reports it properly.
    """
    import sqlite3
    from types import SimpleNamespace

    path = data_dir / "hearth.db"
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("select id, display_name from child_profiles order by id").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [SimpleNamespace(id=row[0], display_name=row[1]) for row in rows]


def _finish_start(app, window, args, data_dir: Path, state: dict, guard=None) -> None:
    """Everything that may wait until the first frame: database, keyring, services, checks."""
    if guard is not None:
        guard.listen()
    from PySide6.QtWidgets import QMessageBox

    from desktop.cli import keyring_service
    from desktop.clock import SystemClock
    from desktop.guardian.core import open_guardian
    from desktop.storage import StorageError, open_database
    from ui import messages
    from ui.theme import apply_theme

    try:
        db = open_database(data_dir)
    except StorageError as exc:
        text = messages.storage_error(exc.key, str(exc.path))
        print(f"hearth: {text}", file=sys.stderr)
        state["rc"] = 2
        if not args.smoke:
            QMessageBox.critical(window, meta.APP_NAME, text)
        app.exit(2)
        return
    state["db"] = db
    clock = SystemClock()
    guardian = open_guardian(db, data_dir, clock, service=keyring_service())
    ctx = build_context(data_dir, db, clock, smoke=args.smoke, guardian=guardian)
    ctx.keyring_service = keyring_service()
    window.attach(ctx)
    window.start()
    if not os.environ.get("HEARTH_THEME"):
        with contextlib.suppress(Exception):  # unverifiable settings: keep the default look
            apply_theme(app, ctx.settings.theme())
    from ui.tray import install_tray

    window.tray = install_tray(window)
    if window.tray is not None and ctx.notifier is not None:
        ctx.notifier.set_tray(window.tray)
    if args.open_profile is not None and window.stack.currentWidget() is window.picker:
        if args.open_profile in {c.id for c in ctx.profiles.children()}:
            window.open_chat(args.open_profile)
        else:
            print(f"hearth: no child profile {args.open_profile}", file=sys.stderr)


def build_main_window(data_dir: Path, db, clock, *, smoke: bool = False, seed: int | None = None,
                      backend=None, quiet_disclosure: bool | None = None, guardian=None):
    """Wire the core services to a new window and start it (tests use this directly).

    Tests of the chat view alone pass a ``backend`` and no guardian; the app passes the guardian
    core, and then limits, consent, alerts and complaints all apply.
    """
    from ui.main_window import MainWindow

    ctx = build_context(data_dir, db, clock, smoke=smoke, seed=seed, backend=backend,
                        quiet_disclosure=quiet_disclosure, guardian=guardian)
    window = MainWindow(ctx)
    window.start()
    return window


def build_context(data_dir: Path, db, clock, *, smoke: bool = False, seed: int | None = None,
                  backend=None, quiet_disclosure: bool | None = None, guardian=None):
    from desktop.companion.repository import ConversationRepository
    from desktop.profiles.repository import ProfileRepository
    from ui.context import AppContext

    ctx = AppContext(
        data_dir=data_dir,
        db=db,
        clock=clock,
        backend=backend,
        profiles=ProfileRepository(db),
        conversations=ConversationRepository(db),
        seed=seed,
        quiet_disclosure=smoke or bool(os.environ.get("HEARTH_QUIET_DISCLOSURE"))
        if quiet_disclosure is None else quiet_disclosure,
    )
    if guardian is not None:
        attach_guardian_services(ctx, guardian, fixed_backend=backend)
    return ctx


def attach_guardian_services(ctx, guardian, *, fixed_backend=None) -> None:
    """The services that depend on the guardian core: signed settings, the clock guard, alerts,
    complaints, notifications, safety and the backend the guardian chose."""
    from desktop.complaints import ComplaintRepository
    from desktop.family_settings import FamilySettings
    from desktop.guardian.audit import Actor
    from desktop.limits.clockguard import ClockGuard
    from desktop.limits.keys import LEDGER_KEY_PURPOSE
    from desktop.storage import open_database
    from ui.notify import NotificationDispatcher

    ctx.guardian = guardian
    ctx.settings = FamilySettings(guardian.settings)
    ctx.complaints = ComplaintRepository(ctx.db)
    ctx.notifier = NotificationDispatcher()
    ctx.safety = LazySafetyReviewer()
    try:
        ctx.clock_guard = ClockGuard(
            ctx.db, ctx.clock, guardian.derived_key(LEDGER_KEY_PURPOSE), guardian.audit.for_actor(Actor.SYSTEM)
        )
        ctx.clock_guard.start()
    except Exception:  # no key: integrity is locked, and the chat cannot open without it
        ctx.clock_guard = None
    from desktop.alerts.service import AlertService
    from desktop.alerts.thread import AlertDispatcherThread

    data_dir = ctx.data_dir
    ctx.alert_runner = AlertDispatcherThread(lambda: open_database(data_dir), {}, ctx.clock)
    ctx.alerts = AlertService(ctx.db, ctx.clock, (), wake=ctx.alert_runner.wake)
    from desktop.alerts.emergency import FamilyAlertSink

    ctx.alert_sink = FamilyAlertSink(ctx.alerts, lambda: ctx.alerts.channels, ctx.profiles.guardian)
    # The senders (smtplib, httpx) and the safety lexicons load right after the window is up
    # (MainWindow calls ``start_background``); an alert raised before that waits in the outbox.
    ctx.background_start = lambda: start_background(ctx)
    if fixed_backend is None:
        ctx.backend_builder = rebuild_backend


def start_background(ctx) -> None:
    if ctx.alert_runner is not None and not ctx.alert_runner.is_alive:
        rebuild_alert_channels(ctx)
        ctx.alert_runner.start()
    LazySafetyReviewer.warm_up()
    apply_retention(ctx)


def apply_retention(ctx) -> int:
    """R26: delete history older than the guardian's retention period (90 days by default).
    Runs after start-up and then every few hours while Hearth is open."""
    from desktop.companion.retention import purge_expired

    try:
        days = ctx.settings.retention_days()
    except Exception:  # settings that do not verify: keep data; the chat is locked anyway
        return 0
    return purge_expired(ctx.conversations, ctx.clock.now(), days, audit=ctx.guardian.audit)


class LazySafetyReviewer:
    """The safety gate, imported on first use so the window opens without it.

    Its lexicons compile on a background thread right after start-up (``warm_up``), so the
    first message does not wait for them either.
    """

    def __init__(self, on_dependence=None):
        self.on_dependence = on_dependence
        self._reviewer = None

    def with_dependence_hook(self, hook) -> LazySafetyReviewer:
        return LazySafetyReviewer(hook)

    @staticmethod
    def warm_up() -> None:
        import threading

        from desktop.safety.detector import assess

        threading.Thread(target=assess, args=("warm up",), name="safety-warm-up", daemon=True).start()

    def _get(self):
        if self._reviewer is None:
            from desktop.companion.safety_gate import SafetyGate

            self._reviewer = SafetyGate(on_dependence=self.on_dependence)
        return self._reviewer

    def review_input(self, text, *, lang, is_minor):
        return self._get().review_input(text, lang=lang, is_minor=is_minor)

    def output_filter(self, *, lang, is_minor):
        return self._get().output_filter(lang=lang, is_minor=is_minor)


def rebuild_backend(ctx) -> None:
    """After the guardian changed the backend (or at start-up)."""
    from desktop.companion.backend_factory import make_backend

    try:
        choice = ctx.settings.backend()
    except Exception:  # settings that do not verify: the chat is locked; keep the built-in
        choice = None
    ctx.backend = make_backend(choice, ctx.guardian.secrets.get_api_key)


def rebuild_alert_channels(ctx) -> None:
    """After the guardian changed alert channels (or at start-up)."""
    from desktop.alerts import ChannelRepository, ConfigError, DesktopChannelConfig, build_channel
    from desktop.alerts.emergency import emergency_channels
    from desktop.notifications import DesktopNotifier

    repo = ChannelRepository(ctx.db)
    configs = repo.all()
    if not any(isinstance(c, DesktopChannelConfig) for c in configs):
        repo.save(DesktopChannelConfig())  # the local inbox plus a desktop notice, always
        configs = repo.all()
    channels = {}
    # The emergency contact's twins are senders too, used only by tier-3 alerts (R19).
    for config in [*configs, *emergency_channels(configs, ctx.profiles.guardian())]:
        if not getattr(config, "enabled", True):
            continue
        try:
            channels[config.channel_id] = build_channel(
                config, secret_lookup=ctx.guardian.secrets.get_secret, notifier=DesktopNotifier()
            )
        except ConfigError:
            continue  # shown as failing in the panel; never blocks the chat
    ctx.alerts.set_channels(configs)
    try:
        ctx.alerts.include_excerpts = ctx.settings.alert_excerpts()
    except Exception:
        ctx.alerts.include_excerpts = False
    ctx.alert_runner.set_channels(channels)


if __name__ == "__main__":
    sys.exit(main())
