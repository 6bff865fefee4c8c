"""The table of readers and how one is chosen for a file (DESIGN rule 4: registries, not if-chains).

Each entry pairs a reader's one public function with its options and a
sniffer that says how sure it is the bytes are its format (0 = not mine).
``choose_reader`` asks every sniffer and takes the most confident entry, so
adding HTML, feeds or ``.eml`` later is one more row, with a sniffer more
confident than the page-dump reader's catch-all for plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefpack.ingest.decode import looks_binary
from briefpack.ingest.dump import DumpOptions, read_dump
from briefpack.model import Article

Sniffer = Callable[[bytes, str | None], float]
ReadFunction = Callable[[bytes, str | None, dt.datetime | None, Any], Article]

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

    def __call__(self, data: bytes, file_name: str | None, imported_at: dt.datetime | None) -> Article:
        return self.read(data, file_name, imported_at, self.options)


def sniff_plain_text(data: bytes, file_name: str | None) -> float:
    """Low confidence for anything that decodes as text, 0 for binary content."""
    return 0.0 if looks_binary(data) else _PLAIN_TEXT_CONFIDENCE


READERS: tuple[ReaderEntry, ...] = (
    ReaderEntry("dump", sniff_plain_text, read_dump, DumpOptions()),
)


def reader_named(name: str) -> ReaderEntry | None:
    """The registered reader called ``name``, or ``None`` when there is none."""
    return next((entry for entry in READERS if entry.name == name), None)


def choose_reader(data: bytes, file_name: str | None) -> ReaderEntry | None:
    """The reader most confident it can read ``data``, or ``None`` when none claims it."""
    scored = [(entry.sniff(data, file_name), entry) for entry in READERS]
    score, entry = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return entry if score > 0 else None
