"""The characters of a text outside ASCII, found by byte passes instead of a pattern scan.

Word readers take a fast ASCII path when a text's non-ASCII characters are
no letters or digits ("©", "—", "“"), which then only part words as a space
does. Asking a pattern like ``[^\\W\\x00-\\x7f]`` that of a page costs a
character-by-character scan; ``non_ascii_chars`` lets the caller ask it of
the few characters outside ASCII only, and ``blank_non_ascii`` does what
``re.sub("[^\\x00-\\x7f]+", " ", text)`` does for a word reader, in C.
"""

from __future__ import annotations

# Every ASCII byte, deleted from a text's UTF-8 bytes to leave those of its other characters.
_ASCII_BYTES = bytes(range(128))


def non_ascii_chars(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order.

    In UTF-8 every byte of a non-ASCII character is 0x80 or above, so deleting
    the ASCII bytes leaves whole characters ("surrogatepass" keeps a lone surrogate).
    """
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def blank_non_ascii(text: str) -> str:
    """``text`` with every character outside ASCII made a "?": for a reader of ASCII words, a separator like a space."""
    return text.encode("ascii", "replace").decode("ascii")
