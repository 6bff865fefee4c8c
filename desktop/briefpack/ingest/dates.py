"""Publication dates from datelines: only absolute, complete dates the text itself prints.

A page dump may carry a dateline ("Published 21 November 2024, 10:32",
"21.11.2024", "Updated: Nov. 21, 2024"). ``dateline_date`` reads such a
short line with dateparser, in any language dateparser knows, and refuses
what would be a guess: dates without day, month and year, relative dates
("2 hours ago", "yesterday"), which depend on when the page was copied, and
all-numeric dates whose order cannot be told ("09/10/2024" is September or
October). All-numeric dates are read here, not by dateparser: dotted ones
are day first everywhere they are used, slashed ones only when a part above
12 settles the order. A date printed twice and glued when copied ("21 Nov 202421 Nov
2024") is read once. Dates inside body sentences are events, not the publication date,
so callers pass only short lines, or longer ones that open as a dateline
(``opens_with_date_cue``); ``dates_revision`` tells a revision's date ("Last
updated …"), which the first publication's goes before.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from babel import Locale

# A date needs a year the reader can see: four digits, or d.m.yy forms.
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?:(?!\d)|(?=\d{1,2}:\d{2}))|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")
_CUE = re.compile(
    r"^(?:(?:first |last )?(?:published|updated|posted|modified|date|dated|released)(?: on| at)?"
    r"|opublikowano|aktualizacja|data publikacji|cập nhật|ngày đăng|опубликовано|обновлено"
    r"|veröffentlicht(?: am)?|aktualisiert(?: am)?|publié(?: le)?|mis à jour(?: le)?|publicado(?: el)?)"
    r"\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# Common date shapes, to pick a date out of a line with other words around it
# ("All News 09:40 November 21, 2024"); dateparser then reads the match.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Copied pages often glue the time to the year ("February 27, 20253:12 PM"):
# a year may end where a time begins.
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d{2}))"
_DATE_SHAPES = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}){_YEAR_END}",
    re.IGNORECASE,
)
# A line that dates a revision, not the first publication: "Last updated: …", "Edited Nov 22, 2024".
_REVISION = re.compile(
    r"^\W*(?:last |latest )?(?:updated|update|modified|edited|revised|aktualizacja|zaktualizowano|cập nhật"
    r"|обновлено|aktualisiert|mis à jour|actualizado)\b",
    re.IGNORECASE,
)
# Where a dateline's word may stand: at the start of the line or of a part after a bar.
_CUE_PLACE = re.compile(r"\|\s*")
# The start of a line that opens with a complete date: "Thursday, 21 November 2024 6:32 PM …".
_LEADING_DATE = re.compile(
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
    rf"(?:\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})",
    re.IGNORECASE,
)


def opens_with_date_cue(line: str) -> bool:
    """True when ``line``, or a part of it after a bar, opens with a dateline's word ("Posted", "Updated:",
    "Opublikowano"), or the line opens with a complete date ("Thursday, 21 November 2024 …")."""
    if _CUE.match(line) is not None or _LEADING_DATE.match(line) is not None:
        return True
    # Sliced: the pattern's "^" holds at the string's start only, not at a ``pos`` given to ``match``.
    return "|" in line and any(_CUE.match(line[m.end() :]) for m in _CUE_PLACE.finditer(line))


def dates_revision(line: str) -> bool:
    """True when ``line`` opens as the date of a revision ("Updated 21 Nov 2024"), which the date of first
    publication, where the page prints one too, goes before."""
    return _REVISION.match(line) is not None


# All-numeric dates: ISO (year first), or day and month in some order, then the year.
_ISO = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")
# An English weekday's name or its abbreviation, and its number (Monday is 0, as ``date.weekday`` counts).
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?", re.IGNORECASE)
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate("mon tue wed thu fri sat sun".split())}
# A slashed all-numeric date with a four-digit year, anywhere in a page's text (see ``slash_order``).
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])")
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?:\.)?(?![\d/-]|\.\d)"
)
# Year, month and day with their counters, in Chinese and Japanese (年月日) and Korean (년월일).
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]")
_ISO_DATE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORDS = re.compile(r"[^\W\d_]{3,}")
_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")
_TIME_TAIL = re.compile(r"[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\b.*$", re.IGNORECASE)
# Two far-apart "now"s: a relative date moves with them, an absolute one does not.
_BASES = (dt.datetime(2001, 3, 4, 12, 0), dt.datetime(2011, 8, 19, 12, 0))
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}


# Languages whose month names a dateline on an English-language page may
# use: the English services of outlets in these countries print their own.
_MONTH_LANGUAGES = (
    "en de fr es it pt nl pl cs sk uk ru be bg sr hr sl ro hu tr id ms vi sv da nb fi et lv lt el ja ko zh"
).split()


@lru_cache(maxsize=1)
def _month_names() -> dict[str, frozenset[str]]:
    """Month names (wide and abbreviated, in every grammatical context CLDR gives) → the languages using them."""
    table: dict[str, set[str]] = {}
    for code in _MONTH_LANGUAGES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for name in months[context][width].values():
                    # Numbered month names ("tháng 10") are known by their word.
                    for key in {name.lower().strip("."), *_WORDS.findall(name.lower())}:
                        if len(key) >= 3 and not any(ch.isdigit() for ch in key):
                            table.setdefault(key, set()).add(code)
    return {k: frozenset(v) for k, v in table.items()}


def _month_languages(line: str) -> list[str]:
    """The languages whose month names occur in ``line``."""
    names = _month_names()
    found: set[str] = set()
    for word in _WORDS.findall(line.lower()):
        found |= names.get(word, frozenset())
    return sorted(found)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def numeric_date(text: str, day_first: Callable[[], bool | None] | None = None) -> tuple[bool, dt.date | None]:
    """The all-numeric date in ``text``: (found one, the date or ``None`` when its order is ambiguous).

    ISO dates and dates with CJK counters ("2024年11月21日") are year-month-day; dotted and dashed ones day-month-year (the
    European order, the only one that uses dots); slashed ones day first or
    month first only where a part above 12 tells which, or where the page
    does: ``day_first`` (asked only then) gives the order the rest of the
    page shows, ``None`` when it shows none. Two-digit years are 20xx.
    """
    iso = _ISO.search(text) or _CJK.search(text)
    if iso:
        return True, _date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
    match = _NUMERIC.search(text)
    if match is None:
        return False, None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    year = year + 2000 if year < 100 else year
    if match["sep"] in ".-":
        return True, _date(year, b, a)
    if a > 12 >= b:
        return True, _date(year, b, a)
    if b > 12 >= a:
        return True, _date(year, a, b)
    if a == b:
        return True, _date(year, a, b)
    # The weekday printed beside it tells which reading is meant ("Friday, 7/3/2025" is 7 March).
    weekday = _WEEKDAY.search(text)
    if weekday is not None:
        number = _WEEKDAY_NUMBERS[weekday.group(0).lower()[:3]]
        readings = [d for d in (_date(year, b, a), _date(year, a, b)) if d is not None and d.weekday() == number]
        if len(readings) == 1:
            return True, readings[0]
    order = day_first() if day_first is not None else None
    if order is not None:
        return True, _date(year, b, a) if order else _date(year, a, b)
    return True, None  # "09/10/2024": September or October, and the text does not say


def slash_order(text: str) -> bool | None:
    """Whether the slashed dates of a page put the day first (``True``), the month (``False``), or ``None``
    when the page does not tell: a slashed date with a part above 12 tells, and so does an ambiguous one
    that the page also prints with its month's name ("05/02/2025" beside "February 5, 2025")."""
    days_first = months_first = False
    for match in _SLASHED.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), match["y"]
        if a > 12 >= b:
            days_first = True
        elif b > 12 >= a:
            months_first = True
        elif a != b:
            days_first = days_first or _spelled(text, a, b, year)
            months_first = months_first or _spelled(text, b, a, year)
    return days_first if days_first != months_first else None


def _spelled(text: str, day: int, month: int, year: str) -> bool:
    """True when ``text`` prints the date with its English month's name ("February 5, 2025", "5 Feb 2025")."""
    names = [n for n, number in _EN_MONTH_NUMBERS.items() if number == month]
    months = "|".join(sorted(names, key=len, reverse=True))
    pattern = rf"(?i:\b(?:{months})\.?\s+{day},?\s+{year}|\b{day}\s+(?:{months})\.?,?\s+{year})\b"
    return re.search(pattern, text) is not None


# The commonest English shapes ("November 21, 2024", "Nov. 21 2024", "21 Nov 2024") are read
# here when the languages are English alone: dateparser reads them the same (a test compares
# every month name and form) at a hundredth of the cost.
_EN_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
         "september sep sept", "october oct", "november nov", "december dec"),
        start=1,
    )
    for name in names.split()
}
_EN_MONTH_NAME = "|".join(sorted(_EN_MONTH_NUMBERS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"(?:(?P<m1>{_EN_MONTH_NAME})\.? (?P<d1>\d{{1,2}}),? |(?P<d2>\d{{1,2}}) (?P<m2>{_EN_MONTH_NAME})\.? )"
    r"(?P<y>(?:1[89]|20)\d\d)",
    re.IGNORECASE | re.ASCII,
)


def _english_date(candidate: str) -> dt.date | None:
    """The date of an ASCII candidate in one of the shapes of ``_EN_DATE``, when it is a real day; else ``None``."""
    match = _EN_DATE.fullmatch(candidate) if candidate.isascii() else None
    if match is None:
        return None
    month = _EN_MONTH_NUMBERS[(match["m1"] or match["m2"]).lower()]
    return _date(int(match["y"]), month, int(match["d1"] or match["d2"]))


@lru_cache(maxsize=4096)
def _parse(candidate: str, languages: tuple[str, ...] | None) -> dt.date | None:
    if languages == ("en",):
        quick = _english_date(candidate)
        if quick is not None:
            return quick
    # Imported on first use: dateparser costs a tenth of a second to import
    # and most page dumps print their date in a form read without it.
    # Cached: a batch of dumps repeats the same few hundred dates, and each
    # uncached call costs dateparser a few milliseconds.
    import dateparser

    results = []
    for base in _BASES:
        try:
            parsed = dateparser.parse(
                candidate,
                languages=list(languages) if languages is not None else None,
                settings={**_SETTINGS, "RELATIVE_BASE": base},
            )
        except Exception:  # dateparser raises assorted errors on odd input; no date then
            return None
        if parsed is None:
            return None
        results.append(parsed.date())
    return results[0] if results[0] == results[1] else None


def _candidates(segment: str) -> list[str]:
    """The segment, dates spotted inside it, its time-less form, and its comma-separated sub-ranges."""
    out = [segment, *(m.group(0) for m in _DATE_SHAPES.finditer(segment)), _TIME_TAIL.sub("", segment)]
    parts = [p.strip() for p in segment.split(",")]
    out += [", ".join(parts[i:j]) for i in range(len(parts)) for j in range(len(parts), i, -1)]
    return [c for c in dict.fromkeys(out) if _HAS_YEAR.search(c)]


_DIGIT_RUN = re.compile(r"\d+")
# A year glued to the digit that starts the next text: a date printed twice, the copies run
# together ("21 Nov 202421 Nov 2024", a visible date and its machine-readable twin).
_GLUED_YEAR = re.compile(r"(?:19|20)\d\d\d")
_GLUED_REPEAT = re.compile(r"(?P<date>\d[^\n]{0,40}?(?:19|20)\d\d)\s*(?P=date)")


# A year run into the next label when copied: "Published Jan. 22, 2025Updated Jan. 23, 2025".
_YEAR_GLUED_TO_WORD = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=[A-Z][a-z])")


def _undouble(line: str) -> str:
    """``line`` with a date printed twice in a row kept once."""
    if _GLUED_YEAR.search(line) is None:
        return line
    return _GLUED_REPEAT.sub(r"\g<date>", line)


def dateline_date(
    line: str,
    language: str | None | Callable[[], str | None] = None,
    day_first: Callable[[], bool | None] | None = None,
) -> dt.date | None:
    """The publication date a short dateline prints, or ``None``.

    ``language`` (ISO 639-1) is the text's language; month names are read in
    it and in English. ``None`` tries every language dateparser knows, which
    is slower. It may be a function giving the language, called only when
    month names must be read (detecting a language costs more than most lines).
    The result is ``None`` when the line has no complete date
    (day, month and year), only a relative one, or dateparser cannot read it.
    ``day_first`` tells the order of a slashed date whose parts both could be
    the month (see ``numeric_date``).
    """
    if _DIGIT_RUN.search(line) is None:
        return None  # most short lines hold no digit: one simple scan spares them the year pattern's look-behind
    line = _YEAR_GLUED_TO_WORD.sub(r"\1 ", _undouble(line))
    if not _HAS_YEAR.search(line) or len(_DIGIT_RUN.findall(line)) < 2:
        # A complete date needs a day besides the year: a line with one run of
        # digits ("… | 2024 Anadolu") cannot hold one, and skipping it spares
        # dateparser's one-second warm-up on most pages.
        return None
    found, numeric = numeric_date(line, day_first)
    if found:
        return numeric
    if callable(language):
        language = language()
    languages = tuple(dict.fromkeys([language, "en"])) if language else None
    date = _read_segments(line, languages)
    # A month name in another language ("18 października 2024" on an English
    # page): try the languages whose month names the line contains. Looked
    # up only now, since the month table costs babel a third of a second to build.
    if date is None and languages:
        others = tuple(code for code in _month_languages(line) if code not in languages)
        if others:
            date = _read_segments(line, others)
    return date


def _read_segments(line: str, languages: tuple[str, ...] | None) -> dt.date | None:
    """The first date dateparser reads, in ``languages``, from the line's segments and their candidates."""
    for segment in _SEPARATORS.split(line):
        segment = _CUE.sub("", segment.strip())
        for candidate in _candidates(segment):
            date = _parse(candidate, languages)
            if date is not None:
                return date
    return None
