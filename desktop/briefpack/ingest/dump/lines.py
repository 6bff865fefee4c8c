"""The first step of the dump pipeline: text to a list of logical lines with their spacing.

A page dump is a sequence of lines; a blank line is a layout cue, not
content, so it is recorded on its neighbours (``blank_before`` /
``blank_after``) and dropped. Text that was hard-wrapped at a fixed width
(mail clients, terminals, ``fold``) is joined back into one line per
paragraph first: a break is a wrap when the next line's first word would
have fitted on the line before it had the width allowed, the test text
wrappers themselves apply. The width is where the longest lines pile up,
not the longest line: an unwrapped headline, an unbreakable URL, or the link
markers lynx prints after laying a line out (so its width is read on lines
without them) can make a line stick out. Dumps from text browsers (lynx, w3m, links) end
with a "References" list of numbered URLs and print ``[n]`` before every
link: the list is cut, the markers are removed, and a line that starts with
a link is flagged with its count of links, since such a line is navigation
unless it reads as prose or as a headline linked to its own page.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefpack.ingest.dump.options import DumpOptions

_BULLETS = ("-", "*", "•", "·", "–", "—", "1.", "2.", "3.")
# A dash opens a list item after a finished line; after a line that stops mid-sentence it is the
# sentence's own dash, wrapped to the start of the line ("… partners" / "– North Korea and Iran –").
_DASHES = ("-", "–", "—")
_MIN_WRAPPED_LINES = 3
# See ``_pile_top``: lines within a few characters of the width, besides the longest.
_PILE = 2
_PILE_GAP = 2
# How far past the wrap width a line may reach before it counts as never wrapped (see ``_wrap_width``).
_STICK_OUT = 10
_SENTENCE_ENDS = ".!?…:;"
_CLOSERS = "\"'”’»)]"
_REFERENCES_HEAD = re.compile(r"(?:references|visible links|hidden links|links)\s*:?", re.IGNORECASE)
# An entry of the list: a URL, or a form's field as lynx lists them ("18. form field = submit button").
# links and elinks number the entries in brackets: "[21] mailto:news@…".
# An address may be empty after its scheme ("mailto:" of a share button).
_REFERENCE = re.compile(r"(?:\d+\.|\[\d+\])\s+(?:\S+:\S*|form field = .+)")
_LINK_MARKER = re.compile(r"\[\d+\]")
_MARKER_NUMBER = re.compile(r"\[(\d+)\]")
# So many markers numbered in turn make a page a text browser's dump even without its list of links.
_MIN_MARKERS = 8


class Line(NamedTuple):
    """One non-blank logical line. The flags say whether a blank line (or the text's edge) is next to it.

    A named tuple, immutable like a frozen dataclass and several times cheaper
    to make: every line of every page is one.
    """

    text: str
    blank_before: bool
    blank_after: bool
    link: int = 0  # a text browser printed a link marker at its start: how many markers the line holds


# Makes a ``Line`` from all its fields without the named tuple's Python-level ``__new__`` (see ``split_lines``).
_new_tuple = tuple.__new__


def _wrap_width(lines: list[str], options: DumpOptions) -> int | None:
    """The column the text was wrapped at, or ``None`` when it was not hard-wrapped."""
    # A wrapper never leaves a line with a space in it longer than its
    # width; only unbreakable tokens (URLs) may stick out.
    breakable = [s for s in lines if " " in s]
    if len(breakable) < _MIN_WRAPPED_LINES:
        return None
    width = _pile_top(sorted(map(len, breakable), reverse=True))
    if not options.min_wrap_width <= width <= options.max_wrap_width:
        return None
    near = [s for s in breakable if len(s) >= width - options.wrap_slack]
    # Wrapped paragraphs put most of their lines close to the width; lines
    # that are each a paragraph scatter. Lines shorter than half the width
    # say nothing either way (a menu's items, a paragraph's last line), and
    # on a short page they would outnumber the wrapped ones.
    wide = sum(1 for s in breakable if 2 * len(s) >= width)
    if len(near) < _MIN_WRAPPED_LINES or len(near) < 0.4 * wide:
        return None
    # ... and most wrapped lines stop mid-sentence, while short paragraphs
    # that happen to be of similar length each end with a full stop.
    if sum(1 for s in near if s.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS) * 2 < len(near):
        return None
    # ... and only a few lines (a headline, a line of links) stick out far past it: when as many
    # long paragraphs do as lines pile up at the width, the pile is short headings of a similar
    # length in an unwrapped page (a live blog's entries), not a wrap.
    sticking = sum(1 for s in breakable if len(s) > width + _STICK_OUT)
    if sticking * 2 > len(near) - sticking:
        return None
    return width


def _layout_lines(raw: list[str]) -> list[str]:
    """The lines of a text-browser dump that show its layout width: those without link markers.

    lynx lays a line out at its width and then prints ``[n]`` before each
    link, so a line with links sticks out past the width by its markers.
    All lines when too few are free of markers to tell.
    """
    plain = [s for s in raw if " " in s and not _LINK_MARKER.search(s)]
    return plain if len(plain) >= _MIN_WRAPPED_LINES else raw


def _pile_top(lengths: list[int]) -> int:
    """The wrap width from line lengths sorted longest first: the top of the pile of lines that fill it.

    Wrapped lines crowd just below the width, so the width is the longest
    line with ``_PILE`` more lines within ``_PILE_GAP`` characters of it, the
    next within one. A headline lynx printed from the first column, wrapped
    three columns wider than the indented text, stands alone above it. A
    line that sticks out alone is not the width: a headline the wrapper never
    touched, a token it could not break (a URL), or link markers a text
    browser added after laying the line out at 80 columns made it longer.
    """
    for i, length in enumerate(lengths[: len(lengths) - _PILE]):
        if length - lengths[i + _PILE] <= _PILE_GAP and length - lengths[i + 1] <= 1:
            return length
    return lengths[0]


def _cut_references(raw: list[str]) -> list[str] | None:
    """``raw`` without a text browser's closing "References" list, or ``None`` when it has none."""
    # Scan from the end: the list is the last thing a text browser prints.
    i = len(raw) - 1
    refs = 0
    # A line of one token among the entries (not the list's head) is the rest of a long URL the dump wrapped.
    while i >= 0 and (
        not raw[i]
        or _REFERENCE.fullmatch(raw[i])
        or (refs and " " not in raw[i] and not _REFERENCES_HEAD.fullmatch(raw[i]))
    ):
        refs += bool(raw[i])
        i -= 1
    if i < 0 or not refs or not _REFERENCES_HEAD.fullmatch(raw[i]):
        return None
    return raw[:i]


def _numbers_its_links(raw: list[str]) -> bool:
    """True for a text browser's dump copied without its list of links: ``_MIN_MARKERS`` or more link markers
    numbered from the start, one after another ("[1]Accept and close [2]Refuse …")."""
    numbers = [int(n) for line in raw if "[" in line for n in _MARKER_NUMBER.findall(line)]
    return (
        len(numbers) >= _MIN_MARKERS
        and numbers[0] <= 2
        and all(following == number + 1 for number, following in zip(numbers, numbers[1:]))
    )


def _unmark(text: str) -> str:
    return " ".join(_LINK_MARKER.sub(" ", text).split()).replace(" ,", ",").replace(" .", ".")


def _unwrap(raw: list[str], width: int) -> list[str]:
    """``raw`` with every line that wraps the one before it joined to it.

    A break is a wrap when the next line's first word would have fitted on
    the line before it (as printed, not as joined) had the width allowed, the
    test text wrappers apply; a blank line or a bullet ends the paragraph. A
    hyphen at the wrap belongs to the word ("Russia-DPRK"): text wrappers
    break after hyphens without adding one, so the lines join without a space.
    """
    merged: list[str] = []
    physical = ""  # the previous line as printed; when it is not blank, ``merged`` ends with its paragraph
    for current in raw:
        if physical and current and (
            not current.startswith(_BULLETS)
            or (current.startswith(_DASHES) and physical.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS)
        ):
            first_word_end = current.find(" ")
            if len(physical) + 1 + (first_word_end if first_word_end >= 0 else len(current)) > width:
                previous = merged[-1]
                glued = previous[-1] == "-" and previous[-2:-1].isalpha()
                merged[-1] = previous + current if glued else f"{previous} {current}"
                physical = current
                continue
        merged.append(current)
        physical = current
    return merged


def split_lines(text: str, options: DumpOptions) -> list[Line]:
    """The non-blank lines of normalised ``text``, hard wraps joined, with their blank-line neighbours."""
    return logical_lines(text.split("\n"), options)


def logical_lines(raw: list[str], options: DumpOptions) -> list[Line]:
    """``split_lines`` for a text already split at its newlines (``normalize.normalized_lines``).

    ``raw`` itself is left as it is.
    """
    cut = _cut_references(raw)
    browser = cut is not None or _numbers_its_links(raw)
    raw = cut if cut is not None else raw
    width = _wrap_width(_layout_lines(raw) if browser else raw, options)
    if width:
        raw = _unwrap(raw, width)
    edged = ["", *raw, ""]  # the text's edges count as blank lines
    # (previous, line, next) for every line: ``zip`` pairs each with its neighbours without indexing.
    neighbours = zip(edged, raw, edged[2:])
    if not browser:
        # Lines made as the tuples they are: ``Line(...)`` runs the named tuple's Python-level
        # ``__new__`` (about 0.2 µs a line, on every line of every page), and every field is given
        # here, so the result is the same ``Line``.
        return [
            _new_tuple(Line, (current, not before, not after, 0))
            for before, current, after in neighbours
            if current
        ]
    out: list[Line] = []
    for before, current, after in neighbours:
        if current:
            link = len(_LINK_MARKER.findall(current)) if _LINK_MARKER.match(current) else 0
            current = _unmark(current)
            if current:
                out.append(Line(current, not before, not after, link))
    return out
