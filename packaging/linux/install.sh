#!/bin/sh
# Install (or remove) the Hearth bundle this script sits in.
#
#   ./install.sh [PREFIX]              default PREFIX: ~/.local (no root needed)
#   sudo ./install.sh /usr/local       for every account on this computer
#   ./install.sh --uninstall [PREFIX]
#
# Lays out PREFIX/lib/hearth (the bundle), PREFIX/bin/hearth (a link), and under PREFIX/share the
# .desktop entry, AppStream metainfo and icons. DESTDIR stages into another root (for packagers).
# A guardian who wants the child unable to remove Hearth installs it as root into /usr/local
# (or /opt/hearth) and gives the child a standard account.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=$(basename "$HERE"/share/applications/*.desktop .desktop)
uninstall=0
if [ "${1:-}" = "--uninstall" ]; then
  uninstall=1
  shift
fi
PREFIX=${1:-${PREFIX:-$HOME/.local}}
case "$PREFIX" in
  /*) ;;
  *) echo "install.sh: PREFIX must be an absolute path: $PREFIX" >&2; exit 2 ;;
esac
case "$PREFIX" in
  *[[:space:]]*) echo "install.sh: PREFIX must not contain spaces: $PREFIX" >&2; exit 2 ;;
esac
DEST="${DESTDIR:-}$PREFIX"

installed_files() {
  echo "$DEST/bin/hearth"
  echo "$DEST/share/applications/$APP_ID.desktop"
  echo "$DEST/share/metainfo/$APP_ID.metainfo.xml"
  echo "$DEST/share/icons/hicolor/scalable/apps/$APP_ID.svg"
  echo "$DEST/share/icons/hicolor/256x256/apps/$APP_ID.png"
}

refresh_caches() {
  [ -z "${DESTDIR:-}" ] || return 0
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DEST/share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$DEST/share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$uninstall" -eq 1 ]; then
  installed_files | while read -r f; do rm -f "$f"; done
  rm -rf "$DEST/lib/hearth"
  refresh_caches
  echo "install.sh: removed Hearth from $DEST"
  exit 0
fi

mkdir -p "$DEST/lib" "$DEST/bin"
rm -rf "$DEST/lib/hearth"
mkdir "$DEST/lib/hearth"
cp -R "$HERE/hearth" "$HERE/_internal" "$DEST/lib/hearth/"
ln -sf "$PREFIX/lib/hearth/hearth" "$DEST/bin/hearth"
for dir in applications metainfo icons/hicolor/scalable/apps icons/hicolor/256x256/apps; do
  mkdir -p "$DEST/share/$dir"
done
# Menus start the installed copy by its full path, whether or not PREFIX/bin is on PATH.
sed "s|^Exec=hearth|Exec=$PREFIX/bin/hearth|" "$HERE/share/applications/$APP_ID.desktop" \
  >"$DEST/share/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DEST/share/metainfo/"
cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$DEST/share/icons/hicolor/scalable/apps/"
cp "$HERE/share/icons/hicolor/256x256/apps/$APP_ID.png" "$DEST/share/icons/hicolor/256x256/apps/"
refresh_caches
echo "install.sh: installed Hearth into $DEST (start it with $PREFIX/bin/hearth)"
