"""Corroboration: the same statement reported by several sources, found without comparing all pairs.

Every body sentence that names something (a capital after its first word)
becomes a ``Claim``: its content words and phrases
(``claimwords``), the names it mentions (demonyms folded to countries:
"Russian" → Russia), its resolved dates and its figures. Claims are
bucketed by keys that are rare enough to mean something: a phrase of two
content words ("mutual defense"), what a figure counts ("north korean
soldier"), a date at month or day precision. Only claims sharing a bucket,
from different articles, are compared; a bucket too large to compare
pairwise is compared against a few hubs only (and such a pair must share a
second key), and a key held by more than 2% of all claims is ignored as
generic, so 10,000 articles stay linear. Two claims report one statement when they share phrases and names
(or near-identical wording, or a counted thing, names and words) and do not
give different dates. Linked claims are clustered; a cluster from two or
more articles is a ``Corroboration``. Figures that differ for the same
counted thing within a cluster are kept side by side as ``variants``,
never merged. A statement from one article only is never returned, so
nothing single-sourced is shown as corroborated. Pure functions; any thread.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz import fuzz

from briefpack.analysis.claimwords import claim_terms
from briefpack.analysis.figures import counts_key, figure_key
from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.analysis.sentences import Paragraph, body_paragraphs
from briefpack.analysis.timeline import DatedSentence
from briefpack.model.article import Article
from briefpack.model.findings import Corroboration, FigureClaim, SourceRef
from briefpack.model.theme import ThemeTag

# A capital letter after the first word: the sentence names someone or something.
_INNER_CAPITAL = re.compile(r"\s[A-Z]")
HUBS = 3  # a bucket larger than 2 * HUBS is compared against this many of its claims only
SMALL_BUCKET = 2 * HUBS
# A key shared by more claims than this share (and at least GENERIC_MIN) says nothing about which statement it is.
GENERIC_SHARE = 0.02
GENERIC_MIN = 1000


# A named tuple rather than a dataclass: tens of thousands are built per analysis and sent back from
# worker processes, and tuples build and pickle several times faster.
class Claim(NamedTuple):
    """One sentence ready to compare: where it is, its words, phrases, names, dates and figure keys."""

    source: SourceRef
    text: str
    words: frozenset[str]
    pairs: frozenset[str]
    names: frozenset[str]
    dates: frozenset[str]
    figures: frozenset[str]
    themes: frozenset[str]


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
            if not _INNER_CAPITAL.search(sentence):
                continue  # every rule that links two claims needs a shared name or near-identical wording
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


def _dates_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both give dates and none agrees (a year agrees with any date in it)."""
    if not a or not b:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in a for y in b)


class _Scorer:
    def __init__(self, claims: Sequence[Claim], df: Counter[str] | None = None) -> None:
        """``df`` is the number of ``claims`` each word is in, when the caller has counted it (``None``: counted here)."""
        if df is None:
            df = Counter(chain.from_iterable([c.words for c in claims]))  # one C-speed count
        n = len(claims) + 1
        self.idf = {w: math.log(n / (k + 0.5)) + 0.1 for w, k in df.items()}

    def weight(self, words: Iterable[str]) -> float:
        idf = self.idf
        return sum(idf.get(w, 1.0) for w in words)

    def same_statement(self, a: Claim, b: Claim) -> bool:
        """Whether ``a`` and ``b`` (from different articles) report one statement; see the module docstring."""
        if _dates_conflict(a.dates, b.dates):
            return False
        shared_pairs = a.pairs & b.pairs
        shared_names = a.names & b.names
        if len(shared_pairs) >= 2 and shared_names:
            return True
        shared_figures = a.figures & b.figures
        if not shared_pairs and not (shared_figures and shared_names) and len(a.words & b.words) < 0.6 * min(len(a.words), len(b.words)):
            return False  # none of the rules below can hold: skip the weighting
        overlap = self.weight(a.words & b.words) / max(1e-9, min(self.weight(a.words), self.weight(b.words)))
        if shared_pairs and overlap >= 0.5:
            return True
        if shared_figures and shared_names and overlap >= 0.3:
            # the same counted thing: also on one theme when the paragraphs are tagged
            return not (a.themes and b.themes) or bool(a.themes & b.themes)
        return overlap >= 0.6 and fuzz.token_set_ratio(a.text, b.text) >= 90


def _fill_buckets(buckets: dict[str, list[int]], claims: Iterable[Claim], first: int) -> None:
    """Add each of ``claims`` (numbered from ``first``) to the bucket of each of its keys."""
    for i, c in enumerate(claims, first):
        for p in c.pairs:
            buckets[p].append(i)
        for f in c.figures:
            buckets["#" + f].append(i)
        for d in c.dates:
            if len(d) > 4:  # a year alone is too coarse to bucket on
                buckets["@" + d].append(i)


def _candidate_pairs(claims: Sequence[Claim], buckets: Mapping[str, list[int]] | None = None) -> set[tuple[int, int]]:
    """Pairs of claims of different articles worth scoring.

    A key shared by few claims (a rare phrase, a counted thing, a date)
    makes all its pairs candidates. In a larger bucket each claim is paired
    with a few hubs only, and such a pair is kept only when a second key
    also joins it: one common phrase alone says little. ``buckets`` are the
    claims' buckets when the caller has filled them (``None``: filled here).
    """
    if buckets is None:
        buckets = defaultdict(list)
        _fill_buckets(buckets, claims, 0)
    strong: set[tuple[int, int]] = set()
    weak: dict[tuple[int, int], int] = defaultdict(int)
    generic = max(GENERIC_MIN, int(GENERIC_SHARE * len(claims)))
    article_of = [c.source.article_id for c in claims]
    for ids in buckets.values():
        if len(ids) < 2 or len(ids) > generic:
            continue
        first_article = article_of[ids[0]]
        if all(article_of[i] == first_article for i in ids):
            continue
        small = len(ids) <= SMALL_BUCKET
        for h in ids if small else _hubs(claims, ids):
            hub_article = article_of[h]
            for j in ids:
                if j != h and article_of[j] != hub_article:
                    pair = (h, j) if h < j else (j, h)
                    if small:
                        strong.add(pair)
                    else:
                        weak[pair] += 1
    strong.update(pair for pair, n in weak.items() if n >= 2)
    return strong


def _hubs(claims: Sequence[Claim], ids: list[int]) -> list[int]:
    """A few claims of a large bucket, each from a different article."""
    seen: set[str] = set()
    hubs = []
    for i in ids:
        article = claims[i].source.article_id
        if article not in seen:
            seen.add(article)
            hubs.append(i)
            if len(hubs) == HUBS:
                break
    return hubs


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


def link(claims: Sequence[Claim]) -> list[int]:
    """For each claim, the id of the statement it reports (claims linked as one share it): the cross-article half."""
    linker = ClaimLinker()
    linker.add(claims)
    return linker.statements()


class ClaimLinker:
    """``link`` one article at a time: ``add`` each article's claims in order, then ``statements``.

    What does not need every claim (counting words, filling the buckets) is
    done as the claims come, so that work overlaps whatever else the caller
    waits for (worker processes still reading articles).
    """

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self._buckets: defaultdict[str, list[int]] = defaultdict(list)
        self._df: Counter[str] = Counter()

    def add(self, claims: Sequence[Claim]) -> None:
        """The claims of the next article (or of several, in order)."""
        self._df.update(chain.from_iterable([c.words for c in claims]))
        _fill_buckets(self._buckets, claims, len(self.claims))
        self.claims.extend(claims)

    def statements(self) -> list[int]:
        """For each claim added, in order, the id of the statement it reports; call it once, after the last ``add``."""
        return _link(self.claims, _Scorer(self.claims, self._df), _candidate_pairs(self.claims, self._buckets))


def _link(claims: Sequence[Claim], scorer: _Scorer, candidates: set[tuple[int, int]]) -> list[int]:
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in sorted(candidates):
        ra, rb = find(a), find(b)
        if ra != rb and scorer.same_statement(claims[a], claims[b]):
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(len(claims))]


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
