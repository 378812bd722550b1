#!/usr/bin/env bash
# Build Hearth's one-folder Linux bundle: packaging/dist/hearth/ (work files: packaging/build/).
#
#   packaging/build.sh
#
# Uses the PyInstaller of the current virtualenv: $HEARTH_PYTHON if set, else the active venv
# ($VIRTUAL_ENV), else the repository's .venv (scripts/bootstrap.sh makes it with the
# "package" extra). HEARTH_DIST_DIR and HEARTH_WORK_DIR move the output and work folders
# (the packaging test builds into a temporary folder this way).
#
# The bundle runs without Python installed. Next to the executable it gets share/ (.desktop
# entry, AppStream metainfo, icons) and install.sh, so the folder can be shipped as a tarball.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"

if [ -n "${HEARTH_PYTHON:-}" ]; then
  PY="$HEARTH_PYTHON"
elif [ -n "${VIRTUAL_ENV:-}" ]; then
  PY="$VIRTUAL_ENV/bin/python"
elif [ -x "$ROOT/.venv/bin/python" ]; then
  PY="$ROOT/.venv/bin/python"
else
  echo "build.sh: no virtualenv found; activate one or run scripts/bootstrap.sh" >&2
  exit 1
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: PyInstaller is missing in $PY; run: $PY -m pip install -e '$ROOT[package]'" >&2
  exit 1
fi
DIST="${HEARTH_DIST_DIR:-$HERE/dist}"
WORK="${HEARTH_WORK_DIR:-$HERE/build}"

# The committed .desktop/metainfo/installer files must match desktop/meta.py.
"$PY" "$HERE/generate.py" --check

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$HERE/hearth.spec"

BUNDLE="$DIST/hearth"
"$PY" "$HERE/generate.py" --install-data "$BUNDLE/share" >/dev/null
install -m 0755 "$HERE/linux/install.sh" "$BUNDLE/install.sh"

echo "build.sh: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), $(( $(date +%s) - start )) s)"
