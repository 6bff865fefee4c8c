"""A page dump made of lines, read as the importer reads a file: for tests that write a page line by line."""

from __future__ import annotations

from briefpack.ingest import read_bytes
from briefpack.model import Article


def read_lines(lines: list[str], *, blank_between: bool = False) -> Article:
    """The article the page dump of ``lines`` gives (one line each, or a blank line between them)."""
    return read_bytes(("\n\n" if blank_between else "\n").join(lines).encode("utf-8"), "page.txt")
