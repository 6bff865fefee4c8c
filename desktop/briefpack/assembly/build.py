"""Lay out a ``Brief`` from a template, the analyst's settings, the picked passages and the findings.

``build_brief`` runs each template section's kind from the registry
(``assembly.sections.SECTION_KINDS``) in template order and gathers the
blocks; it also carries the template's house style (fonts, sizes, colours,
margins, notes placement) into ``BriefMeta`` for the renderers. Quotations,
the analyst's paraphrases and findings carry ``Cite`` inlines; the citations
pass runs after this. How each theme-section item reads (quote or
paraphrase, the analyst's note, the grade code where the template prints
grades) is laid out by ``assembly.sections.passages``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from briefpack.assembly.pick import chosen_articles, pick_passages
from briefpack.assembly.sections import SECTION_KINDS, SectionContext, shows_grades
from briefpack.assembly.sections.context import paragraph_number
from briefpack.assembly.templates import Template
from briefpack.model.article import Article
from briefpack.model.brief import Block, Brief, BriefMeta
from briefpack.model.findings import Findings
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag

__all__ = ["build_brief", "paragraph_number"]


def build_brief(
    articles: Sequence[Article],
    tags: Iterable[ThemeTag],
    taxonomy: Taxonomy,
    selection: Selection,
    settings: BriefSettings,
    template: Template,
    *,
    findings: Findings | None = None,
    today: dt.date | None = None,
) -> tuple[Brief, list[Notice]]:
    """The uncited brief (it holds ``Cite`` inlines) and the warnings met on the way.

    ``findings`` ``None`` means analysis was not run: the sections that need
    it (timeline, key figures, people, corroboration) hold a placeholder
    saying so. ``today`` dates an undated brief; ``None`` means the current
    date. Any thread may call it; it touches no shared state.
    """
    tags = list(tags)
    ctx = SectionContext(
        articles=chosen_articles(articles, selection),
        by_id={a.id: a for a in articles},
        tags=tags,
        taxonomy=taxonomy,
        selection=selection,
        settings=settings,
        picked=pick_passages(articles, tags, selection),
        findings=findings,
        shows_grades=shows_grades(template),
    )
    blocks: list[Block] = []
    for section in template.sections:
        blocks.extend(SECTION_KINDS[section.kind].build(section, ctx))
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
        heading_font=template.heading_font,
        sizes=dict(template.sizes),
        colours=dict(template.colours),
        margins_mm=dict(template.margins_mm),
        cover=template.cover,
        toc=template.toc,
    )
    return Brief(meta, tuple(blocks)), ctx.notices
