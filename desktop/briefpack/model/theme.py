"""Themes, the taxonomy that holds them, and the tags that attach them to paragraphs.

A ``Theme`` is data loaded from ``templates/themes/*.toml``: a label for
people, a description, the terms and phrases whose presence in a paragraph
is evidence for it, ``context`` words that support it but never tag on their
own, and ``negative`` entries that cancel the evidence inside the words they
cover ("price war" is no evidence for military). A ``ThemeTag``
records that one paragraph speaks to one theme and which terms fired, so the
analyst can see why.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label: str
    description: str = ""
    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """An ordered set of themes; order is the order sections appear in a brief."""

    themes: tuple[Theme, ...]

    def get(self, theme_id: str) -> Theme | None:
        """The theme with this id, or ``None`` when the taxonomy has none."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        return None

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]


@dataclass(frozen=True, slots=True)
class ThemeTag:
    """Paragraph ``block_index`` of article ``article_id`` speaks to ``theme_id``; ``evidence`` lists the matched terms."""

    article_id: str
    block_index: int
    theme_id: str
    evidence: tuple[str, ...]
    score: float = 1.0
