"""Sections filled from the analysis findings: timeline, key figures, people, corroboration.

Each reads ``Findings`` restricted to the chosen sources and cites every row
back to the paragraph it came from. When analysis was not run (``findings``
is ``None``) the section says so in a placeholder; when it ran and found
nothing, the section says that instead. Nothing is made up to fill a table.
"""

from __future__ import annotations

from briefpack.assembly.sections.context import NO_FINDINGS, SectionContext, heading, placeholder, with_cites
from briefpack.assembly.templates import Section
from briefpack.model.brief import Block, BulletList, Inline, Para, Strong, Table, Text
from briefpack.model.findings import Entity, FigureClaim, SourceRef


def _head(section: Section, title: str) -> list[Block]:
    return [heading(section.level, section.title or title)]


def _cells(*texts: str) -> tuple[tuple[Inline, ...], ...]:
    return tuple((Text(t),) for t in texts)


def timeline(section: Section, ctx: SectionContext) -> list[Block]:
    """A Date | Event table in date order (the sentence stating each event, cited)."""
    blocks = _head(section, "Timeline")
    if ctx.findings is None:
        return blocks + [placeholder(section.placeholder or NO_FINDINGS)]
    events = [e for e in ctx.findings.timeline if any(ctx.chosen(s.article_id) for s in e.sources)]
    if not events:
        return blocks + [placeholder("No dated events were found in the chosen sources.")]
    events.sort(key=lambda e: e.date)
    rows = tuple(
        ((Text(e.date),), with_cites(e.text, [ctx.cite(s) for s in e.sources if ctx.chosen(s.article_id)]))
        for e in events[: section.limit]
    )
    return blocks + [Table(_cells("Date", "Event"), rows, caption=(Text("Dated events reported by the sources"),))]


def key_figures(section: Section, ctx: SectionContext) -> list[Block]:
    """Figures as a Figure | What it counts table (variant ``list``: one bullet per figure), each cited."""
    blocks = _head(section, "Key figures")
    if ctx.findings is None:
        return blocks + [placeholder(section.placeholder or NO_FINDINGS)]
    figures = [f for f in ctx.findings.figures if ctx.chosen(f.source.article_id)][: section.limit]
    if not figures:
        return blocks + [placeholder("No figures were found in the chosen sources.")]
    if section.variant == "list":
        return blocks + [BulletList(tuple(_figure_line(f, ctx) for f in figures))]
    rows = tuple(((Text(f.value),), with_cites(f.counts, [ctx.cite(f.source)])) for f in figures)
    return blocks + [Table(_cells("Figure", "What it counts"), rows, caption=(Text("Figures given by the sources"),))]


def _figure_line(figure: FigureClaim, ctx: SectionContext) -> tuple[Inline, ...]:
    return (Strong((Text(figure.value),)), *with_cites(" " + figure.counts, [ctx.cite(figure.source)]))


def people(section: Section, ctx: SectionContext) -> list[Block]:
    """Short pen portraits of the people the sources describe: name, the roles given, how many sources name them."""
    blocks = _head(section, "People")
    if ctx.findings is None:
        return blocks + [placeholder(section.placeholder or NO_FINDINGS)]
    persons = [e for e in ctx.findings.entities if e.kind == "person" and _chosen_mentions(e, ctx)]
    described = [e for e in persons if e.roles]
    described.sort(key=lambda e: (-len({m.article_id for m in _chosen_mentions(e, ctx)}), e.name))
    if not described:
        return blocks + [placeholder("The chosen sources describe no person's role.")]
    blocks.extend(_portrait(e, ctx) for e in described[: section.limit])
    others = sorted(e.name for e in persons if not e.roles)
    if others:
        blocks.append(Para((Text("Also named: " + ", ".join(others) + "."),)))
    return blocks


def _chosen_mentions(entity: Entity, ctx: SectionContext) -> list[SourceRef]:
    return [m for m in entity.mentions if ctx.chosen(m.article_id)]


def _portrait(entity: Entity, ctx: SectionContext) -> Para:
    mentions = _chosen_mentions(entity, ctx)
    count = len({m.article_id for m in mentions})
    roles = "; ".join(entity.roles)
    also = f" Also written {', '.join(entity.variants)}." if entity.variants else ""
    named = f" Named in {count} source{'s' if count != 1 else ''}."
    first = [ctx.cite(m) for m in mentions[:1]]
    return Para((Strong((Text(entity.name),)), *with_cites(f": {roles}.{also}{named}", first)), role="pen-portrait")


def corroboration(section: Section, ctx: SectionContext) -> list[Block]:
    """Statements two or more sources report, and figures the sources give differently, side by side."""
    blocks = _head(section, "Corroboration")
    if ctx.findings is None:
        return blocks + [placeholder(section.placeholder or NO_FINDINGS)]
    items = []
    for item in ctx.findings.corroborations:
        refs = [s for s in item.sources if ctx.chosen(s.article_id)]
        sources = len({s.article_id for s in refs})
        variants = [v for v in item.variants if ctx.chosen(v.source.article_id)]
        if sources < 2 and not variants:
            continue
        line = list(with_cites(f"{item.statement} (reported by {sources} sources)", [ctx.cite(s) for s in refs]))
        if variants:
            line.append(Text(". The figures differ: "))
            for n, v in enumerate(variants):
                line.extend([Text(("; " if n else "") + f"{v.value} {v.counts}"), ctx.cite(v.source)])
        line.append(Text("."))
        items.append(tuple(line))
    if not items:
        return blocks + [placeholder("No statement in the chosen sources is reported by two or more of them.")]
    return blocks + [BulletList(tuple(items[: section.limit]))]
