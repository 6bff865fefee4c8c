"""Identity and provenance every reader stamps on its article.

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
