"""The front matter of the PDF: a cover page and a table of contents, both switched by ``BriefMeta``.

``cover_page`` sets the marking, the template's kind of paper, the title,
subtitle, author and date on a page of their own, title at about a third of
the page as printed briefs do. ``Contents`` is the table of contents in one
layout pass: its entries are known before layout (every heading the brief
will have), so only the page numbers are missing when it is drawn; each is
a named form XObject, defined once the headings have been placed and the
canvas saves, just as the footer's "Page X of Y" is. That halves the time a
``multiBuild`` would take (a second full layout only to print numbers). Each
entry links to its heading's bookmark, and its text is the same escaped,
font-run markup as the body, so a Korean heading shows in the contents too.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, PageBreak, Paragraph, Spacer
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefpack.model.brief import BriefMeta
from briefpack.render._text import format_date
from briefpack.render.pdf.fonts import ScriptRuns
from briefpack.render.pdf.markup import InlineWriter
from briefpack.render.pdf.styles import StyleSet


def kind_of_paper(meta: BriefMeta) -> str:
    """The template's name made readable, for the cover's kicker ("Situation brief")."""
    return meta.template.replace("-", " ").replace("_", " ").strip().capitalize()


def _plain(writer: InlineWriter, styles: StyleSet, text: str, style: str) -> Paragraph:
    pstyle = styles[style]
    return Paragraph(writer.text(text, *ScriptRuns.style_flags(pstyle.fontName)), pstyle)


def cover_page(meta: BriefMeta, styles: StyleSet, writer: InlineWriter, frame_height: float) -> list[Flowable]:
    """The cover's flowables, ending with a page break; the running header and footer still carry the marking."""
    out: list[Flowable] = []
    if meta.marking:
        out.append(_plain(writer, styles, meta.marking.upper(), "cover_marking"))
    # About a third of the way down, where the eye lands on a printed cover.
    out.append(Spacer(1, frame_height * 0.26))
    kicker = kind_of_paper(meta)
    if kicker:
        out.append(_plain(writer, styles, kicker.upper(), "cover_kicker"))
    out.append(HRFlowable(width="100%", thickness=2.2, color=HexColor(styles.colours["accent"]), spaceBefore=0,
                          spaceAfter=styles.base * 1.1, hAlign="LEFT"))
    out.append(_plain(writer, styles, meta.title, "cover_title"))
    if meta.subtitle:
        out.append(_plain(writer, styles, meta.subtitle, "cover_subtitle"))
    out.append(Spacer(1, styles.base * 2.2))
    if meta.author:
        out.append(_plain(writer, styles, meta.author, "cover_byline"))
    if meta.date:
        out.append(_plain(writer, styles, format_date(meta.date, meta.language), "cover_byline"))
    out.append(PageBreak())
    return out


class TocEntry(Paragraph):
    """One line of the contents: the heading's text, a dot leader, and its page number as a form.

    The page is not known when the contents are drawn (they come first), so
    the number is a named form XObject that ``Contents.define_pages`` fills in
    when the document is saved, the way the footer's "Page X of Y" works.
    The whole line links to the heading's bookmark.
    """

    def __init__(self, markup: str, style, key: str, contents: "Contents") -> None:
        super().__init__(markup, style)
        self.key = key
        self.contents = contents

    def draw(self) -> None:
        super().draw()
        canv, style = self.canv, self.style
        lines = self.blPara.lines
        last = lines[-1]
        extra = last.extraSpace if hasattr(last, "extraSpace") else last[0]
        text_end = self.width - style.rightIndent - extra
        # Paragraphs put the first baseline one font size below the top, then one leading per line.
        baseline = self.height - style.fontSize - style.leading * (len(lines) - 1)
        right = self.width
        dot = " ."
        dot_width = stringWidth(dot, style.fontName, style.fontSize)
        start = text_end + style.fontSize * 0.5
        stop = right - stringWidth("000", style.fontName, style.fontSize) - style.fontSize * 0.4
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        if stop > start + dot_width:
            count = int((stop - start) / dot_width)
            canv.drawRightString(stop, baseline, dot * count)
        canv.translate(right, baseline)
        canv.doForm(self.contents.form_name(self.key))
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1)
        self.contents.fonts[self.key] = (style.fontName, style.fontSize, style.textColor)


class Contents:
    """The table of contents of one render: its entries, and the pages its headings landed on.

    ``entries`` are (outline level, markup, bookmark key), levels 0–2.
    ``note_page`` is called as each heading is placed; ``define_pages``
    writes every entry's page-number form before the canvas saves.
    """

    def __init__(self, entries: list[tuple[int, str, str]], styles: StyleSet) -> None:
        self.entries = entries
        self.styles = styles
        self.pages: dict[str, int] = {}
        self.fonts: dict[str, tuple] = {}  # key -> (font, size, colour) the entry was drawn in

    @staticmethod
    def form_name(key: str) -> str:
        return "bpToc" + "".join(c if c.isalnum() else "_" for c in key)

    def note_page(self, key: str, page: int) -> None:
        self.pages.setdefault(key, page)  # a split heading: the page it starts on

    def flowables(self, title: str = "Contents") -> list[Flowable]:
        """A heading, one ``TocEntry`` per heading, and a page break."""
        out: list[Flowable] = [CondPageBreak(self.styles.base * 12), Paragraph(title, self.styles["toc_title"])]
        for level, markup, key in self.entries:
            out.append(TocEntry(markup, self.styles[f"toc{min(level, 2) + 1}"], key, self))
        out.append(PageBreak())
        return out

    def define_pages(self, canvas) -> None:
        """Define each drawn entry's page-number form (call once, before the canvas saves)."""
        for key, (font, size, colour) in self.fonts.items():
            canvas.beginForm(self.form_name(key), lowerx=-200, lowery=-20, upperx=20, uppery=40)
            canvas.setFont(font, size)
            canvas.setFillColor(colour)
            page = self.pages.get(key)
            canvas.drawRightString(0, 0, str(page) if page else "")
            canvas.endForm()
