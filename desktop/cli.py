"""``hearth`` subcommands that need no GUI.

The entry point (``ui.app:main``) resolves the data directory and hands it here before PySide6's
widgets are ever imported, so these commands run on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import meta

if TYPE_CHECKING:  # the GUI path imports this module before its first frame: keep it light
    from desktop.clock import Clock

CLI_COMMANDS = ("status", "setup", "family", "doctor")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse ``hearth``'s command line, cheaply when it only starts the GUI.

    argparse costs a few milliseconds before the first frame (its help strings go through
    gettext, the subcommands build parsers of their own). So the launcher's plain ``hearth``
    (and ``--smoke``) need no parser at all, and a command line that names no subcommand and
    asks for no help is parsed by the GUI options alone. Anything that parser rejects goes to
    the full one, which gives the usual messages. ``tests/unit/test_cli_parse.py`` holds all
    three paths to the full parser's answers.
    """
    if all(arg == "--smoke" for arg in argv):
        return argparse.Namespace(smoke=bool(argv), data_dir=None, lang=None, open_profile=None, command=None)
    if not any(arg in CLI_COMMANDS or arg.startswith("-h") or arg.startswith("--h") for arg in argv):
        try:
            return _GuiParser().parse_args(argv, argparse.Namespace(command=None))
        except _NeedFullParser:
            pass
    return build_parser().parse_args(argv)


class _NeedFullParser(Exception):
    """The GUI-only parser met something only the full parser handles (or reports) right."""


class _GuiParser(argparse.ArgumentParser):
    def __init__(self):
        super().__init__(prog="hearth", add_help=False)
        _add_gui_options(self)

    def error(self, message):
        raise _NeedFullParser(message)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hearth", description=meta.SUMMARY)
    _add_gui_options(parser)
    sub = parser.add_subparsers(dest="command")
    status = sub.add_parser("status", help="each profile's age band, usage today and lock state")
    status.add_argument("--json", action="store_true", help="machine-readable output")

    setup = sub.add_parser("setup", help="set Hearth up without the GUI, from a JSON config")
    how = setup.add_mutually_exclusive_group(required=True)
    how.add_argument("--config", type=Path, metavar="FILE.json", help="the family's configuration")
    how.add_argument("--print-example", action="store_true", help="print a documented example config")
    setup.add_argument("--pin-stdin", action="store_true", help="read the guardian's PIN from standard input (required with --config)")

    family = sub.add_parser("family", help="copy all guardian settings to or from a file (needs the PIN)")
    family_sub = family.add_subparsers(dest="family_command", required=True)
    export = family_sub.add_parser("export", help="write all guardian settings as versioned JSON")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    imp = family_sub.add_parser("import", help="set this computer up like an exported family")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    imp.add_argument("--allow-file-secrets", action="store_true",
                     help="if no keyring is available, keep secrets in a 0600 file (weaker; explicit choice)")

    doctor = sub.add_parser("doctor", help="self-test of Hearth's protections")
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"{meta.APP_NAME} {meta.VERSION}")
    parser.add_argument("--smoke", action="store_true", help="start the GUI, show the window, exit 0 after the first event-loop turn and print the start-up time")
    parser.add_argument("--data-dir", type=Path, help=f"data directory (default: the platform's app-data folder; env {meta.DATA_DIR_ENV})")
    parser.add_argument("--lang", choices=["en", "zh"], help="interface language (default: the system's)")
    parser.add_argument("--open-profile", type=int, metavar="ID",
                        help="open this child's chat at start (e.g. from an autostart entry on the child's account)")


def status_report(data_dir: Path, clock: Clock, service: str = meta.KEYRING_SERVICE) -> list[dict]:
    """Each child's age band and time-limit state, read without changing anything.

    The limits part needs the family's ledger key from the keyring; without it (no keyring, a
    family not set up yet) the report says so instead of guessing (``limits: null`` + reason).
    """
    from desktop.family_settings import FamilySettings
    from desktop.guardian.audit import Actor
    from desktop.guardian.core import open_guardian
    from desktop.limits.clockguard import ClockGuard
    from desktop.limits.keys import LEDGER_KEY_PURPOSE
    from desktop.limits.signed_rules import SignedTimeRulesRepository
    from desktop.limits.status import read_status
    from desktop.profiles.repository import ProfileRepository
    from desktop.storage import open_database

    db = open_database(data_dir)
    try:
        guardian = open_guardian(db, data_dir, clock, service=service)
        children = ProfileRepository(db).children()
        key, why_not = None, None
        if children:
            try:
                key = guardian.derived_key(LEDGER_KEY_PURPOSE)
            except Exception as exc:  # no keyring, or the key is gone: say so, never guess
                why_not = f"{type(exc).__name__}: {exc}"
        now = clock.now()
        rules = None
        if key is not None:
            now = ClockGuard(db, clock, key, guardian.audit.for_actor(Actor.SYSTEM)).peek()
            rules = SignedTimeRulesRepository(db, FamilySettings(guardian.settings))
        today = now.date()
        report = []
        for child in children:
            entry = {
                "id": child.id,
                "name": child.display_name,
                "age": child.age(today),
                "age_band": child.age_band(today).value,
                "language": child.language.value,
                "minor_mode": child.minor_mode,
                "consent_needed": guardian.consents.chat_needs_consent(child, today),
            }
            if key is not None:
                entry["limits"] = read_status(db, child, now, key, rules_repo=rules).to_dict()
            else:
                entry["limits"] = None
                entry["limits_unavailable"] = why_not
            report.append(entry)
        return report
    finally:
        db.close()


def keyring_service() -> str:
    """The keyring service name; ``HEARTH_KEYRING_SERVICE`` separates test or portable installs."""
    return os.environ.get("HEARTH_KEYRING_SERVICE") or meta.KEYRING_SERVICE


def run(args: argparse.Namespace, data_dir: Path, out=sys.stdout, clock: Clock | None = None) -> int:
    from desktop.clock import SystemClock
    from desktop.storage import StorageError  # imported here: the GUI path never needs it

    clock = clock or SystemClock()
    service = keyring_service()
    try:
        if args.command == "status":
            import json

            report = status_report(data_dir, clock, service)
            if args.json:
                print(json.dumps({"data_dir": str(data_dir), "profiles": report}, ensure_ascii=False, indent=2), file=out)
            else:
                if not report:
                    print("No child profiles yet. Run `hearth` or `hearth setup` to set Hearth up.", file=out)
                for p in report:
                    limits = p.get("limits")
                    if limits is None:
                        state = "limits unknown: " + (p.get("limits_unavailable") or "")
                    elif limits["available"]:
                        state = f"available, {limits['minutes_used_today']:.0f} min used today"
                    else:
                        state = f"locked ({limits['reason']}) until {limits['until'] or 'the guardian unlocks'}"
                    print(f"{p['name']}: age {p['age']} ({p['age_band']}); {state}", file=out)
            return 0
    except StorageError as exc:
        print(f"hearth: {exc.key}: {exc.path}: {exc.detail}", file=sys.stderr)
        return 2
    if args.command == "setup":
        from desktop.family import cli_commands

        if args.print_example:
            return cli_commands.print_example(out)
        if not args.pin_stdin:
            print("hearth: setup --config needs --pin-stdin (the PIN is never taken from the command line)", file=sys.stderr)
            return 2
        return cli_commands.run_setup(data_dir, args.config, sys.stdin, out, clock=clock, service=service)
    if args.command == "family":
        from desktop.family import cli_commands

        if not args.pin_stdin:
            print("hearth: family commands need --pin-stdin", file=sys.stderr)
            return 2
        if args.family_command == "export":
            return cli_commands.run_export(data_dir, args.out, sys.stdin, out, clock=clock, service=service)
        return cli_commands.run_import(
            data_dir, args.file, sys.stdin, out, clock=clock, service=service,
            allow_file_fallback=args.allow_file_secrets,
        )
    if args.command == "doctor":
        from desktop.doctor import run_doctor

        return run_doctor(data_dir, out, as_json=args.json, clock=clock, service=service)
    print(f"hearth: unknown command {args.command}", file=sys.stderr)
    return 2
