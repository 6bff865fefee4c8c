"""Corroboration: the same statement reported by several sources, as records with their sources and differing figures.

Every body sentence that names something (a capital after its first word)
becomes a ``Claim``: its content words and phrases (``claimwords``), the
names it mentions (demonyms folded to countries: "Russian" → Russia), its
resolved dates, the things its figures count and its paragraph's themes.
``claim_links`` decides which claims from different articles report one
statement (the rules, and how it stays linear, are in its docstring); this
module builds the claims it compares and turns its statements into
``Corroboration`` records. A statement linked across two or more articles
is one record; figures that differ for the same counted thing within it
are kept side by side as ``variants``, never merged. A statement from one
article only is never returned, so nothing single-sourced is shown as
corroborated. The claim building is split from the linking so that worker
processes can build each article's claims (``claim_rows``) while this
process links the ones already back. Pure functions; any thread.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter

from briefpack.analysis.claim_links import Claim, ClaimLinker, link
from briefpack.analysis.claimwords import claim_terms
from briefpack.analysis.figures import counts_key, figure_key
from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.analysis.sentences import Paragraph, body_paragraphs
from briefpack.analysis.timeline import DatedSentence
from briefpack.model.article import Article
from briefpack.model.findings import Corroboration, FigureClaim, SourceRef
from briefpack.model.theme import ThemeTag

# ``Claim`` and ``ClaimLinker`` are ``claim_links``'; named here too so callers that build claims need one import.
__all__ = [
    "Claim", "ClaimLinker", "SentenceKey", "block_themes", "build_claims", "claim_rows", "corroborations_from",
    "find_corroborations", "link_claims", "sentence_keys", "sentence_keys_of", "sentence_names", "statement_keys",
]

# A capital letter after the first word: the sentence names someone or something.
_INNER_CAPITAL = re.compile(r"\s[A-Z]")


@functools.cache
def _fold(gaz: Gazetteer) -> dict[str, str]:
    """Surface form -> canonical name, for demonyms, places and organisations."""
    fold = {**gaz.organisations, **gaz.places, **gaz.demonyms}
    return fold


def sentence_names(text: str, gaz: Gazetteer | None = None) -> frozenset[str]:
    """Names mentioned in ``text``, lower case, with demonyms and aliases folded ("North Korean" → "north korea")."""
    return claim_terms(text, _fold(gaz or load_gazetteer()))[2]


def build_claims(
    articles: Sequence[Article],
    figures: Iterable[FigureClaim] = (),
    dated: Iterable[DatedSentence] = (),
    tags: Iterable[ThemeTag] = (),
    gaz: Gazetteer | None = None,
) -> list[Claim]:
    """The claims of every body sentence, in article and text order."""
    gaz = gaz or load_gazetteer()
    figure_keys, dates = sentence_keys(figures, dated)
    themes = block_themes(tags)
    claims = []
    fold = _fold(gaz)
    for article in articles:
        refs = [SourceRef(article.id, i) for i in range(len(article.blocks))]
        claims.extend([Claim(refs[row[0]], *row[1:]) for row in claim_rows(article, figure_keys, dates, themes, fold)])
    return claims


# Where a claim looks its dates and figure keys up: (article id, block index, sentence). Plain tuples of
# strings and ints hash in C, where a SourceRef (a dataclass) would run Python code for every lookup.
SentenceKey = tuple[str, int, str]


_BLOCK_OF, _THEME_OF = attrgetter("article_id", "block_index"), attrgetter("theme_id")


def block_themes(tags: Iterable[ThemeTag]) -> dict[tuple[str, int], set[str]]:
    """The theme ids of each block, keyed by (article id, block index)."""
    themes: dict[tuple[str, int], set[str]] = defaultdict(set)
    tags = list(tags)
    # The attributes read by attrgetter, at C speed: this runs before the worker processes start, on every tag.
    for block, theme in zip(map(_BLOCK_OF, tags), map(_THEME_OF, tags)):
        themes[block].add(theme)
    return themes


def sentence_keys(
    figures: Iterable[FigureClaim], dated: Iterable[DatedSentence]
) -> tuple[dict[SentenceKey, set[str]], dict[SentenceKey, set[str]]]:
    """The figure keys and the dates of each sentence, keyed as ``claim_rows`` looks them up."""
    return sentence_keys_of(
        ((f.source.article_id, f.source.block_index, f.text, f.counts) for f in figures),
        ((d.source.article_id, d.source.block_index, d.text, d.date) for d in dated),
    )


def sentence_keys_of(
    figures: Iterable[tuple[str, int, str, str]], dated: Iterable[tuple[str, int, str, str]]
) -> tuple[dict[SentenceKey, set[str]], dict[SentenceKey, set[str]]]:
    """``sentence_keys`` from plain rows: ``(article id, block, sentence, counts)`` and ``(article id, block, sentence, date)``."""
    figure_keys: dict[SentenceKey, set[str]] = defaultdict(set)
    for article_id, block, sentence, counts in figures:
        key = counts_key(counts)
        if key:
            figure_keys[(article_id, block, sentence)].add(key)
    dates: dict[SentenceKey, set[str]] = defaultdict(set)
    for article_id, block, sentence, date in dated:
        dates[(article_id, block, sentence)].add(date)
    return figure_keys, dates


_NONE: frozenset[str] = frozenset()


def claim_rows(
    article: Article,
    figure_keys: Mapping[SentenceKey, Iterable[str]],
    dates: Mapping[SentenceKey, Iterable[str]],
    themes: Mapping[tuple[str, int], Iterable[str]],
    fold: Mapping[str, str],
    body: Sequence[Paragraph] | None = None,
) -> list[tuple]:
    """The claims of one article as plain tuples in ``Claim``'s field order, the block index in place of the source.

    The mappings give figure keys and dates per sentence
    (``sentence_keys``), themes per block; ``body`` is
    ``body_paragraphs(article)`` when the caller has it (``None``: read
    here). Tuples are what worker processes send back;
    ``Claim(ref, *row[1:])`` makes the claim.
    """
    claims = []
    article_id = article.id
    for index, text, spans in body_paragraphs(article) if body is None else body:
        if not _INNER_CAPITAL.search(text):
            continue  # no name in the paragraph: nothing to tie a statement to (one C-speed scan)
        tagged = themes.get((article_id, index))
        on_themes = frozenset(tagged) if tagged else _NONE
        for _, _, sentence in spans:
            # Every rule that links two claims needs a shared name or near-identical wording. Most sentences
            # have no capital after their first letter at all, which ``islower`` tells far faster than the scan.
            if sentence[1:].islower() or not _INNER_CAPITAL.search(sentence):
                continue
            words, pairs, names = claim_terms(sentence, fold)
            if len(words) < 3:
                continue  # "Comment (0)", a stray line: nothing to corroborate
            key = (article_id, index, sentence)
            on_dates = dates.get(key)
            counted = figure_keys.get(key)
            claims.append(
                (
                    index, sentence, words, pairs, names,
                    frozenset(on_dates) if on_dates else _NONE, frozenset(counted) if counted else _NONE, on_themes,
                )
            )
    return claims


def _variants(members: Sequence[Claim], figures_by_sentence: dict[SentenceKey, list[FigureClaim]]) -> tuple[FigureClaim, ...]:
    """Differing figures for one counted thing, side by side; empty when the members agree."""
    by_key: dict[str, list[FigureClaim]] = defaultdict(list)
    for c in members:
        for f in figures_by_sentence.get((c.source.article_id, c.source.block_index, c.text), ()):
            key = figure_key(f)
            if key:
                by_key[key].append(f)
    out: list[FigureClaim] = []
    for claims in by_key.values():
        numbers = {f.number for f in claims}
        articles = {f.source.article_id for f in claims}
        if len(numbers) >= 2 and len(articles) >= 2:
            out.extend(dict.fromkeys(claims))
    return tuple(out)


def link_claims(
    articles: Sequence[Article],
    figures: Sequence[FigureClaim] = (),
    dated: Sequence[DatedSentence] = (),
    tags: Iterable[ThemeTag] = (),
    gaz: Gazetteer | None = None,
) -> tuple[list[Claim], list[int]]:
    """The claims of ``articles`` and, for each, the id of the statement it reports (claims linked as one share it)."""
    claims = build_claims(articles, figures, dated, tags, gaz)
    return claims, link(claims)


def statement_keys(claims: Sequence[Claim], statements: Sequence[int]) -> dict[tuple[str, int, str], int]:
    """``(article id, block index, sentence)`` of each claim -> its statement id, as ``timeline.merge_events`` reads it."""
    return {(c.source.article_id, c.source.block_index, c.text): statement for c, statement in zip(claims, statements)}


def corroborations_from(claims: Sequence[Claim], statements: Sequence[int], figures: Iterable[FigureClaim] = ()) -> tuple[Corroboration, ...]:
    """The statements (``link_claims``) reported by two or more articles, most widely reported first."""
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(statements):
        clusters[root].append(i)
    figures_by_sentence: dict[SentenceKey, list[FigureClaim]] = defaultdict(list)
    for f in figures:
        figures_by_sentence[(f.source.article_id, f.source.block_index, f.text)].append(f)
    out = []
    for root, ids in clusters.items():
        if len(ids) < 2:
            continue
        members = [claims[i] for i in ids]
        if len({c.source.article_id for c in members}) < 2:
            continue  # one source only: never shown as corroborated
        sources = tuple(dict.fromkeys(c.source for c in members))
        out.append(Corroboration(claims[root].text, sources, _variants(members, figures_by_sentence)))
    out.sort(key=lambda c: -len({s.article_id for s in c.sources}))
    return tuple(out)


def find_corroborations(
    articles: Sequence[Article],
    figures: Sequence[FigureClaim] = (),
    dated: Sequence[DatedSentence] = (),
    tags: Iterable[ThemeTag] = (),
    gaz: Gazetteer | None = None,
) -> tuple[Corroboration, ...]:
    """Statements reported by two or more articles, most widely reported first.

    ``figures`` and ``dated`` are what ``extract_figures`` and
    ``dated_sentences`` found in the same articles (empty: figures and dates
    play no part); ``tags`` are the paragraphs' themes (empty: themes play
    no part).
    """
    claims, statements = link_claims(articles, figures, dated, tags, gaz)
    return corroborations_from(claims, statements, figures)
