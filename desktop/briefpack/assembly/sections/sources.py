"""Sections about the sources themselves: the source list, the source summary statement, source descriptors.

``sources`` places the heading the citations pass fills with the
bibliography (role ``"bibliography"``), so a ministerial pack's "Annex A:
Sources" holds the full list. ``source_summary`` is the ICD 206 source
summary statement: the analyst's own words when written, always followed by
a factual account generated from the sources (how many, from whom, dated
when, translated from what, graded how). ``source_descriptors`` lists every
source with its descriptors and its reliability grade (Admiralty scale,
``Findings.reliability``, "F" when it cannot be judged), each cited.
"""

from __future__ import annotations

from collections import Counter

from briefpack.assembly.sections.context import SectionContext, heading, paragraphs
from briefpack.assembly.templates import Section
from briefpack.model.article import Article
from briefpack.model.brief import Block, Cite, Para, Table, Text

ADMIRALTY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


def sources(section: Section, _ctx: SectionContext) -> list[Block]:
    """The heading under which the citations pass puts the bibliography."""
    return [heading(section.level, section.title or "Sources", role="bibliography")]


def source_summary(section: Section, ctx: SectionContext) -> list[Block]:
    """The analyst's statement (when written), then the facts about the sources."""
    blocks: list[Block] = [heading(section.level, section.title or "Source summary statement")]
    blocks.extend(Para((Text(p),)) for p in paragraphs(ctx.written(section.text_key)))
    blocks.append(Para((Text(source_facts(ctx)),), role="source-summary"))
    return blocks


def source_facts(ctx: SectionContext) -> str:
    """One paragraph of counts drawn from the chosen sources; it states only what the articles record."""
    articles = ctx.articles
    if not articles:
        return "No sources were chosen for this brief."
    publishers = sorted({a.publisher for a in articles if a.publisher})
    dated = sorted(a.published for a in articles if a.published)
    n = len(articles)
    parts = [f"This brief draws on {n} open-source news report{'s' if n != 1 else ''}"]
    if publishers:
        parts.append(f" from {len(publishers)} publisher{'s' if len(publishers) != 1 else ''} ({', '.join(publishers)})")
    parts.append(".")
    if dated:
        span = dated[0].isoformat() if dated[0] == dated[-1] else f"{dated[0].isoformat()} to {dated[-1].isoformat()}"
        parts.append(f" Dated reports run from {span}" if dated[0] != dated[-1] else f" Dated reports are of {span}")
        undated = n - len(dated)
        parts.append(f"; {undated} give{'s' if undated == 1 else ''} no date." if undated else ".")
    else:
        parts.append(" None of them gives a date.")
    from briefpack.citations.provenance import language_name  # here: the citations package is not needed to list section kinds

    translated = Counter(language_name(a.original_language) for a in articles if a.original_language)
    if translated:
        langs = ", ".join(f"{lang} ({count})" if len(translated) > 1 else lang for lang, count in sorted(translated.items()))
        parts.append(f" {sum(translated.values())} {'are translations' if sum(translated.values()) != 1 else 'is a translation'} from {langs}.")
    grades = Counter(ctx.grade(a) for a in articles)
    parts.append(
        " Reliability (Admiralty scale): "
        + "; ".join(f"{g} {ADMIRALTY.get(g, 'unknown grade')} ({c})" for g, c in sorted(grades.items()))
        + "."
    )
    if ctx.findings is not None:
        corroborated = sum(1 for c in ctx.findings.corroborations if len({s.article_id for s in c.sources if ctx.chosen(s.article_id)}) >= 2)
        parts.append(f" {corroborated} statement{'s are' if corroborated != 1 else ' is'} reported by two or more sources.")
    return "".join(parts)


def source_descriptors(section: Section, ctx: SectionContext) -> list[Block]:
    """A table: each source's descriptors and grade, cited, with the grading scale as its caption."""
    blocks: list[Block] = [heading(section.level, section.title or "Source descriptors")]
    if not ctx.articles:
        return blocks + [Para((Text("No sources were chosen for this brief."),), role="placeholder")]
    rows = tuple(_descriptor(n, a, ctx) for n, a in enumerate(ctx.articles[: section.limit], start=1))
    header = tuple((Text(t),) for t in ("No.", "Source", "Descriptor", "Grade"))
    scale = "; ".join(f"{g}: {text}" for g, text in ADMIRALTY.items())
    return blocks + [Table(header, rows, caption=(Text(f"Source reliability, Admiralty scale ({scale})"),))]


def _descriptor(number: int, article: Article, ctx: SectionContext):
    kind = "Open-source news report"
    if article.publisher:
        kind += f" published by {article.publisher}"
    kind += f", {article.published.isoformat()}" if article.published else ", undated"
    if article.authors:
        kind += f", by {', '.join(article.authors)}"
    from briefpack.citations.provenance import language_name

    original = language_name(article.original_language)
    if original:
        kind += f"; translated from {original}"
    kind += "."
    grade = ctx.grade(article)
    return (
        (Text(str(number)),),
        (Text(article.display_title), Cite(article.id)),
        (Text(kind),),
        (Text(f"{grade} ({ADMIRALTY.get(grade, 'unknown grade')})"),),
    )
