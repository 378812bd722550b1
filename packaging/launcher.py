"""PyInstaller's entry script for the ``hearth`` executable.

It hands over to ``ui.app.main`` (the same entry point as the ``hearth`` gui-script), so the
frozen app and the installed one start through identical code. ``ui/app.py`` itself is not the
script because PyInstaller would run it as ``__main__``, and a later ``import ui.app`` would then
load a second copy of the composition root.

``HEARTH_BUNDLE_CHECK=mod1,mod2`` makes the executable import those modules and exit instead of
starting: plyer and keyring pick their backends by name at run time, so only an import inside
the frozen bundle proves the spec's hidden imports (and keyring's entry-point metadata) made it in.
"""

import os
import sys


def bundle_check(modules: str) -> int:
    import importlib
    from importlib.metadata import entry_points

    failed = []
    names = [name.strip() for name in modules.split(",") if name.strip()]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # report every missing module, not just the first
            failed.append(f"{name}: {exc!r}")
    backends = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    print(f"keyring entry points: {','.join(backends)}")
    for line in failed:
        print(f"bundle check failed: {line}")
    if not failed:
        print(f"bundle check ok: {len(names)} modules")
    return 1 if failed else 0


if __name__ == "__main__":
    check = os.environ.get("HEARTH_BUNDLE_CHECK")
    if check:
        sys.exit(bundle_check(check))
    from ui.app import main

    sys.exit(main())
