"""Text clean-up shared by the readers: one canonical form for everything downstream.

Text copied out of a browser carries invisible baggage: no-break and other
typographic spaces, zero-width characters, bidi overrides, soft hyphens,
stray control characters and three kinds of line ending. ``normalize_text``
turns all of that into NFC text with plain spaces and ``\\n`` line breaks, so
that the role classification compares lines by their visible text and
quoted passages match what the analyst sees.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that only steer rendering (bidi embeddings, overrides and
# isolates, direction marks) or are invisible in a browser (zero-width space,
# word joiner, BOM, soft hyphen). ZWJ/ZWNJ are kept: they change the spelling
# of words in several scripts.
_INVISIBLE = (
    "\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Every space separator (no-break, thin, em, ideographic …) and the tab
# become a plain space; control characters (but the newline) and lone
# surrogates go, with the invisible characters above. Both sets are regex
# classes: a C-level scan, where ``str.translate`` with a dict costs a
# lookup per character (seconds on a 30 MB text). They are spelt out rather
# than gathered from ``unicodedata`` at import (65,536 look-ups, a sixtieth
# of a second in every process that reads); a test holds them to it.
# Category Zs but the space: no-break, Ogham, U+2000-U+200A, narrow no-break, medium mathematical, ideographic.
SPACE_SEPARATORS = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Categories Cc (C0 and C1 controls and DEL; the tab and newline are dealt with apart) and Cs (surrogates).
CONTROLS = "".join(chr(cp) for cp in (*range(0x20), *range(0x7F, 0xA0)) if chr(cp) not in "\t\n")
_SPACES = re.compile("[" + re.escape(SPACE_SEPARATORS + "\t") + "]+")
_DROPPED = re.compile("[" + re.escape(CONTROLS + _INVISIBLE) + "\ud800-\udfff]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACE_RUN = re.compile(r" {2,}")
# Every byte whose Latin-1 character is printable, and the newline: deleting them from the Latin-1
# bytes of a text below U+0100 leaves what the three passes below would change.
_LATIN1_PRINTABLE = bytes(b for b in range(256) if chr(b).isprintable() or b == 0x0A)


def normalize_text(text: str) -> str:
    """Return ``text`` in NFC with plain spaces, ``\\n`` line ends and no invisible characters.

    Runs of spaces collapse to one and every line is stripped at both ends;
    blank lines are kept (as empty lines) because they separate paragraphs.
    """
    return "\n".join(normalized_lines(text))


def normalized_lines(text: str) -> list[str]:
    """The lines of ``normalize_text(text)``, as its ``split("\\n")`` gives them, blank ones empty.

    For a reader that works line by line: it is spared joining the lines into
    one text and splitting that again.
    """
    # Text that is printable but for its newlines holds no other line break, no
    # control or invisible character (categories Cc, Cf, Cs) and no space but
    # U+0020 (Zs): the three passes would change nothing, and one C-level test spares them.
    # On text below U+0100 (most dumps) a C-level byte pass answers the same many times faster.
    try:
        unprintable = bool(text.encode("latin-1").translate(None, _LATIN1_PRINTABLE))
        latin1 = True
    except UnicodeEncodeError:  # a character past U+00FF
        unprintable = not text.replace("\n", "").isprintable()
        latin1 = False
    if unprintable:
        text = _LINE_BREAKS.sub("\n", text)
        text = _DROPPED.sub("", text)
        text = _SPACES.sub(" ", text)
    # Text below U+0100 is in NFC already, and stays below it through the passes above (they put in
    # only "\n" and " "): no Latin-1 character combines with the one before it or decomposes (a test
    # checks all 256), so only other text pays for NFC's character-by-character check.
    if not latin1:
        text = unicodedata.normalize("NFC", text)
    # Runs of spaces never span a line break: one pass over the whole text, when it has one.
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return list(map(str.strip, text.split("\n")))
