"""The PDF renderer: a cited ``Brief`` to a PDF with footnotes, bookmarks and running marking, via reportlab platypus.

``render(brief, path, options)`` is the registry's entry point. It resolves
the house style from ``BriefMeta`` (``styles.py``), turns blocks into
flowables one handler per node (``blocks.py``) with inline text written as
escaped reportlab markup in fonts chosen by glyph coverage (``markup.py``,
``fonts.py``), lays them out in a document whose frame keeps room at the
foot of each page for that page's footnotes (``footnotes.py``,
``document.py``), and draws the header and footer once the page count is
known (``chrome.py``). ``BriefMeta.cover`` and ``toc`` add a cover page and a
table of contents (``front.py``; its page numbers are filled in on save). It reads nothing but the brief and the shipped fonts,
and returns its warnings as ``Notice`` values.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

from briefpack.render._files import replacing
from briefpack.model.brief import Brief, Heading
from briefpack.model.notice import Notice
from briefpack.render.pdf import front
from briefpack.render.pdf.blocks import BlockFlow
from briefpack.render.pdf.chrome import CountingCanvas, PageChrome
from briefpack.render.pdf.document import BriefDocument
from briefpack.render.pdf.fonts import ScriptRuns, face_name
from briefpack.render.pdf.footnotes import FootnoteArea
from briefpack.render.pdf.markup import InlineWriter
from briefpack.render.pdf.options import PdfOptions
from briefpack.render.pdf.styles import CHROME, build_styles

__all__ = ["PdfOptions", "render"]

_SIDES = ("top", "right", "bottom", "left")


def _in_story_order(outlines: list[tuple[int, str, str]], per_block: list[list]) -> list[tuple[int, str, str]]:
    """The headings' contents entries in reading order (the endnotes' heading is made last but sits earlier)."""
    order: dict[str, int] = {}
    for flowables in per_block:
        for flowable in flowables:
            inner = getattr(flowable, "inner", flowable)
            outline = getattr(inner, "outline", None)
            if outline:
                order.setdefault(outline[0], len(order))
    return sorted(outlines, key=lambda entry: order.get(entry[2], len(order)))


def _with_template_margins(options: PdfOptions, meta, notices: list[Notice]) -> PdfOptions:
    """``options`` with the margins a template set on the brief (``BriefMeta.margins_mm``, by side)."""
    margins = getattr(meta, "margins_mm", None) or {}
    if not margins:
        return options
    try:
        merged = tuple(float(margins.get(side, default)) for side, default in zip(_SIDES, options.margins_mm))
        return dataclasses.replace(options, margins_mm=merged)
    except (TypeError, ValueError) as exc:
        notices.append(Notice("style-ignored", f"The template's margins were not used: {exc}."))
        return options


def render(brief: Brief, path: Path, options: PdfOptions | None = None) -> list[Notice]:
    """Write ``brief`` as a PDF to ``path`` and return the warnings for the analyst.

    ``options`` ``None`` means ``PdfOptions()`` (A4, default margins, not
    invariant). ``brief.meta.notes`` chooses footnotes (at the foot of the
    page that cites them) or endnotes (a "Notes" section before the
    bibliography, else at the end). The file is written to a temporary
    name beside ``path`` and moved into place, so a failed export never
    leaves a half-written PDF. May run on any thread (the GUI exports on a
    worker); reportlab keeps font state per process, so run one PDF export
    at a time.
    """
    options = options or PdfOptions()
    path = Path(path)
    notices: list[Notice] = []
    meta = brief.meta
    options = _with_template_margins(options, meta, notices)
    styles = build_styles(meta)
    runs = ScriptRuns((styles.body_family, styles.heading_family))
    writer = InlineWriter(runs)

    top, right, bottom, left = options.margins_pt
    page_w, page_h = options.pagesize
    frame_size = (page_w - left - right, page_h - top - bottom)
    footnotes = meta.notes != "endnotes"
    area = FootnoteArea(
        {}, frame_size[0],
        rule_above=styles.base * 0.9, rule_below=styles.base * 0.45,
        rule_width=CHROME["footnote_rule_width"], rule_fraction=CHROME["footnote_rule_fraction"], rule_color=styles.colours["rule"],
    )
    flow = BlockFlow(styles, writer, area if footnotes else None, frame_size, notices)

    cover = bool(getattr(meta, "cover", False))
    want_toc = bool(getattr(meta, "toc", False))
    story = front.cover_page(meta, styles, writer, frame_size[1]) if cover else flow.title_block(meta)
    per_block = flow.flow(brief.blocks)
    if footnotes:
        area.notes.update({n.number: flow.note_paragraph(n, "footnote", str(n.number)) for n in writer.notes})
    else:
        # Endnotes go before the bibliography, as in Chicago notes style; at the end when there is none.
        at = next((i for i, b in enumerate(brief.blocks) if isinstance(b, Heading) and b.role == "bibliography"),
                  len(per_block))
        per_block.insert(at, flow.endnotes())
    toc = front.Contents(_in_story_order(flow.outlines, per_block), styles) if want_toc and flow.outlines else None
    if toc is not None:
        story.extend(toc.flowables())
    for flowables in per_block:
        story.extend(flowables)

    chrome = PageChrome(meta.title, meta.marking, runs, styles.heading_family, styles.base * CHROME["size"],
                        options.pagesize, options.margins_pt, cover=cover, colours=styles.colours)
    with replacing(path) as tmp:
        doc = BriefDocument(str(tmp), options, meta, area, face_name(styles.body_family))
        on_page = area.bind_unplaced if footnotes else None
        doc.contents = toc
        on_save = toc.define_pages if toc is not None else None
        doc.build(story, canvasmaker=partial(CountingCanvas, chrome=chrome, on_page=on_page, on_save=on_save))

    if runs.missing:
        notices.append(Notice(
            "glyph-missing",
            f"No shipped font can draw {runs.missing_report()}; they appear as empty boxes in the PDF.",
            path.name,
        ))
    if writer.removed:
        notices.append(Notice(
            "text-cleaned", f"{writer.removed} control character(s) were removed from the text.", path.name,
        ))
    if writer.unresolved:
        notices.append(Notice(
            "citation-unresolved",
            f"{len(writer.unresolved)} citation(s) reached the PDF unformatted and are shown as [source id]: "
            + ", ".join(sorted(set(writer.unresolved))),
            path.name,
        ))
    if footnotes and (misplaced := area.misplaced()):
        notices.append(Notice(
            "footnote-misplaced",
            "Footnote(s) " + ", ".join(map(str, misplaced)) + " did not fit on the page that cites them.",
            path.name,
        ))
    if footnotes and area.overflowed:
        notices.append(Notice(
            "footnote-overflow",
            "Footnote(s) " + ", ".join(map(str, sorted(set(area.overflowed))))
            + " are too long for the page and overlap its text; consider endnotes.",
            path.name,
        ))
    return notices
