"""Text rules every renderer shares: which characters to drop, which links to make live, how to write a date.

The PDF, DOCX, HTML and Markdown renderers each read the same ``Brief`` and
must agree on three small questions, so the answers live here once.
``clean_text`` removes the characters no output format can hold (C0/C1
controls other than tab, LF and CR; lone surrogates; non-characters) and
counts them, so a renderer can give one ``text-cleaned`` notice for the whole
export. ``safe_url`` decides whether a ``Link`` becomes a live link: only web,
mail and FTP addresses do; ``javascript:``, ``data:``, ``file:`` and internal
forms stay plain text. ``format_date`` writes the brief's date the same way
in every format, independent of the C locale. ``is_png`` checks a figure's
bytes before a renderer tries to embed them, and ``column_shares`` splits a
table's width by how much text each column holds, so the PDF and the Word
file lay a timeline out alike.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from briefpack.model.brief import Note, plain_text
from briefpack.model.notice import Notice

# C0 controls other than tab/LF/CR, DEL and C1 controls, the UTF-16 surrogate
# range (a lone surrogate cannot be encoded), and Unicode non-characters: XML 1.0
# forbids most of them, HTML calls them parse errors, and none prints.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

# Schemes a reader may sensibly follow from a brief that is sent to someone else.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def clean_text(text: str | None) -> tuple[str, int]:
    """``text`` without the characters no output format can hold, and how many were removed.

    ``None`` gives ``("", 0)``. Tab, line feed and carriage return are kept:
    renderers decide what a line break means in their format.
    """
    if not text:
        return "", 0
    return _ILLEGAL.subn("", text)


def safe_url(url: str | None) -> str | None:
    """The trimmed ``url`` if it should become a live link; ``None`` if it must stay plain text.

    ``None`` means: empty, unparsable, or a scheme outside ``SAFE_SCHEMES``
    (``javascript:``, ``data:``, ``file:``, a relative or ``#internal`` target).
    """
    url = (url or "").strip()
    if not url or _ILLEGAL.search(url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # e.g. an unbalanced "[" in the host part
        return None
    return url if scheme in SAFE_SCHEMES else None


def format_date(date: dt.date, language: str | None = "en") -> str:
    """``date`` as a brief prints it: "23 November 2026" in English, ISO 8601 ("2026-11-23") otherwise.

    Day-month-year with the month spelled out reads the same in every English
    variety; for other languages ISO is unambiguous and needs no month names.
    ``language`` ``None`` counts as English.
    """
    if (language or "en").lower().startswith("en"):
        return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
    return date.isoformat()


def column_shares(rows, ncols: int) -> list[float]:
    """Each column's share of a table's width (summing to 1), from its longest cell's text.

    ``rows`` are sequences of cells, each a tuple of inlines. Bounds keep a date
    column narrow but legible and stop one long cell from taking the table.
    """
    weights = []
    for j in range(ncols):
        longest = max((len(plain_text(row[j])) for row in rows if j < len(row)), default=0)
        weights.append(min(max(longest, 6), 60))
    total = sum(weights) or 1
    return [w / total for w in weights]


def is_png(data: bytes) -> bool:
    """Whether ``data`` starts with the PNG signature (a cheap check before embedding)."""
    return data.startswith(PNG_SIGNATURE)


class TextWriter:
    """What the HTML and Markdown writers share: notes numbered in document order, cleaned text, warnings once per kind.

    A subclass provides ``_inlines(nodes, in_note=…)`` and ``_note_ref(n)``
    (how note ``n``'s reference is written); ``notes`` holds each note's
    rendered text, ``removed`` counts characters cleaned away.
    """

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.notices: list[Notice] = []
        self.removed = 0
        self._warned: set[str] = set()

    def _note(self, node: Note, in_note: bool) -> str:
        if in_note:
            self._warn("nested-note", "A note inside a note was written in brackets.")
            return f" ({self._inlines(node.children, in_note=True)})"
        self.notes.append("")  # reserve the number before rendering, in case of inner notes
        n = len(self.notes)
        self.notes[n - 1] = self._inlines(node.children, in_note=True)
        return self._note_ref(n)

    def _clean(self, text: str | None) -> str:
        cleaned, removed = clean_text(text)
        self.removed += removed
        return cleaned

    def _warn(self, code: str, message: str, subject: str | None = None) -> None:
        if code not in self._warned:
            self._warned.add(code)
            self.notices.append(Notice(code, message, subject))
