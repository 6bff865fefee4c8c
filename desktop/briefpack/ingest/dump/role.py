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


# The members as module names, for the classification passes to test line by line: in Python 3.11
# reading a member off its Enum class (``Role.TITLE``) costs ten times a global's, ~0.1 µs.
TITLE = Role.TITLE
CATEGORY = Role.CATEGORY
BYLINE = Role.BYLINE
DATELINE = Role.DATELINE
CAPTION = Role.CAPTION
CREDIT = Role.CREDIT
HEADING = Role.HEADING
PARAGRAPH = Role.PARAGRAPH
FURNITURE = Role.FURNITURE
LEGAL = Role.LEGAL
SOURCE = Role.SOURCE
COPYRIGHT = Role.COPYRIGHT
DUPLICATE = Role.DUPLICATE
FOOTNOTE = Role.FOOTNOTE

Roles = list[Role | None]
