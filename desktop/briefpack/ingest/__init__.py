"""Readers: files and pasted text into ``Article`` objects.

``read_bytes`` and ``read_path`` are the entry points for every front end.
They pick a reader from the registry by sniffing the content (for now the
page-dump reader for text copied from news pages; HTML, feeds and mail come
later as more registry rows) and report every failure as ``IngestError``
naming the file and the reason. Nothing here imports Qt; all functions are
pure and may run on any thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefpack.ingest.decode import looks_binary
from briefpack.ingest.errors import IngestError
from briefpack.ingest.registry import READERS, ReaderEntry, choose_reader, reader_named
from briefpack.model import Article

__all__ = ["READERS", "IngestError", "ReaderEntry", "choose_reader", "read_bytes", "read_path", "reader_named"]


def read_bytes(data: bytes, file_name: str | None, *, imported_at: dt.datetime | None = None) -> Article:
    """Parse ``data`` with the reader the registry picks for it.

    ``file_name`` is the original file's name, ``None`` for pasted text;
    ``imported_at`` ``None`` means now, in UTC. Raises ``IngestError`` (and
    nothing else) for empty or binary content and content no reader claims.
    Any thread may call it.
    """
    if not data.strip():
        raise IngestError(file_name, "empty file")
    entry = choose_reader(data, file_name)
    if entry is None:
        reason = "binary content, not text" if looks_binary(data) else "no reader recognises this content"
        raise IngestError(file_name, reason)
    return entry(data, file_name, imported_at)


def read_path(path: Path, *, imported_at: dt.datetime | None = None) -> Article:
    """Read the file at ``path`` and parse it as ``read_bytes`` does; the article records ``path.name``.

    A missing or unreadable file raises ``IngestError`` naming it. Any thread may call it.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path.name, f"cannot read the file: {exc.strerror or exc}") from exc
    return read_bytes(data, path.name, imported_at=imported_at)
