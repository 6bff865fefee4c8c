"""Dated events: dates found in sentences, resolved at the precision the text gives, merged across sources.

One precompiled pattern finds date expressions. Absolute ones ("September
13, 2023", "March 2024", "in 2024") resolve on their own; a year is any
of 1000 to 2099 where the context shows one (a month, a preposition such as
"in" or "since", "the year"), never a number that counts ("by 1500
soldiers", "1,850"). Ones that need the article's own date ("in June",
"on Thursday", "last year", "this month") resolve against
``Article.published`` and are dropped when the article has none: a date is
never guessed. Ones that count from the
previous event ("Two months later", "the following year") resolve against
the last date resolved earlier in the same article, at the coarser of the
two precisions ("Two months later" after "September 13, 2023" is
"2023-11"). Comparisons ("12 times more than in 2023") are not events.
A date expression is looked for only around a trigger word (a month,
weekday, year, "day", "month" …), which keeps the scan fast. Each sentence
with a resolved date becomes a ``TimelineEvent``; sentences of different
sources with the same date that report one statement (as linked by
``corroboration``) are merged into one event with several sources, so the
timeline is merged across sources. Pure functions; any thread.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from briefpack.analysis.sentences import Paragraph, body_paragraphs
from briefpack.model.article import Article
from briefpack.model.findings import SourceRef, TimelineEvent

DAY, MONTH, YEAR = "day", "month", "year"
_RANK = {YEAR: 0, MONTH: 1, DAY: 2}

_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES["sept"] = 9
_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
# A year from 1000 to 2099; read as one only where the context says so (a month, a preposition, "the year").
_Y = r"(?:1\d\d\d|20\d\d)(?![\d\-])"
# After "in 1850" a lower-case word that is neither one of these nor a verb form in -ing or -ed ("in 2024
# hitting a high") makes the number a count ("by 1500 soldiers"); ``figures`` reads such counts with it.
AFTER_YEAR = (
    r"(?:the|a|an|and|or|but|nor|to|was|were|is|are|had|has|have|will|would|could|when|while|as|at|in|on|of|for"
    r"|with|by|after|before|since|until|during|that|which|who|it|its|his|her|their|there|then|this|these|those"
    r"|they|we|he|she|i|you|one|both|all|most|many|some|more|not|no|so|if|because|though|although|than|where"
    r"|up|out|over|under|about|around|through|into|against|between|among|amid|despite|per|via|said|says|our|my|your"
    r"|alone|onwards?|respectively|already|again|too|also|only|[a-z]+(?:ing|ed))\b"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
# A month or day-and-month that a year follows is read by the longer alternatives, not as a bare month.
_NO_YEAR = rf"(?!\s*,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*)?{_Y})"
_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({"a": 1, "an": 1})
# Built once: calendar.day_name is locale-aware and slow to index ("Monday" -> 0); the pattern matches English names.
_WEEKDAY_INDEX = {name: n for n, name in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}

_DATES = re.compile(
    rf"""
    \b(?P<md_m>{_M})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<md_y>{_Y})
  | \b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_M}),?\s+(?P<dm_y>{_Y})
  | \b(?P<iso_y>(?:1\d|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b
  | \b(?P<my_m>{_M}),?\s+(?P<my_y>{_Y})
  | \b(?P<dx_m>{_M})\s+(?P<dx_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)(?<!\d{{3}})
  | \b(?P<mx_pre>[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]hrough|[Tt]o|[Ll]ast|[Tt]his)\s+(?P<mx_m>{_M})\b{_NO_YEAR}
  | \b(?P<y_pre>than\s+in|[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]hroughout|[Bb]efore|[Aa]fter|[Tt]he\s+year)\s+(?P<y_y>{_Y})(?!\s+(?!{AFTER_YEAR})[a-z])
  | \b(?P<rel_which>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<rel_unit>year|month)\b
  | \b(?P<wd_pre>[Oo]n|[Ll]ast)\s+(?P<wd>{_WEEKDAY})\b
  | \b(?P<yday>[Yy]esterday)\b
  | \b(?P<later_n>{_COUNT})\s+(?P<later_unit>day|week|month|year)s?\s+(?P<later_dir>later|after(?:wards?)?|earlier|before)\b(?!\s+(?:the|a|an|his|her|their|its)\b)
  | \b[Tt]he\s+(?:following|next)\s+(?P<next_unit>day|week|month|year)\b
    """,
    re.VERBOSE,
)


# Every date expression contains one of these words; the full pattern runs only in a window around
# them. Written with the first letter apart so the regex engine can skip positions by a character set;
# the look-behind then drops a letter inside a word ("today", "away") at once, as a date pattern, which
# starts at a word boundary, could not start there. The short endings are tied to the one first letter
# a date word has ("May", "day", "year", "month", "week"): the verb "may", "Say" or "Near" would only
# cost up to three failed matches each (the verb "may" alone was a tenth of the triggers of the bench corpus).
_TRIGGER = re.compile(
    r"[JFMASONDTWY12ymwd](?<!\w\w)(?:anuary|ebruary|arch|pril|une|uly|ugust|eptember|ctober|ovember|ecember"
    r"|an\.|eb\.|ar\.|pr\.|un\.|ul\.|ug\.|ept?\.|ct\.|ov\.|ec\.|onday|uesday|ednesday|hursday|riday"
    r"|aturday|unday|esterday|(?<=1)\d\d\d|(?<=2)0\d\d|(?<=y)ear|(?<=m)onth|(?<=w)eek|(?<=[Md])ay)"
)
# A date expression starts at most two words before its trigger ("than in 2023", "the following month"),
# and one that does starts with one of these letters or a digit ("13th of September 2023").
_TWO_BEFORE = "tT"


def _date_matches(text: str):
    """The matches of the full date pattern, each tried only at its trigger word and the two words before it.

    ``match`` at a few positions costs far less than scanning the text with
    a dozen alternatives at every character.
    """
    last_end = 0
    match, rfind = _DATES.match, text.rfind  # bound once: this loop runs for every trigger of every paragraph
    for t in _TRIGGER.finditer(text):
        s = t.start()
        if s < last_end:
            continue  # inside a date already read ("September 13, 2023")
        # The starts of the one and the two words before the trigger, -1 where there is none.
        back1 = back2 = -1
        if s >= 2 and text[s - 1] == " ":
            back1 = rfind(" ", 0, s - 1) + 1
            if back1 >= 2 and text[back1 - 1] == " ":
                back2 = rfind(" ", 0, back1 - 1) + 1
                # Only "than in 2023", "the following year" and "13th of September 2023" start two words
                # before their trigger (the other forms start at most one word before, or at the trigger).
                if text[back2] not in _TWO_BEFORE and not text[back2].isdecimal():
                    back2 = -1
        for a in (back2, back1, s):  # the earliest start first: "than in 2023" before "in 2023"
            if a < last_end:
                continue  # none, or inside a date already read
            m = match(text, a)
            if m is not None and m.end() > s:
                last_end = m.end()
                yield m
                break


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A resolved date in a text: ISO ``date`` at ``precision``, the span it was read from."""

    date: str
    precision: str
    start: int
    end: int


def _iso(y: int, m: int | None = None, d: int | None = None) -> tuple[str, str]:
    if d is not None and m is not None:
        return f"{y:04d}-{m:02d}-{d:02d}", DAY
    if m is not None:
        return f"{y:04d}-{m:02d}", MONTH
    return f"{y:04d}", YEAR


def _month(name: str) -> int:
    return _MONTH_NAMES[name.lower().rstrip(".")]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _add_months(y: int, m: int, months: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + months
    return total // 12, total % 12 + 1


def _shift(prev: tuple[str, str], unit: str, n: int) -> tuple[str, str] | None:
    """``prev`` (ISO date, precision) moved by ``n`` units, at the coarser precision; ``None`` when the unit is finer than ``prev``."""
    date, precision = prev
    parts = [int(p) for p in date.split("-")]
    if unit == "year":
        return _iso(parts[0] + n)
    if unit == "month":
        if precision == YEAR:
            return None
        y, m = _add_months(parts[0], parts[1], n)
        return _iso(y, m)
    if precision != DAY:
        return None
    day = dt.date(*parts) + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _iso(day.year, day.month, day.day)


def find_dates(text: str, published: dt.date | None, previous: FoundDate | None = None) -> list[FoundDate]:
    """The dates in ``text`` that can be resolved, in order.

    ``published`` is the article's own date (``None``: expressions that need
    it are skipped); ``previous`` is the last date resolved before ``text``
    in the same article (``None``: "two months later" is skipped).
    """
    out: list[FoundDate] = []
    anchor = (previous.date, previous.precision) if previous is not None else None
    for m in _date_matches(text):
        got = _resolve(m, published, anchor)
        if got is not None:
            out.append(FoundDate(got[0], got[1], m.start(), m.end()))
            anchor = got
    return out


# What a match's resolution depends on besides its text, by the group that ends its alternative.
_NEEDS_ANCHOR = frozenset({"later_dir", "next_unit"})
_NEEDS_PUBLISHED = frozenset({"dx_d", "mx_m", "rel_unit", "wd", "yday"})
_RESOLVED: dict[tuple, tuple[str, str] | None] = {}  # the same expressions recur across thousands of articles
_RESOLVED_LIMIT = 200_000


def _resolve(m: re.Match[str], published: dt.date | None, anchor: tuple[str, str] | None) -> tuple[str, str] | None:
    """The ISO date and precision of one match, ``anchor`` being the previous one; ``None`` when it cannot be resolved.

    Memoised on the matched text and whichever of ``published`` and
    ``anchor`` the expression reads.
    """
    last = m.lastgroup
    key = (last, m.group(), anchor if last in _NEEDS_ANCHOR else published if last in _NEEDS_PUBLISHED else None)
    try:
        return _RESOLVED[key]
    except KeyError:
        pass
    got = _read_match(m, published, anchor)
    if len(_RESOLVED) < _RESOLVED_LIMIT:
        _RESOLVED[key] = got
    return got


def _read_match(m: re.Match[str], published: dt.date | None, anchor: tuple[str, str] | None) -> tuple[str, str] | None:
    g = m  # m["name"] is m.group("name")
    # The last group of the alternative that matched names it: "md_y" for "September 13, 2023".
    kind = (m.lastgroup or "").split("_")[0]
    got: tuple[str, str] | None = None
    if kind == "md":
        y, mo, d = int(g["md_y"]), _month(g["md_m"]), int(g["md_d"])
        got = _iso(y, mo, d) if _valid(y, mo, d) else None
    elif kind == "dm":
        y, mo, d = int(g["dm_y"]), _month(g["dm_m"]), int(g["dm_d"])
        got = _iso(y, mo, d) if _valid(y, mo, d) else None
    elif kind == "iso":
        y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        got = _iso(y, mo, d) if _valid(y, mo, d) else None
    elif kind == "my":
        got = _iso(int(g["my_y"]), _month(g["my_m"]))
    elif kind == "dx" and published is not None:
        mo, d = _month(g["dx_m"]), int(g["dx_d"])
        y = published.year if (mo, d) <= (published.month, published.day) else published.year - 1
        got = _iso(y, mo, d) if _valid(y, mo, d) else None
    elif kind == "mx" and published is not None:
        # The most recent such month up to the article's date: news reports the past.
        mo = _month(g["mx_m"])
        pre = g["mx_pre"].lower()
        y = published.year if mo <= published.month else published.year - 1
        if pre == "last" and mo == published.month:
            y -= 1
        got = _iso(y, mo)
    elif kind == "y":
        if not g["y_pre"].startswith("than"):  # "12 times more than in 2023" compares, it is no event
            got = _iso(int(g["y_y"]))
    elif kind == "rel" and published is not None:
        delta = {"last": -1, "this": 0, "next": 1}[g["rel_which"].lower()]
        if g["rel_unit"] == "year":
            got = _iso(published.year + delta)
        else:
            got = _iso(*_add_months(published.year, published.month, delta))
    elif kind == "wd" and published is not None:
        back = (published.weekday() - _WEEKDAY_INDEX[g["wd"]]) % 7
        if g["wd_pre"].lower() == "last" and back == 0:
            back = 7
        day = published - dt.timedelta(days=back)
        got = _iso(day.year, day.month, day.day)
    elif kind == "yday" and published is not None:
        day = published - dt.timedelta(days=1)
        got = _iso(day.year, day.month, day.day)
    elif kind == "later":
        if anchor is not None:
            word = g["later_n"].lower()
            n = int(word) if word.isdigit() else _NUMBERS[word]
            sign = 1 if g["later_dir"].lower().startswith(("later", "after")) else -1
            got = _shift(anchor, g["later_unit"], sign * n)
    elif kind == "next":
        if anchor is not None:
            got = _shift(anchor, g["next_unit"], 1)
    return got


# A named tuple, not a dataclass: tens of thousands are built per analysis, and tuples build faster.
class DatedSentence(NamedTuple):
    """One sentence with one of its resolved dates, before merging across sources."""

    date: str
    precision: str
    text: str
    source: SourceRef


def dated_sentences(articles: Sequence[Article]) -> list[DatedSentence]:
    """Every (sentence, date) pair of the body paragraphs, in article and text order."""
    out: list[DatedSentence] = []
    for article in articles:
        out.extend(article_dated_sentences(article))
    return out


def article_dated_sentences(article: Article) -> list[DatedSentence]:
    """The (sentence, date) pairs of one article; "two months later" counts from its own earlier dates only."""
    refs: dict[int, SourceRef] = {}
    out = []
    for date, precision, sentence, index in dated_rows(article):
        ref = refs.get(index)
        if ref is None:
            ref = refs[index] = SourceRef(article.id, index)
        out.append(DatedSentence(date, precision, sentence, ref))
    return out


def dated_rows(article: Article, body: Sequence[Paragraph] | None = None) -> list[tuple[str, str, str, int]]:
    """``article_dated_sentences`` as plain ``(date, precision, sentence, block index)`` rows, cheap to send between processes.

    ``body`` is ``body_paragraphs(article)`` when the caller has it (``None``: read here).
    """
    out: list[tuple[str, str, str, int]] = []
    previous: tuple[str, str] | None = None
    published = article.published
    for index, text, spans in body_paragraphs(article) if body is None else body:
        matches = list(_date_matches(text))
        if not matches:
            continue  # most paragraphs: one scan and done
        seen: set[tuple[int, str]] = set()
        for m in matches:
            got = _resolve(m, published, previous)
            if got is None:
                continue
            previous = got
            start = m.start()
            n = len(spans) - 1
            while n > 0 and spans[n][0] > start:
                n -= 1  # the sentence the date is in: a paragraph has a handful
            if (n, got[0]) not in seen:
                seen.add((n, got[0]))
                out.append((got[0], got[1], spans[n][2], index))
    return out


def merge_events(
    dated: Iterable[DatedSentence], statement_of: Mapping[tuple[str, int, str], int] | None = None
) -> tuple[TimelineEvent, ...]:
    """One event per date and reported statement, sources joined; sorted by date, then by first appearance.

    ``statement_of`` maps ``(article id, block index, sentence)`` to a
    statement id: sentences with the same date and statement are one event
    (``corroboration`` links them). ``None`` merges only identical
    sentences. (Plain keys: they hash in C, a ``SourceRef`` in Python.)
    """
    groups: dict[tuple[str, str, object], list[DatedSentence]] = {}
    statement_of = statement_of or {}
    for item in dated:
        source = item.source
        statement = statement_of.get((source.article_id, source.block_index, item.text))
        key = (item.date, item.precision, statement if statement is not None else item.text)
        group = groups.get(key)
        if group is None:
            groups[key] = [item]
        else:
            group.append(item)
    events = [
        TimelineEvent(
            date, precision, group[0].text, (group[0].source,) if len(group) == 1 else tuple(dict.fromkeys(g.source for g in group))
        )
        for (date, precision, _), group in groups.items()
    ]
    events.sort(key=lambda e: e.date)  # stable: equal dates keep their order of appearance
    return tuple(events)


def build_timeline(articles: Sequence[Article]) -> tuple[TimelineEvent, ...]:
    """The timeline of ``articles``: dated events merged across sources, oldest first."""
    from briefpack.analysis.corroboration import link_claims, statement_keys  # corroboration reads dates from here

    dated = dated_sentences(articles)
    claims, statements = link_claims(articles, (), dated)
    return merge_events(dated, statement_keys(claims, statements))
