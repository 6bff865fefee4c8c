"""The DOCX renderer: a cited ``Brief`` into a Word file someone else will keep editing.

``render`` builds the document with python-docx from the brief alone: named
styles throughout (styles.py), a title block and running header and footer
(page.py), a table-of-contents field when ``BriefMeta.toc`` asks (front.py),
one handler per block type (blocks.py), inline runs and hyperlinks
(inlines.py) and real Word footnotes or endnotes (notes.py). The raw
WordprocessingML python-docx has no API for lives in ``_oxml`` and ``_fields``. The file
is written to a temporary name and moved into place, so a failed export
never leaves a half-written file where the last good one was.
"""

from __future__ import annotations

from pathlib import Path

import docx

from briefpack.render._files import replacing
from briefpack.model.brief import Brief
from briefpack.model.notice import Notice
from briefpack.render.docx import _oxml
from briefpack.render.docx.blocks import write_blocks
from briefpack.render.docx.context import Context, DocxOptions
from briefpack.render.docx.front import write_contents
from briefpack.render.docx.notes import NoteWriter
from briefpack.render.docx.page import set_properties, set_up_page, write_header_footer, write_title_block
from briefpack.render.docx.styles import prepare_styles

__all__ = ["DocxOptions", "render"]


def render(brief: Brief, path: Path, options: DocxOptions | None = None) -> list[Notice]:
    """Write ``brief`` to ``path`` as a Word (.docx) file and return the notices for the analyst.

    ``options`` ``None`` means ``DocxOptions()``. Any thread may call this; it
    touches nothing shared. Raises ``OSError`` if ``path`` cannot be written.
    """
    options = options or DocxOptions()
    restyle = options.reference_docx is None
    if restyle:
        document = docx.Document()
    else:
        document = docx.Document(str(options.reference_docx))
        _oxml.clear_body(document)

    meta = brief.meta
    styles = prepare_styles(document, meta, options, restyle)
    ctx = Context(document, styles, options)
    ctx.notes = NoteWriter(ctx, styles.note_kind)

    set_up_page(ctx, restyle, getattr(meta, "margins_mm", None))
    write_header_footer(ctx, meta)
    write_title_block(ctx, meta, cover=bool(getattr(meta, "cover", False)))
    if getattr(meta, "toc", False):
        ctx.bookmark_headings = True
        write_contents(ctx, brief.blocks)
    write_blocks(ctx, brief.blocks)
    set_properties(ctx, meta)

    if ctx.removed_chars:
        ctx.notices.append(Notice(
            "text-cleaned",
            f"{ctx.removed_chars} control character(s) that Word files cannot hold were removed.",
        ))
    _save(document, Path(path))
    return ctx.notices


def _save(document, path: Path) -> None:
    with replacing(path) as tmp:
        document.save(str(tmp))
