"""The family commands of the ``hearth`` CLI, as plain functions the argument parser calls.

Each takes already-parsed arguments and text streams and returns an exit code (:class:`ExitCode`)
after printing what happened. The PIN is read from a stream (``--pin-stdin``), never from the
command line, where other users could see it in the process list.

    hearth setup --config FILE.json --pin-stdin   -> run_setup(data_dir, FILE, sys.stdin, sys.stdout)
    hearth setup --print-example                  -> print_example(sys.stdout)
    hearth family export --out FILE --pin-stdin   -> run_export(data_dir, FILE, sys.stdin, sys.stdout)
    hearth family import FILE --pin-stdin         -> run_import(data_dir, FILE, sys.stdin, sys.stdout)

Every bad input (a wrong, empty or 10,000-character PIN, a malformed or too-new file) gets one
clear line on ``err`` and changes nothing.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from desktop import meta
from desktop.clock import Clock, SystemClock
from desktop.family.config import load_family_config
from desktop.family.setup import apply_family_config
from desktop.family.transfer import (
    WrongPinError,
    export_family,
    import_family,
    parse_family_export,
)
from desktop.family.validation import FileFormatError, read_json_file
from desktop.guardian.audit import Actor, AuditKind
from desktop.guardian.core import AlreadySetUpError, open_guardian
from desktop.guardian.pin import verify_hash
from desktop.guardian.pin_rules import PinRuleError, check_new_pin, normalize_input
from desktop.guardian.secrets import SecretsUnavailableError
from desktop.guardian.settings_store import SettingsIntegrityError
from desktop.resources import resource_path
from desktop.storage import StorageError, open_database
from desktop.storage.database import DB_FILENAME

EXAMPLE_CONFIG = ("setup", "example-config.json")
MAX_PIN_READ = 64 * 1024


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # the data folder or database cannot be used
    BAD_INPUT = 2  # the PIN or the file is malformed
    DENIED = 3  # wrong PIN, or PIN entry locked out
    CONFLICT = 4  # already set up / nothing set up / integrity must be resolved first
    NO_KEYRING = 5  # no Secret Service and no opt-in to the weaker file


class PinInputError(ValueError):
    pass


def read_pin(stream: TextIO) -> str:
    """The first line of ``stream`` without its line ending (a PIN may contain spaces)."""
    line = stream.readline(MAX_PIN_READ)
    if line.endswith("\n"):
        line = line[:-1]
    if line.endswith("\r"):
        line = line[:-1]
    if not line:
        raise PinInputError("no PIN on standard input (give it as the first line)")
    return line


NO_KEYRING_HELP = (
    "Hearth keeps its settings key in the system keyring (Secret Service: GNOME Keyring or "
    "KWallet), and none is available: {detail}. Start or install one and log in again, or accept "
    "a weaker plain file (mode 0600) in the data folder: {how}."
)


def _say(stream: TextIO, text: str) -> None:
    print(text, file=stream)


def _read_checked_pin(
    pin_stream: TextIO, err: TextIO, command: str, check: Callable[[str], object]
) -> str | None:
    """The PIN from ``pin_stream`` once ``check`` accepts it, or ``None`` after one line on
    ``err``: every command rejects an empty or malformed PIN the same way (exit BAD_INPUT)."""
    try:
        pin = read_pin(pin_stream)
        check(pin)
    except (PinInputError, PinRuleError) as exc:
        _say(err, f"{command}: {exc}")
        return None
    return pin


def _open_data_folder(data_dir: Path, err: TextIO, command: str) -> Database | None:
    """The database in ``data_dir``, or ``None`` after one line on ``err`` saying why the folder
    cannot be used (exit ERROR), worded alike for every command."""
    try:
        return open_database(Path(data_dir))
    except StorageError as exc:
        _say(err, f"{command}: cannot use the data folder: {exc}")
        return None


def _say_no_keyring(err: TextIO, command: str, exc: SecretsUnavailableError, how: str) -> None:
    """Explain a missing keyring with the one help text; ``how`` is the command's own way to opt
    in to the weaker secrets file."""
    detail = exc.status.detail or exc.status.kind.value
    _say(err, f"{command}: " + NO_KEYRING_HELP.format(detail=detail, how=how))


def print_example(out: TextIO) -> int:
    """Print the documented example config for ``hearth setup --config``."""
    out.write(resource_path(*EXAMPLE_CONFIG).read_text(encoding="utf-8"))
    return ExitCode.OK


def run_setup(
    data_dir: Path,
    config_path: Path,
    pin_stream: TextIO,
    out: TextIO,
    *,
    err: TextIO | None = None,
    clock: Clock | None = None,
    service: str = meta.KEYRING_SERVICE,
    keyring_backend=None,
) -> int:
    """``hearth setup --config FILE --pin-stdin``: the first-run setup without a window."""
    err = err or sys.stderr
    clock = clock or SystemClock()
    try:
        config = load_family_config(Path(config_path), today=clock.now().date())
    except FileFormatError as exc:
        _say(err, f"hearth setup: {config_path}: {exc}")
        return ExitCode.BAD_INPUT
    pin = _read_checked_pin(pin_stream, err, "hearth setup", check_new_pin)
    if pin is None:
        return ExitCode.BAD_INPUT
    db = _open_data_folder(data_dir, err, "hearth setup")
    if db is None:
        return ExitCode.ERROR
    try:
        core = open_guardian(
            db, Path(data_dir), clock, service=service, keyring_backend=keyring_backend
        )
        result = apply_family_config(core, config, pin)
    except AlreadySetUpError as exc:
        _say(err, f"hearth setup: {exc}")
        return ExitCode.CONFLICT
    except SecretsUnavailableError as exc:
        _say_no_keyring(err, "hearth setup", exc, 'set "secrets_file_fallback": true in the config')
        return ExitCode.NO_KEYRING
    finally:
        del pin
        db.close()
    _say(out, f"Hearth is set up for {config.guardian.name} in {data_dir}.")
    for child in result.children:
        _say(
            out,
            f"  child: {child.display_name} (born {child.birthday.isoformat()}, "
            f"profile {child.id})",
        )
    for note in result.notes:
        _say(out, f"  note: {note}")
    _say(out, "")
    _say(
        out, "RECOVERY CODE (shown only this once; write it down and keep it away from the child):"
    )
    _say(out, f"    {result.recovery_code}")
    _say(out, "It resets a forgotten PIN. Hearth stores only its hash.")
    return ExitCode.OK


def run_export(
    data_dir: Path,
    out_path: Path,
    pin_stream: TextIO,
    out: TextIO,
    *,
    err: TextIO | None = None,
    clock: Clock | None = None,
    service: str = meta.KEYRING_SERVICE,
    keyring_backend=None,
) -> int:
    """``hearth family export --out FILE --pin-stdin``."""
    err = err or sys.stderr
    clock = clock or SystemClock()
    pin = _read_checked_pin(pin_stream, err, "hearth family export", normalize_input)
    if pin is None:
        return ExitCode.BAD_INPUT
    if not (Path(data_dir) / DB_FILENAME).exists():
        _say(err, f"hearth family export: there is no Hearth data in {data_dir}")
        return ExitCode.CONFLICT
    db = _open_data_folder(data_dir, err, "hearth family export")
    if db is None:
        return ExitCode.ERROR
    try:
        core = open_guardian(
            db, Path(data_dir), clock, service=service, keyring_backend=keyring_backend
        )
        if not core.is_set_up():
            _say(err, f"hearth family export: no family is set up in {data_dir}")
            return ExitCode.CONFLICT
        result = core.pins.verify(pin)
        del pin
        if not result.ok:
            _say(err, f"hearth family export: {result.message}")
            return ExitCode.DENIED
        state = core.check_integrity()
        if not state.chat_allowed:
            reasons = ", ".join(r.value for r in state.reasons)
            _say(
                err,
                f"hearth family export: the family settings do not verify ({reasons}). "
                "Open Hearth, enter the PIN and review and reseal them first.",
            )
            return ExitCode.CONFLICT
        data = export_family(core)
        _write_private(Path(out_path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        core.audit.record(Actor.GUARDIAN, AuditKind.FAMILY_EXPORTED, {"path": str(out_path)})
    except (SettingsIntegrityError, SecretsUnavailableError) as exc:
        _say(err, f"hearth family export: {exc}")
        return ExitCode.CONFLICT
    except OSError as exc:
        _say(err, f"hearth family export: cannot write {out_path}: {exc.strerror or exc}")
        return ExitCode.ERROR
    finally:
        db.close()
    _say(out, f"Exported the family settings to {out_path}.")
    _say(out, "The file holds contact details and the PIN's hash: keep it private.")
    return ExitCode.OK


def run_import(
    data_dir: Path,
    in_path: Path,
    pin_stream: TextIO,
    out: TextIO,
    *,
    err: TextIO | None = None,
    clock: Clock | None = None,
    service: str = meta.KEYRING_SERVICE,
    keyring_backend=None,
    allow_file_fallback: bool = False,
) -> int:
    """``hearth family import FILE --pin-stdin [--allow-file-secrets]``: set this folder up like
    the exported family. ``allow_file_fallback`` is the guardian's explicit choice of the weaker
    secrets file when no keyring is available."""
    err = err or sys.stderr
    clock = clock or SystemClock()
    try:
        bundle = parse_family_export(read_json_file(Path(in_path)), today=clock.now().date())
    except FileFormatError as exc:
        _say(err, f"hearth family import: {in_path}: {exc}")
        return ExitCode.BAD_INPUT
    pin = _read_checked_pin(pin_stream, err, "hearth family import", normalize_input)
    if pin is None:
        return ExitCode.BAD_INPUT
    # Check the PIN against the export first: a wrong PIN must not even create the database
    # (or record a secrets choice). ``import_family`` checks it again, with the keyring's copy.
    if not verify_hash(bundle.pin.pin_hash, normalize_input(pin)):
        _say(err, "hearth family import: the PIN does not match the PIN of this export")
        return ExitCode.DENIED
    db = _open_data_folder(data_dir, err, "hearth family import")
    if db is None:
        return ExitCode.ERROR
    try:
        core = open_guardian(
            db, Path(data_dir), clock, service=service, keyring_backend=keyring_backend
        )
        if not core.secrets.status.available and not core.is_set_up():
            if not allow_file_fallback:
                raise SecretsUnavailableError(core.secrets.status)
            core.enable_file_fallback(by=bundle.guardian.name)
        import_family(core, bundle, pin)
    except WrongPinError as exc:
        _say(err, f"hearth family import: {exc}")
        return ExitCode.DENIED
    except AlreadySetUpError as exc:
        _say(err, f"hearth family import: {exc}")
        return ExitCode.CONFLICT
    except SecretsUnavailableError as exc:
        _say_no_keyring(
            err, "hearth family import", exc, "run the import again with --allow-file-secrets"
        )
        return ExitCode.NO_KEYRING
    finally:
        del pin
        db.close()
    _say(
        out,
        f"Imported the family of {bundle.guardian.name}: {len(bundle.children)} "
        f"children, {len(bundle.settings)} settings, into {data_dir}.",
    )
    _say(out, "The PIN and recovery code are the same as on the computer it came from.")
    return ExitCode.OK


def _write_private(path: Path, content: str) -> None:
    """Write atomically with mode 0600 (the export holds personal data and the PIN's hash)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
