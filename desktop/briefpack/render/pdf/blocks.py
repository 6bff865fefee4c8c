"""Blocks to flowables: one handler per document node, plus the title block and the endnotes section.

``BlockFlow`` walks a brief's blocks in order and asks the handler for each
node type (its ``handlers`` table) for its flowables; every handler
names its paragraph style and gets the text as markup from the shared
``InlineWriter``, so notes are numbered in reading order. In footnote mode
any flowable whose text cites notes is wrapped in ``NoteBearing`` so its
notes land at the foot of its page. Headings carry their PDF outline entry
and draw it themselves, which puts each bookmark on the page where the
heading really is.
"""

from __future__ import annotations

from io import BytesIO
from typing import Callable

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, HRFlowable, Image, KeepTogether, PageBreak as RLPageBreak, Paragraph, Spacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from briefpack.model.brief import (
    Block,
    BriefMeta,
    BulletList,
    Figure,
    Heading,
    Inline,
    PageBreak,
    Para,
    Quote,
    Table,
    Text,
    plain_text,
)
from briefpack.model.notice import Notice
from briefpack.render._text import clean_text, column_shares, format_date
from briefpack.render.pdf.fonts import ScriptRuns
from briefpack.render.pdf.footnotes import FootnoteArea, NoteBearing
from briefpack.render.pdf.markup import InlineWriter, NoteEntry, note_anchor
from briefpack.render.pdf.styles import StyleSet

PARA_STYLES = {"placeholder": "placeholder", "bibliography": "bibliography"}  # Para.role -> style; others: body


class OutlinedHeading(Paragraph):
    """A heading paragraph that adds its PDF bookmark when drawn (so it is on the right page)."""

    outline: tuple[str, str, int] | None = None  # (destination key, title, outline level)

    def draw(self) -> None:
        if self.outline:
            key, title, level = self.outline
            self.canv.bookmarkHorizontal(key, 0, self.height + self.style.spaceBefore / 2)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
        super().draw()

    def split(self, aW: float, aH: float) -> list[Flowable]:
        parts = super().split(aW, aH)
        if len(parts) > 1:  # only the first piece of a split heading is bookmarked
            parts[0].outline, parts[1].outline = self.outline, None
        return parts


class TableCell(Paragraph):
    """A table cell's paragraph that keeps its line breaking for the width it was last wrapped at.

    Splitting a table across pages measures the rows near each page foot many
    times (every split attempt re-measures every row it keeps, and footnote
    mode tries several split heights per page); breaking a paragraph into
    lines is the costly part, and a cell's lines depend only on its width.
    """

    _wrapped: tuple | None = None  # (width, the line breaks, (w, h)) of the last real wrap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrapped
        if cached is not None and cached[0] == availWidth and getattr(self, "blPara", None) is cached[1]:
            self.width, self.height = cached[2]
            return cached[2]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, getattr(self, "blPara", None), size)
        return size


class BlockFlow:
    """Turns one brief's blocks into flowables. Not thread-safe: one per render.

    ``area`` is the footnote area in footnote mode and ``None`` in endnote
    mode. ``frame_size`` is the text block (width, height) in points, for
    scaling figures and tables. Problems (unreadable figures) go to ``notices``.
    """

    def __init__(
        self,
        styles: StyleSet,
        writer: InlineWriter,
        area: FootnoteArea | None,
        frame_size: tuple[float, float],
        notices: list[Notice],
    ) -> None:
        self.styles = styles
        self.writer = writer
        self.area = area
        self.frame_width, self.frame_height = frame_size
        self.notices = notices
        self._outline_level = -1  # reportlab refuses to skip outline levels; track the last one
        self._headings = 0
        self.outlines: list[tuple[int, str, str]] = []  # (outline level, markup, bookmark key) per heading
        self._tables = 0
        self._figures = 0
        self.handlers: dict[type, Callable[[Block], list[Flowable]]] = {
            Heading: self.heading,
            Para: self.para,
            Quote: self.quote,
            BulletList: self.bullet_list,
            Table: self.table,
            Figure: self.figure,
            PageBreak: lambda block: [RLPageBreak()],
        }

    # -- helpers

    def _text(
        self,
        inlines: tuple[Inline, ...],
        style: str | ParagraphStyle,
        cls: type[Paragraph] = Paragraph,
        bare: bool = False,
        **kw,
    ) -> Flowable:
        """A paragraph of ``inlines`` in ``style`` (a name or a style).

        In footnote mode it comes wrapped in ``NoteBearing`` when it cites
        notes, unless ``bare`` (table cells: the table as a whole bears them).
        """
        style = self.styles[style] if isinstance(style, str) else style
        before = len(self.writer.notes)
        para = cls(self.writer.markup(inlines, *ScriptRuns.style_flags(style.fontName)), style, **kw)
        return para if bare else self._bearing(para, before)

    def _plain(self, text: str, style: str) -> Paragraph:
        """A paragraph of plain ``text`` (no inlines) in the named ``style``."""
        pstyle = self.styles[style]
        return Paragraph(self.writer.text(text, *ScriptRuns.style_flags(pstyle.fontName)), pstyle)

    def _bearing(self, flowable: Flowable, notes_before: int) -> Flowable:
        if self.area is not None and len(self.writer.notes) > notes_before:
            return NoteBearing(flowable, self.area)
        return flowable

    # -- the title block

    def title_block(self, meta: BriefMeta) -> list[Flowable]:
        """Marking, title, subtitle, author and date, and a rule under them."""
        out: list[Flowable] = []
        if meta.marking:
            out.append(self._plain(meta.marking.upper(), "marking"))
        out.append(self._plain(meta.title, "title"))
        if meta.subtitle:
            out.append(self._plain(meta.subtitle, "subtitle"))
        byline = [part for part in (meta.author, meta.date and format_date(meta.date, meta.language)) if part]
        if byline:
            out.append(self._plain(" · ".join(byline), "byline"))
        out.append(HRFlowable(width="100%", thickness=1.1, color=HexColor(self.styles.colours["accent"]),
                              spaceBefore=self.styles.base * 0.45, spaceAfter=self.styles.base * 0.7))
        return out

    # -- the blocks

    def flow(self, blocks: tuple[Block, ...]) -> list[list[Flowable]]:
        """The flowables of each block, one list per block, in order."""
        return [self.handlers[type(block)](block) for block in blocks]

    def heading(self, block: Heading) -> list[Flowable]:
        level = min(max(block.level, 1), 3)
        style = self.styles[f"h{level}"]
        if block.role == "placeholder":
            placeholder = self.styles["placeholder"]
            style = ParagraphStyle(f"h{level}-placeholder", parent=style, textColor=placeholder.textColor)
        para = self._text(block.children, style, OutlinedHeading)
        self._headings += 1
        outline_level = min(level - 1, self._outline_level + 1)
        self._outline_level = outline_level
        inner = para.inner if isinstance(para, NoteBearing) else para
        title = clean_text(plain_text(block.children))[0].strip() or "…"
        inner.outline = (f"bp-h{self._headings}", title, outline_level)
        self.outlines.append((outline_level, self.writer.runs.markup(title), inner.outline[0]))
        return [para]

    def outline_heading(self, title: str) -> list[Flowable]:
        """A level-1 heading for a section the renderer adds itself (the endnotes)."""
        return self.heading(Heading(1, (Text(title),)))

    def para(self, block: Para) -> list[Flowable]:
        return [self._text(block.children, PARA_STYLES.get(block.role or "", "body"))]

    def quote(self, block: Quote) -> list[Flowable]:
        return [self._text(block.children, "quote")]

    def bullet_list(self, block: BulletList) -> list[Flowable]:
        # One paragraph per item (not a ListFlowable) so each item can carry its own notes and split alone.
        out = [self._text(item, "bullet", bulletText="•") for item in block.items]
        if out:
            out.append(Spacer(1, self.styles.base * 0.4))
        return out

    def table(self, block: Table) -> list[Flowable]:
        ncols = max([len(block.header), *(len(row) for row in block.rows)] or [0])
        if ncols == 0:
            return []
        self._tables += 1
        out: list[Flowable] = []
        if block.caption:
            out.append(self._caption(f"Table {self._tables}.", block.caption, "table_caption"))
        before = len(self.writer.notes)
        rows = ([block.header] if block.header else []) + list(block.rows)
        data = [
            [self._text(row[j] if j < len(row) else (), "cell_head" if (block.header and i == 0) else "cell",
                        TableCell, bare=True) for j in range(ncols)]
            for i, row in enumerate(rows)
        ]
        table = RLTable(data, colWidths=self._column_widths(rows, ncols), repeatRows=1 if block.header else 0,
                        hAlign="LEFT")
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, HexColor(self.styles.colours["table_grid"])),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Cells are paragraphs, but Table sets its own cell font first: keep it a shipped one.
            ("FONT", (0, 0), (-1, -1), self.styles["cell"].fontName, self.styles["cell"].fontSize),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if block.header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HexColor(self.styles.colours["table_header"])))
        table.setStyle(TableStyle(commands))
        out.append(self._bearing(table, before))
        out.append(Spacer(1, self.styles.base * 0.9))
        return out

    def _column_widths(self, rows: list[tuple[tuple[Inline, ...], ...]], ncols: int) -> list[float]:
        return [self.frame_width * share for share in column_shares(rows, ncols)]

    def _caption(self, label: str, caption: tuple[Inline, ...], style: str) -> Flowable:
        before = len(self.writer.notes)
        pstyle = self.styles[style]
        para = Paragraph(f"<b>{label}</b> " + self.writer.markup(caption, *ScriptRuns.style_flags(pstyle.fontName)),
                         pstyle)
        return self._bearing(para, before)

    def figure(self, block: Figure) -> list[Flowable]:
        self._figures += 1
        try:
            width_px, height_px = ImageReader(BytesIO(block.png)).getSize()
            if width_px <= 0 or height_px <= 0:
                raise ValueError("the image has no size")
        except Exception as exc:  # any undecodable image: say so and show the alt text instead
            self.notices.append(Notice(
                "figure-unreadable",
                f"Figure {self._figures} could not be read as an image ({exc}); its description is shown instead.",
            ))
            text = block.alt or plain_text(block.caption) or "Figure"
            return [self._plain(f"[{text}]", "placeholder")]
        # 96 px to the inch looks right for screenshots; shrink to fit the text block.
        width = min(self.frame_width, width_px * 0.75)
        height = height_px * width / width_px
        if height > self.frame_height * 0.6:
            width, height = width * self.frame_height * 0.6 / height, self.frame_height * 0.6
        image = Image(BytesIO(block.png), width=width, height=height)
        image.hAlign = "CENTER"
        parts: list[Flowable] = [Spacer(1, self.styles.base * 0.3), image]
        if block.caption:
            parts.append(self._caption(f"Figure {self._figures}.", block.caption, "figure_caption"))
        else:
            parts.append(Spacer(1, self.styles.base * 0.9))
        return [KeepTogether(parts)]

    # -- notes

    def note_paragraph(self, note: NoteEntry, style: str, label: str) -> Paragraph:
        """The paragraph for one note's text: its number hangs in the margin, its anchor is the link target."""
        return Paragraph(f'<a name="{note_anchor(note.number)}"/>{note.markup}', self.styles[style], bulletText=label)

    def endnotes(self) -> list[Flowable]:
        """The "Notes" section of endnote mode: a heading and every note, numbered."""
        if not self.writer.notes:
            return []
        notes = list(self.writer.notes)
        out = self.outline_heading("Notes")
        out += [self.note_paragraph(note, "endnote", f"{note.number}.") for note in notes]
        return out
