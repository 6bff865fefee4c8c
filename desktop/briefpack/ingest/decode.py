"""Bytes to text: byte-order marks, UTF-8, and charset-normalizer for everything else.

Page dumps arrive in whatever encoding the analyst's editor or browser chose:
UTF-8 with or without a BOM, UTF-16 from Windows tools, legacy code pages
such as cp1251 or cp1250. ``decode_text`` tries the unambiguous signals first
(BOM, strict UTF-8) and only then asks charset-normalizer to guess. It also
decides what is not text at all, so readers can refuse binary files with a
reason instead of producing mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Longest BOM first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common binary formats someone may drop on the window by
# mistake; refusing them up front avoids a charset guess on an image.
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",  # OLE2: .doc, .xls, .msg
    b"SQLite format 3",
)

# Share of control characters (other than tab, newline …) above which a
# decoded text is taken for binary data that happened to decode.
_MAX_CONTROL_SHARE = 0.02
# A short paste may carry a few stray controls (a bell, an escape) and still be text.
_MIN_CONTROLS = 4

# A UTF-8 text with a few broken bytes (a truncated copy, one pasted
# Windows-1252 quote) is still UTF-8: up to this share of invalid bytes they
# are replaced with U+FFFD rather than handing the whole file to a guesser
# that would turn every accented letter into mojibake.
_MAX_INVALID_UTF8_SHARE = 0.01
_MIN_INVALID_UTF8 = 8  # so a short text may have a broken character or two
_ASCII_BYTES = bytes(range(0x80))
# Control characters (category Cc) other than tab, newline, CR, FF and VT,
# plus the replacement mark: a regex, not a per-character loop, so a 30 MB
# file is checked in well under a second.
_CONTROL_OR_REPLACEMENT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Every byte but those whose Latin-1 character that pattern finds: deleting them from the Latin-1
# bytes of a text below U+0100 (most dumps) leaves its controls, a C-level pass many times faster
# than the regex.
_NOT_LATIN1_CONTROL = bytes(b for b in range(256) if not _CONTROL_OR_REPLACEMENT.match(chr(b)))
# ``choose_reader`` decodes a file to tell it is text, then the page-dump reader decodes the same
# bytes: the last text decoded is kept with the bytes object it came from (up to this size, so a
# large file is not held on to) and given again for that very object.
_MAX_REMEMBERED_BYTES = 1 << 20
_last_decoded: tuple[bytes, str | None] | None = None
# ``sniff_prefix``: how many characters it gives by default, and the bytes it reads for them (4 a
# character at most, in UTF-32).
SNIFF_CHARS = 4096
SNIFF_BYTES = 4 * SNIFF_CHARS


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    return data, None


def _looks_controlled(text: str) -> bool:
    """True when too many characters are controls or replacement marks."""
    if not text:
        return False
    if "\x00" in text:
        return True
    try:
        one_byte = text.encode("latin-1")
    except UnicodeEncodeError:  # a character past U+00FF
        bad = len(_CONTROL_OR_REPLACEMENT.findall(text))
    else:
        bad = len(one_byte.translate(None, _NOT_LATIN1_CONTROL))
    return bad > max(_MIN_CONTROLS, len(text) * _MAX_CONTROL_SHARE)


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` decoded as UTF-8 with bad bytes replaced, when it is UTF-8 with only a few bad bytes; else ``None``.

    Valid multi-byte sequences are what tells UTF-8 from a legacy code page
    (cp1251 bytes almost never form them), so they must far outnumber the
    invalid bytes; a pure-ASCII file with a stray high byte is left to the guesser.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Characters that are neither ASCII nor a replacement: counted from
    # lengths (every ASCII byte is one character) rather than by a scan.
    ascii_bytes = len(data) - len(data.translate(None, _ASCII_BYTES))
    multibyte = len(text) - ascii_bytes - bad
    if bad > max(_MIN_INVALID_UTF8, len(data) * _MAX_INVALID_UTF8_SHARE) or multibyte < 4 * bad:
        return None
    return text


def as_bytes(data: bytes | bytearray | memoryview) -> bytes:
    """``data`` as ``bytes``, itself when it is already: the readers are compiled for ``bytes`` alone (pyproject.toml)."""
    return data if type(data) is bytes else bytes(data)


def decode_text(data: bytes | bytearray | memoryview) -> str | None:
    """The text ``data`` encodes, or ``None`` when it is binary or no encoding fits.

    A BOM wins; then strict UTF-8; then UTF-8 with a few invalid bytes
    replaced by U+FFFD; then charset-normalizer's best guess (cp1251,
    latin-1, UTF-16 without a BOM …). The result is not normalised (see ``normalize.normalize_text``).
    Any thread may call it.
    """
    global _last_decoded
    last = _last_decoded  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is data:
        return last[1]
    text = _decode(as_bytes(data))
    if type(data) is bytes and len(data) <= _MAX_REMEMBERED_BYTES:  # immutable, so the text stays its text
        _last_decoded = (data, text)
    return text


def _decode(data: bytes) -> str | None:
    if data.startswith(_MAGIC):  # one C call tries every signature
        return None
    body, encoding = _strip_bom(data)
    text: str | None = None
    if encoding is not None:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            return None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_utf8(data)
            if text is None:
                best = from_bytes(data).best()
                text = str(best) if best is not None else None
        # UTF-16 without a BOM decodes as "valid" UTF-8 full of NULs.
        if text is not None and "\x00" in text:
            best = from_bytes(data).best()
            text = str(best) if best is not None and best.encoding.startswith("utf_") else None
    if text is None or _looks_controlled(text):
        return None
    return text


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text in any encoding ``decode_text`` accepts."""
    return decode_text(data) is None


def sniff_prefix(data: bytes, size: int = SNIFF_CHARS) -> str:
    """The start of ``data`` as lower-case text good enough to recognise markup, without guessing an encoding.

    UTF-16 and UTF-32 (with a BOM, or plain ASCII markup without one) are
    decoded; anything else is read as Latin-1, which keeps every ASCII tag
    and keyword intact whatever the real encoding. Leading whitespace is dropped.
    Only the first ``4 * size`` bytes are read (``SNIFF_BYTES`` for the default size).
    """
    head = data[: size * 4]
    body, encoding = _strip_bom(head)
    if encoding is None and len(head) > 1 and head[0] == 0 and head[1] != 0:
        encoding = "utf-16-be"  # "<" as UTF-16 without a BOM
    elif encoding is None and len(head) > 1 and head[0] != 0 and head[1] == 0:
        encoding = "utf-16-le"
    text = body.decode(encoding or "latin-1", errors="ignore")
    return text[:size].lstrip().lower()
