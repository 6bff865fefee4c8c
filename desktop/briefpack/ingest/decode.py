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
import unicodedata

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


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    return data, None


def _looks_controlled(text: str) -> bool:
    """True when too many characters are controls or replacement marks."""
    if not text:
        return False
    bad = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    )
    return bad > max(1, len(text) * _MAX_CONTROL_SHARE) or "\x00" in text


def decode_text(data: bytes) -> str | None:
    """The text ``data`` encodes, or ``None`` when it is binary or no encoding fits.

    A BOM wins; then strict UTF-8; then charset-normalizer's best guess.
    The result is not normalised (see ``normalize.normalize_text``).
    """
    if any(data.startswith(magic) for magic in _MAGIC):
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
