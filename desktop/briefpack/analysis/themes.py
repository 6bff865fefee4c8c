"""Paragraph theme tagging: which themes of a taxonomy each paragraph speaks to, and the words that show it.

The rule is small so the analyst can follow it from the evidence alone. A
theme's evidence is its entries found in the paragraph (each counted once),
minus any that sit inside one of its ``negative`` entries ("war" inside "price
war") and any single word inside one of its own matched phrases. Phrases weigh
``PHRASE_WEIGHT``, terms ``TERM_WEIGHT``, context words ``CONTEXT_WEIGHT``, and
a theme needs ``THRESHOLD``: one term or phrase is enough, a lone context word
never is. Context words tag on their own only when no theme has a term or
phrase in the paragraph, because generic words ("cooperation", "delegation",
"agreement") describe whatever the paragraph is about: a health delegation's
cooperation agreement is health, not diplomacy. A paragraph may carry several
themes, but a theme resting on one lone term is dropped when another theme
scores more than ``DOMINANCE`` times as much (a passing mention, not the subject).
``evidence_spans`` gives the character spans of the evidence, for
highlighting. Functions here are pure and may be called from any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefpack.analysis.matcher import Entry, Hit, Kind, ThemeMatcher, compile_taxonomy
from briefpack.analysis.wordforms import key_spans
from briefpack.analysis.workers import map_articles
from briefpack.collector import gc_paused
from briefpack.model.article import Article
from briefpack.model.theme import Taxonomy, ThemeTag

TERM_WEIGHT = 2.0
PHRASE_WEIGHT = 3.0
CONTEXT_WEIGHT = 1.0
THRESHOLD = 2.0
# A theme scoring at most WEAK_SCORE is dropped when another scores more than DOMINANCE times as much.
WEAK_SCORE = 2.0
DOMINANCE = 4.0

_WEIGHTS = {Kind.TERM: TERM_WEIGHT, Kind.PHRASE: PHRASE_WEIGHT, Kind.CONTEXT: CONTEXT_WEIGHT}
# The weights indexed by kind, for the scorer's inner loop (a negative entry never counts, so never weighs).
_WEIGHT_OF_KIND = tuple(_WEIGHTS.get(kind, 0.0) for kind in Kind)
# Module constants: looking an enum member up on its class in the inner loop is measurably slower.
_NEGATIVE = Kind.NEGATIVE
_CONTEXT = Kind.CONTEXT


def tag_paragraph(text: str, taxonomy: Taxonomy) -> list[tuple[str, tuple[str, ...]]]:
    """The themes ``text`` speaks to, in taxonomy order, each with its evidence (matched words as written, lower-cased, in text order)."""
    return [(theme_id, evidence) for theme_id, evidence, _ in score_paragraph(text, compile_taxonomy(taxonomy))]


def tag_article(article: Article, taxonomy: Taxonomy) -> list[ThemeTag]:
    """One ``ThemeTag`` per (paragraph block, theme) pair; headings are never tagged. Order: block, then taxonomy order."""
    article_id = article.id
    return [ThemeTag(article_id, index, theme_id, evidence, score) for index, theme_id, evidence, score in tag_values(article, taxonomy)]


def tag_values(article: Article, taxonomy: Taxonomy) -> list[tuple[int, str, tuple[str, ...], float]]:
    """``tag_article``'s tags as plain ``(block index, theme id, evidence, score)`` tuples, in the same order.

    For a worker process that sends the tags on: it need not build a
    ``ThemeTag`` only to take it apart again.
    """
    matcher = compile_taxonomy(taxonomy)
    paragraphs = article.paragraphs
    values: list[tuple[int, str, tuple[str, ...], float]] = []
    # ``score_paragraph`` per paragraph, in one loop: a paragraph where nothing counts is passed over unscored.
    for position, counted in matcher.counted_each([block.text for _, block in paragraphs]):
        if type(counted) is list:  # hits the one-pass count could not judge: the general rule
            counted = _first_counted(counted)
        _add_tags(values, paragraphs[position][0], counted, matcher.theme_ids)
    return values


def tag_articles(articles: Sequence[Article], taxonomy: Taxonomy, workers: int = 1) -> list[ThemeTag]:
    """``tag_article`` over many articles, tags in article order; ``workers`` > 1 forks helpers (see ``analysis.workers``)."""
    with gc_paused():
        compile_taxonomy(taxonomy)  # compiled once here, so forked workers inherit it
        # The children send ``tag_values`` (``pack_tags``'s form) rather than building tags to take apart; in
        # ``_TAG_PIECES`` parts each, so this process takes over the last ones of a child slowed by other load.
        parts = map_articles(tag_article, articles, workers, taxonomy, pack=pack_tags, unpack=unpack_tags,
                             packed_fn=tag_values, pieces=_TAG_PIECES)
    return [tag for part in parts for tag in part]


# Parts per child of ``tag_articles``'s children: more parts, more for this process to take over, each a task.
_TAG_PIECES = 4


def pack_tags(tags: list[ThemeTag]) -> list:
    """One article's tags as plain tuples, to send to another process (``unpack_tags`` turns them back).

    Pickling dataclasses one by one is slow: for a tagged article it cost
    more than the tagging's own result is worth to send.
    """
    return [(t.block_index, t.theme_id, t.evidence, t.score) for t in tags]


def unpack_tags(packed: list, article: Article) -> list[ThemeTag]:
    """The tags ``pack_tags`` packed, for ``article``.

    Equal theme ids and evidence become one shared object each: unpickled,
    every article's tags would hold their own copies of the same few words,
    a large share of the memory of a 10,000-article import.
    """
    if len(_SHARED) > _SHARED_LIMIT:
        _SHARED.clear()
    share = _SHARED.setdefault
    return [ThemeTag(article.id, index, share(theme, theme), share(evidence, evidence), score)
            for index, theme, evidence, score in packed]


# Theme ids and evidence tuples ``unpack_tags`` has seen, each mapped to itself; bounded like the word caches.
_SHARED: dict = {}
_SHARED_LIMIT = 200_000


def score_paragraph(text: str, matcher: ThemeMatcher) -> list[tuple[str, tuple[str, ...], float]]:
    """The tagged themes of ``text`` with evidence and score, in taxonomy order (see the module docstring for the rule)."""
    counted = matcher.counted(text)
    if type(counted) is list:  # hits the one-pass count could not judge: the general rule
        counted = _first_counted(counted)
    tags: list[tuple[int, str, tuple[str, ...], float]] = []
    _add_tags(tags, 0, counted, matcher.theme_ids)
    return [(theme_id, evidence, score) for _, theme_id, evidence, score in tags]


def _add_tags(values: list, index: int, counted: dict[Entry, str], theme_ids: tuple[str, ...]) -> None:
    """Append to ``values`` a ``(index, theme id, evidence, score)`` tuple for each theme the ``counted`` entries tag.

    ``counted`` is what counts in one paragraph (``ThemeMatcher.counted``'s
    form); themes come in taxonomy order. Appending in place saves
    ``tag_values`` a list and a tuple per tag over returning them.
    """
    if not counted:
        return
    per_theme: dict[int, list] = {}  # theme index -> [score, anchored, evidence]
    weights = _WEIGHT_OF_KIND
    for entry, surface in counted.items():
        kind = entry.kind
        record = per_theme.get(entry.theme)
        if record is None:
            per_theme[entry.theme] = [weights[kind], kind is not _CONTEXT, [surface]]
        else:
            record[0] += weights[kind]
            if kind is not _CONTEXT:
                record[1] = True
            record[2].append(surface)
    any_anchor = False
    top = 0.0
    for score, anchored, _ in per_theme.values():
        any_anchor = any_anchor or anchored
        top = score if score > top else top
    # A lone weak theme beside a dominant one is a passing mention ("health
    # authorities said" in a report of a strike), not what the paragraph is about.
    floor = top / DOMINANCE
    append = values.append
    for theme, (score, anchored, evidence) in sorted(per_theme.items()):
        if score >= THRESHOLD and (anchored or not any_anchor) and (score > WEAK_SCORE or score >= floor):
            append((index, theme_ids[theme], tuple(evidence), score))


def _first_counted(hits: list[Hit]) -> dict[Entry, str]:
    """The entries of the ``hits`` that count, each once with the words of its first counted hit; text order within a theme."""
    pruned = {entry.theme for entry, start, end, _ in hits if end - start > 1 or entry.kind is _NEGATIVE}
    if pruned:
        hits = _counted_by_theme(hits, pruned)
    counted: dict[Entry, str] = {}
    for entry, _, _, surface in hits:
        if entry not in counted:
            counted[entry] = surface
    return counted


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """Characters ``start``..``end`` of a paragraph are evidence for ``theme_id``; ``entry`` is the taxonomy entry that matched."""

    theme_id: str
    start: int
    end: int
    entry: str


def evidence_spans(text: str, taxonomy: Taxonomy) -> list[EvidenceSpan]:
    """Where in ``text`` the evidence of each tagged theme lies, for highlighting; in text order, every occurrence.

    Only themes the paragraph is tagged with, and only hits that count
    (not cancelled by a negative entry nor inside one of the theme's
    phrases), so what is highlighted is exactly what the tag's evidence says.
    """
    matcher = compile_taxonomy(taxonomy)
    tagged = {theme_id for theme_id, _, _ in score_paragraph(text, matcher)}
    if not tagged:
        return []
    spans = key_spans(text)
    found = []
    for entry, start, end, _ in _counted(matcher.scan(text)):
        theme_id = matcher.themes[entry.theme].id
        if theme_id in tagged and end <= len(spans):
            found.append(EvidenceSpan(theme_id, spans[start][0], spans[end - 1][1], entry.text))
    return found


def _counted(hits: list[Hit]) -> list[Hit]:
    """The hits that count, theme by theme: not inside one of the theme's negatives, not a word inside one of its phrases."""
    by_theme: dict[int, list[Hit]] = {}
    for hit in hits:
        by_theme.setdefault(hit[0].theme, []).append(hit)
    kept: list[Hit] = []
    for theme_hits in by_theme.values():
        kept.extend(_evidence(theme_hits))
    kept.sort(key=_start)
    return kept


def _counted_by_theme(hits: list[Hit], pruned: set[int]) -> list[Hit]:
    """``_counted`` for the scorer, which reads each theme's hits on their own: text order within a theme, themes
    grouped. Only the ``pruned`` themes (those with a negative or phrase hit) are looked at; no sort is needed."""
    groups: dict[int, list[Hit]] = {theme: [] for theme in pruned}
    kept: list[Hit] = []
    for hit in hits:
        group = groups.get(hit[0].theme)
        if group is None:
            kept.append(hit)
        else:
            group.append(hit)
    for theme_hits in groups.values():
        kept.extend(_evidence(theme_hits))
    return kept


def _start(hit: Hit) -> int:
    return hit[1]


def _evidence(hits: list[Hit]) -> list[Hit]:
    """One theme's hits that count: not inside one of its negatives, and not a single word inside one of its phrases."""
    vetoed = [(h[1], h[2]) for h in hits if h[0].kind is _NEGATIVE]
    if vetoed:
        hits = [h for h in hits if h[0].kind is not _NEGATIVE and not _overlaps(h, vetoed)]
    phrases = [(h[1], h[2]) for h in hits if h[2] - h[1] > 1]
    if not phrases:
        return hits
    return [h for h in hits if h[2] - h[1] > 1 or not _overlaps(h, phrases)]


def _overlaps(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """True when ``hit`` shares a word with one of ``spans``."""
    start, end = hit[1], hit[2]
    for span_start, span_end in spans:
        if start < span_end and span_start < end:
            return True
    return False
