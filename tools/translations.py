"""Keep the Qt Linguist files current: extract (lupdate) and compile (lrelease).

    python tools/translations.py update    # refresh resources/translations/*.ts from ui/
    python tools/translations.py release   # compile .ts → .qm (what the app loads)
    python tools/translations.py check     # exit 1 if a .ts is stale or unfinished

English is the source language; ``hearth_zh_CN.ts`` holds Simplified Chinese. Translators edit
the .ts with ``pyside6-linguist``; ``tests/ui/test_translations.py`` runs ``check``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
#: Chinese translates everything; English only needs its plural forms ("1 minute", "5 minutes").
LANGUAGES = {"zh_CN": (), "en": ("-pluralonly",)}


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"hearth_{lang}.ts"


def lupdate(ts: Path, options: tuple[str, ...] = ()) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-silent", *options, *sources(),
         "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if (msg.find("translation") is None or msg.find("translation").get("type") not in ("obsolete", "vanished"))
    }


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """Messages without a finished, non-empty translation (every numerus form counts)."""
    missing = []
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
            if tr is None or tr.get("type") == "unfinished" or not all(f and f.strip() for f in forms):
                missing.append((ctx.findtext("name"), msg.findtext("source")))
    return missing


def check() -> list[str]:
    problems = []
    for lang, options in LANGUAGES.items():
        ts = ts_path(lang)
        if not ts.exists():
            problems.append(f"{ts} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh, options)
            added = messages(fresh) - messages(ts)
            gone = messages(ts) - messages(fresh)
            if added or gone:
                problems.append(f"{ts.name} is stale: {len(added)} new and {len(gone)} vanished strings; "
                                f"run tools/translations.py update (e.g. {sorted(added or gone)[:3]})")
            qm = Path(tmp) / "fresh.qm"
            lrelease(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{committed.name} is not compiled from {ts.name}; run tools/translations.py release")
        for context, source in unfinished(ts):
            problems.append(f"{ts.name}: unfinished [{context}] {source!r}")
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        TS_DIR.mkdir(parents=True, exist_ok=True)
        for lang, options in LANGUAGES.items():
            lupdate(ts_path(lang), options)
        return 0
    if command == "release":
        for lang in LANGUAGES:
            lrelease(ts_path(lang), ts_path(lang).with_suffix(".qm"))
        return 0
    problems = check()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
