"""The theme sections: one section per chosen theme holding the passages picked for it.

Two layouts. ``quotes`` (the default) quotes every picked passage with a
``Cite`` naming its article and paragraph. ``digest`` (a press digest) gives
one short entry per source: the source's title as a link to it, publisher
and date, then the opening of the first passage that source gives the
theme, cut at a word with an ellipsis so it stays a faithful excerpt. A
passage whose text no longer matches its source is left out with a warning
rather than quoted wrongly (DESIGN rule 8).
"""

from __future__ import annotations

from briefpack.assembly.sections.context import SectionContext, heading, paragraph_number, placeholder
from briefpack.assembly.templates import Section
from briefpack.model.article import Article
from briefpack.model.brief import Block, Cite, Inline, Link, Para, Quote, Strong, Text
from briefpack.model.notice import Notice
from briefpack.model.selection import PickedPassage

DIGEST_WORDS = 40
NO_PASSAGES = "No passages chosen for this theme."


def themes(section: Section, ctx: SectionContext) -> list[Block]:
    """A heading per chosen theme (its label), then its passages in the section's layout."""
    blocks: list[Block] = []
    for theme_id in ctx.selection.theme_ids:
        theme = ctx.taxonomy.get(theme_id)
        blocks.append(heading(section.level, theme.label if theme else theme_id))
        valid = [p for p in ctx.picked.get(theme_id, []) if _checked(p, ctx)]
        if section.variant == "digest":
            body = _digest(valid, ctx, section.limit)
        else:
            body = [_quote(p, ctx.by_id[p.passage.article_id]) for p in valid[: section.limit]]
        blocks.extend(body or [placeholder(section.placeholder or NO_PASSAGES)])
    return blocks


def _checked(picked: PickedPassage, ctx: SectionContext) -> bool:
    passage = picked.passage
    article = ctx.by_id.get(passage.article_id)
    if article is not None and passage.matches(article):
        return True
    message = f"A passage no longer matches its source and was left out: “{passage.text[:60]}…”"
    if all(n.message != message for n in ctx.notices):
        ctx.notices.append(Notice("passage-mismatch", message, passage.article_id))
    return False


def _cite(picked: PickedPassage, article: Article) -> Cite:
    return Cite(article.id, f"para. {paragraph_number(article, picked.passage.block_index)}")


def _quote(picked: PickedPassage, article: Article) -> Quote:
    return Quote((Text(picked.passage.text), _cite(picked, article)))


def _digest(valid: list[PickedPassage], ctx: SectionContext, limit: int | None) -> list[Block]:
    first_by_source: dict[str, PickedPassage] = {}
    for picked in valid:
        first_by_source.setdefault(picked.passage.article_id, picked)
    entries = []
    for article_id, picked in list(first_by_source.items())[:limit]:
        article = ctx.by_id[article_id]
        entries.append(Para(_digest_entry(article, picked), role="digest-entry"))
    return entries


def _digest_entry(article: Article, picked: PickedPassage) -> tuple[Inline, ...]:
    title: Inline = Strong((Text(article.display_title),))
    head: list[Inline] = [Link(article.url, (title,)) if article.url else title]
    where = ", ".join(x for x in (article.publisher, article.published.isoformat() if article.published else None) if x)
    if where:
        head.append(Text(f" ({where})"))
    return (*head, Text(". " + excerpt(picked.passage.text)), _cite(picked, article))


def excerpt(text: str, words: int = DIGEST_WORDS) -> str:
    """The first ``words`` words of ``text``, with "…" when something was cut."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + " …"
