"""The parsed, attributed news article every reader produces.

An ``Article`` keeps the body apart from everything around it: captions and
image credits are lists of their own, never blocks; the title says whether it
was found in the text or derived by the parser; the provenance records the
file it came from and the sha256 of the raw bytes, so the source of every
quoted passage can be shown. Fields that the text does not give are ``None``
(or empty lists), never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import Enum

from briefpack.model.notice import Notice


class BlockKind(str, Enum):
    """What a body block is. Only headings and paragraphs belong to the body."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """One body block. ``role`` refines a paragraph (``"standfirst"``) and is ``None`` for plain body text."""

    kind: BlockKind
    text: str
    role: str | None = None

    def to_json(self) -> dict:
        data: dict = {"kind": self.kind.value, "text": self.text}
        if self.role is not None:
            data["role"] = self.role
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Block":
        return cls(BlockKind(data["kind"]), data["text"], data.get("role"))


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article came from: the original file name (``None`` for a paste) and the sha256 of its raw bytes."""

    file_name: str | None
    sha256: str
    imported_at: dt.datetime

    def to_json(self) -> dict:
        return {
            "file_name": self.file_name,
            "sha256": self.sha256,
            "imported_at": self.imported_at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Provenance":
        return cls(data["file_name"], data["sha256"], dt.datetime.fromisoformat(data["imported_at"]))


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed source.

    ``id`` is stable for the same raw bytes (derived from the sha256).
    ``title`` is ``None`` only when nothing could be found or derived;
    ``title_derived`` is true when the parser made the title up from the body
    (the GUI and the citations show it as such). ``published`` is ``None`` when
    the text gives no date: readers never invent one. ``language`` is the
    language of the text as imported; ``original_language`` is the language it
    was translated from, ``None`` when unknown or not translated.
    """

    id: str
    title: str | None
    title_derived: bool
    authors: tuple[str, ...]
    publisher: str | None
    url: str | None
    published: dt.date | None
    language: str | None
    category: str | None
    blocks: tuple[Block, ...]
    captions: tuple[str, ...]
    image_credits: tuple[str, ...]
    provenance: Provenance
    rights_holder: str | None = None
    original_language: str | None = None
    warnings: tuple[Notice, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> list[tuple[int, Block]]:
        """The paragraph blocks with their index in ``blocks``."""
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind is BlockKind.PARAGRAPH]

    @property
    def display_title(self) -> str:
        """The title to show people: the found or derived title, else the file name."""
        return self.title or self.provenance.file_name or self.id

    def with_changes(self, **changes) -> "Article":
        return replace(self, **changes)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "title_derived": self.title_derived,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "original_language": self.original_language,
            "category": self.category,
            "rights_holder": self.rights_holder,
            "captions": list(self.captions),
            "image_credits": list(self.image_credits),
            "blocks": [b.to_json() for b in self.blocks],
            "provenance": self.provenance.to_json(),
            "warnings": [w.to_json() for w in self.warnings],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Article":
        published = data.get("published")
        return cls(
            id=data["id"],
            title=data.get("title"),
            title_derived=bool(data.get("title_derived")),
            authors=tuple(data.get("authors") or ()),
            publisher=data.get("publisher"),
            url=data.get("url"),
            published=dt.date.fromisoformat(published) if published else None,
            language=data.get("language"),
            original_language=data.get("original_language"),
            category=data.get("category"),
            rights_holder=data.get("rights_holder"),
            captions=tuple(data.get("captions") or ()),
            image_credits=tuple(data.get("image_credits") or ()),
            blocks=tuple(Block.from_json(b) for b in data.get("blocks") or ()),
            provenance=Provenance.from_json(data["provenance"]),
            warnings=tuple(Notice.from_json(w) for w in data.get("warnings") or ()),
        )
