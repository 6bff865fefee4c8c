"""Which passages a selection picks: chosen themes × chosen sources, minus drops, plus additions.

Passages come out grouped by theme in the selection's theme order. Within
a theme the natural order is source order then reading order (so a brief
reads each source's points together and in the order the source makes
them), with the analyst's additions after; the analyst's own order
(``Selection.order``) then comes first: the items it names, in its order,
followed by the items it does not name, in their natural order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from briefpack.model.article import Article, BlockKind
from briefpack.model.passage import Passage
from briefpack.model.selection import PickedPassage, Selection
from briefpack.model.theme import ThemeTag


def chosen_articles(articles: Sequence[Article], selection: Selection) -> list[Article]:
    """The articles the selection covers, in project order (all of them when ``source_ids`` is empty)."""
    if not selection.source_ids:
        return list(articles)
    wanted = set(selection.source_ids)
    return [a for a in articles if a.id in wanted]


def _picked_tags(
    articles: Sequence[Article], tags: Iterable[ThemeTag], selection: Selection
) -> Iterator[tuple[ThemeTag, Article]]:
    """The tags the selection picks, each with its article: chosen theme, chosen source, a paragraph block."""
    chosen = {a.id for a in chosen_articles(articles, selection)}
    by_id = {a.id: a for a in articles}
    themes = set(selection.theme_ids)
    for tag in tags:
        if tag.theme_id not in themes or tag.article_id not in chosen:
            continue
        article = by_id[tag.article_id]
        if not 0 <= tag.block_index < len(article.blocks):
            continue
        if article.blocks[tag.block_index].kind is not BlockKind.PARAGRAPH:
            continue
        yield tag, article


def candidate_passages(
    articles: Sequence[Article], tags: Iterable[ThemeTag], selection: Selection
) -> dict[str, list[PickedPassage]]:
    """Every passage the chosen themes and sources pick, before the analyst's drops and additions."""
    order = {a.id: n for n, a in enumerate(chosen_articles(articles, selection))}
    picked: dict[str, list[PickedPassage]] = {t: [] for t in selection.theme_ids}
    for tag, article in _picked_tags(articles, tags, selection):
        picked[tag.theme_id].append(PickedPassage(tag.theme_id, Passage.whole_block(article, tag.block_index)))
    for items in picked.values():
        items.sort(key=lambda p: (order[p.passage.article_id], p.passage.block_index, p.passage.start))
    return picked


def candidate_counts(
    articles: Sequence[Article], tags: Iterable[ThemeTag], selection: Selection
) -> dict[str, Counter[str]]:
    """How many passages ``candidate_passages`` would pick per theme and article id, without building them."""
    counts: dict[str, Counter[str]] = {t: Counter() for t in selection.theme_ids}
    for tag, article in _picked_tags(articles, tags, selection):
        counts[tag.theme_id][article.id] += 1
    return counts


def pick_passages(
    articles: Sequence[Article],
    tags: Iterable[ThemeTag],
    selection: Selection,
    *,
    candidates: dict[str, list[PickedPassage]] | None = None,
) -> dict[str, list[PickedPassage]]:
    """The passages of the brief by theme, in the order the brief shows them.

    Candidates not dropped, then the analyst's additions (in the order they
    were added); additions for a theme that is not chosen are left out (the
    analyst removed the theme). Then ``apply_order`` puts the analyst's order
    of the section first. ``candidates``: what ``candidate_passages`` gave
    for these arguments, when the caller has it already (not changed here);
    ``None`` computes it.
    """
    picked = dict(candidates) if candidates is not None else candidate_passages(articles, tags, selection)
    for theme_id, items in picked.items():
        picked[theme_id] = [p for p in items if p.key not in selection.dropped]
    for added in selection.added:
        if added.theme_id in picked and added.key not in selection.dropped:
            if all(p.key != added.key for p in picked[added.theme_id]):
                picked[added.theme_id].append(added)
    for theme_id, items in picked.items():
        picked[theme_id] = apply_order(items, selection.order.get(theme_id, ()))
    return picked


def apply_order(items: Sequence[PickedPassage], order: Sequence[str]) -> list[PickedPassage]:
    """``items`` with those whose key ``order`` names first, in that order, then the rest in their given order.

    Keys in ``order`` that match no item (a dropped passage, a source no
    longer chosen) are skipped, so an old order never hides or invents items.
    """
    rank = {key: n for n, key in enumerate(order)}
    ordered = sorted((p for p in items if p.key in rank), key=lambda p: rank[p.key])
    return ordered + [p for p in items if p.key not in rank]
