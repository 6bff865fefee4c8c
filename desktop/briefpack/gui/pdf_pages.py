"""PDF pages as pictures and text, for the preview: pypdfium2 draws each page of a PDF into a pixel buffer.

PySide6's wheels carry no QtPdf, so the preview draws pages itself: the
worker thread hands ``rasterize`` the PDF's bytes and the width in pixels a
page should have, and gets back each page as 32-bit pixels in the byte order
``QImage.Format_RGB32`` reads on little-endian machines (blue, green, red,
unused), which the UI thread wraps without converting, plus each page's text
(so tests, and later search, can read what the preview shows). Nothing here
imports Qt. PDFium is not thread-safe, so every call into it holds
``PDFIUM_LOCK``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefpack.model.progress import CancelToken

PDFIUM_LOCK = threading.Lock()
MIN_WIDTH_PX, MAX_WIDTH_PX = 200, 2400
# Pages drawn at most: a brief of hundreds of pages would otherwise hold hundreds of megabytes of pixels.
MAX_PAGES = 60


@dataclass(frozen=True, slots=True)
class PageImage:
    """One page drawn as rows of ``stride`` bytes, 4 bytes a pixel (B, G, R, unused); ``size_pt`` is its size in PDF points."""

    width: int
    height: int
    stride: int
    pixels: bytes
    size_pt: tuple[float, float]


@dataclass(frozen=True, slots=True)
class PdfPages:
    """A PDF as the preview shows it: the first ``len(images)`` of ``page_count`` pages drawn ``width_px`` wide, and the pages' text.

    ``texts`` is empty when the pages were redrawn without their text.
    """

    images: tuple[PageImage, ...]
    texts: tuple[str, ...]
    page_count: int
    width_px: int

    @property
    def text(self) -> str:
        """All pages' text with runs of white space (line ends included) made single spaces."""
        return " ".join(" ".join(self.texts).split())


def clamp_width(width_px: int) -> int:
    return max(MIN_WIDTH_PX, min(MAX_WIDTH_PX, int(width_px)))


def rasterize(pdf: bytes, width_px: int, cancel: CancelToken | None = None, *, with_text: bool = True) -> PdfPages | None:
    """Draw the pages of ``pdf`` ``width_px`` pixels wide (clamped by ``clamp_width``); ``None`` when cancelled.

    ``with_text`` ``False`` skips extracting the text (a redraw at another
    zoom keeps the text it had). Runs on any thread; raises
    ``pypdfium2.PdfiumError`` for bytes that are not a PDF.
    """
    import pypdfium2 as pdfium  # loaded with the first preview, not with the window

    width_px = clamp_width(width_px)
    images: list[PageImage] = []
    texts: list[str] = []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            count = len(document)
            for n in range(count):
                if cancel is not None and cancel.cancelled:
                    return None
                if n >= MAX_PAGES and not with_text:
                    break
                page = document[n]
                try:
                    if with_text:
                        textpage = page.get_textpage()
                        texts.append(textpage.get_text_range())
                        textpage.close()
                    if n < MAX_PAGES:
                        images.append(_draw(page, width_px))
                finally:
                    page.close()
        finally:
            document.close()
    return PdfPages(tuple(images), tuple(texts), count, width_px)


def _draw(page, width_px: int) -> PageImage:
    width_pt, height_pt = page.get_size()
    bitmap = page.render(scale=width_px / width_pt, prefer_bgrx=True)
    try:
        pixels = bytes(bitmap.buffer)
        return PageImage(bitmap.width, bitmap.height, bitmap.stride, pixels, (float(width_pt), float(height_pt)))
    finally:
        bitmap.close()
