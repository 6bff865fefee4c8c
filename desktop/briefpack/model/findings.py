"""What analysis finds across a project's articles: entities, dated events, figures, corroboration, grades.

These are the data the analysis layer produces and templates place in a
brief (a timeline table, a key-figures table, people's pen portraits,
corroboration notes, grade codes). Every finding points back at its sources
with ``SourceRef`` (article id and block index), so it stays traceable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # attribution.py imports SourceRef from here
    from briefpack.model.attribution import Attribution


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Block ``block_index`` of article ``article_id``."""

    article_id: str
    block_index: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place; ``name`` is the canonical form, ``variants`` the other forms met.

    ``kind`` is ``"person"``, ``"organisation"`` or ``"place"``. ``roles``
    are the descriptions the text gives a person ("North Korea's Minister
    of External Economic Relations"), empty when none.
    """

    name: str
    kind: str
    variants: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[SourceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event. ``date`` is ISO at the text's precision: ``"2024"``, ``"2024-06"`` or ``"2024-06-19"``.

    ``precision`` is ``"year"``, ``"month"`` or ``"day"``; ``text`` is the
    sentence that states it. Events whose date cannot be resolved are not
    made into ``TimelineEvent``s at all.
    """

    date: str
    precision: str
    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """A number with what it counts: ``value`` as written ("10,000"), ``number`` parsed (``None`` if not numeric), ``counts`` ("North Korean soldiers")."""

    value: str
    number: float | None
    counts: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Corroboration:
    """A statement reported by the sources in ``sources`` (two or more articles when corroborated).

    ``variants`` holds differing figures given for the same thing, side by
    side, never merged; empty when the sources agree.
    """

    statement: str
    sources: tuple[SourceRef, ...]
    variants: tuple[FigureClaim, ...] = ()

    @property
    def corroborated(self) -> bool:
        return len({s.article_id for s in self.sources}) >= 2


@dataclass(frozen=True, slots=True)
class Findings:
    """Everything analysis found in a set of articles; empty tuples mean nothing was found."""

    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    figures: tuple[FigureClaim, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    # Admiralty reliability per publisher ("A".."F"); a publisher missing here is "F" (cannot be judged).
    reliability: dict[str, str] = field(default_factory=dict)
    # Statements attributed to state media (briefpack.model.attribution.Attribution), flagged for the analyst.
    attributions: tuple[Attribution, ...] = ()
