"""Publication dates from datelines: only absolute, complete dates the text itself prints.

A page dump may carry a dateline ("Published 21 November 2024, 10:32",
"21.11.2024", "Updated: Nov. 21, 2024"). ``dateline_date`` reads such a
short line with dateparser, in any language dateparser knows, and refuses
what would be a guess: dates without day, month and year, and relative
dates ("2 hours ago", "yesterday"), which depend on when the page was
copied. Dates inside body sentences are events, not the publication date,
so callers pass only short lines.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

# A date needs a year the reader can see: four digits, or d.m.yy forms.
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")
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
_DATE_SHAPES = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")
_TIME_TAIL = re.compile(r"[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\b.*$", re.IGNORECASE)
# Two far-apart "now"s: a relative date moves with them, an absolute one does not.
_BASES = (dt.datetime(2001, 3, 4, 12, 0), dt.datetime(2011, 8, 19, 12, 0))
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}


def _parse(candidate: str, languages: list[str] | None) -> dt.date | None:
    results = []
    for base in _BASES:
        try:
            parsed = dateparser.parse(
                candidate, languages=languages, settings={**_SETTINGS, "RELATIVE_BASE": base}
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


def dateline_date(line: str, language: str | None = None) -> dt.date | None:
    """The publication date a short dateline prints, or ``None``.

    ``language`` (ISO 639-1) is the text's language; month names are read in
    it and in English. ``None`` tries every language dateparser knows, which
    is slower. The result is ``None`` when the line has no complete date
    (day, month and year), only a relative one, or dateparser cannot read it.
    """
    if not _HAS_YEAR.search(line):
        return None
    languages = list(dict.fromkeys([language, "en"])) if language else None
    for segment in _SEPARATORS.split(line):
        segment = _CUE.sub("", segment.strip())
        for candidate in _candidates(segment):
            date = _parse(candidate, languages)
            if date is not None:
                return date
    return None
