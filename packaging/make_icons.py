"""Render the app icon (desktop/briefpack/resources/icons/briefpack.svg, which the window uses too) to the PNG sizes desktops ask for, and a Windows .ico.

Run once after changing the SVG (``.venv/bin/python packaging/make_icons.py``);
the PNGs and the .ico are checked in, so a build needs neither Qt's SVG
renderer nor Pillow. The Linux installer copies the PNGs into the hicolor
icon theme; the spec gives the .ico to Windows and the 512 px PNG to macOS
(PyInstaller turns it into an .icns).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent / "icons"
SVG = Path(__file__).resolve().parent.parent / "desktop" / "briefpack" / "resources" / "icons" / "briefpack.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text and SVG need an application
    svg = SVG
    for size in SIZES:
        render(svg, size, ICONS / f"briefpack-{size}.png")
    largest = Image.open(ICONS / "briefpack-256.png")
    largest.save(ICONS / "briefpack.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {len(SIZES)} PNGs and briefpack.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
