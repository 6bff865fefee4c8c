"""What the line cues of one page dump ask of the whole page: its lower-case words, the outlets it names, its legal cue hints.

``line_features`` makes one ``PageVocabulary`` per page and hands it to every
line's record. A line that looks like a name asks whether its words are
used in lower case elsewhere on the page (then they are ordinary words, not
a name), whether a word is printed twice or more often than a name, and
whether a name is an outlet the page prints; every line asks for the page's
legal cue hints. Each answer is worked out from the page's text on first
use, so a page whose lines never ask costs nothing.
"""

from __future__ import annotations

import re

from briefpack.ingest.dump.lines import Line
from briefpack.ingest.dates import slash_order
from briefpack.ingest.legal import cue_hints
from briefpack.ingest.nonascii import blank_non_ascii, non_ascii_chars
from briefpack.ingest.outlets import outlet_names

_UNREAD = "unread"  # ``PageVocabulary.day_first`` before its first use (``None`` is an answer)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")  # a character ``_WORD`` reads as part of a word
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")  # a letter or digit outside ASCII
# Every byte but an ASCII letter becomes a space.
_ASCII_LETTERS = bytes(b if chr(b).isascii() and chr(b).isalpha() else 32 for b in range(256))
# Every byte but the Latin-1 letters and digits outside ASCII (those ``_NON_ASCII_WORD_CHAR`` finds).
_NOT_LATIN1_WORD_CHAR = bytes(b for b in range(256) if not _NON_ASCII_WORD_CHAR.match(chr(b)))


class PageVocabulary:
    """What the cues of a page's lines ask of the whole page: membership in ``lowercase_vocabulary(lines)``,
    answered word by word (only lines that look like names ask), the outlets it names, the legal cue
    hints it holds.

    A page is asked about a handful of words, so each is looked up in the page's
    text (a substring search, then a look at the characters around each hit)
    rather than the whole page split into words first.
    """

    __slots__ = ("_lines", "_text", "_lowered", "_outlets", "_legal_hints", "_line_texts", "_day_first")

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._text: str | None = None
        self._lowered: str | None = None
        self._legal_hints: tuple[str, ...] | None = None
        self._outlets: frozenset[str] | None = None
        self._line_texts: frozenset[str] | None = None
        self._day_first: bool | None | str = _UNREAD

    def legal_hints(self) -> tuple[str, ...]:
        """``cue_hints`` of the page's text, found on first use: a handful of scans of the page in place
        of a scan per hint for every line."""
        if self._legal_hints is None:
            self._legal_hints = cue_hints(self._joined())
        return self._legal_hints

    def _joined(self) -> str:
        if self._text is None:
            self._text = "\n".join(line.text for line in self._lines)
        return self._text

    def is_outlet(self, name: str) -> bool:
        """True when the page prints the name keyed ``name`` as an outlet's ("tuoitre" for "Tuoi Tre News")."""
        if self._outlets is None:  # built on first use
            self._outlets = outlet_names(line.text for line in self._lines)
        return name in self._outlets

    def prints_apart(self, word: str, name: str) -> bool:
        """True when the page prints ``word`` (in any case, as a whole word) more often than ``name``."""
        if self._lowered is None:
            self._lowered = self._joined().casefold()
        text = self._lowered

        def count(phrase: str) -> int:
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.casefold().split())) + r"(?!\w)"
            return len(re.findall(pattern, text))

        return count(word) > count(name)

    def day_first(self) -> bool | None:
        """Whether the page's slashed dates put the day first (``slash_order`` of its text), read on first use:
        only a page with an ambiguous slashed date asks."""
        if self._day_first is _UNREAD:
            self._day_first = slash_order(self._joined())
        return self._day_first

    def prints_as_line(self, text: str) -> bool:
        """True when a line of the page is ``text`` and nothing else (a menu's item, a section's name)."""
        if self._line_texts is None:  # built on first use: few pages ask
            self._line_texts = frozenset(line.text for line in self._lines)
        return text in self._line_texts

    def prints_twice(self, word: str) -> bool:
        """True when ``word`` stands more than once in the page's text, as a whole word."""
        text = self._joined()
        if text.count(word) < 2:  # one substring count settles nearly every word before a pattern is built
            return False
        return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)) > 1

    def __contains__(self, word: object) -> bool:
        # In the vocabulary: a lower-case word of letters that stands somewhere with no letter either side.
        if not isinstance(word, str) or not word.islower() or _WORD.fullmatch(word) is None:
            return False
        text, size = self._joined(), len(word)
        start = text.find(word)
        while start != -1:
            end = start + size
            if (start == 0 or _LETTER.match(text, start - 1) is None) and _LETTER.match(text, end) is None:
                return True
            start = text.find(word, start + 1)
        return False


def lowercase_vocabulary(lines: list[Line]) -> frozenset[str]:
    """Words the text uses in lower case: evidence that a capitalised line of them is not a name."""
    # One scan of the joined text (no word spans a line break) instead of one per line.
    text = "\n".join(line.text for line in lines)
    if not text.isascii():
        try:  # below U+0100, a byte pass tells whether a letter or digit is outside ASCII
            one_byte = text.encode("latin-1")
        except UnicodeEncodeError:
            one_byte = None
        if one_byte is not None and not one_byte.translate(None, _NOT_LATIN1_WORD_CHAR):
            # No letter outside ASCII: those characters only part words, as the spaces the translation gives them do.
            return frozenset(filter(str.islower, one_byte.translate(_ASCII_LETTERS).decode("ascii").split()))
        if one_byte is None and _NON_ASCII_WORD_CHAR.search(non_ascii_chars(text)) is None:
            text = blank_non_ascii(text)  # no letter outside ASCII: those characters only part words
    if text.isascii():
        # Letters kept, all else a space, then a split: the words ``_WORD`` finds, several times faster.
        return frozenset(filter(str.islower, text.encode("ascii").translate(_ASCII_LETTERS).decode("ascii").split()))
    return frozenset(filter(str.islower, _WORD.findall(text)))
