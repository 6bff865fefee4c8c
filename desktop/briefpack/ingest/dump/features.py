"""The second step of the dump pipeline: what each line looks like, as plain data.

``line_features`` turns every line into a ``Features`` record: its size and
ending, whether it repeats its neighbour or carries a label glued to the
next line, and what the single-line recognisers see in it (furniture, a
credit, a source, a byline, a dateline …). The role classifier then reads
only these records, which keeps layout reasoning apart from text matching
and lets tests state a line's features directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Container
from dataclasses import dataclass

from briefpack.ingest.dates import dateline_date
from briefpack.ingest.dump.lines import Line
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.dump.patterns import (
    CopyrightRef,
    SourceRef,
    breadcrumb,
    caption_credit,
    copyright_line,
    glued_prefix,
    is_credit_line,
    is_furniture,
    opens_teasers,
    source_line,
)
from briefpack.ingest.legal import is_legal_notice
from briefpack.ingest.names import byline_names, personal_names

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")  # a letter or digit outside ASCII
# Every byte but an ASCII letter becomes a space.
_ASCII_LETTERS = bytes(b if chr(b).isascii() and chr(b).isalpha() else 32 for b in range(256))
# A short line ending in dotted initials ("U.S.", "S. Korea, U.K.") is a label: the dot is the
# abbreviation's, not a full stop. A sentence may end in "the U.S." too, so only short lines.
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[^\W\d_]\.){2,}$")
_MAX_ABBREVIATION_WORDS = 3


@dataclass(frozen=True, slots=True)
class Features:
    """What one line looks like. Optional fields are ``None`` (or empty) when the cue is absent."""

    text: str
    words: int
    blank_before: bool
    blank_after: bool
    prose: bool  # reads as running text: ends a sentence, or too long for a headline
    title_like: bool  # could be a headline: short, capitalised, no full stop
    heading_like: bool  # could be a sub-heading inside the body
    label_like: bool  # could be a section label ("Politics", "News › World")
    crumbs: tuple[str, ...]  # the parts of a breadcrumb trail
    repeats_previous: bool
    repeats_next: bool
    glued_label: str | None  # a label glued in front of the next line's text
    furniture: bool
    link: bool  # a text browser marked it as starting with a link
    opens_teasers: bool
    legal: bool
    credit_line: bool
    caption_credit: str | None
    source: SourceRef | None
    copyright: CopyrightRef | None
    # Both left empty on a line that is furniture, a link, a legal notice, a credit, a source or a
    # copyright footer: the role classifier settles such a line without reading names.
    byline: tuple[str, ...] | None  # names from an explicit byline
    names: tuple[str, ...]  # names when the line is nothing but personal names
    date: dt.date | None


def _ending(text: str) -> str:
    stripped = text.rstrip(_CLOSERS)
    return stripped[-1:] if stripped else ""


def _starts_capitalised(text: str) -> bool:
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


class _Vocabulary:
    """``lowercase_vocabulary(lines)``, built on the first membership test: only lines that look like names ask."""

    __slots__ = ("_lines", "_words")

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = lowercase_vocabulary(self._lines)
        return word in self._words


def lowercase_vocabulary(lines: list[Line]) -> frozenset[str]:
    """Words the text uses in lower case: evidence that a capitalised line of them is not a name."""
    # One scan of the joined text (no word spans a line break) instead of one per line.
    text = "\n".join(line.text for line in lines)
    if not text.isascii() and _NON_ASCII_WORD_CHAR.search(text) is None:
        text = _NON_ASCII.sub(" ", text)  # no letter outside ASCII: those characters only part words
    if text.isascii():
        # Letters kept, all else a space, then a split: the words ``_WORD`` finds, several times faster.
        return frozenset(filter(str.islower, text.encode("ascii").translate(_ASCII_LETTERS).decode("ascii").split()))
    return frozenset(filter(str.islower, _WORD.findall(text)))


def _features(
    line: Line,
    previous: str | None,
    following: str | None,
    vocabulary: Container[str],
    options: DumpOptions,
    language: str | None | Callable[[], str | None],
) -> Features:
    text = line.text
    words = len(text.split())
    end = _ending(text)
    prose = (
        (end in ".…;:," and not (words <= _MAX_ABBREVIATION_WORDS and _ABBREVIATION_END.search(text)))
        or (end in "!?" and words > options.max_heading_words)
        or words > options.max_title_words
    )
    short_heading = not prose and any(map(str.isalpha, text)) and _starts_capitalised(text)
    crumbs = breadcrumb(text, options.max_category_words)
    short_label = words <= options.max_category_words and len(text) <= options.max_category_chars
    date = dateline_date(text, language) if words <= options.max_dateline_words else None
    furniture = is_furniture(text)
    legal = is_legal_notice(text, words=words)
    credit_line = is_credit_line(text)
    source = source_line(text)
    copyright = copyright_line(text)
    # Names are read only on a line those cues leave open: a line they settle keeps its role
    # whatever names it holds, and names are the costliest cue of a short line.
    settled = (
        furniture or legal or credit_line or source is not None or copyright is not None or (line.link and not prose)
    )
    may_be_byline = words <= options.max_byline_words and not settled
    return Features(
        text=text,
        words=words,
        blank_before=line.blank_before,
        blank_after=line.blank_after,
        prose=prose,
        title_like=short_heading and not crumbs and 2 <= words <= options.max_title_words,
        heading_like=short_heading and words <= options.max_heading_words,
        label_like=short_heading and not any(map(str.isdigit, text)) and (bool(crumbs) or short_label),
        crumbs=crumbs,
        repeats_previous=text == previous,
        repeats_next=text == following,
        glued_label=glued_prefix(text, following or "", options.max_category_words, options.max_category_chars),
        furniture=furniture,
        link=line.link,
        opens_teasers=furniture and opens_teasers(text),  # teaser headings are furniture lines
        legal=legal,
        credit_line=credit_line,
        caption_credit=caption_credit(text),
        source=source,
        copyright=copyright,
        byline=byline_names(text, dated=date is not None) if may_be_byline else None,
        names=personal_names(text, vocabulary) if may_be_byline else (),
        date=date,
    )


def line_features(
    lines: list[Line], options: DumpOptions, language: str | None | Callable[[], str | None]
) -> list[Features]:
    """One ``Features`` record per line, in order. ``language`` helps read month names in datelines.

    It may be a function giving the language, asked only when a line's month names must be read.
    """
    vocabulary = _Vocabulary(lines)
    texts: list[str | None] = [None, *(line.text for line in lines), None]
    return [
        _features(line, texts[i], texts[i + 2], vocabulary, options, language) for i, line in enumerate(lines)
    ]
