"""The table of contents of the Word file: a real ``TOC`` field, already filled in, that Word refreshes.

``write_contents`` writes a "Contents" heading (style TOC Heading, which
Word leaves out of the navigation pane) and a ``TOC \\o "1-3" \\h \\z \\u``
field whose shown result is one ``toc 1``–``toc 3`` paragraph per heading,
the heading's text linked to its ``_Toc`` bookmark. The field is marked
dirty and the settings ask for a field update, so Word rebuilds the table
with page numbers and dot leaders on opening. LibreOffice shows the shown
result as it is (it neither updates the field nor computes a ``PAGEREF``
inside it), so the result holds no page numbers: Word's pagination is not
known here, and a guessed page would be wrong more often than not; linked
entries read right in both. Headings are bookmarked as the body is written
(``blocks.toc_bookmark``), numbered in the same order as here.
"""

from __future__ import annotations

from docx.enum.text import WD_BREAK

from briefpack.model.brief import Block, Heading, plain_text
from briefpack.render.docx import _fields, _oxml
from briefpack.render.docx.blocks import toc_bookmark
from briefpack.render.docx.context import Context
from briefpack.render.docx.inlines import mark_hangul

TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'


def toc_entries(blocks: tuple[Block, ...]) -> list[tuple[int, str, str]]:
    """(level, text, bookmark) for each heading of level 1–3, bookmarks numbered over all headings."""
    entries = []
    number = 0
    for block in blocks:
        if isinstance(block, Heading):
            number += 1
            level = min(max(block.level, 1), 9)
            if level <= 3:
                entries.append((level, plain_text(block.children).strip(), toc_bookmark(number)))
    return entries


def write_contents(ctx: Context, blocks: tuple[Block, ...], title: str = "Contents") -> None:
    """The contents heading and the filled-in TOC field, then a page break; nothing if there are no headings."""
    entries = toc_entries(blocks)
    if not entries:
        return
    heading = ctx.add_paragraph(ctx.styles["TOC Heading"])
    heading.add_run(title)
    last = None
    for index, (level, text, bookmark) in enumerate(entries):
        paragraph = ctx.add_paragraph(ctx.styles[f"toc {level}"])
        if index == 0:
            _fields.open_field(paragraph, TOC_INSTRUCTION, dirty=True)
        link = _fields.add_internal_link(paragraph, bookmark)
        run = _oxml.new_run_in(paragraph, link)
        run.text = ctx.clean(text) or "…"
        mark_hangul(run, run.text, ctx.options.east_asia_font)
        last = paragraph
    _fields.close_field(last)
    _fields.request_field_update(ctx.document)
    last.add_run().add_break(WD_BREAK.PAGE)
