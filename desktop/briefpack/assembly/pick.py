"""Which passages a selection picks: chosen themes × chosen sources, minus drops, plus additions.

Passages come out grouped by theme in the selection's theme order, and
within a theme in source order then reading order, so a brief reads each
source's points together and in the order the source makes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def candidate_passages(
    articles: Sequence[Article], tags: Iterable[ThemeTag], selection: Selection
) -> dict[str, list[PickedPassage]]:
    """Every passage the chosen themes and sources pick, before the analyst's drops and additions."""
    order = {a.id: n for n, a in enumerate(chosen_articles(articles, selection))}
    by_id = {a.id: a for a in articles}
    themes = set(selection.theme_ids)
    picked: dict[str, list[PickedPassage]] = {t: [] for t in selection.theme_ids}
    for tag in tags:
        if tag.theme_id not in themes or tag.article_id not in order:
            continue
        article = by_id[tag.article_id]
        if not 0 <= tag.block_index < len(article.blocks):
            continue
        if article.blocks[tag.block_index].kind is not BlockKind.PARAGRAPH:
            continue
        picked[tag.theme_id].append(PickedPassage(tag.theme_id, Passage.whole_block(article, tag.block_index)))
    for items in picked.values():
        items.sort(key=lambda p: (order[p.passage.article_id], p.passage.block_index, p.passage.start))
    return picked


def pick_passages(
    articles: Sequence[Article], tags: Iterable[ThemeTag], selection: Selection
) -> dict[str, list[PickedPassage]]:
    """The passages of the brief by theme: candidates not dropped, then the analyst's additions.

    Additions for a theme that is not chosen are left out (the analyst
    removed the theme); additions are kept in the order they were added.
    """
    picked = candidate_passages(articles, tags, selection)
    for theme_id, items in picked.items():
        picked[theme_id] = [p for p in items if p.key not in selection.dropped]
    for added in selection.added:
        if added.theme_id in picked and added.key not in selection.dropped:
            if all(p.key != added.key for p in picked[added.theme_id]):
                picked[added.theme_id].append(added)
    return picked
