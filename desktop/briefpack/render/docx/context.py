"""Options and shared state of one DOCX export.

``DocxOptions`` is the renderer's typed options dataclass (the registry passes
it, or ``None`` for defaults). ``Context`` is what every handler of one export
shares: the python-docx ``Document``, the resolved ``StyleSet``, the note
writer and the notices gathered so far. It also funnels every string through
``clean_text`` and counts what was removed, so the whole export reports one
warning instead of failing inside lxml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from docx.document import Document
from docx.text.paragraph import Paragraph

from briefpack.model.notice import Notice
from briefpack.render._text import clean_text
from briefpack.render.docx._oxml import LinkTargets, add_body_paragraph, apply_style

if TYPE_CHECKING:
    from briefpack.render.docx.styles import StyleSet


@dataclass(frozen=True, slots=True)
class DocxOptions:
    """How to write the Word file.

    ``reference_docx`` is a Word file whose styles, page setup and header
    layout are the house style; ``None`` means python-docx's default template,
    restyled from ``BriefMeta`` (font family, base size). ``page_size``
    ``None`` keeps the template's paper size. ``created`` ``None`` means now
    (UTC); pass a fixed time for reproducible files. ``role_styles`` maps a
    paragraph ``role`` to a paragraph style name; unmapped roles use Normal.
    """

    reference_docx: Path | None = None
    page_size: Literal["A4", "Letter"] | None = "A4"
    serif_font: str = "Cambria"
    sans_font: str = "Calibri"
    east_asia_font: str = "Malgun Gothic"
    created: dt.datetime | None = None
    role_styles: dict[str, str] = field(
        default_factory=lambda: {"placeholder": "Placeholder", "bibliography": "Bibliography"}
    )


@dataclass(slots=True)
class Context:
    """State shared by the handlers of one export; not thread-safe, one per ``render`` call."""

    document: Document
    styles: "StyleSet"
    options: DocxOptions
    notes: Any = None  # a NoteWriter; set once the styles exist
    notices: list[Notice] = field(default_factory=list)
    links: LinkTargets = field(default_factory=LinkTargets)  # hyperlink relationships, per part
    removed_chars: int = 0
    bookmark_headings: bool = False  # give headings "_Toc" bookmarks (for the table of contents)
    headings: int = 0  # headings written so far; the n-th is bookmarked as toc_bookmark(n)
    _warned: set[str] = field(default_factory=set)
    _counters: dict[str, int] = field(default_factory=dict)

    def count(self, label: str) -> int:
        """The next number in sequence ``label`` ("Table", "Figure"), from 1."""
        self._counters[label] = self._counters.get(label, 0) + 1
        return self._counters[label]

    def add_paragraph(self, style) -> Paragraph:
        """A new body paragraph in ``style`` (a style object from ``styles``)."""
        paragraph = add_body_paragraph(self.document)
        apply_style(paragraph, style)
        return paragraph

    def clean(self, text: str | None) -> str:
        """``text`` made safe for XML (``None`` becomes ``""``); removals are counted for one notice."""
        cleaned, removed = clean_text(text)
        self.removed_chars += removed
        return cleaned

    def warn_once(self, code: str, message: str, subject: str | None = None) -> None:
        """Record a notice, at most once per ``code`` so 300 bad notes give one line, not 300."""
        if code not in self._warned:
            self._warned.add(code)
            self.notices.append(Notice(code, message, subject))
