"""Bytes as they arrive to the bytes a reader sees: the size limit and gzip.

Every way in (a file, a folder, standard input, the clipboard) passes
through here before any reader runs. A file over ``MAX_BYTES`` is refused
from its size alone, before a byte is read, so a 2 GB log dropped by
mistake costs nothing; gzip-compressed input (a ``.gz`` name or the gzip
magic number) is decompressed in bounded steps, so a small bomb cannot
grow past the same limit either.
"""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

from briefpack.ingest.errors import IngestError

MAX_BYTES = 30 * 1024 * 1024
"""The largest input briefpack reads (30 MB), compressed or not: no news article comes near it."""

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
# Read-only, and binary on Windows (no newline translation); descriptors Python opens are not inherited.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def too_large(file_name: str | None, size: int | None = None) -> IngestError:
    """The error for input over ``MAX_BYTES``; ``size`` ``None`` means only that it is over the limit."""
    found = f"is {_megabytes(size)}" if size is not None else "is larger than that"
    return IngestError(file_name, f"too large: briefpack reads files of at most 30 MB and this one {found}")


def read_limited(stream: BinaryIO, file_name: str | None, expected: int | None = None) -> bytes:
    """Everything ``stream`` holds, or ``IngestError`` as soon as it passes ``MAX_BYTES`` (nothing more is read).

    ``stream`` is buffered (a read stops short of the size asked only at the
    end of the stream). ``expected`` is how many bytes it likely holds (a
    file's size), ``None`` when unknown: a read asks for that many and one
    more, so a file that kept its size is read whole without the buffer of
    the limit's size a read of ``MAX_BYTES`` allocates first (most of the
    cost of reading a small file). A stream longer than expected is read on
    up to the limit.
    """
    if expected is not None and expected < MAX_BYTES:
        data = stream.read(expected + 1)
        if len(data) <= expected:
            return data
        data += stream.read(MAX_BYTES + 1 - len(data))
    else:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large(file_name)
    return data


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _read_descriptor(fd: int, file_name: str, expected: int) -> bytes:
    """What ``read_limited`` gives for the open file ``fd`` of ``expected`` bytes, read by system calls alone.

    The first read asks for the whole file and one byte more; the reads after it
    go on until one finds the end (one more call for a file that kept its size,
    as a buffered stream makes) or the data passes ``MAX_BYTES``. Each asks for
    at most ``_CHUNK`` bytes, so no buffer of the limit's size is allocated.
    """
    parts = [os.read(fd, expected + 1)]
    total = len(parts[0])
    while total <= MAX_BYTES:
        part = os.read(fd, min(_CHUNK, MAX_BYTES + 1 - total))
        if not part:
            return parts[0] if len(parts) == 1 else b"".join(parts)
        parts.append(part)
        total += len(part)
    raise too_large(file_name)


def read_file_bytes(path: Path, display: str | None = None) -> bytes:
    """The bytes of the file at ``path``, its size checked before reading.

    ``display`` is the name errors give (``None``: ``path.name``). Raises
    ``IngestError`` for a missing, unreadable or too large file, or a folder.
    """
    name = display if display is not None else path.name
    # The file is opened first and asked its size through the open descriptor, and read without a
    # Python file object: for a small file the path lookups, the buffered stream's own checks and its
    # object cost more than the read (every imported file comes through here).
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        if _is_folder(path):  # Windows refuses to open a folder; elsewhere ``fstat`` below tells
            raise IngestError(name, "is a folder, not a file") from exc
        raise IngestError(name, f"cannot read the file: {exc.strerror or exc}") from exc
    try:
        status = os.fstat(fd)  # one system call says both whether it is a folder and its size
        if stat.S_ISDIR(status.st_mode):
            raise IngestError(name, "is a folder, not a file")
        if status.st_size > MAX_BYTES:
            raise too_large(name, status.st_size)
        return _read_descriptor(fd, name, status.st_size)  # the file may have grown since it was opened
    except OSError as exc:
        raise IngestError(name, f"cannot read the file: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def is_gzip(data: bytes) -> bool:
    """True when ``data`` is gzip-compressed (by its magic number; a ``.gz`` name alone is not enough)."""
    return data.startswith(_GZIP_MAGIC)


def gunzip(data: bytes, file_name: str | None) -> bytes:
    """``data`` decompressed (every gzip member), or ``IngestError`` if it is damaged or decompresses past ``MAX_BYTES``."""
    out = bytearray()
    rest = data
    try:
        while rest.startswith(_GZIP_MAGIC):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = rest
            while chunk:
                # ``max_length`` bounds each step, so a bomb never allocates more than the limit.
                out += inflater.decompress(chunk, MAX_BYTES + 1 - len(out))
                if len(out) > MAX_BYTES:
                    raise IngestError(
                        file_name, "too large: briefpack reads files of at most 30 MB and this one decompresses to more"
                    )
                chunk = inflater.unconsumed_tail
            if not inflater.eof:
                raise IngestError(file_name, "damaged gzip file: it ends before the compressed data does")
            rest = inflater.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise IngestError(file_name, f"damaged gzip file ({exc})") from exc
    return bytes(out)


def unpack(data: bytes, file_name: str | None) -> tuple[bytes, str | None]:
    """The content a reader should see, and the file name to sniff it by.

    Gzip input is decompressed and a ``.gz`` suffix dropped from the name
    (``page.html.gz`` is sniffed as ``page.html``). The size limit applies
    to the result. ``file_name`` ``None`` (pasted text) stays ``None``.
    """
    if len(data) > MAX_BYTES:
        raise too_large(file_name, len(data))
    if not is_gzip(data):
        return data, file_name
    inner = gunzip(data, file_name)
    if file_name is not None and file_name.lower().endswith(".gz"):
        return inner, file_name[:-3]
    return inner, file_name


__all__ = ["MAX_BYTES", "gunzip", "is_gzip", "read_file_bytes", "read_limited", "too_large", "unpack"]
