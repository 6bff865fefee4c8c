"""What the analyst chose for a brief, and the settings of the brief itself.

``Selection`` is pure data: the chosen themes (in section order), the chosen
sources (empty means all), the passages the analyst dropped from what the
themes picked, the passages added by hand, the analyst's order of the items
within each theme section and how each item is treated (``ItemTreatment``:
quoted or paraphrased, an analyst's note, a credibility grade).
``BriefSettings`` is the title block, the choices of template and citation
style and the analyst-written section texts. Both are stored in the project
file as JSON (fields an older file lacks take their defaults) and read by
assembly; neither knows about widgets.
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


QUOTE = "quote"
PARAPHRASE = "paraphrase"
MODES = (QUOTE, PARAPHRASE)
# Admiralty credibility of a passage runs 1 (confirmed) to 6 (truth cannot be judged); 6 is what "not graded" means.
GRADES = (1, 2, 3, 4, 5, 6)
NOT_JUDGED = 6


@dataclass(frozen=True, slots=True)
class ItemTreatment:
    """How the analyst uses one item of a theme section.

    ``mode`` is ``"quote"`` (the passage in quotation marks) or
    ``"paraphrase"`` (``paraphrase``, the analyst's own sentence, with the same
    citation; blank means not written yet, and the brief quotes the passage).
    ``note`` is the analyst's note printed after the item (blank: none).
    ``grade`` is the Admiralty credibility 1–6 of the passage; 6, "truth
    cannot be judged", is the default and means "not graded". Raises
    ``ValueError`` for an unknown mode or grade.
    """

    mode: str = QUOTE
    paraphrase: str = ""
    note: str = ""
    grade: int = NOT_JUDGED

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.grade not in GRADES or isinstance(self.grade, bool):
            raise ValueError(f"grade must be a whole number from 1 to 6, not {self.grade!r}")

    @property
    def is_default(self) -> bool:
        """True when nothing was set: quoted, no paraphrase, no note, not graded."""
        return self == ItemTreatment()

    @property
    def paraphrased(self) -> bool:
        """True when the brief shows the analyst's paraphrase (chosen and written)."""
        return self.mode == PARAPHRASE and bool(self.paraphrase.strip())

    def to_json(self) -> dict:
        return {"mode": self.mode, "paraphrase": self.paraphrase, "note": self.note, "grade": self.grade}

    @classmethod
    def from_json(cls, data: dict) -> "ItemTreatment":
        """Read a stored treatment; an unknown mode or grade (a damaged file) reads as the default rather than failing."""
        mode = data.get("mode")
        grade = data.get("grade")
        return cls(
            mode=mode if mode in MODES else QUOTE,
            paraphrase=str(data.get("paraphrase") or ""),
            note=str(data.get("note") or ""),
            grade=grade if grade in GRADES and not isinstance(grade, bool) else NOT_JUDGED,
        )


@dataclass(frozen=True, slots=True)
class Selection:
    """``source_ids`` empty means every source; ``dropped`` holds ``PickedPassage.key`` values.

    ``order`` maps a theme id to ``PickedPassage.key`` values in the order the
    analyst put them (a theme missing from it, or an item missing from its
    list, keeps the natural order; see ``assembly.pick``). ``treatments`` maps
    a ``PickedPassage.key`` to its ``ItemTreatment``; a key missing from it is
    treated as ``ItemTreatment()``. Neither mapping is mutated after
    construction: edits build a new ``Selection``.
    """

    theme_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    dropped: frozenset[str] = field(default_factory=frozenset)
    added: tuple[PickedPassage, ...] = ()
    order: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    treatments: dict[str, ItemTreatment] = field(default_factory=dict, hash=False)

    def treatment(self, key: str) -> ItemTreatment:
        """The treatment of the item with this ``PickedPassage.key`` (the default when none was set)."""
        return self.treatments.get(key) or ItemTreatment()

    def to_json(self) -> dict:
        return {
            "theme_ids": list(self.theme_ids),
            "source_ids": list(self.source_ids),
            "dropped": sorted(self.dropped),
            "added": [{"theme_id": p.theme_id, "passage": p.passage.to_json()} for p in self.added],
            "order": {theme_id: list(keys) for theme_id, keys in self.order.items()},
            "treatments": {key: t.to_json() for key, t in sorted(self.treatments.items())},
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
            order={str(t): tuple(str(k) for k in keys) for t, keys in (data.get("order") or {}).items()},
            treatments={str(k): ItemTreatment.from_json(v) for k, v in (data.get("treatments") or {}).items()},
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
