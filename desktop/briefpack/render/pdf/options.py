"""The PDF renderer's typed options: page size, margins and reproducibility.

``PdfOptions`` is the options dataclass the renderer registry hands to
``briefpack.render.pdf.render``; ``None`` there means ``PdfOptions()``. It
holds only page geometry and output switches: fonts, sizes and notes placement
come from the brief's own ``BriefMeta`` so that the PDF and the Word file of
one brief agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """How to lay the brief out on paper.

    ``page_size`` is ``"A4"`` or ``"Letter"``. ``margins_mm`` is
    (top, right, bottom, left) in millimetres, measured from the paper edge to
    the text block; the running header and footer sit inside the top and
    bottom margins. ``invariant`` fixes the creation date and document id so
    that the same brief gives byte-identical files (tests, diffing).
    ``open_outline`` asks viewers to show the bookmarks panel on opening.
    """

    page_size: str = "A4"
    margins_mm: tuple[float, float, float, float] = (24.0, 22.0, 24.0, 22.0)
    invariant: bool = False
    open_outline: bool = True

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, not {self.page_size!r}")
        if len(self.margins_mm) != 4 or any(m < 5 for m in self.margins_mm):
            # Below ~5 mm the running header and footer have nowhere to go.
            raise ValueError("margins_mm must be four values (top, right, bottom, left), each at least 5 mm")

    @property
    def pagesize(self) -> tuple[float, float]:
        """The page size in points."""
        return PAGE_SIZES[self.page_size]

    @property
    def margins_pt(self) -> tuple[float, float, float, float]:
        """The margins in points, (top, right, bottom, left)."""
        top, right, bottom, left = self.margins_mm
        return top * mm, right * mm, bottom * mm, left * mm
