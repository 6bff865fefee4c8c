"""Page furniture: the running header and footer, with "Page X of Y", whose Y is filled in at the end.

Every page carries the handling marking centred at top and bottom (the
convention for protectively marked papers), the brief's title at the top
left and "Page X of Y" at the bottom right. Y is only known when layout
ends, so each page shows a named form XObject for its "Page X of Y" and
``CountingCanvas.save`` defines those forms once the count is known: one
layout pass, and pages are still written as they finish, so bookmarks and
link targets stay on the right page (holding pages back would break them).
Text goes through the same per-character font choice as the body, so a
Hangul marking or title still draws.
"""

from __future__ import annotations

from typing import Callable

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefpack.render.pdf.styles import CHROME, DEFAULT_COLOURS
from briefpack.render.pdf.fonts import ScriptRuns, face_name


class PageChrome:
    """Draws one page's header and footer. ``marking`` ``None`` or empty leaves the marking out.

    ``pagesize`` and ``margins`` (top, right, bottom, left) are in points;
    ``family`` is the furniture's font family and ``size`` its size in points.
    ``cover`` leaves the running title off page 1, which shows the title itself.
    ``colours`` are the brief's colour roles (``styles.DEFAULT_COLOURS`` when ``None``).
    """

    def __init__(
        self,
        title: str,
        marking: str | None,
        runs: ScriptRuns,
        family: str,
        size: float,
        pagesize: tuple[float, float],
        margins: tuple[float, float, float, float],
        cover: bool = False,
        colours: dict[str, str] | None = None,
    ) -> None:
        self.title = title
        self.cover = cover
        self.colours = colours or DEFAULT_COLOURS
        self.marking = (marking or "").upper()
        self.runs = runs
        self.family = family
        self.size = size
        self.pagesize = pagesize
        self.margins = margins

    def _width(self, text: str, bold: bool) -> float:
        return sum(
            stringWidth(chunk, face_name(fam or self.family, bold), self.size) for fam, chunk in self.runs.runs(text)
        )

    def _draw(self, canvas: Canvas, text: str, x: float, y: float, align: str, bold: bool = False) -> None:
        width = self._width(text, bold)
        x = {"left": x, "centre": x - width / 2, "right": x - width}[align]
        for family, chunk in self.runs.runs(text):
            font = face_name(family or self.family, bold)
            canvas.setFont(font, self.size)
            canvas.drawString(x, y, chunk)
            x += stringWidth(chunk, font, self.size)

    def _fit(self, text: str, room: float) -> str:
        # Shorten the running title with an ellipsis rather than let it run into the marking.
        if self._width(text, False) <= room:
            return text
        while text and self._width(text + "…", False) > room:
            text = text[:-1]
        return text.rstrip() + "…" if text else ""

    def draw(self, canvas: Canvas, page: int) -> None:
        """Draw the furniture of page ``page``; its "Page X of Y" is the form ``count_form(page)``."""
        width, height = self.pagesize
        top, right, bottom, left = self.margins
        header_y = height - top * 0.55
        footer_y = bottom * 0.42
        centre = left + (width - left - right) / 2
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.colours["rule"]))
        canvas.setLineWidth(CHROME["rule_width"])
        canvas.line(left, header_y - self.size * 0.7, width - right, header_y - self.size * 0.7)
        canvas.line(left, footer_y + self.size * 1.5, width - right, footer_y + self.size * 1.5)
        marking_room = self._width(self.marking, True) if self.marking else 0
        if self.marking:
            canvas.setFillColor(HexColor(self.colours["marking"]))
            self._draw(canvas, self.marking, centre, header_y, "centre", bold=True)
            self._draw(canvas, self.marking, centre, footer_y, "centre", bold=True)
        canvas.setFillColor(HexColor(self.colours["muted"]))
        if not (self.cover and page == 1):
            title_room = centre - left - marking_room / 2 - self.size * 2
            self._draw(canvas, self._fit(self.title, title_room), left, header_y, "left")
        canvas.restoreState()
        canvas.doForm(self.count_form(page))

    @staticmethod
    def count_form(page: int) -> str:
        """The name of the form holding page ``page``'s "Page X of Y"."""
        return f"bpPageCount{page}"

    def define_counts(self, canvas: Canvas, total: int) -> None:
        """Define every page's "Page X of Y" form, now that ``total`` is known (call before saving)."""
        width, _ = self.pagesize
        _, right, bottom, _ = self.margins
        for page in range(1, total + 1):
            canvas.beginForm(self.count_form(page))
            canvas.setFillColor(HexColor(self.colours["muted"]))
            self._draw(canvas, f"Page {page} of {total}", width - right, bottom * 0.42, "right")
            canvas.endForm()


class CountingCanvas(Canvas):
    """A canvas that draws ``chrome`` on each page as it ends and fills in the page count on ``save``.

    Pass ``chrome=`` (a ``PageChrome``) besides the usual ``Canvas`` arguments,
    and optionally ``on_page=``, called as ``on_page(canvas, page)`` as each
    page ends (``None``: nothing more to do), and ``on_save=``, called as
    ``on_save(canvas)`` just before saving, to define forms whose content is
    known only at the end (the contents' page numbers). Build with
    ``functools.partial(CountingCanvas, chrome=...)`` as the canvasmaker.
    """

    def __init__(
        self,
        *args,
        chrome: PageChrome,
        on_page: Callable[[Canvas, int], None] | None = None,
        on_save: Callable[[Canvas], None] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._chrome = chrome
        self._on_page = on_page
        self._on_save = on_save
        self._pages = 0

    def showPage(self) -> None:
        self._pages += 1
        self._chrome.draw(self, self._pages)
        if self._on_page is not None:
            self._on_page(self, self._pages)
        super().showPage()

    def save(self) -> None:
        self._chrome.define_counts(self, self._pages)
        if self._on_save is not None:
            self._on_save(self)
        super().save()
