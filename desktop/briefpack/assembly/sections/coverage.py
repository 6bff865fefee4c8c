"""The theme-coverage section: how many paragraphs of each chosen source speak to each chosen theme.

The same counts go in twice: as a heat-map chart (a ``Figure`` PNG drawn
with Pillow, themes down, sources across, darker for more paragraphs) and as
a ``Table`` that screen readers and Word users can read and edit. Sources
are numbered S1, S2 … across the chart; the table names them. Drawing uses
the bundled Noto Sans so the chart looks the same on every machine, and the
PNG is byte-for-byte reproducible for the same counts.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from briefpack.assembly.sections.context import SectionContext, heading, placeholder
from briefpack.assembly.templates import Section
from briefpack.model.brief import Block, Figure, Table, Text
from briefpack.paths import FONTS_DIR

if TYPE_CHECKING:
    from PIL import ImageFont

CELL = 28
MIN_CELL = 6
MAX_GRID_WIDTH = 560  # points-ish: the grid stays within a portrait page's text width
LABEL_WIDTH = 190
HEADER_HEIGHT = 28
SCALE = 2  # drawn at twice the size so it stays sharp when printed at its natural width
_LOW, _HIGH = (255, 255, 255), (31, 56, 100)


def coverage_counts(ctx: SectionContext) -> tuple[list[str], list[str], list[list[int]]]:
    """Theme labels, source ids and ``counts[theme][source]``: tagged paragraphs of each chosen source per chosen theme."""
    sources = [a.id for a in ctx.articles]
    column = {sid: n for n, sid in enumerate(sources)}
    row = {tid: n for n, tid in enumerate(ctx.selection.theme_ids)}
    counts = [[0] * len(sources) for _ in row]
    seen: set[tuple[str, str, int]] = set()
    for tag in ctx.tags:
        key = (tag.theme_id, tag.article_id, tag.block_index)
        if tag.theme_id in row and tag.article_id in column and key not in seen:
            seen.add(key)
            counts[row[tag.theme_id]][column[tag.article_id]] += 1
    labels = [(ctx.taxonomy.get(t).label if ctx.taxonomy.get(t) else t) for t in ctx.selection.theme_ids]
    return labels, sources, counts


def coverage(section: Section, ctx: SectionContext) -> list[Block]:
    """The chart and the table of theme × source paragraph counts."""
    blocks: list[Block] = [heading(section.level, section.title or "Theme coverage")]
    labels, sources, counts = coverage_counts(ctx)
    if not labels or not sources:
        return blocks + [placeholder(section.placeholder or "Choose themes and sources to see their coverage.")]
    names = [f"S{n}" for n in range(1, len(sources) + 1)]
    png = draw_heatmap(labels, names, counts)
    caption = (Text("Paragraphs of each source (S1, S2 …) that speak to each theme"),)
    alt = "; ".join(f"{label}: " + ", ".join(f"{n} {c}" for n, c in zip(names, row)) for label, row in zip(labels, counts))
    blocks.append(Figure(png, caption, alt=f"Theme coverage. {alt}"))
    header = ((Text("Source"),),) + tuple((Text(label),) for label in labels)
    rows = tuple(
        ((Text(f"{name} {ctx.by_id[sid].display_title}"),),) + tuple((Text(str(counts[t][s])),) for t in range(len(labels)))
        for s, (name, sid) in enumerate(zip(names, sources))
    )
    blocks.append(Table(header, rows, caption=(Text("Theme coverage by source (paragraph counts)"),)))
    return blocks


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    from PIL import ImageFont

    try:
        return ImageFont.truetype(str(FONTS_DIR / "NotoSans-Regular.ttf"), size)
    except OSError:  # a stripped install without the fonts: Pillow's own font still draws
        return ImageFont.load_default(size)


def _shade(value: int, top: int) -> tuple[int, int, int]:
    share = value / top if top else 0.0
    return tuple(round(lo + (hi - lo) * share) for lo, hi in zip(_LOW, _HIGH))


def draw_heatmap(rows: list[str], columns: list[str], counts: list[list[int]]) -> bytes:
    """A PNG heat map: ``rows`` labels down the left, ``columns`` across the top, each cell shaded by its count and labelled with it.

    Columns narrow (down to ``MIN_CELL``) as they grow in number, so a hundred sources still fit a
    page's width; then only every fifth or tenth column is named and the counts are left to the table.
    """
    from PIL import Image, ImageDraw  # here, not at import: the window lists section kinds long before it draws a chart

    s = SCALE
    cell = max(MIN_CELL, min(CELL, MAX_GRID_WIDTH // max(len(columns), 1)))
    every = 1 if cell >= 24 else 5 if cell >= 10 else 10
    font = _font(11 * s)
    head_font = _font((11 if every == 1 else 8) * s)
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    widest = max((measure.textlength(r, font=font) for r in rows), default=0) / s
    label_width = int(min(LABEL_WIDTH, widest + 12))
    width = (label_width + cell * len(columns) + 16) * s
    height = (HEADER_HEIGHT + CELL * len(rows) + 8) * s
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    top = max((max(r) for r in counts if r), default=0)
    for c, name in enumerate(columns):
        if c % every == 0:
            x = (label_width + cell * c + cell // 2) * s
            draw.text((x, (HEADER_HEIGHT // 2) * s), name, fill="black", font=head_font, anchor="mm")
    for r, label in enumerate(rows):
        y = (HEADER_HEIGHT + CELL * r) * s
        text = label
        while len(text) > 1 and draw.textlength(text, font=font) > (label_width - 8) * s:
            text = text[:-2] + "…"
        draw.text((4 * s, y + (CELL // 2) * s), text, fill="black", font=font, anchor="lm")
        for c, value in enumerate(counts[r]):
            x = (label_width + cell * c) * s
            fill = _shade(value, top)
            draw.rectangle([x, y, x + cell * s - 1, y + CELL * s - 1], fill=fill, outline=(200, 200, 200))
            if every == 1:
                ink = "white" if sum(fill) < 384 else "black"
                draw.text((x + (cell // 2) * s, y + (CELL // 2) * s), str(value), fill=ink, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
