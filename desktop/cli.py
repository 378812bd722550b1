"""``hearth`` subcommands that need no GUI.

The entry point (``ui.app:main``) resolves the data directory and hands it here before PySide6's
widgets are ever imported, so these commands run on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop import meta
from desktop.clock import Clock, SystemClock
from desktop.storage import StorageError, open_database

CLI_COMMANDS = ("status", "setup", "family", "doctor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hearth", description=meta.SUMMARY)
    parser.add_argument("--version", action="version", version=f"{meta.APP_NAME} {meta.VERSION}")
    parser.add_argument("--smoke", action="store_true", help="start the GUI, show the window, exit 0 after the first event-loop turn and print the start-up time")
    parser.add_argument("--data-dir", type=Path, help=f"data directory (default: the platform's app-data folder; env {meta.DATA_DIR_ENV})")
    parser.add_argument("--lang", choices=["en", "zh"], help="interface language (default: the system's)")
    sub = parser.add_subparsers(dest="command")
    status = sub.add_parser("status", help="each profile's age band, usage today and lock state")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def status_report(data_dir: Path, clock: Clock) -> list[dict]:
    from desktop.profiles.repository import ProfileRepository

    db = open_database(data_dir)
    try:
        today = clock.now().date()
        report = []
        for child in ProfileRepository(db).children():
            report.append(
                {
                    "id": child.id,
                    "name": child.display_name,
                    "age": child.age(today),
                    "age_band": child.age_band(today).value,
                    "language": child.language.value,
                    "minor_mode": child.minor_mode,
                }
            )
        return report
    finally:
        db.close()


def run(args: argparse.Namespace, data_dir: Path, out=sys.stdout, clock: Clock | None = None) -> int:
    clock = clock or SystemClock()
    try:
        if args.command == "status":
            report = status_report(data_dir, clock)
            if args.json:
                print(json.dumps({"data_dir": str(data_dir), "profiles": report}, ensure_ascii=False, indent=2), file=out)
            else:
                if not report:
                    print("No child profiles yet. Run `hearth` or `hearth setup` to set Hearth up.", file=out)
                for p in report:
                    print(f"{p['name']}: age {p['age']} ({p['age_band']})", file=out)
            return 0
    except StorageError as exc:
        print(f"hearth: {exc.key}: {exc.path}: {exc.detail}", file=sys.stderr)
        return 2
    print(f"hearth: unknown command {args.command}", file=sys.stderr)
    return 2
