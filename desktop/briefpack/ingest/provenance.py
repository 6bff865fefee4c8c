"""Identity and provenance every reader stamps on its articles.

The article id and the provenance depend only on the raw bytes, the file
name and the import time, never on how a reader parsed them, so the same
file gives the same id whichever reader (or reader version) handled it.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from briefpack.model import Provenance

ID_LENGTH = 16


def make_provenance(
    data: bytes, file_name: str | None, imported_at: dt.datetime | None
) -> tuple[str, Provenance]:
    """The article id (first 16 hex digits of the sha256 of ``data``) and its provenance.

    ``file_name`` ``None`` means pasted text; ``imported_at`` ``None`` means now, in UTC.
    """
    digest = hashlib.sha256(data).hexdigest()
    when = imported_at if imported_at is not None else dt.datetime.now(dt.timezone.utc)
    return digest[:ID_LENGTH], Provenance(file_name, digest, when)


def make_entry_provenance(
    data: bytes, file_name: str | None, imported_at: dt.datetime | None, entry_key: str
) -> tuple[str, Provenance]:
    """The id and provenance of one article among several in a file (a feed entry).

    The provenance is the whole file's, as for a single article; the id comes
    from ``entry_key`` (the entry's own identity and text), so the same entry
    read from two snapshots of a feed gets the same id while the entries of
    one feed all differ.
    """
    _, provenance = make_provenance(data, file_name, imported_at)
    return hashlib.sha256(entry_key.encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH], provenance
