"""Claim linking: which claims, from different articles, report one statement, found without comparing all pairs.

A ``Claim`` is one sentence ready to compare (``corroboration`` builds
them). Claims are sorted into buckets by keys rare enough to mean
something: a phrase of two content words ("mutual defense"), what a figure
counts ("north korean soldier"), a date at month or day precision. Only
claims sharing a bucket, from different articles, are compared; a bucket
too large to compare pairwise is compared against a few hubs only (and such
a pair must share a second key), and a key held by more than 2% of all
claims (and by over 1,000) is ignored as generic, so 10,000 articles stay linear. Two claims
report one statement when they share phrases and names (or near-identical
wording, or a counted thing, names and words) and do not give different
dates; linked claims share one statement id. It is a module of its own
because it is the one part of corroboration that needs every article at
once: ``ClaimLinker`` takes the claims article by article, counting words
and filling buckets as they arrive so that work overlaps the worker
processes still reading, and only the comparing waits for the last article.
Pure functions, any thread; a ``ClaimLinker`` is used by one thread at a time.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from rapidfuzz import fuzz

from briefpack.model.findings import SourceRef

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
