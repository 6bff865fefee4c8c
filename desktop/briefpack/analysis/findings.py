"""The one entry point of the finding passes: ``analyze(articles, tags) -> Findings``.

Runs entities, the timeline, figures, corroboration and state-media
attribution over the same articles, feeding what one pass found into the
next (figures and dates into corroboration), and carries the analyst's
reliability grades through unchanged. The work is in two halves: everything
one article says on its own (mentions, dated sentences, figures, claims,
attributions) is read article by article, optionally in worker processes
(``analysis.workers``); merging across articles (entities, linking claims,
the timeline) then runs once over those results, in article order, so the
findings do not depend on ``workers``. Themes are tagged elsewhere
(``analysis.themes``); their tags come in here only to weigh corroboration.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from briefpack.analysis.corroboration import Claim, _fold, article_claims, corroborations_from, link, sentence_keys
from briefpack.analysis.entities import Mention, article_mentions, merge_mentions
from briefpack.analysis.figures import article_figures
from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.analysis.grading import article_attributions
from briefpack.analysis.timeline import DatedSentence, article_dated_sentences, merge_events
from briefpack.analysis.workers import map_articles
from briefpack.collector import gc_paused
from briefpack.model.article import Article
from briefpack.model.attribution import Attribution
from briefpack.model.findings import FigureClaim, Findings, SourceRef
from briefpack.model.theme import ThemeTag

_PerArticle = tuple[list[Mention], list[DatedSentence], list[FigureClaim], list[Claim], list[Attribution]]


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
    10,000 articles take about 10 s on two cores (``make bench``).
    """
    with gc_paused():
        return _analyze(list(articles), tags, reliability, workers)


def _analyze(articles: list[Article], tags: Iterable[ThemeTag], reliability: Mapping[str, str] | None, workers: int) -> Findings:
    gaz = load_gazetteer()
    themes: dict[SourceRef, set[str]] = defaultdict(set)
    for t in tags:
        themes[SourceRef(t.article_id, t.block_index)].add(t.theme_id)
    parts: list[_PerArticle] = map_articles(_read_article, articles, workers, gaz, themes, pack=_pack, unpack=_unpack)
    dated = [d for p in parts for d in p[1]]
    figures = tuple(f for p in parts for f in p[2])
    claims = [c for p in parts for c in p[3]]
    statements = link(claims)
    # Dated sentences that report one statement are one event of the timeline.
    statement_of = {(c.source, c.text): statements[i] for i, c in enumerate(claims)}
    return Findings(
        entities=merge_mentions(((a.id, p[0]) for a, p in zip(articles, parts)), gaz),
        timeline=merge_events(dated, statement_of),
        figures=figures,
        corroborations=corroborations_from(claims, statements, figures),
        reliability=dict(reliability or {}),
        attributions=tuple(x for p in parts for x in p[4]),
    )


def _read_article(article: Article, gaz: Gazetteer, themes: Mapping[SourceRef, set[str]]) -> _PerArticle:
    """What ``article`` says on its own; runs in a worker process when ``analyze`` has several."""
    dated = article_dated_sentences(article)
    figures = article_figures(article)
    # Claims look dates and figure keys up by (block, sentence); within one article is enough.
    figure_keys, dates = sentence_keys(figures, dated)
    claims = article_claims(article, figure_keys, dates, themes, _fold(gaz))
    return article_mentions(article, gaz), dated, figures, claims, article_attributions(article, gaz)


def _pack(part: _PerArticle) -> tuple:
    """``part`` as plain tuples, each source reduced to its block index (the article is known on return)."""
    mentions, dated, figures, claims, attributions = part
    return (
        [tuple(m) for m in mentions],
        [(d.date, d.precision, d.text, d.source.block_index) for d in dated],
        [(f.value, f.number, f.counts, f.text, f.source.block_index) for f in figures],
        [(c.source.block_index, *c[1:]) for c in claims],
        [(a.source.block_index, a.outlet, a.country, a.text, a.start, a.end) for a in attributions],
    )


def _unpack(packed: tuple, article: Article) -> _PerArticle:
    """The inverse of ``_pack`` for ``article``'s result; one ``SourceRef`` per block, shared."""
    mentions, dated, figures, claims, attributions = packed
    refs: dict[int, SourceRef] = {}

    def ref(block: int) -> SourceRef:
        got = refs.get(block)
        if got is None:
            got = refs[block] = SourceRef(article.id, block)
        return got

    return (
        list(map(Mention._make, mentions)),
        [DatedSentence(d[0], d[1], d[2], ref(d[3])) for d in dated],
        [FigureClaim(f[0], f[1], f[2], f[3], ref(f[4])) for f in figures],
        [Claim(ref(c[0]), *c[1:]) for c in claims],
        [Attribution(ref(a[0]), *a[1:]) for a in attributions],
    )
