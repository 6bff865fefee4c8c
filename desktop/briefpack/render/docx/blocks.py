"""One handler per ``Brief`` block type, each appending styled Word content to the document body.

``write_blocks`` looks each block's handler up in ``HANDLERS`` (a table, not an
if-chain). Every paragraph gets a named style: headings ``Heading n``, quotes
``Quote``, list items ``List Bullet``, captions ``Caption``, and paragraphs
with a ``role`` the style ``DocxOptions.role_styles`` maps it to. Tables get
a repeating, bold header row; figures become inline pictures scaled to the
text width, with alt text and a caption kept on the same page. Captions are
numbered with ``SEQ`` fields ("Table 1."), as Word's own Insert Caption does.
"""

from __future__ import annotations

import io
import struct
from typing import Callable

from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
from docx.text.paragraph import Paragraph

from briefpack.model.brief import Block, BulletList, Figure, Heading, Inline, PageBreak, Para, Quote, Table
from briefpack.render._text import column_shares
from briefpack.render.docx import _fields, _oxml
from briefpack.render.docx.context import Context
from briefpack.render.docx.inlines import InlineWriter


TABLE_HEADER_FILL = "E8EDF3"  # the PDF's table header shade


def toc_bookmark(number: int) -> str:
    """The bookmark name of the ``number``-th heading; Word hides bookmarks whose names start "_Toc"."""
    return f"_Toc{number:09d}"


def write_blocks(ctx: Context, blocks: tuple[Block, ...]) -> None:
    """Append every block to the document body, in order."""
    for block in blocks:
        handler = HANDLERS.get(type(block))
        if handler is None:
            ctx.warn_once("block-unknown", f"A {type(block).__name__} block is not supported in Word output and was left out.")
            continue
        handler(ctx, block)


def _paragraph(ctx: Context, style, inlines: tuple[Inline, ...]) -> Paragraph:
    paragraph = ctx.add_paragraph(style)
    InlineWriter(ctx).write(paragraph, inlines)
    return paragraph


def _caption(ctx: Context, label: str, inlines: tuple[Inline, ...]) -> Paragraph:
    """A caption as Word's Insert Caption writes it: "Table {SEQ Table}. text", so Word can list them."""
    paragraph = ctx.add_paragraph(ctx.styles["Caption"])
    number = ctx.count(label)
    paragraph.add_run(f"{label} ").bold = True
    _fields.add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number)).bold = True
    paragraph.add_run(". ").bold = True
    InlineWriter(ctx).write(paragraph, inlines)
    return paragraph


def _heading(ctx: Context, block: Heading) -> None:
    paragraph = _paragraph(ctx, ctx.styles.heading(block.level), block.children)
    ctx.headings += 1
    if ctx.bookmark_headings:
        _fields.add_bookmark(paragraph, ctx.headings, toc_bookmark(ctx.headings))


def _para(ctx: Context, block: Para) -> None:
    style = None
    if block.role:
        name = ctx.options.role_styles.get(block.role)
        style = ctx.styles.get(name) if name else None
    _paragraph(ctx, style if style is not None else ctx.styles["Normal"], block.children)


def _quote(ctx: Context, block: Quote) -> None:
    _paragraph(ctx, ctx.styles["Quote"], block.children)


def _bullets(ctx: Context, block: BulletList) -> None:
    for item in block.items:
        _paragraph(ctx, ctx.styles["List Bullet"], item)


def _table(ctx: Context, block: Table) -> None:
    columns = max([len(block.header), *(len(row) for row in block.rows)], default=0)
    if columns == 0:
        ctx.warn_once("table-empty", "An empty table was left out.")
        return
    if block.caption:
        # Word's convention: table captions above the table, kept with it.
        caption = _caption(ctx, "Table", block.caption)
        caption.paragraph_format.keep_with_next = True
    rows = ([block.header] if block.header else []) + list(block.rows)
    table = ctx.document.add_table(rows=len(rows), cols=columns)
    grid = ctx.styles.get("Table Grid")
    if grid is not None:
        table.style = grid
    # Widths by content, as in the PDF: a narrow date column, a wide event column.
    table.autofit = False
    section = ctx.document.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin
    widths = [int(text_width * share) for share in column_shares(rows, columns)]
    for column, width in zip(table.columns, widths):
        column.width = width  # the table grid, which LibreOffice reads; Word reads the cells' widths
    writer = InlineWriter(ctx)
    for r, (row, cells) in enumerate(zip(table.rows, rows)):
        is_header = bool(block.header) and r == 0
        if is_header:
            _oxml.repeat_as_header(row)
        _oxml.keep_row_whole(row)
        for j, (cell, inlines) in enumerate(zip(row.cells, cells)):
            cell.width = widths[j]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = 0  # compact rows; Normal's spacing is for running text
            if is_header:
                _oxml.shade_cell(cell, TABLE_HEADER_FILL)
            writer.write(paragraph, inlines, bold=is_header)
    # A paragraph after the table, or Word glues the next table or heading to it.
    ctx.add_paragraph(ctx.styles["Normal"]).paragraph_format.space_after = 0


def _figure(ctx: Context, block: Figure) -> None:
    paragraph = ctx.add_paragraph(ctx.styles["Normal"])
    try:
        picture = paragraph.add_run().add_picture(io.BytesIO(block.png))
    except (UnrecognizedImageError, InvalidImageStreamError, UnexpectedEndOfFileError, ValueError, struct.error):
        ctx.warn_once("figure-unreadable", "A figure's image could not be read; its alt text was written instead.")
        paragraph.add_run(ctx.clean(f"[{block.alt or 'figure'}]")).italic = True
    else:
        section = ctx.document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        if picture.width > width:
            picture.height = int(picture.height * width / picture.width)
            picture.width = width
        _oxml.set_picture_alt(picture, ctx.clean(block.alt))
    if block.caption:
        paragraph.paragraph_format.keep_with_next = True
        _caption(ctx, "Figure", block.caption)


def _page_break(ctx: Context, block: PageBreak) -> None:
    ctx.document.add_page_break()


HANDLERS: dict[type, Callable[[Context, Block], None]] = {
    Heading: _heading,
    Para: _para,
    Quote: _quote,
    BulletList: _bullets,
    Table: _table,
    Figure: _figure,
    PageBreak: _page_break,
}
