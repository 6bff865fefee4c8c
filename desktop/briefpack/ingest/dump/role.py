"""What a line of a page dump can be: the ``Role`` vocabulary the classification passes share.

Kept in a module of its own so that the pass modules (``roles``, ``tail``)
can use it without importing each other.
"""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    """What a line of a page dump is."""

    TITLE = "title"
    CATEGORY = "category"  # a section label, alone or glued to the headline
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    CREDIT = "credit"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    FURNITURE = "furniture"
    LEGAL = "legal"
    SOURCE = "source"
    COPYRIGHT = "copyright"
    DUPLICATE = "duplicate"  # the second copy of a line printed twice
    FOOTNOTE = "footnote"  # a numbered note below the article


Roles = list[Role | None]
