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
themes. Functions here are pure and may be called from any thread.
"""

from __future__ import annotations

from briefpack.analysis.matcher import Entry, Hit, Kind, ThemeMatcher, compile_taxonomy
from briefpack.model.article import Article
from briefpack.model.theme import Taxonomy, ThemeTag

TERM_WEIGHT = 2.0
PHRASE_WEIGHT = 3.0
CONTEXT_WEIGHT = 1.0
THRESHOLD = 2.0

_WEIGHTS = {Kind.TERM: TERM_WEIGHT, Kind.PHRASE: PHRASE_WEIGHT, Kind.CONTEXT: CONTEXT_WEIGHT}
# Module constants: looking an enum member up on its class in the inner loop is measurably slower.
_NEGATIVE = Kind.NEGATIVE
_CONTEXT = Kind.CONTEXT


def tag_paragraph(text: str, taxonomy: Taxonomy) -> list[tuple[str, tuple[str, ...]]]:
    """The themes ``text`` speaks to, in taxonomy order, each with its evidence (matched words as written, lower-cased, in text order)."""
    return [(theme_id, evidence) for theme_id, evidence, _ in score_paragraph(text, compile_taxonomy(taxonomy))]


def tag_article(article: Article, taxonomy: Taxonomy) -> list[ThemeTag]:
    """One ``ThemeTag`` per (paragraph block, theme) pair; headings are never tagged. Order: block, then taxonomy order."""
    matcher = compile_taxonomy(taxonomy)
    tags: list[ThemeTag] = []
    for index, block in article.paragraphs:
        for theme_id, evidence, score in score_paragraph(block.text, matcher):
            tags.append(ThemeTag(article.id, index, theme_id, evidence, score))
    return tags


def score_paragraph(text: str, matcher: ThemeMatcher) -> list[tuple[str, tuple[str, ...], float]]:
    """The tagged themes of ``text`` with evidence and score, in taxonomy order (see the module docstring for the rule)."""
    hits = matcher.scan(text)
    if not hits:
        return []
    for hit in hits:
        if hit[0].kind is _NEGATIVE or hit[2] - hit[1] > 1:
            hits = _counted(hits)
            break
    # Each entry counts once, with the words of its first occurrence.
    first: dict[Entry, str] = {}
    for hit in hits:
        if hit[0] not in first:
            first[hit[0]] = hit[3]
    per_theme: dict[int, list] = {}  # theme index -> [score, anchored, evidence]
    weights = _WEIGHTS
    for entry, surface in first.items():
        record = per_theme.get(entry.theme)
        if record is None:
            record = per_theme[entry.theme] = [0.0, False, []]
        kind = entry.kind
        record[0] += weights[kind]
        if kind is not _CONTEXT:
            record[1] = True
        record[2].append(surface)
    any_anchor = any(record[1] for record in per_theme.values())
    themes = matcher.themes
    return [
        (themes[index].id, tuple(evidence), score)
        for index, (score, anchored, evidence) in sorted(per_theme.items())
        if score >= THRESHOLD and (anchored or not any_anchor)
    ]


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
