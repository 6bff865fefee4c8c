"""The page-dump reader: text copied from a news web page into an ``Article``.

A page dump is whatever a browser's select-all and copy gives: the headline
(sometimes with its section label glued on), bylines, captions printed
twice, picture credits, sub-headings, the body, share rows, teaser lists and
legal footers, one per line or separated by blank lines, sometimes
hard-wrapped. ``read_dump`` runs a four-step pipeline: ``lines`` (split and
unwrap), ``features`` (what each line looks like), ``roles`` (what each line
is, from its features and its place) and ``assemble`` (the article those
roles describe).
"""

from __future__ import annotations

import datetime as dt
import functools

from briefpack.ingest.decode import as_bytes, decode_text
from briefpack.ingest.dump.assemble import assemble_article
from briefpack.ingest.dump.features import line_features
from briefpack.ingest.dump.lines import logical_lines
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.dump.roles import classify
from briefpack.ingest.errors import IngestError
from briefpack.ingest.language import detect_language
from briefpack.ingest.normalize import normalized_lines
from briefpack.model import Article

__all__ = ["DumpOptions", "read_dump"]


def read_dump(
    data: bytes | bytearray | memoryview,
    file_name: str | None,
    imported_at: dt.datetime | None = None,
    options: DumpOptions | None = None,
) -> Article:
    """Parse the raw bytes of a page dump into an ``Article``.

    ``file_name`` ``None`` means pasted text; ``imported_at`` ``None`` means
    now, in UTC; ``options`` ``None`` means the defaults. Raises ``IngestError`` for binary content or a text with
    nothing but whitespace. Pure function: any thread may call it.
    """
    data = as_bytes(data)
    decoded = decode_text(data)
    if decoded is None:
        raise IngestError(file_name, "binary content, not text")
    # The normalised text's lines, never joined into one text: the next step would split it again.
    raw = normalized_lines(decoded)
    if not any(raw):  # every line is stripped, so a line that is not empty shows a character
        raise IngestError(file_name, "empty text")
    options = options or DumpOptions()
    lines = logical_lines(raw, options)
    # Asked for only when a dateline spells its month: most dumps never need it.
    language = functools.cache(lambda: detect_language("\n".join(raw)))
    features = line_features(lines, options, language)
    roles = classify(features, options)
    return assemble_article(data, file_name, imported_at, features, roles, options)
