"""Markup parsed safely: HTML and XML without network, entities or unbounded depth.

Saved pages, feeds and mail bodies are markup written by strangers. Every
reader that parses markup goes through here: ``refuse_entity_declarations``
turns away documents that declare XML entities (the billion-laughs bomb and
external entities that point at files or URLs) before any parser sees them;
``parse_html`` uses lxml's HTML parser with the network off, comments and
processing instructions dropped, and libxml2's own depth limit in force,
and turns the parser's errors (and a ``RecursionError`` from a pathological
tree) into ``IngestError``. ``fragment_blocks`` turns an HTML fragment (a
feed entry, a mail body) into body blocks. Nothing here fetches, runs a
script or expands an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from briefpack.ingest.errors import IngestError
from briefpack.ingest.normalize import normalize_text
from briefpack.model import Block, BlockKind

_ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_ENTITY_DECLARATION_TEXT = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
# An XML declaration names an encoding lxml refuses to see in a ``str``; the
# text is decoded already, so the declaration has nothing left to say.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# libxml2 stops descending at this depth (without XML_PARSE_HUGE) and reports it.
MAX_DEPTH = 256


def _parser() -> lxml.html.HTMLParser:
    """A fresh parser per document: its error log then tells about this document only, on any thread."""
    return lxml.html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,  # keeps libxml2's limits on depth and text node size
        recover=True,
        default_doctype=False,
        collect_ids=False,
    )


@dataclass(frozen=True, slots=True)
class HtmlTree:
    """A parsed page: its ``root``, and whether libxml2 cut off content nested deeper than ``MAX_DEPTH``."""

    root: lxml.html.HtmlElement
    too_deep: bool


TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; briefpack does not read past that depth"

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"p", "li", "blockquote", "pre", "dd", "dt", "td", "th", "figcaption", "caption"}
# Elements that end the loose text before them (it becomes a paragraph).
_BOUNDARIES = {"br", "div", "section", "article", "main", "ul", "ol", "table", "tr", "hr", "figure", "header", "footer"}
_DROPPED = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title"}


def refuse_entity_declarations(data: bytes | str, file_name: str | None) -> None:
    """Raise ``IngestError`` when ``data`` declares XML entities; no article or feed needs them.

    Expanding them is how the billion-laughs bomb eats memory and how an
    external entity reads a local file or a URL, so the document is refused
    whole rather than parsed with the declarations ignored.
    """
    pattern = _ENTITY_DECLARATION if isinstance(data, bytes) else _ENTITY_DECLARATION_TEXT
    if pattern.search(data):
        raise IngestError(
            file_name, "declares XML entities (<!ENTITY>), which briefpack never expands; refused for safety"
        )


def parse_html(text: str, file_name: str | None) -> HtmlTree:
    """The document tree of an HTML text (decoded already), or ``IngestError`` when nothing can be made of it.

    Content nested deeper than ``MAX_DEPTH`` is dropped by the parser and
    flagged in ``too_deep``; the caller decides whether what is left is enough.
    """
    refuse_entity_declarations(text, file_name)
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise IngestError(file_name, f"not a readable HTML page ({exc})") from exc
    except RecursionError as exc:
        raise IngestError(file_name, "the HTML is nested too deeply to read") from exc
    if root is None:
        raise IngestError(file_name, "not a readable HTML page (no elements)")
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)
    return HtmlTree(root, too_deep)


def element_text(element: etree._Element) -> str:
    """The visible text of ``element`` on one line: normalised, whitespace collapsed.

    Inline markup joins without spaces (``Second <b>para</b>.``); a line break
    (``<br>``, trafilatura's ``<lb/>``) becomes a space. Marks the line breaks
    in ``element`` as it goes.
    """
    try:
        for br in element.iter("br", "lb"):
            if not br.tail or not br.tail.startswith(" "):
                br.tail = " " + (br.tail or "")
        raw = "".join(element.itertext())
    except (ValueError, RecursionError):
        return ""
    return " ".join(normalize_text(raw).split())


def _block_of(element: etree._Element) -> Block | None:
    text = element_text(element)
    if not text:
        return None
    kind = BlockKind.HEADING if element.tag in _HEADINGS else BlockKind.PARAGRAPH
    return Block(kind, text)


def tree_blocks(root: etree._Element) -> list[Block]:
    """Body blocks of a parsed HTML tree: one per block element; text outside any block element joins a paragraph.

    Iterative (no recursion), so any depth of nesting is fine.
    """
    blocks: list[Block] = []
    loose: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(loose).split())
        loose.clear()
        if text:
            blocks.append(Block(BlockKind.PARAGRAPH, text))

    # A stack of (element, children entered yet?) instead of recursion.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, entered = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if entered:
            if tag.lower() in _BOUNDARIES:
                flush()
            if element.tail and element.tail.strip():
                loose.append(normalize_text(element.tail))
            continue
        if tag.lower() in _DROPPED:
            stack.append((element, True))
            continue
        if tag.lower() in _BLOCKS and not any(
            isinstance(c.tag, str) and c.tag.lower() in _BLOCKS for c in element.iterdescendants()
        ):
            flush()
            block = _block_of(element)
            if block is not None:
                blocks.append(block)
            stack.append((element, True))
            continue
        if tag.lower() in _BOUNDARIES:
            flush()
        if element.text and element.text.strip():
            loose.append(normalize_text(element.text))
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(list(element)))
    flush()
    return blocks


def fragment_blocks(html: str, file_name: str | None) -> list[Block]:
    """Body blocks of an HTML fragment (a feed entry's content, a mail's HTML part); [] when it has no text.

    Raises ``IngestError`` for entity declarations, and for a fragment nested
    too deeply when nothing readable is left above that depth.
    """
    if not html.strip():
        return []
    tree = parse_html(f"<html><body>{html}</body></html>", file_name)
    blocks = tree_blocks(tree.root)
    if not blocks and tree.too_deep:
        raise IngestError(file_name, TOO_DEEP)
    return blocks
