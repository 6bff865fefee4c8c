"""The second step of the dump pipeline: what each line looks like, as plain data.

``line_features`` turns every line into a ``Features`` record: its size and
ending, whether it repeats its neighbour or carries a label glued to the
next line, and what the single-line recognisers see in it (furniture, a
credit, a source, a byline, a dateline …). The role classifier then reads
only these records, which keeps layout reasoning apart from text matching.
The costly recognisers run when the classifier first asks for their cue,
not when the record is made: most lines are settled by their first cues,
and the cues a line's length already rules out (a long paragraph is no
byline) are stored with its record at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from briefpack.ingest.dates import dateline_date, opens_with_date_cue
from briefpack.ingest.dump.lines import Line
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.dump.vocabulary import PageVocabulary
from briefpack.ingest.dump.credits import MAX_CREDIT_WORDS, caption_credit, is_credit_line
from briefpack.ingest.dump.patterns import (
    MAX_COPYRIGHT_WORDS,
    CopyrightRef,
    SourceRef,
    breadcrumb,
    copyright_line,
    glued_prefix,
    glued_section_label,
    is_furniture,
    opens_teasers,
    source_line,
)
from briefpack.ingest.legal import MIN_NOTICE_WORDS, is_legal_notice
from briefpack.ingest.names import byline_names, opens_with_byline_label, personal_names

_CLOSERS = "\"'”’»)]"
# A byline longer than most names the author first, before a comma within this many characters.
_NAME_COMMA_WITHIN = 40
_SENTENCE_ENDS = ".…;:,!?"
_OPENERS = "\"'“‘«(["
# The mark agencies end a story with, after its last sentence: "… interests. -0-" (KCNA), "-30-".
_END_MARKS = ("-0-", "-30-")
_END_MARK = re.compile(r"\s*(?:-0-|-30-)$")
# A short line ending in dotted initials ("U.S.", "S. Korea, U.K.") is a label: the dot is the
# abbreviation's, not a full stop. A sentence may end in "the U.S." too, so only short lines.
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[^\W\d_]\.){2,}$")
_MAX_ABBREVIATION_WORDS = 3


_T = TypeVar("_T")


class _cached(Generic[_T]):
    """A property computed on first access and then stored on the instance, where later reads find it.

    ``functools.cached_property`` does the same but takes a lock on every first
    access (Python 3.11), which costs more than most cues it would cache.
    """

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, record: Any, owner: type | None = None) -> _T:
        if record is None:
            return self  # type: ignore[return-value]
        value = record.__dict__[self._name] = self._compute(record)
        return value


# What the word count alone settles: credits, "©" footers, bylines, bare names and datelines are short
# lines, so a line longer than the longest of them (``_Page.short_cue_words``) holds none of these cues.
_ABSENT_SHORT_LINE_CUES = {
    "credit_line": False,
    "copyright": None,
    "_may_be_byline": False,
    "byline": None,
    "names": (),
    "date": None,
}


@dataclass(frozen=True, slots=True)
class _Page:
    """What the cues of every line of one page share: the page's vocabulary, the options and its language,
    the legal cue hints the page holds, and the word count above which a line holds no short-line cue."""

    vocabulary: PageVocabulary
    options: DumpOptions
    language: str | None | Callable[[], str | None]
    legal_hints: tuple[str, ...]
    short_cue_words: int


@dataclass(eq=False)
class Features:
    """What one line looks like. Optional cues are ``None`` (or empty) when absent.

    The fields are measured when the record is made; the cues below them
    (properties) are read from the text on first access and then kept, or
    stored when the record is made where the measurements settle them. The
    role passes settle most lines by their first cues (a furniture line, a
    dateline) and never ask the others, and the name and date readers cost
    more than the rest of a short line together. Made by ``line_features``;
    any thread may read a record (two reading a cue at once may both compute
    it, with the same result).
    """

    text: str
    words: int
    blank_before: bool
    blank_after: bool
    prose: bool  # reads as running text: ends a sentence, or too long for a headline
    short_heading: bool  # not prose, has a letter and starts capitalised: a headline, heading or label shape
    heading_like: bool  # could be a sub-heading inside the body
    repeats_previous: bool
    repeats_next: bool
    furniture: bool
    link: int  # a text browser marked it as starting with a link: how many links it holds (0: none)
    opens_teasers: bool
    following: str | None = field(repr=False)  # the next line's text; ``None`` after the last
    page: _Page = field(repr=False)

    @_cached
    def crumbs(self) -> tuple[str, ...]:
        """The parts of a breadcrumb trail."""
        return breadcrumb(self.text, self.page.options.max_category_words)

    @_cached
    def title_like(self) -> bool:
        """Could be a headline: short, capitalised, no full stop."""
        return self.short_heading and 2 <= self.words <= self.page.options.max_title_words and not self.crumbs

    @_cached
    def unpunctuated(self) -> bool:
        """Ends without a sentence's punctuation (closing quotes and end marks aside): a headline's shape."""
        return _ending(self.text) not in _SENTENCE_ENDS

    @_cached
    def label_like(self) -> bool:
        """Could be a section label ("Politics", "News › World")."""
        if not self.short_heading or any(map(str.isdigit, self.text)):
            return False
        options = self.page.options
        short = self.words <= options.max_category_words and len(self.text) <= options.max_category_chars
        return bool(self.crumbs) or short

    @_cached
    def glued_label(self) -> str | None:
        """A label glued in front of the next line's text."""
        options = self.page.options
        return glued_prefix(self.text, self.following or "", options.max_category_words, options.max_category_chars)

    @_cached
    def headline_label(self) -> str | None:
        """A section label run into this line's start with no space ("PoliticsThe …"), when the line is a headline.

        ``None`` also when the glued word is printed a second time on the page:
        a brand written that way ("WorldCom", "TechCrunch") is repeated in the text.
        """
        label = glued_section_label(self.text, self.page.vocabulary.prints_as_line)
        # The glued word: the label's last word and the headline's first ("KoreaKim" in "North KoreaKim …").
        glued = self.text[: len(label)].rsplit(None, 1)[-1] + self.text[len(label) :].split(None, 1)[0] if label else ""
        if label is None or self.page.vocabulary.prints_twice(glued):
            return None
        return label

    @_cached
    def legal(self) -> bool:
        return is_legal_notice(self.text, words=self.words, hints=self.page.legal_hints)

    @_cached
    def credit_line(self) -> bool:
        return is_credit_line(self.text, words=self.words)

    @_cached
    def caption_credit(self) -> str | None:
        return caption_credit(self.text, words=self.words)

    @_cached
    def source(self) -> SourceRef | None:
        return source_line(self.text)

    @_cached
    def copyright(self) -> CopyrightRef | None:
        return copyright_line(self.text)

    @_cached
    def date(self) -> dt.date | None:
        page = self.page
        options = page.options
        if self.words <= options.max_dateline_words:
            return dateline_date(self.text, page.language, page.vocabulary.day_first)
        # A dateline that says so may print the first date and the last update ("Posted Thu 21 Nov 2024 at
        # 5:32am, updated …"), a byline its names, the outlet and the time before the date; a longer line
        # without either cue is a headline or a caption that names a day.
        if self.words <= options.max_cued_dateline_words and (
            opens_with_date_cue(self.text) or opens_with_byline_label(self.text)
        ):
            return dateline_date(self.text, page.language, page.vocabulary.day_first)
        return None

    @_cached
    def _may_be_byline(self) -> bool:
        # Names are read only on a line the other cues leave open: a line they settle keeps its role
        # whatever names it holds, and names are the costliest cue of a short line. A text browser's link
        # line stays open: an author's name links to the author's page.
        options = self.page.options
        if self.words > options.max_cued_dateline_words:
            return False
        settled = (
            self.furniture
            or self.legal
            or self.credit_line
            or self.source is not None
            or self.copyright is not None
        )
        if settled:
            return False
        # A labelled byline may carry the outlet and the date: "By X, KSL.com | Posted - Nov. 21, 2024 at 4:12 p.m.";
        # a name and a long post, no sentence: "X, Senior Fellow - Foreign Policy, Center on the United States".
        if self.words <= options.max_byline_words or opens_with_byline_label(self.text):
            return True
        text = self.text
        return "," in text[:_NAME_COMMA_WITHIN] and text[-1:] not in _SENTENCE_ENDS

    @_cached
    def byline(self) -> tuple[str, ...] | None:
        """Names from an explicit byline; ``None`` on a line the other cues settle (see ``_may_be_byline``)."""
        return byline_names(self.text, dated=self.date is not None) if self._may_be_byline else None

    @_cached
    def names(self) -> tuple[str, ...]:
        """Names when the line is nothing but personal names; empty on a line the other cues settle."""
        if not self._may_be_byline:
            return ()
        vocabulary = self.page.vocabulary
        return personal_names(self.text, vocabulary, vocabulary.is_outlet, prints_apart=vocabulary.prints_apart)


def _ending(text: str) -> str:
    """The character that ends ``text``, closing quotes and brackets and an agency's end mark ("-0-") aside."""
    stripped = text.rstrip(_CLOSERS)
    if stripped.endswith(_END_MARKS):
        stripped = _END_MARK.sub("", stripped).rstrip(_CLOSERS)
    return stripped[-1:] if stripped else ""


def _word_count(text: str, printable: bool = False) -> int:
    """``len(text.split())``. Every whitespace character but the space is unprintable, so a printable line
    with single spaces and none at its ends has one word more than spaces: no list of words is made.

    ``printable`` says the caller knows ``text`` is printable (see ``_lines_printable``).
    """
    if text and (printable or text.isprintable()) and "  " not in text and text[0] != " " and text[-1] != " ":
        return text.count(" ") + 1
    return len(text.split())


# Every byte whose Latin-1 character is printable.
_LATIN1_PRINTABLE = bytes(b for b in range(256) if chr(b).isprintable())


def _lines_printable(texts: list[str]) -> bool:
    """True when every one of ``texts`` is printable.

    One byte pass in C over the page's text below U+0100, where ``str.isprintable`` looks each
    character of each line up in the Unicode tables (it cost more than the rest of counting a long
    line's words). False also when the text has a character past U+00FF: each line is then asked itself.
    """
    try:
        return not "".join(texts).encode("latin-1").translate(None, _LATIN1_PRINTABLE)
    except UnicodeEncodeError:
        return False


def _starts_capitalised(text: str) -> bool:
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def _features(line: Line, previous: str | None, following: str | None, page: _Page, printable: bool) -> Features:
    text = line.text
    options = page.options
    words = _word_count(text, printable)
    end = _ending(text)
    prose = (
        (end in ".…;:," and not (words <= _MAX_ABBREVIATION_WORDS and _ABBREVIATION_END.search(text)))
        or (end in "!?" and words > options.max_heading_words)
        or words > options.max_title_words
    )
    short_heading = not prose and any(map(str.isalpha, text)) and _starts_capitalised(text)
    furniture = is_furniture(text, words=words)
    # The fields in their order, passed by position: fourteen keywords cost more than the rest of the record.
    record = Features(
        text,
        words,
        line.blank_before,
        line.blank_after,
        prose,
        short_heading,
        short_heading and words <= options.max_heading_words,  # heading_like
        text == previous,  # repeats_previous
        text == following,  # repeats_next
        furniture,
        line.link,
        furniture and opens_teasers(text),  # opens_teasers: teaser headings are furniture lines
        following,
        page,
    )
    # Cues the measurements above already settle are stored as a first read would store them: most
    # lines are long paragraphs, and each cue read on demand costs a call or two.
    settled = record.__dict__
    if words > page.short_cue_words:
        settled.update(_ABSENT_SHORT_LINE_CUES)
    if words >= MIN_NOTICE_WORDS and not page.legal_hints:
        settled["legal"] = False  # a notice this long needs a cue the page holds (see ``is_legal_notice``)
    if ":" not in text:
        settled["source"] = None  # a URL and a "Source:" label both need a colon (see ``source_line``)
    return record


def line_features(
    lines: list[Line], options: DumpOptions, language: str | None | Callable[[], str | None]
) -> list[Features]:
    """One ``Features`` record per line, in order. ``language`` helps read month names in datelines.

    It may be a function giving the language, asked only when a line's month names must be read.
    """
    vocabulary = PageVocabulary(lines)
    short_cue_words = max(
        MAX_CREDIT_WORDS, MAX_COPYRIGHT_WORDS, options.max_dateline_words, options.max_cued_dateline_words
    )
    page = _Page(vocabulary, options, language, vocabulary.legal_hints(), short_cue_words)
    texts: list[str | None] = [None, *(line.text for line in lines), None]
    printable = _lines_printable([line.text for line in lines])
    return [_features(line, texts[i], texts[i + 2], page, printable) for i, line in enumerate(lines)]
