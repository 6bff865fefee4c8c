"""What the analyst chose for a brief, and the settings of the brief itself.

``Selection`` is pure data: the chosen themes (in section order), the chosen
sources (empty means all), the passages the analyst dropped from what the
themes picked, and the passages added by hand. ``BriefSettings`` is the
title block and the choices of template and citation style. Both are stored
in the project file and read by assembly; neither knows about widgets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefpack.model.passage import Passage


@dataclass(frozen=True, slots=True)
class PickedPassage:
    """A passage placed in the section of ``theme_id``."""

    theme_id: str
    passage: Passage

    @property
    def key(self) -> str:
        return f"{self.theme_id}/{self.passage.key}"


@dataclass(frozen=True, slots=True)
class Selection:
    """``source_ids`` empty means every source; ``dropped`` holds ``PickedPassage.key`` values."""

    theme_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    dropped: frozenset[str] = field(default_factory=frozenset)
    added: tuple[PickedPassage, ...] = ()

    def to_json(self) -> dict:
        return {
            "theme_ids": list(self.theme_ids),
            "source_ids": list(self.source_ids),
            "dropped": sorted(self.dropped),
            "added": [{"theme_id": p.theme_id, "passage": p.passage.to_json()} for p in self.added],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Selection":
        return cls(
            theme_ids=tuple(data.get("theme_ids") or ()),
            source_ids=tuple(data.get("source_ids") or ()),
            dropped=frozenset(data.get("dropped") or ()),
            added=tuple(
                PickedPassage(a["theme_id"], Passage.from_json(a["passage"])) for a in data.get("added") or ()
            ),
        )


@dataclass(frozen=True, slots=True)
class BriefSettings:
    """The title block and export choices. ``date`` ``None`` means "today" at build time; ``summary`` empty means not written yet."""

    title: str = "Situation brief"
    author: str | None = None
    date: dt.date | None = None
    marking: str | None = "OFFICIAL"
    summary: str = ""
    template: str = "situation-brief"
    style: str = "chicago"
    # Analyst-written section texts by section key ("key_judgments", "lines_to_take" …); a missing or blank key is a placeholder.
    sections: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "marking": self.marking,
            "summary": self.summary,
            "template": self.template,
            "style": self.style,
            "sections": dict(self.sections),
        }

    @classmethod
    def from_json(cls, data: dict) -> "BriefSettings":
        date = data.get("date")
        return cls(
            title=data.get("title") or cls.title,
            author=data.get("author"),
            date=dt.date.fromisoformat(date) if date else None,
            marking=data.get("marking"),
            summary=data.get("summary") or "",
            template=data.get("template") or cls.template,
            style=data.get("style") or cls.style,
            sections={str(k): str(v) for k, v in (data.get("sections") or {}).items()},
        )
