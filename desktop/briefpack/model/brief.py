"""The one document model every renderer reads: a small, format-neutral tree.

A ``Brief`` is metadata plus a list of blocks (``Heading``, ``Para``,
``Quote``, ``BulletList``, ``Table``, ``Figure``, ``PageBreak``); blocks hold
inlines (``Text``, ``Emph``, ``Strong``, ``Link``, ``Cite``, ``Note``).
Assembly writes ``Cite`` inlines; the citations pass replaces every ``Cite``
with formatted text or a ``Note`` and appends the bibliography, so renderers
never see a ``Cite`` and never know a citation style. ``role`` on a paragraph
or heading is a semantic name (``"summary"``, ``"bibliography"``,
``"placeholder"``) that templates map to styles; there is no format-specific
escape hatch. The tree serialises to versioned JSON.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Iterator, Union

SCHEMA_VERSION = 1


# ----------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Emph:
    children: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    children: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Cite:
    """A reference to a source (an article id); ``locator`` points inside it, e.g. ``"para. 4"``, or is ``None``."""

    source_id: str
    locator: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A formatted foot- or endnote (placement is ``BriefMeta.notes``); produced by the citations pass."""

    children: tuple["Inline", ...]


Inline = Union[Text, Emph, Strong, Link, Cite, Note]


# ------------------------------------------------------------------ blocks


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    children: tuple[Inline, ...]
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Para:
    children: tuple[Inline, ...]
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table: ``header`` cells then ``rows``; each cell is a tuple of inlines."""

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    caption: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """An image (PNG bytes) with a caption; ``alt`` is the text for readers that cannot show it."""

    png: bytes
    caption: tuple[Inline, ...]
    alt: str = ""


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = Union[Heading, Para, Quote, BulletList, Table, Figure, PageBreak]


# -------------------------------------------------------------------- brief


@dataclass(frozen=True, slots=True)
class BriefMeta:
    """The title block and document properties.

    ``notes`` is ``"footnotes"`` or ``"endnotes"``. ``date`` is ``None`` when
    the brief is undated. ``marking`` is the handling marking printed on
    every page (``None`` for none). ``font_family`` and ``base_size`` name the
    house style; renderers map the family to fonts they ship.
    """

    title: str
    author: str | None = None
    date: dt.date | None = None
    marking: str | None = None
    subtitle: str | None = None
    language: str = "en"
    notes: str = "footnotes"
    template: str = "situation-brief"
    style: str = "chicago"
    font_family: str = "serif"
    base_size: float = 10.5
    keywords: tuple[str, ...] = ()
    # House style from the template; empty/None means the renderer's defaults. ``heading_font`` is a family
    # like ``font_family``; ``sizes`` in points by role ("title", "heading1".."heading3", "note");
    # ``colours`` "#RRGGBB" by role ("text", "heading", "accent", "marking", "rule", "table_header");
    # ``margins_mm`` by side ("top", "bottom", "left", "right"). Plain dicts so the JSON round trip is exact.
    heading_font: str | None = None
    sizes: dict[str, float] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)
    margins_mm: dict[str, float] = field(default_factory=dict)
    # ``cover`` puts the title block on a page of its own; ``toc`` adds a table of contents after it.
    cover: bool = False
    toc: bool = False


@dataclass(frozen=True, slots=True)
class Brief:
    meta: BriefMeta
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def with_blocks(self, blocks: tuple[Block, ...]) -> "Brief":
        return replace(self, blocks=blocks)

    def to_json(self) -> dict:
        return brief_to_json(self)

    @classmethod
    def from_json(cls, data: dict) -> "Brief":
        return brief_from_json(data)


# ------------------------------------------------------------------- walking


def inline_children(node: Inline) -> tuple[Inline, ...]:
    """The nested inlines of an inline node (empty for leaves)."""
    return getattr(node, "children", ())


def block_inlines(block: Block) -> Iterator[tuple[Inline, ...]]:
    """Every top-level inline sequence a block holds, in reading order."""
    if isinstance(block, (Heading, Para, Quote)):
        yield block.children
    elif isinstance(block, BulletList):
        yield from block.items
    elif isinstance(block, Table):
        yield from block.header
        for row in block.rows:
            yield from row
        yield block.caption
    elif isinstance(block, Figure):
        yield block.caption


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The visible text of inlines, notes and cites left out."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Emph, Strong, Link)):
            out.append(plain_text(node.children))
    return "".join(out)


def map_inlines(blocks: tuple[Block, ...], fn) -> tuple[Block, ...]:
    """Rebuild blocks with ``fn(inlines) -> inlines`` applied to every inline sequence."""

    def on_block(block: Block) -> Block:
        if isinstance(block, (Heading, Para, Quote)):
            return replace(block, children=fn(block.children))
        if isinstance(block, BulletList):
            return replace(block, items=tuple(fn(i) for i in block.items))
        if isinstance(block, Table):
            return replace(
                block,
                header=tuple(fn(c) for c in block.header),
                rows=tuple(tuple(fn(c) for c in row) for row in block.rows),
                caption=fn(block.caption),
            )
        if isinstance(block, Figure):
            return replace(block, caption=fn(block.caption))
        return block

    return tuple(on_block(b) for b in blocks)


# ---------------------------------------------------------------------- JSON

_INLINE_TYPES = {"text": Text, "emph": Emph, "strong": Strong, "link": Link, "cite": Cite, "note": Note}
_BLOCK_TYPES = {
    "heading": Heading,
    "para": Para,
    "quote": Quote,
    "bullet_list": BulletList,
    "table": Table,
    "figure": Figure,
    "page_break": PageBreak,
}
_TYPE_NAMES = {cls: name for name, cls in {**_INLINE_TYPES, **_BLOCK_TYPES}.items()}


def _encode(value):
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, bytes):

        return {"base64": base64.b64encode(value).decode("ascii")}
    if type(value) in _TYPE_NAMES:
        data = {"type": _TYPE_NAMES[type(value)]}
        for f in fields(value):
            data[f.name] = _encode(getattr(value, f.name))
        return data
    return value


def _decode(value):
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if isinstance(value, dict):
        if "base64" in value and len(value) == 1:

            return base64.b64decode(value["base64"])
        cls = {**_INLINE_TYPES, **_BLOCK_TYPES}[value["type"]]
        return cls(**{k: _decode(v) for k, v in value.items() if k != "type"})
    return value


def brief_to_json(brief: Brief) -> dict:
    meta = {f.name: getattr(brief.meta, f.name) for f in fields(brief.meta)}
    meta["date"] = brief.meta.date.isoformat() if brief.meta.date else None
    meta["keywords"] = list(brief.meta.keywords)
    return {"version": SCHEMA_VERSION, "meta": meta, "blocks": _encode(brief.blocks)}


def brief_from_json(data: dict) -> Brief:
    version = data.get("version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"unsupported brief JSON version {version!r} (this briefpack reads {SCHEMA_VERSION})")
    meta = dict(data["meta"])
    meta["date"] = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
    meta["keywords"] = tuple(meta.get("keywords") or ())
    return Brief(BriefMeta(**meta), _decode(data["blocks"]))
