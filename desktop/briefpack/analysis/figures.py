"""Figures: numbers with what they count ("10,000 North Korean soldiers", "over 70 percent", "12 times more than in 2023").

One precompiled pattern finds a number (digits with separators, a scale word
such as "million", a hedge such as "more than" or "over", a currency sign,
or "thousands of"); what it counts is the short noun phrase after it, read
with cheap word rules (it stops at punctuation, function words and verbs
ending in -ed or -ing). Years, days of dates, ordinals and compounds such as
"12-year" are not figures; a number that could be a year but counts what
follows it ("1850 soldiers") is a figure, read as the timeline reads it. A
number with nothing to count is left out unless it is a percentage, a ratio
or an amount of money. Pure functions; any thread.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from operator import itemgetter

from briefpack.analysis.claimwords import normalise_word
from briefpack.analysis.sentences import Paragraph, body_paragraphs
from briefpack.analysis.timeline import AFTER_YEAR
from briefpack.model.article import Article
from briefpack.model.findings import FigureClaim, SourceRef

_HEDGE = (
    r"(?:more\s+than|over|nearly|almost|about|around|approximately|roughly|some|at\s+least|up\s+to|"
    r"fewer\s+than|less\s+than|as\s+many\s+as|an\s+estimated|close\s+to|just\s+over|just\s+under|under)"
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 1e2, "mn": 1e6, "bn": 1e9}
# The number itself; a currency sign and a hedge ("more than") before it are read separately, looking
# back. Its first digit is written once, before the two forms of number: a pattern that opens with a
# character class lets the engine skip to the next digit without trying the pattern at each position
# (a look-ahead first would not). Case is ignored only inside the group: with the flag on the whole
# pattern the engine scans slower.
_FIGURE = re.compile(
    r"""
    (?i:
    (?P<num>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))
    (?:\s?(?P<scale>thousand|million|billion|trillion|hundred|mn|bn)\b)?
    (?![\d,]*\d)(?!\.\d)(?!-|(?:st|nd|rd|th)\b|:\d)
    (?:\s?(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b))?
    (?:\s+(?P<times>times)\s+(?P<cmp>(?:more|less|fewer|higher|lower|larger|bigger|smaller|greater|as\s+many|as\s+much)(?:\s+than(?:\s+in)?(?:\s+[\w,.\-]+){1,3}?)?(?=[\s,.;:!?)]|$)))?
    )""",
    re.VERBOSE,
)
_WORDS_OF = re.compile(r"(?<![\w-])(?P<words>tens\s+of\s+thousands|hundreds\s+of\s+thousands|hundreds|thousands|millions|billions|dozens)\s+of\b", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(rf"(?<![\w-])(?:{_HEDGE})\s+\Z", re.IGNORECASE)
_MONTH_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_HEDGE_ENDS = frozenset("than over nearly almost about around approximately roughly some least to as estimated under".split())
_ANY_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
# After a number that could be a year, a lower-case word that does not follow years ("in 2024 the", "in 2024
# hitting") makes it a count: "1850 soldiers". The timeline reads the same words the same way, so a number
# is either a date there or a figure here. After a determiner it stays a year ("the 2024 elections"), and so
# it does before a few more words that follow dates rather than count ("by 2050 unless …").
_COUNTS_AFTER = re.compile(rf"\s+(?!{AFTER_YEAR}|(?:unless|whereas|whether|yet|even|just|lest|till|ago|onward)\b)[a-z]")
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’\-]*|[^\w\s]")
# Words that end the phrase a number counts.
_BREAK = frozenset(
    """is are was were be been being have has had will would could can may might must should shall do does did
    in on at from to for with by of and or but nor that which who whom whose than as into across between since
    during after before until per this these those the a an its their his her our said says say told
    according while where when if because so also still now only just not no""".split()
)


_DETERMINERS = frozenset("the a an its their his her our these those all".split())
# "13" or "5,000" read once: the same few numbers recur in every article.
_NUMBERS: dict[tuple[str, str | None], float] = {}
_NUMBERS_LIMIT = 100_000


def _word_before(text: str, i: int) -> str:
    """The word that ends just before ``i`` (one space apart), ``""`` when there is none."""
    if i < 2 or text[i - 1] != " ":
        return ""
    return text[text.rfind(" ", 0, i - 1) + 1 : i - 1]


def _number(num: str, scale: str | None) -> float:
    try:
        return _NUMBERS[num, scale]
    except KeyError:
        pass
    number = float(num.replace(",", "")) * _SCALES.get((scale or "").lower(), 1.0)
    if len(_NUMBERS) < _NUMBERS_LIMIT:
        _NUMBERS[num, scale] = number
    return number


def _counted(text: str, pos: int, limit: int = 5) -> str:
    """The noun phrase at ``pos``: up to ``limit`` words, ending before a function word, a verb form or punctuation."""
    words: list[str] = []
    for m in _TOKEN.finditer(text, pos):
        w = m.group(0)
        low = w.lower()
        if not words and low in _DETERMINERS:
            continue  # "40% of the population": the phrase is "population"
        if not w[0].isalpha() or low in _BREAK or len(words) >= limit:
            break
        if words and (low.endswith("ed") or low.endswith("ing")) and not w[0].isupper():
            break
        words.append(w)
    return " ".join(words)


_START = itemgetter(3)


def find_figures(text: str) -> list[tuple[str, float | None, str, int, int]]:
    """The figures of a sentence as ``(value, number, counts, start, end)``, in order; ``number`` is ``None`` for "thousands of"."""
    out = []
    if "s of" in text:  # "thousands of", "dozens of": rare, so a cheap test first
        for m in _WORDS_OF.finditer(text):
            counts = _counted(text, m.end())
            if counts:
                out.append((m.group("words") + " of", None, counts, m.start(), m.end()))
    for m in _FIGURE.finditer(text):
        g = m.group
        start, end = m.start(), m.end()
        prev = text[start - 1] if start else " "
        money = None
        if prev in "$€£¥":
            money = prev
            start -= 3 if text[max(0, start - 3) : start - 1] == "US" else 1
        elif prev.isalnum() or prev in "_.,-/":
            continue  # part of a word, a code or a longer number
        num = g("num")
        before = _word_before(text, m.start())
        if before.rstrip(".") in _MONTH_WORDS:
            continue  # a day of a date
        if (
            len(num) == 4 and _YEAR.match(num) and not money and not g("scale") and not g("pct") and not g("times")
            and (before.lower() in _DETERMINERS or not _COUNTS_AFTER.match(text, end))
        ):
            continue  # a year ("in 2024", "the 2024 elections"), not a count ("1850 soldiers")
        # The hedge pattern runs only when the word before could end one (cheap test first).
        hedge = _HEDGE_BEFORE.search(text, max(0, start - 24), start) if before.lower() in _HEDGE_ENDS else None
        if hedge:
            start = hedge.start()
        number = _number(num, g("scale"))
        if g("times"):
            value = text[start : m.end("times")]
            out.append((value, number, " ".join(g("cmp").split()).rstrip(".,;:"), start, end))
            continue
        value = text[start:end].strip()
        if g("pct"):
            after = text[end:].lstrip()
            counts = "percent"
            if after.lower().startswith("of "):
                counts += " of " + _counted(after, 3)
            elif after[:1].isalpha():
                first = _TOKEN.match(after)
                if first and first.group(0).lower().endswith(("ing", "ed")):
                    counts += " " + " ".join(after.split()[:4]).rstrip(".,;:")
            out.append((value, number, counts, start, end))
            continue
        counts = _counted(text, end)
        if counts or money:
            out.append((value, number, counts, start, end))
    if len(out) > 1:
        out.sort(key=_START)
    return out


def _has_digit(text: str) -> bool:
    """Whether ``text`` has a digit, as ``\\d`` reads one.

    ASCII text (``isascii`` reads a flag) is tested with ten substring
    searches, which run at memory speed where the regex engine calls a
    character-class test per character: a sixth of the time, on every
    paragraph, most of which have no digit.
    """
    if text.isascii():
        return (
            "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
        )
    return _ANY_DIGIT.search(text) is not None


def figure_key(claim: FigureClaim) -> str:
    """What a figure counts, normalised ("North Korean soldiers" and "North Korean troops" give one key)."""
    return counts_key(claim.counts)


@functools.lru_cache(maxsize=100_000)
def counts_key(counts: str) -> str:
    """``figure_key`` of a figure that counts ``counts``; memoised, as the same things are counted again and again."""
    words = [normalise_word(w) for w in counts.split()]
    return " ".join(w for w in words if w)


def extract_figures(articles: Sequence[Article]) -> tuple[FigureClaim, ...]:
    """Every figure of the body paragraphs, with its sentence and source, in article and text order."""
    out: list[FigureClaim] = []
    for article in articles:
        out.extend(article_figures(article))
    return tuple(out)


def article_figures(article: Article) -> list[FigureClaim]:
    """The figures of one article's body paragraphs, in text order."""
    refs: dict[int, SourceRef] = {}
    out = []
    for value, number, counts, sentence, index in figure_rows(article):
        ref = refs.get(index)
        if ref is None:
            ref = refs[index] = SourceRef(article.id, index)
        out.append(FigureClaim(value, number, counts, sentence, ref))
    return out


def figure_rows(article: Article, body: Sequence[Paragraph] | None = None) -> list[tuple[str, float | None, str, str, int]]:
    """``article_figures`` as plain ``(value, number, counts, sentence, block index)`` rows, cheap to send between processes.

    ``body`` is ``body_paragraphs(article)`` when the caller has it (``None``: read here).
    """
    out = []
    for index, text, spans in body_paragraphs(article) if body is None else body:
        if "s of" not in text and not _has_digit(text):
            continue  # most paragraphs have no figure: one scan and done
        for _, _, sentence in spans:
            if "s of" not in sentence and not _has_digit(sentence):
                continue  # the same two tests per sentence: most sentences of such a paragraph have no figure
            for value, number, counts, _, _ in find_figures(sentence):
                out.append((value, number, counts, sentence, index))
    return out
