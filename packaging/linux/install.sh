#!/usr/bin/env bash
# Install the built Linux bundle (dist/briefpack from `make package`) for one user or system-wide,
# with its menu entry, icons, AppStream metadata and the .briefpack file association.
#
#   packaging/linux/install.sh                 # into ~/.local (no root needed)
#   sudo packaging/linux/install.sh /usr/local # for everyone
#   BUNDLE=/path/to/briefpack packaging/linux/install.sh   # a bundle built elsewhere
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${1:-$HOME/.local}"
bundle="${BUNDLE:-$here/../../dist/briefpack}"
app_id=org.briefpack.Briefpack
[ -x "$bundle/briefpack" ] || { echo "no bundle at $bundle: run 'make package' first" >&2; exit 1; }

install -d "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo" \
  "$prefix/share/mime/packages" "$prefix/share/icons/hicolor/scalable/apps"
rm -rf "$prefix/lib/briefpack"
cp -a "$bundle" "$prefix/lib/briefpack"
ln -sf "$prefix/lib/briefpack/briefpack" "$prefix/bin/briefpack"
install -m 644 "$here/$app_id.desktop" "$prefix/share/applications/"
install -m 644 "$here/$app_id.metainfo.xml" "$prefix/share/metainfo/"
install -m 644 "$here/briefpack-mime.xml" "$prefix/share/mime/packages/"
install -m 644 "$bundle/_internal/briefpack/resources/icons/briefpack.svg" "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$here"/../icons/briefpack-*.png; do
  size="$(basename "$png" .png)"; size="${size#briefpack-}"
  install -d "$prefix/share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$png" "$prefix/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
# Refresh the caches the desktop reads; each tool is optional.
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "briefpack installed in $prefix (run: $prefix/bin/briefpack)"
