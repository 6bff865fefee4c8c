"""The document template: one page layout with a footnote frame, document properties, page-end hooks.

``BriefDocument`` is a platypus ``BaseDocTemplate`` with a single page
template whose text block is a ``FootnoteFrame`` the size of the page less
the margins. It writes the PDF's document information (title, author,
subject, keywords, creator "briefpack", language), registers the note
markers' draw-time callback on the canvas, and at each page end draws that
page's footnotes at the foot of the frame. After each heading is placed it
tells the table of contents (if any) its page and bookmark. The running
header and footer are the canvas's business (``chrome.CountingCanvas``),
because they need the page count.
"""

from __future__ import annotations

from reportlab.platypus import BaseDocTemplate, PageTemplate

from briefpack.model.brief import BriefMeta
from briefpack.render.pdf.footnotes import FootnoteArea, FootnoteFrame, NoteBearing
from briefpack.render.pdf.markup import NOTE_REF_CALLBACK
from briefpack.render.pdf.options import PdfOptions


def subject_of(meta: BriefMeta) -> str:
    """The PDF subject: the subtitle, else the template's name made readable ("Situation brief")."""
    if meta.subtitle:
        return meta.subtitle
    return meta.template.replace("-", " ").replace("_", " ").strip().capitalize()


class BriefDocument(BaseDocTemplate):
    """Lays a brief's flowables out into ``target`` (a path or a binary file object).

    ``area`` holds the footnotes (empty in endnote mode); ``initial_font`` is
    a registered shipped font, set as the canvas's starting font so that
    reportlab does not put an unembedded Helvetica into every page.
    """

    def __init__(self, target, options: PdfOptions, meta: BriefMeta, area: FootnoteArea, initial_font: str) -> None:
        top, right, bottom, left = options.margins_pt
        super().__init__(
            target,
            pagesize=options.pagesize,
            topMargin=top,
            rightMargin=right,
            bottomMargin=bottom,
            leftMargin=left,
            title=meta.title,
            author=meta.author or "",
            subject=subject_of(meta),
            keywords=list(meta.keywords),
            creator="briefpack",
            lang=meta.language or None,
            invariant=1 if options.invariant else 0,
            initialFontName=initial_font,
            pageCompression=1,
            displayDocTitle=1,
        )
        self.area = area
        self.contents = None  # a front.Contents when the brief has a table of contents
        self.open_outline = options.open_outline
        frame = FootnoteFrame(
            area, self.leftMargin, self.bottomMargin, self.width, self.height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=options.pagesize)])

    def beforeDocument(self) -> None:
        self.area.reset()  # a fresh layout (a reused document must not remember the last one's pages)
        # The note markers call this by name as they are drawn (see markup.py).
        self.canv.setNamedCB(NOTE_REF_CALLBACK, self.area.saw_reference)
        if self.open_outline:
            self.canv.showOutline()

    def afterFlowable(self, flowable) -> None:
        if self.contents is None:
            return
        inner = flowable.inner if isinstance(flowable, NoteBearing) else flowable
        outline = getattr(inner, "outline", None)
        if outline:
            self.contents.note_page(outline[0], self.page)

    def afterPage(self) -> None:
        # Runs before the page is shown, while the frame still knows this page's notes.
        self.area.draw(self.canv)
