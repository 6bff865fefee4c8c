"""The table of readers and how one is chosen for a file (DESIGN rule 4: registries, not if-chains).

Each entry pairs a reader's one public function with its options and a
sniffer that says how sure it is the bytes are its format (0 = not mine).
``choose_reader`` asks every sniffer and takes the most confident entry:
a feed's root element beats an HTML page's markers, which beat the
page-dump reader's catch-all for plain text. Every reader returns a list
of articles, because one file may hold several (a feed); a reader of
one-article files returns a list of one. The HTML, feed and mail readers
are imported the first time one of them reads (their libraries take most
of a second to load); their sniffers and options come from ``formats``.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefpack.ingest.decode import looks_binary
from briefpack.ingest.dump import DumpOptions, read_dump
from briefpack.ingest.formats import EmlOptions, FeedOptions, HtmlOptions, sniff_eml, sniff_feed, sniff_html
from briefpack.model import Article

Sniffer = Callable[[bytes, str | None], float]
ReadFunction = Callable[[bytes, str | None, dt.datetime | None, Any], list[Article]]

# How sure the page-dump reader is of any text: low, so that a reader for a
# more specific text format (HTML, a feed, a mail message) wins when it
# recognises its own.
_PLAIN_TEXT_CONFIDENCE = 0.1


@dataclass(frozen=True, slots=True)
class ReaderEntry:
    """One reader: its ``name``, how sure it is of some bytes, the function that reads them, and its options."""

    name: str
    sniff: Sniffer
    read: ReadFunction
    options: Any

    def __call__(self, data: bytes, file_name: str | None, imported_at: dt.datetime | None) -> list[Article]:
        return self.read(data, file_name, imported_at, self.options)


def sniff_plain_text(data: bytes, file_name: str | None) -> float:
    """Low confidence for anything that decodes as text, 0 for binary content."""
    return 0.0 if looks_binary(data) else _PLAIN_TEXT_CONFIDENCE


def read_dump_articles(
    data: bytes, file_name: str | None, imported_at: dt.datetime | None, options: DumpOptions
) -> list[Article]:
    """The page-dump reader in the registry's shape: its one article, as a list."""
    return [read_dump(data, file_name, imported_at, options)]


def _on_first_use(module: str, function: str) -> ReadFunction:
    """A read function that imports ``module`` the first time it is called and hands over to its ``function``."""

    def read(data: bytes, file_name: str | None, imported_at: dt.datetime | None, options: Any) -> list[Article]:
        return getattr(importlib.import_module(module), function)(data, file_name, imported_at, options)

    read.__name__ = read.__qualname__ = function
    return read


READERS: tuple[ReaderEntry, ...] = (
    ReaderEntry("dump", sniff_plain_text, read_dump_articles, DumpOptions()),
    ReaderEntry("html", sniff_html, _on_first_use("briefpack.ingest.html", "read_html"), HtmlOptions()),
    ReaderEntry("feed", sniff_feed, _on_first_use("briefpack.ingest.feed", "read_feed"), FeedOptions()),
    ReaderEntry("eml", sniff_eml, _on_first_use("briefpack.ingest.eml", "read_eml"), EmlOptions()),
)


def reader_named(name: str) -> ReaderEntry | None:
    """The registered reader called ``name``, or ``None`` when there is none."""
    return next((entry for entry in READERS if entry.name == name), None)


def choose_reader(data: bytes, file_name: str | None) -> ReaderEntry | None:
    """The reader most confident it can read ``data``, or ``None`` when none claims it.

    The specific sniffers are cheap (they look at the first few kilobytes);
    the plain-text one decodes everything, so it is asked last and only
    when no specific reader claims the bytes.
    """
    entry, score = _most_confident(data, file_name, plain_text=False)
    if score > _PLAIN_TEXT_CONFIDENCE:
        return entry
    return _most_confident(data, file_name, plain_text=True)[0]


def _most_confident(data: bytes, file_name: str | None, *, plain_text: bool) -> tuple[ReaderEntry | None, float]:
    """The first of the most confident specific (or plain-text) readers, with its score.

    ``None`` and 0 when none of them claims ``data``.
    """
    # A plain loop keeps the first of equally confident entries, as ``max`` would: every file is
    # sniffed, and the loop spares it the list of pairs and the key calls of ``max``.
    best, best_score = None, 0.0
    for entry in READERS:
        if (entry.sniff is sniff_plain_text) is plain_text:
            score = entry.sniff(data, file_name)
            if score > best_score:
                best, best_score = entry, score
    return best, best_score
