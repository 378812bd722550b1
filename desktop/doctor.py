"""``hearth doctor``: is this computer set up so that Hearth's protections actually hold?

Each check returns ok, warn or fail with a one-line fix. The English ``message`` and ``fix`` are
for maintainers (the CLI prints them); ``finding`` is a stable code and ``params`` its values, so
the parental panel can say the same thing in the guardian's language. ``run_checks`` repairs nothing and
never creates a missing database; opening an existing one applies pending migrations (as Hearth
itself would) and a failed integrity check is written to the audit log like any other. Exit code
of :func:`run_doctor`: 0 when nothing failed (warnings included), 1 when a check failed.
"""

from __future__ import annotations

import grp
import json
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from desktop import meta
from desktop.clock import Clock, SystemClock
from desktop.guardian.core import open_guardian
from desktop.guardian.integrity import IntegrityReason, IntegrityStatus
from desktop.guardian.secrets import (
    MARKER_ENTRY,
    SecretBackendKind,
    SecretsUnavailableError,
    probe_keyring,
)
from desktop.storage import StorageError, open_database
from desktop.storage.database import DB_FILENAME

ADMIN_GROUPS = frozenset({"sudo", "wheel", "admin"})
NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
RESEAL_FIX = "Open Hearth, enter the guardian PIN, review the settings and reseal them."


class CheckStatus(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


class CheckTopic(StrEnum):
    """What a check looks at; the first part of every :class:`Finding` code."""

    DATABASE = "database"
    KEYRING = "keyring"
    SETTINGS = "settings"
    CLOCK = "clock"
    ALERT_CHANNELS = "alert_channels"
    ALERT_CHANNEL = "alert_channel"  # params: channel_id, channel_kind
    NOTIFICATIONS = "notifications"
    ACCOUNT = "account"
    AUTOSTART = "autostart"


class Finding(StrEnum):
    """What a check found, as a stable code; the comment names the ``params`` it carries."""

    DATABASE_ABSENT = "database.absent"  # path
    DATABASE_LOST = "database.lost"  # path
    DATABASE_NOT_SET_UP = "database.not_set_up"  # path
    DATABASE_OK = "database.ok"  # path
    DATABASE_DAMAGED = "database.damaged"  # path, problem
    KEYRING_ABSENT = "keyring.absent"  # detail (before setup)
    KEYRING_AVAILABLE = "keyring.available"  # backend
    KEYRING_FILE_FALLBACK = "keyring.file_fallback"  # detail
    KEYRING_UNAVAILABLE = "keyring.unavailable"  # detail
    KEYRING_KEY_MISSING = "keyring.key_missing"
    KEYRING_NOT_SET_UP = "keyring.not_set_up"  # backend
    KEYRING_KEY_PRESENT = "keyring.key_present"  # backend
    SETTINGS_NOT_CHECKED = "settings.not_checked"
    SETTINGS_UNREADABLE = "settings.unreadable"  # error
    SETTINGS_OK = "settings.ok"
    SETTINGS_NOT_SET_UP = "settings.not_set_up"
    SETTINGS_LOCKED = "settings.locked"  # reasons (IntegrityReason values), settings (keys)
    CLOCK_NO_HISTORY = "clock.no_history"
    CLOCK_BEHIND = "clock.behind"  # now, last_seen (datetimes)
    CLOCK_OK = "clock.ok"
    ALERT_CHANNELS_NONE = "alert_channels.none"
    ALERT_CHANNEL_FAILING = "alert_channel.failing"  # failures, error
    ALERT_CHANNEL_DEGRADED = "alert_channel.degraded"  # error
    ALERT_CHANNEL_OK = "alert_channel.ok"
    ALERT_CHANNEL_UNTESTED = "alert_channel.untested"
    NOTIFICATIONS_NO_BUS = "notifications.no_bus"  # error
    NOTIFICATIONS_OK = "notifications.ok"
    NOTIFICATIONS_NO_SERVER = "notifications.no_server"
    ACCOUNT_ROOT = "account.root"
    ACCOUNT_ADMIN = "account.admin"  # groups
    ACCOUNT_OK = "account.ok"
    AUTOSTART_ON = "autostart.on"  # entry
    AUTOSTART_OFF = "autostart.off"  # entry

    @property
    def topic(self) -> CheckTopic:
        return CheckTopic(self.value.split(".", 1)[0])


@dataclass(frozen=True)
class Check:
    name: str
    status: CheckStatus
    message: str
    fix: str = ""
    #: Required, so a new check cannot be added without a code the panel can translate.
    finding: Finding = field(kw_only=True)
    params: Mapping[str, object] = field(default_factory=dict, kw_only=True, compare=False)

    def to_dict(self) -> dict:
        """The CLI's ``--json`` object: what was checked, in English, for maintainers."""
        return {"name": self.name, "status": self.status.value, "message": self.message, "fix": self.fix}


def run_checks(
    data_dir: Path,
    *,
    clock: Clock | None = None,
    service: str = meta.KEYRING_SERVICE,
    keyring_backend=None,
    config_home: Path | None = None,
) -> list[Check]:
    clock = clock or SystemClock()
    data_dir = Path(data_dir)
    db_path = data_dir / DB_FILENAME
    checks: list[Check] = []
    if db_path.exists():
        checks.append(check_database_file(db_path))
        checks.extend(
            _checks_with_database(
                data_dir,
                clock,
                service,
                keyring_backend,
                database_ok=checks[-1].status is CheckStatus.OK,
            )
        )
    else:
        checks.extend(_checks_without_database(db_path, service, keyring_backend))
    checks.append(check_notifications())
    checks.append(check_admin())
    checks.append(check_autostart(config_home))
    return checks


def _checks_without_database(db_path: Path, service: str, keyring_backend) -> list[Check]:
    backend, status = probe_keyring(service, keyring_backend)
    if backend is None:
        keyring = Check(
            "keyring",
            CheckStatus.WARN,
            f"No system keyring: {status.detail}.",
            "Install and unlock GNOME Keyring or KWallet (Secret Service) before "
            "setting Hearth up.",
            finding=Finding.KEYRING_ABSENT,
            params={"detail": status.detail},
        )
        return [
            keyring,
            Check(
                "database",
                CheckStatus.WARN,
                f"No database at {db_path}.",
                "Run `hearth setup` or start Hearth to set it up.",
                finding=Finding.DATABASE_ABSENT,
                params={"path": str(db_path)},
            ),
        ]
    keyring = Check(
        "keyring",
        CheckStatus.OK,
        f"Keyring available ({status.backend}).",
        finding=Finding.KEYRING_AVAILABLE,
        params={"backend": status.backend},
    )
    try:
        marker = backend.get(MARKER_ENTRY)
    except SecretsUnavailableError:
        marker = None
    if marker:
        return [
            keyring,
            Check(
                "database",
                CheckStatus.FAIL,
                f"The keyring says a family was set up, but {db_path} is missing.",
                "Restore the database from a backup, or run `hearth family import`"
                " with your export, or open Hearth and enter the guardian PIN.",
                finding=Finding.DATABASE_LOST,
                params={"path": str(db_path)},
            ),
        ]
    return [
        keyring,
        Check(
            "database",
            CheckStatus.WARN,
            f"No database at {db_path}; Hearth is not set up yet.",
            "Run `hearth setup` or start Hearth.",
            finding=Finding.DATABASE_NOT_SET_UP,
            params={"path": str(db_path)},
        ),
    ]


def check_database_file(db_path: Path) -> Check:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        rows = [(f"cannot read the database: {exc}",)]
    if rows == [("ok",)]:
        return Check(
            "database",
            CheckStatus.OK,
            f"{db_path}: integrity check passed.",
            finding=Finding.DATABASE_OK,
            params={"path": str(db_path)},
        )
    problem = "; ".join(str(r[0]) for r in rows[:3])
    return Check(
        "database",
        CheckStatus.FAIL,
        f"{db_path}: {problem}",
        "Restore the database from a backup or import your family export into a new data folder.",
        finding=Finding.DATABASE_DAMAGED,
        params={"path": str(db_path), "problem": problem},
    )


def _checks_with_database(data_dir, clock, service, keyring_backend, *, database_ok) -> list[Check]:
    if not database_ok:
        return [
            Check(
                "settings",
                CheckStatus.FAIL,
                "Settings not checked: the database is damaged.",
                "Fix the database first.",
                finding=Finding.SETTINGS_NOT_CHECKED,
            )
        ]
    try:
        db = open_database(data_dir)
    except StorageError as exc:
        return [
            Check(
                "settings",
                CheckStatus.FAIL,
                f"Cannot open the database: {exc}",
                "Fix the database first.",
                finding=Finding.SETTINGS_UNREADABLE,
                params={"error": str(exc)},
            )
        ]
    try:
        core = open_guardian(db, data_dir, clock, service=service, keyring_backend=keyring_backend)
        state = core.check_integrity()
        return [_keyring_check(core, state), _settings_check(state), check_clock(db, clock),
                *check_alert_channels(db, clock)]
    finally:
        db.close()


def check_alert_channels(db, clock: Clock) -> list[Check]:
    """One line per configured guardian alert channel; a channel that keeps failing is a fail,
    because alerts about the child are not reaching the guardian that way (issue: alerts)."""
    from desktop.alerts.config import ChannelRepository
    from desktop.alerts.models import HealthState
    from desktop.alerts.service import AlertService

    configs = ChannelRepository(db).all()
    if not configs:
        return [Check("alert channels", CheckStatus.WARN, "No alert channel is set up yet; alerts wait in the panel's inbox.",
                      "Add an e-mail or phone (ntfy) channel in Guardian settings → Alerts.",
                      finding=Finding.ALERT_CHANNELS_NONE)]
    checks = []
    for health in AlertService(db, clock, configs).channel_health():
        name = f"alert channel {health.channel_id} ({health.kind.value})"
        params = {"channel_id": health.channel_id, "channel_kind": health.kind.value,
                  "failures": health.consecutive_failures, "error": health.last_error or ""}
        if health.state is HealthState.FAILING:
            checks.append(Check(name, CheckStatus.FAIL,
                                f"Failing: {health.consecutive_failures} attempts in a row ({health.last_error or 'no detail'}).",
                                "Check the channel in Guardian settings → Alerts and send a test alert.",
                                finding=Finding.ALERT_CHANNEL_FAILING, params=params))
        elif health.state is HealthState.DEGRADED:
            checks.append(Check(name, CheckStatus.WARN, f"Failed recently: {health.last_error or 'no detail'}.",
                                "Send a test alert from Guardian settings → Alerts.",
                                finding=Finding.ALERT_CHANNEL_DEGRADED, params=params))
        elif health.state is HealthState.OK:
            checks.append(Check(name, CheckStatus.OK, "Working.", finding=Finding.ALERT_CHANNEL_OK, params=params))
        else:
            checks.append(Check(name, CheckStatus.OK, "Not used yet.", finding=Finding.ALERT_CHANNEL_UNTESTED,
                                params=params))
    return checks


def _keyring_check(core, state) -> Check:
    status = core.secrets.status
    if status.kind is SecretBackendKind.FILE_FALLBACK:
        return Check(
            "keyring",
            CheckStatus.WARN,
            f"Secrets are in a plain file (weaker): {status.detail}.",
            "Install and unlock a Secret Service keyring, then "
            "move the secrets to it in the parental settings.",
            finding=Finding.KEYRING_FILE_FALLBACK,
            params={"detail": status.detail},
        )
    if status.kind is SecretBackendKind.UNAVAILABLE:
        level = CheckStatus.FAIL if core.is_set_up() else CheckStatus.WARN
        return Check(
            "keyring",
            level,
            f"No system keyring: {status.detail}.",
            "Install and unlock GNOME Keyring or KWallet (Secret Service) and log in again.",
            finding=Finding.KEYRING_UNAVAILABLE,
            params={"detail": status.detail},
        )
    if IntegrityReason.KEY_MISSING in state.reasons:
        return Check(
            "keyring",
            CheckStatus.FAIL,
            "The settings key is missing from the keyring.",
            RESEAL_FIX,
            finding=Finding.KEYRING_KEY_MISSING,
        )
    if not core.is_set_up():
        return Check(
            "keyring",
            CheckStatus.OK,
            f"Keyring available ({status.backend}); not set up yet.",
            finding=Finding.KEYRING_NOT_SET_UP,
            params={"backend": status.backend},
        )
    return Check(
        "keyring",
        CheckStatus.OK,
        f"Keyring available ({status.backend}); settings key present.",
        finding=Finding.KEYRING_KEY_PRESENT,
        params={"backend": status.backend},
    )


def _settings_check(state) -> Check:
    if state.status is IntegrityStatus.OK:
        return Check("settings", CheckStatus.OK, "Guardian settings verify.", finding=Finding.SETTINGS_OK)
    if state.status is IntegrityStatus.NEEDS_SETUP:
        return Check(
            "settings",
            CheckStatus.WARN,
            "Hearth is not set up yet.",
            "Run `hearth setup` or start Hearth.",
            finding=Finding.SETTINGS_NOT_SET_UP,
        )
    reasons = ", ".join(r.value for r in state.reasons)
    names = f" (settings: {', '.join(state.tampered_settings)})" if state.tampered_settings else ""
    return Check(
        "settings",
        CheckStatus.FAIL,
        f"Locked: {reasons}{names}.",
        RESEAL_FIX,
        finding=Finding.SETTINGS_LOCKED,
        params={
            "reasons": tuple(r.value for r in state.reasons),
            "settings": tuple(state.tampered_settings),
        },
    )


def check_clock(db, clock: Clock) -> Check:
    """Wall time must not be earlier than the last moment Hearth saw (its high-water mark)."""
    mark = _high_water(db, clock)
    if mark is None:
        return Check(
            "clock",
            CheckStatus.OK,
            "No clock history yet; nothing to compare.",
            finding=Finding.CLOCK_NO_HISTORY,
        )
    now = clock.now()
    if now < mark:
        return Check(
            "clock",
            CheckStatus.FAIL,
            f"The clock ({now:%Y-%m-%d %H:%M}) is earlier than the last time Hearth saw "
            f"({mark:%Y-%m-%d %H:%M}).",
            "Set the correct date and time (turn on automatic time), then enter the "
            "guardian PIN in Hearth.",
            finding=Finding.CLOCK_BEHIND,
            params={"now": now, "last_seen": mark},
        )
    return Check(
        "clock",
        CheckStatus.OK,
        "The clock is not earlier than Hearth's last reading.",
        finding=Finding.CLOCK_OK,
    )


def _high_water(db, clock: Clock) -> datetime | None:
    """Read the high-water mark kept by the time-limit subsystem, wherever it is stored."""
    tz = clock.now().tzinfo
    marks: list[datetime] = []
    tables = set(db.table_names())
    if "limits_clock" in tables:
        for row in db.query("select state from limits_clock"):
            try:
                value = json.loads(row["state"] or "{}").get("last_trusted")
            except (ValueError, AttributeError):
                continue
            marks.extend(_as_datetimes([value], tz))
    if "clock_state" in tables:
        for row in db.query("select * from clock_state"):
            marks.extend(
                _as_datetimes(
                    [
                        v
                        for k, v in row.items()
                        if "wall" in k or "high_water" in k or "last_trusted" in k
                    ],
                    tz,
                )
            )
    return max(marks) if marks else None


def _as_datetimes(values, tz) -> list[datetime]:
    found = []
    for value in values:
        if isinstance(value, int | float) and not isinstance(value, bool):
            found.append(datetime.fromtimestamp(value, tz))
        elif isinstance(value, str):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                continue
            if moment.tzinfo is not None:
                found.append(moment)
    return found


def check_notifications() -> Check:
    """A notification server must own ``org.freedesktop.Notifications`` on the session bus."""
    fix = (
        "Run a notification daemon in the desktop session (GNOME Shell, KDE Plasma, dunst, "
        "mako, xfce4-notifyd)."
    )
    try:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        bus = DBusAddress(
            "/org/freedesktop/DBus",
            bus_name="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
        )
        with open_dbus_connection(bus="SESSION") as conn:
            reply = conn.send_and_get_reply(
                new_method_call(bus, "NameHasOwner", "s", (NOTIFICATIONS_NAME,)), timeout=3
            )
            owned = bool(reply.body[0])
    except Exception as exc:  # no session bus, refused connection, timeout: all mean "no"
        return Check(
            "notifications",
            CheckStatus.WARN,
            f"Cannot reach the D-Bus session bus ({type(exc).__name__}: {exc}); "
            "in-app reminders only.",
            fix,
            finding=Finding.NOTIFICATIONS_NO_BUS,
            params={"error": f"{type(exc).__name__}: {exc}"},
        )
    if owned:
        return Check(
            "notifications",
            CheckStatus.OK,
            "A desktop notification server is running.",
            finding=Finding.NOTIFICATIONS_OK,
        )
    return Check(
        "notifications",
        CheckStatus.WARN,
        "No desktop notification server; in-app reminders only.",
        fix,
        finding=Finding.NOTIFICATIONS_NO_SERVER,
    )


def check_admin(groups: list[str] | None = None, uid: int | None = None) -> Check:
    """Run in the child's account: an administrator can remove Hearth and everything it keeps."""
    uid = os.getuid() if uid is None else uid
    if groups is None:
        groups = []
        for gid in os.getgroups():
            try:
                groups.append(grp.getgrgid(gid).gr_name)
            except KeyError:
                continue
    admin = sorted(ADMIN_GROUPS.intersection(groups))
    if uid == 0 or admin:
        who = "root" if uid == 0 else f"member of {', '.join(admin)}"
        return Check(
            "account",
            CheckStatus.WARN,
            f"This OS account is an administrator ({who}); it can delete Hearth's data "
            "and keyring entries.",
            "Give the child a standard account (for example `sudo deluser CHILD sudo`) "
            "and keep the administrator account for the guardian.",
            finding=Finding.ACCOUNT_ROOT if uid == 0 else Finding.ACCOUNT_ADMIN,
            params={"groups": tuple(admin)},
        )
    return Check(
        "account",
        CheckStatus.OK,
        "This OS account is not an administrator.",
        finding=Finding.ACCOUNT_OK,
    )


def check_autostart(config_home: Path | None = None) -> Check:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    entry = Path(base) / "autostart" / f"{meta.APP_ID}.desktop"
    if entry.is_file():
        return Check(
            "autostart",
            CheckStatus.OK,
            f"Hearth starts at login ({entry}).",
            finding=Finding.AUTOSTART_ON,
            params={"entry": str(entry)},
        )
    return Check(
        "autostart",
        CheckStatus.WARN,
        f"Hearth does not start at login ({entry} is missing).",
        f'Turn on "start at login" in the parental settings, or copy '
        f"Hearth's {meta.APP_ID}.desktop to {entry.parent}/.",
        finding=Finding.AUTOSTART_OFF,
        params={"entry": str(entry)},
    )


def run_doctor(data_dir: Path, out: TextIO, *, as_json: bool = False, **options) -> int:
    """Print the checks (``--json``: a list of objects); 1 if any failed, else 0."""
    checks = run_checks(data_dir, **options)
    if as_json:
        print(json.dumps([c.to_dict() for c in checks], ensure_ascii=False, indent=2), file=out)
    else:
        for c in checks:
            print(f"[{c.status.value:4}] {c.name}: {c.message}", file=out)
            if c.fix and c.status is not CheckStatus.OK:
                print(f"       fix: {c.fix}", file=out)
    return 1 if any(c.status is CheckStatus.FAIL for c in checks) else 0
