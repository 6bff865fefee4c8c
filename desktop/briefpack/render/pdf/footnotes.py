"""Footnotes for platypus: room at the foot of the page, reserved as the text that cites the notes is placed.

reportlab has no footnotes, so three small pieces make them. ``FootnoteArea``
knows every note's paragraph and which notes the current page holds, and
says how much taller the notes block at the foot gets if some more are
added. ``NoteBearing`` wraps a flowable whose text holds note references: it
reports that it fits only if its text *and* the notes it adds fit, and
splits itself so that the first piece plus that piece's own notes fit (the
note numbers in each piece are read from the zero-width markers
``markup.py`` puts after every reference). When drawn it moves the frame's
floor up by the notes' height, so later text flows above the notes block.
``FootnoteFrame`` is a ``Frame`` with that movable floor, restored on every
new page; the document template calls ``FootnoteArea.draw`` at page end.
The markers' draw-time callback records where each number really landed, so
the renderer can check every note sits on the page of its number.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph

from briefpack.render.pdf.markup import NOTE_REF_CALLBACK, note_anchor

_FUZZ = 1e-6
_UNBOUNDED = 1e7  # reportlab measures a container's content with a huge height (0xfffffff)


def note_numbers(flowable: Flowable) -> tuple[int, ...]:
    """The note numbers referenced in ``flowable`` (a Paragraph, a Table of them, or a wrapper), in order."""
    return tuple(_numbers_in(flowable))


def first_note_number(flowable: Flowable) -> int | None:
    """The first note number referenced in ``flowable``, found without reading the rest (a long table's)."""
    return next(_numbers_in(flowable), None)


def _numbers_in(item: object) -> Iterator[int]:
    if isinstance(item, NoteBearing):
        item = item.inner
    if isinstance(item, (list, tuple)):
        for sub in item:
            yield from _numbers_in(sub)
        return
    frags = getattr(item, "frags", None)
    if frags is not None:  # a Paragraph, whole or one piece of a split
        yield from _numbers_in_frags(frags)
        return
    cells = getattr(item, "_cellvalues", None)  # a Table, whole or the rows of a split
    if cells is not None:
        for row in cells:
            for cell in row:
                yield from _numbers_in(cell)


def _numbers_in_frags(frags: Iterable) -> Iterator[int]:
    # Before wrapping, a paragraph's frags are style fragments; after, reportlab
    # replaces them by words, each a list of a width and (fragment, text) pairs.
    for frag in frags:
        if isinstance(frag, (list, tuple)):
            yield from _numbers_in_frags(f for f in frag if not isinstance(f, (int, float, str)))
            continue
        cb = getattr(frag, "cbDefn", None)
        if cb is not None and getattr(cb, "name", None) == NOTE_REF_CALLBACK:
            yield int(cb.label)


class FootnoteArea:
    """The notes block at the foot of the page being laid out.

    ``notes`` maps each note number to its ready-made paragraph (number as a
    hanging bullet). ``width`` is the text block width. ``rule_above`` and
    ``rule_below`` are the gaps around the separator rule. Heights are
    measured once per note and cached. Not thread-safe: one per render.
    """

    def __init__(
        self,
        notes: dict[int, Paragraph],
        width: float,
        rule_above: float,
        rule_below: float,
        rule_width: float,
        rule_fraction: float,
        rule_color: str,
    ) -> None:
        self.notes = notes
        self.width = width
        self.rule_above = rule_above
        self.rule_below = rule_below
        self.rule_width = rule_width
        self.rule_fraction = rule_fraction
        self.rule_color = HexColor(rule_color)
        self.page: list[int] = []  # notes reserved on the current page, in order
        self.frame: FootnoteFrame | None = None
        self.placed: dict[int, int] = {}  # note -> page its text was drawn on
        self.cited: dict[int, int] = {}  # note -> page its number was drawn on
        self.overflowed: list[int] = []  # notes too long to fit below the text that cites them
        self._heights: dict[int, float] = {}

    def __deepcopy__(self, memo: dict) -> "FootnoteArea":
        # reportlab deep-copies the current frame to measure KeepTogether groups;
        # the area is the page's one ledger, so the copy must share it, not clone every note.
        return self

    # -- measuring

    def _note_height(self, number: int) -> float:
        height = self._heights.get(number)
        if height is None:
            para = self.notes[number]
            height = para.wrap(self.width, 1e9)[1] + para.style.spaceAfter
            self._heights[number] = height
        return height

    def height(self, numbers: Iterable[int]) -> float:
        """The height of a notes block holding ``numbers`` (0 for none)."""
        numbers = list(numbers)
        if not numbers:
            return 0.0
        return self.rule_above + self.rule_below + sum(self._note_height(n) for n in numbers)

    def extra_for(self, numbers: Iterable[int]) -> float:
        """How much the current page's notes block grows if the notes ``numbers`` join it."""
        new = [n for n in numbers if n in self.notes and n not in self.page]
        if not new:
            return 0.0
        return self.height(self.page + new) - self.height(self.page)

    # -- placing

    def reset(self) -> None:
        """Forget where notes went: a new layout pass begins (``multiBuild`` lays out twice)."""
        self.page = []
        self.placed, self.cited, self.overflowed = {}, {}, []

    def begin_page(self, frame: "FootnoteFrame") -> None:
        """Start an empty notes block for a new page laid out in ``frame``."""
        self.frame = frame
        self.page = []

    def reserve(self, numbers: Iterable[int]) -> None:
        """Add ``numbers`` to this page's notes and raise the frame's floor by the extra height."""
        extra = self.extra_for(numbers)
        self.page.extend(n for n in numbers if n in self.notes and n not in self.page)
        if extra and self.frame is not None:
            self.frame.raise_floor(extra)

    def draw(self, canvas: Canvas) -> None:
        """Draw this page's notes block at the foot of the frame (call once, at page end)."""
        if not self.page or self.frame is None:
            return
        x, bottom = self.frame.foot()
        y = bottom + self.height(self.page) - self.rule_above
        canvas.saveState()
        canvas.setStrokeColor(self.rule_color)
        canvas.setLineWidth(self.rule_width)
        canvas.line(x, y, x + self.width * self.rule_fraction, y)
        canvas.restoreState()
        y -= self.rule_below
        page = canvas.getPageNumber()
        for number in self.page:
            para = self.notes[number]
            y -= self._note_height(number)
            para.drawOn(canvas, x, y + para.style.spaceAfter)
            self.placed[number] = page

    def saw_reference(self, canvas: Canvas, kind: str, label: str | None) -> None:
        """The note markers' draw-time callback: remember the page each number was drawn on."""
        if label and label.isdigit():
            self.cited[int(label)] = canvas.getPageNumber()

    def bind_unplaced(self, canvas: Canvas, page: int) -> None:
        """Give notes cited on ``page`` but not drawn there a link target on it; call as the page ends.

        A safety net for a layout failure (which ``misplaced`` reports):
        reportlab refuses to save a file whose links point nowhere.
        """
        for number, cited_on in self.cited.items():
            if cited_on == page and number not in self.placed:
                canvas.bookmarkPage(note_anchor(number))

    def misplaced(self) -> list[int]:
        """Notes whose text is not on the page of their number (empty when layout went right)."""
        return sorted(n for n, page in self.cited.items() if self.placed.get(n) != page)


class FootnoteFrame(Frame):
    """A frame whose floor rises as notes are reserved on the page; restored when a new page begins."""

    def __init__(self, area: FootnoteArea, *args, **kwargs) -> None:
        self.area = area  # before Frame.__init__, which calls _reset
        super().__init__(*args, **kwargs)

    def _reset(self) -> None:
        super()._reset()
        self._geom()  # recompute the floor from the frame's geometry: last page's notes are gone
        self.area.begin_page(self)

    def raise_floor(self, dy: float) -> None:
        """Keep ``dy`` more points free at the foot of the frame for notes."""
        self._y1p += dy

    def text_height(self) -> float:
        """The height of the empty text block."""
        return self._aH

    def floor(self) -> float:
        """The lowest point text may reach on this page now (above the notes reserved so far)."""
        return self._y1p

    def foot(self) -> tuple[float, float]:
        """The left edge and the bottom of the text block: where the notes block stands."""
        return self._x1 + self._leftPadding, self._y1 + self._bottomPadding

    def at_top(self) -> bool:
        """Whether nothing has been placed in the frame on this page yet."""
        return bool(self._atTop)


class NoteBearing(Flowable):
    """A flowable whose note references need their notes on the same page; see the module docstring."""

    def __init__(self, inner: Flowable, area: FootnoteArea) -> None:
        super().__init__()
        self.inner = inner
        self.area = area
        self._numbers: tuple[int, ...] | None = None
        self._force = False  # set on an oversized first piece: accept it even though its notes overflow
        self._measured: tuple | None = None  # (width, the inner's line breaks, (w, h)) of the last wrap

    def _measure(self, canv, aW: float, aH: float) -> tuple[float, float]:
        # Breaking a paragraph into lines is the costly step of layout, and a
        # note-bearing paragraph is measured several times (fit, split, keep-with-next);
        # its height depends only on the width, so reuse the last breaking at that width.
        inner, cached = self.inner, self._measured
        if cached and cached[0] == aW and getattr(inner, "blPara", None) is cached[1]:
            return cached[2]
        wh = inner.wrapOn(canv, aW, aH)
        self._measured = (aW, inner.blPara, wh) if isinstance(inner, Paragraph) else None
        return wh

    @property
    def numbers(self) -> tuple[int, ...]:
        """The note numbers in the inner flowable, read when first asked for.

        Lazily, because every split attempt makes a piece of the rest of a long
        table that is mostly thrown away or only measured against a page it
        overflows anyway; reading every remaining cell each time made long
        tables quadratic.
        """
        if self._numbers is None:
            self._numbers = note_numbers(self.inner)
        return self._numbers

    # Spacing and keep-with-next come from the wrapped flowable.
    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def getKeepWithNext(self) -> bool:
        # The document template clears keep-with-next through the instance dict
        # once it has grouped us with the next flowable; that must win.
        if "keepWithNext" in self.__dict__:
            return bool(self.__dict__["keepWithNext"])
        return bool(self.inner.getKeepWithNext())

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        w, h = self._measure(getattr(self, "canv", None), aW, aH)
        self.width, self.height = w, h
        if h > aH + _FUZZ and aH < _UNBOUNDED:
            return w, h  # too tall even without its notes: the frame splits us (no need to count every note)
        extra = 0.0 if self._force else self.area.extra_for(self.numbers)
        if h + extra > aH + _FUZZ or aH >= _UNBOUNDED:
            # Claim more than there is: the frame will then split us or move us on.
            # Containers measuring us without a limit (keep-with-next groups) get
            # the notes' room counted too, so a heading is not left alone above notes.
            return w, h + extra
        return w, h

    def _pieces(self, canv, aW: float, aH: float, limit: float) -> tuple[list[Flowable] | None, float]:
        """The inner split at ``limit`` as note-bearing pieces, and how far the first overshoots ``aH``
        with its notes (≤ 0: it fits); ``None`` pieces when the inner cannot split there."""
        parts = self.inner.splitOn(canv, aW, limit)
        if not parts:
            return None, 0.0
        first = NoteBearing(parts[0], self.area)
        if len(parts) > 1 and isinstance(parts[0], Paragraph) and hasattr(parts[0], "height"):
            # Paragraph.split has measured its first piece (lines × leading), as
            # reportlab itself trusts when it places that piece: skip re-breaking it.
            first_h = parts[0].height
        else:
            first_h = first._measure(canv, aW, limit)[1]
        over = first_h + self.area.extra_for(first.numbers) - aH
        return [first, *(NoteBearing(p, self.area) for p in parts[1:])], over

    def _window(self, canv, aW: float, aH: float) -> "NoteBearing":
        """What to search for the split point in: for a table, the rows that fit in ``aH``, split off once.

        Every reportlab table split builds the rest of the table as a new
        table, which costs as much as the rows left; the search below splits
        many times per page, so on a long table it searches the page's rows
        alone and splits the whole table once, where the search ended (a
        first piece depends only on the rows it holds, so it is the same).
        """
        if getattr(self.inner, "_cellvalues", None) is None:
            return self
        parts = self.inner.splitOn(canv, aW, aH)
        return NoteBearing(parts[0], self.area) if len(parts) == 2 else self

    def _longest_fit(self, canv, aW: float, aH: float) -> tuple[list[Flowable] | None, float]:
        """The pieces of the longest first piece that fits ``aH`` with its notes, and the split height used."""
        fit, fit_limit, fail_limit = None, 0.0, None
        limit = aH
        while limit > _FUZZ:
            pieces, over = self._pieces(canv, aW, aH, limit)
            if pieces is None:
                break
            if over <= _FUZZ:
                fit, fit_limit = pieces, limit
                break
            # Give the text back the room its notes overshoot by. The first piece
            # was no taller than the limit, so the limit strictly shrinks; less text
            # carries the same notes or fewer, so the loop ends.
            fail_limit = limit
            limit -= max(over, 1.0)
        if fit is not None and fail_limit is not None:
            # That step can overshoot (dropping a note frees more room than its line
            # took), and a short first piece would let the rest (a table with its
            # repeated header, a paragraph's tail) start on this same page. Search
            # between for the longest first piece that still fits with its notes.
            lo, hi = fit_limit, fail_limit
            while hi - lo > 0.5:
                mid = (lo + hi) / 2
                pieces, over = self._pieces(canv, aW, aH, mid)
                if pieces is not None and over <= _FUZZ:
                    fit, lo = pieces, mid
                else:
                    hi = mid
            fit_limit = lo
        return fit, fit_limit

    def split(self, aW: float, aH: float) -> list[Flowable]:
        canv = getattr(self, "canv", None)
        window = self._window(canv, aW, aH)
        fit, fit_limit = window._longest_fit(canv, aW, aH)
        if fit is not None and window is not self:
            fit = self._pieces(canv, aW, aH, fit_limit)[0]
        if fit is not None:
            return fit
        frame = self.area.frame
        first = first_note_number(self.inner) if self._numbers is None else next(iter(self._numbers), None)
        hopeless = frame is not None and first is not None and self.area.height([first]) > frame.text_height()
        if frame is not None and (frame.at_top() or hopeless):
            # Even one line and its notes exceed an empty page (a note longer than
            # a page), so moving on cannot help: place the text anyway and let the
            # notes block run long (reported as footnote-overflow).
            parts = self.inner.splitOn(canv, aW, aH) or [self.inner]
            pieces = [NoteBearing(p, self.area) for p in parts]
            pieces[0]._force = True
            return pieces
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.inner.drawOn(canvas, x, y, _sW)
        self.area.reserve(self.numbers)
        frame = self.area.frame
        if frame is not None and frame.floor() > y + 0.5:
            # Only a forced piece gets here: its notes reach up into its own text.
            self.area.overflowed.extend(self.numbers)
