"""Small toolbar icons drawn at run time: a page with a coloured format badge ("PDF", "W").

The style's standard icons have nothing for "export to PDF" or "export to
Word", and briefpack ships no icon theme, so these are painted with
``QPainter`` at the sizes asked for. Call from the UI thread only (they make
pixmaps).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap


def page_icon(badge: str, colour: str, sizes: tuple[int, ...] = (16, 24, 32, 48)) -> QIcon:
    """A folded page with ``badge`` in white on a ``colour`` band across its lower half."""
    icon = QIcon()
    for size in sizes:
        icon.addPixmap(_page_pixmap(badge, QColor(colour), size))
    return icon


def _page_pixmap(badge: str, colour: QColor, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 24.0
    fold = 5 * s
    page = QPainterPath()
    page.moveTo(4 * s, 1.5 * s)
    page.lineTo(20 * s - fold, 1.5 * s)
    page.lineTo(20 * s, 1.5 * s + fold)
    page.lineTo(20 * s, 22.5 * s)
    page.lineTo(4 * s, 22.5 * s)
    page.closeSubpath()
    painter.setPen(QPen(QColor("#5f6368"), max(1.0, s)))
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(page)
    band = QRectF(1 * s, 11 * s, 22 * s, 9 * s)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(band, 1.5 * s, 1.5 * s)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int((7 if len(badge) > 1 else 8) * s)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, badge)
    painter.end()
    return pixmap


def pdf_icon() -> QIcon:
    return page_icon("PDF", "#c5221f")


def word_icon() -> QIcon:
    return page_icon("W", "#1a5fb4")
