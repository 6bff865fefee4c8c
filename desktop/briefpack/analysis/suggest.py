"""Suggested themes: key phrases mined from a project's articles, offered as new themes or as entries for existing ones.

YAKE (an unsupervised, offline key-phrase extractor) ranks candidate phrases
article by article; candidates are then pooled across the project, where a
phrase found in several articles outranks one that a single article
repeats. Named entities (any capitalised word: "North Korea", "Kim") and
phrases with digits are left out, because people and places are the entity
analysis's business, not themes; so are phrases the taxonomy already lists.
Each suggestion names the theme whose tagged paragraphs it mostly occurs in
(``existing_theme_id``, the theme it would strengthen as a term), or ``None``
when it mostly occurs where no theme is tagged (a candidate new theme), and
carries a few example passages. Pure and safe to call from any thread.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import yake

from briefpack.analysis.matcher import compile_taxonomy
from briefpack.analysis.themes import score_paragraph
from briefpack.analysis.wordforms import entry_keys
from briefpack.model.article import Article
from briefpack.model.passage import Passage
from briefpack.model.theme import Taxonomy

# YAKE scores lower-is-better per article; this many candidates per article keeps the pool broad but cheap.
PER_ARTICLE = 150
MAX_WORDS = 3
# How many of the strongest candidates are looked up across all articles, per suggestion asked for.
POOL_FACTOR = 4
# YAKE reads at most this many articles; how widely a phrase is used is then counted over all of them.
MINED_ARTICLES = 40
# The share of a candidate's weight its shorter runs of words receive.
SUBPHRASE_SHARE = 0.6
# A theme is "the" theme of a phrase when at least this share of its paragraphs carry that theme.
THEME_SHARE = 0.5
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december year years month months week weeks day days today yesterday "
    "said says told percent per cent people country countries government governments ministry official officials "
    "million billion thousand hundred region state states side sides areas number part".split()
)
# Phrases with function words inside ("protocol to expand") are fragments of a sentence, not names of a topic.
_STOP = frozenset("a an the of to in on at for by with from and or but as is are was were be been that this its their his her".split())
_LETTERS = re.compile(r"[a-z][a-z'’\-]*\Z")
_NAME_INSIDE = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][\w'’\-]*")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A mined phrase: ``score`` in (0, 1], higher is stronger; ``existing_theme_id`` ``None`` means "offer as a new theme".

    ``articles`` is how many articles use the phrase; ``examples`` are up to
    three passages quoting it (the phrase's own span in its paragraph).
    """

    phrase: str
    score: float
    existing_theme_id: str | None
    articles: int
    examples: tuple[Passage, ...]


def suggest(articles: Sequence[Article], taxonomy: Taxonomy, limit: int = 20) -> list[Suggestion]:
    """Up to ``limit`` suggestions for ``articles`` under ``taxonomy``, strongest first; empty when nothing qualifies."""
    extractor = yake.KeywordExtractor(lan="en", n=MAX_WORDS, top=PER_ARTICLE, dedupLim=0.9)
    known = _known_keys(taxonomy)
    strength: dict[tuple[str, ...], float] = defaultdict(float)
    surfaces: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    mined = [(article, "\n".join(block.text for _, block in article.paragraphs)) for article in _mined(articles)]
    # Names are gathered over all mined articles: one article may only ever start a sentence with "Pyongyang".
    names = {name for _, text in mined for name in _NAME_INSIDE.findall(text)}
    for article, text in mined:
        if not text.strip():
            continue
        best: dict[str, float] = {}
        for phrase, score in extractor.extract_keywords(text):
            # A capitalised word is a name when the article capitalises it inside a sentence too;
            # otherwise it only starts a sentence and is an ordinary word.
            words = [w if w in names else w.lower() for w in phrase.split()]
            weight = 1.0 / (1.0 + 20.0 * float(score))
            # Shorter runs inside a candidate get part of its weight: "sea ice" is
            # what "melting sea ice" and "sea ice data" in two articles share.
            for size in range(len(words), 1 if len(words) > 1 else 0, -1):
                for start in range(len(words) - size + 1):
                    part = " ".join(words[start : start + size])
                    value = weight * (SUBPHRASE_SHARE if size < len(words) else 1.0)
                    if best.get(part, 0.0) < value:
                        best[part] = value
        for phrase, value in best.items():
            if not _acceptable(phrase):
                continue
            keys = entry_keys(phrase)
            if not keys or keys in known:
                continue
            # Summed over articles, each counted once: a phrase used across sources is a theme.
            strength[keys] += value
            surfaces[keys][phrase] += 1
    several = len(articles) > 1
    # A lone word is a theme only when it is not a short, everyday word.
    pool = sorted(
        (k for k in strength if len(k) > 1 or _topical_word(next(iter(surfaces[k])))),
        key=lambda k: (-strength[k], k),
    )[: POOL_FACTOR * limit]
    matcher = compile_taxonomy(taxonomy)
    lowered = [(article, index, block.text, block.text.lower()) for article in articles for index, block in article.paragraphs]
    scored: list[tuple[float, str, list[Passage], Counter, int]] = []
    for keys in pool:
        phrase = surfaces[keys].most_common(1)[0][0]
        examples, themes = _occurrences(phrase, lowered, matcher)
        used_by = len({p.article_id for p in examples})
        if not examples or (several and len(keys) == 1 and used_by < 2):
            continue
        # Spread across sources counts as much as YAKE's own rank: a theme recurs.
        scored.append((strength[keys] * math.sqrt(used_by), phrase, examples, themes, used_by))
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[0][0] if scored else 1.0
    found: list[Suggestion] = []
    for value, phrase, examples, themes, used_by in scored[:limit]:
        theme_id = None
        if themes:
            best, count = themes.most_common(1)[0]
            if count >= THEME_SHARE * len(examples):
                theme_id = best
        found.append(Suggestion(phrase, round(value / top, 4), theme_id, used_by, tuple(examples[:3])))
    return found


def _acceptable(phrase: str) -> bool:
    """Lower-case words only (no names, no numbers), none of them dates or reporting verbs, not all of them one- or two-letter words."""
    words = phrase.split()
    return (
        bool(words)
        and all(_LETTERS.match(w) for w in words)
        and not any(w in _DATE_WORDS or w in _STOP for w in words)
        and max(len(w) for w in words) >= 3
        and not words[-1].endswith("ed")  # "media reported", "drawn closer ... signed": events, not topics
    )


def _topical_word(word: str) -> bool:
    """A lone word worth offering: long, and not shaped like a verb form or adverb ("including", "strongly")."""
    return len(word) >= 7 and not word.endswith(("ing", "ly", "ed"))


def _known_keys(taxonomy: Taxonomy) -> set[tuple[str, ...]]:
    known: set[tuple[str, ...]] = set()
    for theme in taxonomy.themes:
        for entry in (*theme.terms, *theme.phrases, *theme.context):
            known.add(entry_keys(entry))
    return known


def _occurrences(phrase: str, lowered: list[tuple[Article, int, str, str]], matcher) -> tuple[list[Passage], Counter]:
    """Every paragraph quoting ``phrase`` (case-insensitive, whole words) as a passage, and the themes those paragraphs carry."""
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE)
    first_word = phrase.split()[0]
    passages: list[Passage] = []
    themes: Counter = Counter()
    for article, index, text, lower in lowered:
        # A plain substring test first: most paragraphs do not hold the phrase, and it costs a fraction of the regex.
        if first_word not in lower:
            continue
        match = pattern.search(text)
        if match is None:
            continue
        passages.append(Passage(article.id, index, match.start(), match.end(), match.group()))
        themes.update(theme_id for theme_id, _, _ in score_paragraph(text, matcher))
    return passages, themes


def _mined(articles: Sequence[Article]) -> list[Article]:
    """The articles YAKE reads: all of a small project, an even spread of a large one (YAKE costs ~0.1 s an article)."""
    if len(articles) <= MINED_ARTICLES:
        return list(articles)
    step = len(articles) / MINED_ARTICLES
    return [articles[int(n * step)] for n in range(MINED_ARTICLES)]
