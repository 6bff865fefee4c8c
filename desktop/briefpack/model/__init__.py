"""Plain data types shared by every layer: articles, themes, passages, briefs.

Nothing here does I/O or imports anything outside the standard library, so
every other layer can depend on the model without dragging in the rest.
"""

from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.notice import Notice
from briefpack.model.passage import Passage
from briefpack.model.theme import Taxonomy, Theme, ThemeTag

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Notice",
    "Passage",
    "Provenance",
    "Taxonomy",
    "Theme",
    "ThemeTag",
]
