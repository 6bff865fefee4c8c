"""Lay out a ``Brief`` from a template, the analyst's settings and the picked passages.

Every passage becomes a quotation followed by a ``Cite`` naming its article
and paragraph, so the citations pass can turn it into a note. A passage
whose text no longer matches its source is left out with a warning rather
than quoted wrongly (DESIGN rule 8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from briefpack.assembly.pick import pick_passages
from briefpack.assembly.templates import Template
from briefpack.model.article import Article, BlockKind
from briefpack.model.brief import Block, Brief, BriefMeta, Cite, Heading, Para, Quote, Text
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings, PickedPassage, Selection
from briefpack.model.theme import Taxonomy, ThemeTag


def paragraph_number(article: Article, block_index: int) -> int:
    """The 1-based number of block ``block_index`` among the article's paragraphs (headings not counted)."""
    return sum(1 for b in article.blocks[: block_index + 1] if b.kind is BlockKind.PARAGRAPH)


def build_brief(
    articles: Sequence[Article],
    tags: Iterable[ThemeTag],
    taxonomy: Taxonomy,
    selection: Selection,
    settings: BriefSettings,
    template: Template,
    *,
    today: dt.date | None = None,
) -> tuple[Brief, list[Notice]]:
    """The uncited brief (it holds ``Cite`` inlines) and the warnings met on the way.

    ``today`` dates an undated brief; ``None`` means the current date.
    """
    by_id = {a.id: a for a in articles}
    picked = pick_passages(articles, tags, selection)
    notices: list[Notice] = []
    blocks: list[Block] = []
    for section in template.sections:
        if section.kind == "summary":
            blocks.append(Heading(1, (Text(section.title or "Summary"),)))
            if settings.summary.strip():
                blocks.extend(Para((Text(p.strip()),)) for p in settings.summary.split("\n\n") if p.strip())
            else:
                blocks.append(Para((Text(section.placeholder or "Summary to be written."),), role="placeholder"))
        elif section.kind == "themes":
            for theme_id in selection.theme_ids:
                theme = taxonomy.get(theme_id)
                blocks.append(Heading(1, (Text(theme.label if theme else theme_id),)))
                quoted = [_quote(p, by_id, notices) for p in picked.get(theme_id, [])]
                quoted = [q for q in quoted if q is not None]
                blocks.extend(quoted or [Para((Text("No passages chosen for this theme."),), role="placeholder")])
        elif section.kind == "sources":
            blocks.append(Heading(1, (Text(section.title or "Sources"),), role="bibliography"))
    meta = BriefMeta(
        title=settings.title,
        author=settings.author,
        date=settings.date or today or dt.date.today(),
        marking=settings.marking if settings.marking is not None else template.default_marking,
        notes=template.notes,
        template=template.name,
        style=settings.style,
        font_family=template.font_family,
        base_size=template.base_size,
        keywords=tuple((taxonomy.get(t).label if taxonomy.get(t) else t) for t in selection.theme_ids),
    )
    return Brief(meta, tuple(blocks)), notices


def _quote(picked: PickedPassage, by_id: dict[str, Article], notices: list[Notice]) -> Quote | None:
    passage = picked.passage
    article = by_id.get(passage.article_id)
    if article is None or not passage.matches(article):
        notices.append(
            Notice(
                "passage-mismatch",
                f"A passage no longer matches its source and was left out: “{passage.text[:60]}…”",
                passage.article_id,
            )
        )
        return None
    locator = f"para. {paragraph_number(article, passage.block_index)}"
    return Quote((Text(passage.text), Cite(article.id, locator)))
