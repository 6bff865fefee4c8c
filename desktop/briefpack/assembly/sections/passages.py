"""The theme sections: one section per chosen theme holding the passages picked for it.

Two layouts. ``quotes`` (the default) gives every picked passage, in the
section's order, with a ``Cite`` naming its article and paragraph: as a
``Quote``, or, when the analyst paraphrased it, as the analyst's own
sentence in a plain paragraph (role ``"paraphrase"``, no quotation marks)
with the same cite. ``digest`` (a press digest) gives one short entry per
source: the source's title as a link to it, publisher and date, then the
opening of the first passage that source gives the theme, cut at a word
with an ellipsis so it stays a faithful excerpt (or the analyst's
paraphrase of it). In both, an analyst's note follows its item as a
paragraph of its own (role ``"analyst-note"``, led by a bold "Analyst's
note:"), and where the template prints source grades the item's grade code
(publisher reliability and passage credibility, "B2") follows its cite. A
passage whose text no longer matches its source is left out with a warning
rather than quoted wrongly (DESIGN rule 8).
"""

from __future__ import annotations

from briefpack.analysis.grading import grade_code
from briefpack.assembly.sections.context import SectionContext, heading, paragraph_number, placeholder
from briefpack.assembly.templates import Section
from briefpack.model.article import Article
from briefpack.model.brief import Block, Cite, Inline, Link, Para, Quote, Strong, Text
from briefpack.model.notice import Notice
from briefpack.model.selection import PickedPassage

DIGEST_WORDS = 40
NO_PASSAGES = "No passages chosen for this theme."
NOTE_LABEL = "Analyst's note:"


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
            body = [b for p in valid[: section.limit] for b in _item(p, ctx)]
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


def _item(picked: PickedPassage, ctx: SectionContext) -> list[Block]:
    """One item of a quotes section: the quote or the analyst's paraphrase, then the analyst's note if any."""
    article = ctx.by_id[picked.passage.article_id]
    treatment = ctx.selection.treatment(picked.key)
    cited = (_cite(picked, article), *_grade(picked, article, ctx))
    if treatment.paraphrased:
        first: Block = Para((Text(_one_line(treatment.paraphrase)), *cited), role="paraphrase")
    else:
        first = Quote((Text(picked.passage.text), *cited))
    return [first, *_note(picked, ctx)]


def _grade(picked: PickedPassage, article: Article, ctx: SectionContext) -> tuple[Inline, ...]:
    """The grade code after the cite (" [B2]") when the template prints grades; else nothing."""
    if not ctx.shows_grades:
        return ()
    return (Text(f" [{grade_code(ctx.grade(article), ctx.selection.treatment(picked.key).grade)}]"),)


def _note(picked: PickedPassage, ctx: SectionContext) -> list[Block]:
    note = _one_line(ctx.selection.treatment(picked.key).note)
    if not note:
        return []
    return [Para((Strong((Text(NOTE_LABEL),)), Text(" " + note)), role="analyst-note")]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _digest(valid: list[PickedPassage], ctx: SectionContext, limit: int | None) -> list[Block]:
    first_by_source: dict[str, PickedPassage] = {}
    for picked in valid:
        first_by_source.setdefault(picked.passage.article_id, picked)
    entries = []
    for article_id, picked in list(first_by_source.items())[:limit]:
        article = ctx.by_id[article_id]
        entries.append(Para(_digest_entry(article, picked, ctx), role="digest-entry"))
        entries.extend(_note(picked, ctx))
    return entries


def _digest_entry(article: Article, picked: PickedPassage, ctx: SectionContext) -> tuple[Inline, ...]:
    title: Inline = Strong((Text(article.display_title),))
    head: list[Inline] = [Link(article.url, (title,)) if article.url else title]
    where = ", ".join(x for x in (article.publisher, article.published.isoformat() if article.published else None) if x)
    if where:
        head.append(Text(f" ({where})"))
    treatment = ctx.selection.treatment(picked.key)
    said = _one_line(treatment.paraphrase) if treatment.paraphrased else excerpt(picked.passage.text)
    return (*head, Text(". " + said), _cite(picked, article), *_grade(picked, article, ctx))


def excerpt(text: str, words: int = DIGEST_WORDS) -> str:
    """The first ``words`` words of ``text``, with "…" when something was cut."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + " …"
