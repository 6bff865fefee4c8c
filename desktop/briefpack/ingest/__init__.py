"""Readers: files, folders, pasted text and standard input into ``Article`` objects.

``read_articles`` (bytes) and ``read_file`` (a path) are the entry points
for every front end: they apply the size limit and gzip (``unpack``), pick
a reader from the registry by sniffing the content (page dumps, saved HTML
pages, RSS/Atom feeds, ``.eml`` messages) and return every article the
input holds, a feed giving several. ``read_bytes`` and ``read_path`` are
the one-article forms. Every failure is an ``IngestError`` naming the input
and the reason. Nothing here imports Qt; all functions are pure apart from
reading the named file, and may run on any thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefpack.ingest.decode import as_bytes, looks_binary
from briefpack.ingest.errors import IngestError
from briefpack.ingest.registry import READERS, ReaderEntry, choose_reader, reader_named
from briefpack.ingest.sources import Input, Pasted, display_name, expand_inputs, read_stdin
from briefpack.ingest.unpack import MAX_BYTES, read_file_bytes, unpack
from briefpack.model import Article

__all__ = [
    "MAX_BYTES",
    "READERS",
    "IngestError",
    "Input",
    "Pasted",
    "ReaderEntry",
    "choose_reader",
    "display_name",
    "expand_inputs",
    "read_articles",
    "read_bytes",
    "read_file",
    "read_input",
    "read_path",
    "read_stdin",
    "reader_named",
]


def read_articles(
    data: bytes | bytearray | memoryview,
    file_name: str | None,
    *,
    imported_at: dt.datetime | None = None,
    reader: str | None = None,
) -> list[Article]:
    """Every article in ``data`` (one for most formats, one per entry for a feed), never an empty list.

    ``file_name`` is the original file's name, ``None`` for pasted text;
    ``imported_at`` ``None`` means now, in UTC; ``reader`` names the
    registry reader to use, ``None`` to sniff. Gzip content is
    decompressed first. Raises ``IngestError`` (and nothing else from the
    readers' own checks) for too large, empty or binary content, content
    no reader claims, and content the chosen reader cannot read.
    """
    content, sniff_name = unpack(as_bytes(data), file_name)
    if not content or content.isspace():  # stops at the first visible byte, where strip() copies the bytes
        raise IngestError(file_name, "empty file")
    entry = reader_named(reader) if reader is not None else choose_reader(content, sniff_name)
    if entry is None:
        if reader is not None:
            raise IngestError(file_name, f"no reader called {reader!r}")
        reason = "binary content, not text" if looks_binary(content) else "no reader recognises this content"
        raise IngestError(file_name, reason)
    articles = entry(content, file_name, imported_at)
    if not articles:
        raise IngestError(file_name, "no article found")
    return articles


def read_file(path: Path, *, imported_at: dt.datetime | None = None, display: str | None = None) -> list[Article]:
    """Every article in the file at ``path``, as ``read_articles`` gives them; the articles record ``path.name``.

    The size is checked before the file is read. ``display`` is the name
    errors give (``None``: ``path.name``). Any thread may call it.
    """
    if not isinstance(path, Path):  # a Path is used as it is: making another parses it again
        path = Path(path)
    data = read_file_bytes(path, display if display is not None else display_name(path.name))
    try:
        return read_articles(data, display_name(path.name), imported_at=imported_at)
    except IngestError as exc:
        if display is None:
            raise
        raise IngestError(display, exc.reason) from exc


def read_input(item: Input, *, imported_at: dt.datetime | None = None) -> list[Article]:
    """Every article of one expanded input (a file or a paste); ``IngestError`` names ``item.name``."""
    if item.problem is not None:
        raise IngestError(item.name, item.problem)
    if item.pasted is not None:
        try:
            return read_articles(item.pasted.data, None, imported_at=imported_at, reader=item.pasted.reader)
        except IngestError as exc:
            raise IngestError(item.name, exc.reason) from exc
    assert item.path is not None
    return read_file(item.path, imported_at=imported_at, display=item.name)


def _only(articles: list[Article], file_name: str | None) -> Article:
    if len(articles) != 1:
        raise IngestError(file_name, f"holds {len(articles)} articles (a feed); import it to get them all")
    return articles[0]


def read_bytes(
    data: bytes | bytearray | memoryview, file_name: str | None, *, imported_at: dt.datetime | None = None
) -> Article:
    """The one article in ``data``; as ``read_articles``, and ``IngestError`` for a file of several (a feed).

    Any thread may call it.
    """
    return _only(read_articles(data, file_name, imported_at=imported_at), file_name)


def read_path(path: Path, *, imported_at: dt.datetime | None = None) -> Article:
    """The one article in the file at ``path``; as ``read_file``, and ``IngestError`` for a file of several.

    A missing or unreadable file raises ``IngestError`` naming it. Any thread may call it.
    """
    path = Path(path)
    return _only(read_file(path, imported_at=imported_at), display_name(path.name))
