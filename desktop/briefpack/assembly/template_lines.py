"""Find the line of a field in a template's TOML text, for error messages.

``tomllib`` gives line numbers only for syntax errors, so a field that parses
but makes no sense ("notes = "sidenotes"") is located here by a light scan of
the text: table headers (``[style.colours]``, the n-th ``[[sections]]``) and
``key =`` lines under them. A field written inside an inline table is
reported at the line of the table's key; the whole file's start is 0, which
callers print as no line at all.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- \"']+?)\s*\]\]?\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


def _line_index(text: str) -> dict[tuple, int]:
    lines: dict[tuple, int] = {}
    current: tuple = ()
    counts: dict[tuple, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            parts = tuple(p.strip().strip("\"'") for p in header.group(2).split("."))
            if header.group(1) == "[[":
                index = counts.get(parts, 0)
                counts[parts] = index + 1
                current = parts + (index,)
            else:
                current = parts
            lines.setdefault(current, number)
            continue
        key = _KEY_LINE.match(line)
        if key:
            lines.setdefault(current + (key.group(1).strip('"'),), number)
    return lines


def line_of(text: str, where: tuple) -> int:
    """The 1-based line of the field at ``where`` (e.g. ``("sections", 2, "kind")``), or of its nearest enclosing table; 0 when unknown."""
    index = _line_index(text)
    path = tuple(where)
    while path:
        if path in index:
            return index[path]
        path = path[:-1]
    return 0
