"""The one entry point of the finding passes: ``analyze(articles, tags) -> Findings``.

Runs entities, the timeline, figures, corroboration and state-media
attribution over the same articles, feeding what one pass found into the
next (figures and dates into corroboration), and carries the analyst's
reliability grades through unchanged. The work is in two halves: everything
one article says on its own (mentions, dated sentences, figures, claims,
attributions) is read article by article, optionally in worker processes
(``analysis.workers``) that send them back as plain tuples; merging across
articles (entities, linking claims, the timeline) runs over those results in
article order, so the findings do not depend on ``workers``, and takes each
article's results as they come, so merging this process's own share overlaps
the workers' reading. Themes are tagged elsewhere
(``analysis.themes``); their tags come in here only to weigh corroboration,
and are put into the claims on merging.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

from briefpack.analysis.corroboration import (
    Claim, ClaimLinker, _fold, block_themes, claim_rows, corroborations_from, sentence_keys_of, statement_keys,
)
from briefpack.analysis.entities import EntityMerger, article_mentions
from briefpack.analysis.figures import figure_rows
from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.analysis.grading import attribution_rows
from briefpack.analysis.sentences import body_paragraphs
from briefpack.analysis.timeline import DatedSentence, dated_rows, merge_events
from briefpack.analysis.workers import iter_articles
from briefpack.collector import gc_paused
from briefpack.model.article import Article
from briefpack.model.attribution import Attribution
from briefpack.model.findings import FigureClaim, Findings, SourceRef
from briefpack.model.theme import ThemeTag

# What one article says on its own, as plain tuples with block indices for sources (see each ``*_rows``
# function): mentions, dated sentences, figures, claims, attributions. Plain tuples are what pickle
# handles fastest, so a worker process returns them as they are; the sources are filled in on merging.
_PerArticle = tuple[list[tuple], list[tuple], list[tuple], list[tuple], list[tuple]]
# The share of its even chunk this process leaves to the workers: besides its own chunk it merges
# every article's results, the workers' too, so it takes a little less.
MAIN_SHARE_CUT = 0.07
# A worker sends its results in this many parts, so that this process merges the first parts while
# the worker still reads the last: only the last part's merging waits for the worker to finish.
WORKER_PIECES = 8


def analyze(
    articles: Sequence[Article],
    tags: Iterable[ThemeTag] = (),
    *,
    reliability: Mapping[str, str] | None = None,
    workers: int = 1,
) -> Findings:
    """Everything the finding passes see in ``articles``.

    ``tags`` are the articles' theme tags (empty: corroboration ignores
    themes). ``reliability`` is the analyst's publisher → letter grades to
    keep (``None``: none yet, every publisher is "F"). ``workers`` is how
    many processes read articles (1: this one only; more forks children,
    see ``analysis.workers``, so only pass it from a process whose other
    threads can stand a fork). Pure, and deterministic whatever ``workers``;
    ``make bench`` times 10,000 articles on two cores.
    """
    with gc_paused():
        findings = _analyze(list(articles), tags, reliability, workers)
        # Everything allocated during the pause (the findings, the caches' new entries) would be scanned by
        # the first young collection after it: a fifth of a second for 10,000 articles, all of it for
        # long-lived, acyclic objects. Frozen now and unfrozen after, they go to the oldest generation unscanned
        # (as do other threads' young objects of the moment, which then wait for the next full collection).
        gc.freeze()
    gc.unfreeze()
    return findings


def _analyze(articles: list[Article], tags: Iterable[ThemeTag], reliability: Mapping[str, str] | None, workers: int) -> Findings:
    gaz = load_gazetteer()
    dated: list[DatedSentence] = []
    figures: list[FigureClaim] = []
    linker = ClaimLinker()  # buckets the claims as they come
    attributions: list[Attribution] = []
    people = EntityMerger(gaz)
    # Each article's results are merged as they come: those of this process's own chunk while the
    # worker processes still read theirs (see ``iter_articles``).
    parts = iter_articles(_read_article, articles, workers, gaz, main_share_cut=MAIN_SHARE_CUT, pieces=WORKER_PIECES)
    try:
        first = next(parts, None)  # starts the workers
        # The claims' themes are put in here rather than read with the articles: collecting them by block
        # (a pass over every tag) then overlaps the workers' reading instead of delaying their start.
        themes = block_themes(tags)
        for (mention_part, dated_part, figure_part, claim_part, attribution_part), article in zip(chain((first,), parts), articles):
            # One SourceRef per block, shared by everything found in it.
            refs = [SourceRef(article.id, i) for i in range(len(article.blocks))]
            people.add(article.id, mention_part)
            dated += [DatedSentence(date, precision, text, refs[b]) for date, precision, text, b in dated_part]
            figures += [FigureClaim(value, number, counts, text, refs[b]) for value, number, counts, text, b in figure_part]
            linker.add(_claims(article.id, claim_part, refs, themes))
            attributions += [Attribution(refs[row[0]], *row[1:]) for row in attribution_part]
    finally:
        parts.close()  # on an error too: the workers are waited for and the fork lock is released now
    statements = linker.statements()
    return Findings(
        entities=people.entities(),
        # Dated sentences that report one statement are one event of the timeline.
        timeline=merge_events(dated, statement_keys(linker.claims, statements)),
        figures=tuple(figures),
        corroborations=corroborations_from(linker.claims, statements, figures),
        reliability=dict(reliability or {}),
        attributions=tuple(attributions),
    )


def _claims(article_id: str, rows: list[tuple], refs: list[SourceRef], themes: Mapping[tuple[str, int], set[str]]) -> list[Claim]:
    """The claims of ``claim_rows`` (read without themes) with their sources and their paragraphs' themes."""
    on_themes: dict[int, frozenset[str]] = {}
    claims = []
    for row in rows:
        block = row[0]
        themed = on_themes.get(block)
        if themed is None:
            tagged = themes.get((article_id, block))
            themed = on_themes[block] = frozenset(tagged) if tagged else frozenset()
        claims.append(Claim(refs[block], *row[1:7], themed))
    return claims


def _read_article(article: Article, gaz: Gazetteer) -> _PerArticle:
    """What ``article`` says on its own; runs in a worker process when ``analyze`` has several."""
    body = body_paragraphs(article)  # one walk over the blocks and one sentence split for every pass
    dated = dated_rows(article, body)
    figures = figure_rows(article, body)
    # Claims look dates and figure keys up by sentence; within one article is enough.
    article_id = article.id
    figure_keys, dates = sentence_keys_of(
        ((article_id, f[4], f[3], f[2]) for f in figures), ((article_id, d[3], d[2], d[0]) for d in dated)
    )
    claims = claim_rows(article, figure_keys, dates, {}, _fold(gaz), body)  # themes are put in on merging
    return article_mentions(article, gaz), dated, figures, claims, attribution_rows(article, gaz, body)
