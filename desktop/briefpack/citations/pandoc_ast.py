"""Convert formatted text from pandoc's JSON AST into briefpack's inlines.

Pandoc's citeproc returns citations and bibliography entries as pandoc inlines
(``Str``, ``Space``, ``Emph``, ``Link``, ``Quoted``, ``Span`` …). Briefpack's
model has fewer kinds, so each pandoc node maps onto the nearest one:
emphasis and strong stay, links keep their URL, ``Quoted`` becomes real curly
quotation marks around its text, spans and other wrappers (small capitals,
super- and subscript, underline) give up their wrapper and keep their text.
Adjacent text is merged so the result reads like hand-written inlines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefpack.citations.csl_json import WORD_JOINER
from briefpack.model.brief import Emph, Inline, Link, Strong, Text

# The marks pandoc's writers put around Quoted; pandoc itself already writes
# the locale's marks as plain text in most citeproc output.
_QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}
# Wrappers with no counterpart in the model: keep the text, drop the wrapper.
_TRANSPARENT = {"Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"}


def to_inlines(nodes: Sequence[dict]) -> tuple[Inline, ...]:
    """Briefpack inlines for a list of pandoc JSON inline nodes."""
    return _merge(_convert(nodes))


def blocks_to_inlines(blocks: Sequence[dict]) -> tuple[Inline, ...]:
    """The inlines of pandoc blocks (paragraphs, divs) joined by spaces: one bibliography entry or note."""
    parts: list[Inline] = []
    for inlines in _block_inline_lists(blocks):
        converted = _convert(inlines)
        if converted and parts:
            parts.append(Text(" "))
        parts.extend(converted)
    return _merge(parts)


def find_cite(nodes: Sequence[dict]) -> dict | None:
    """The first pandoc ``Cite`` node among ``nodes`` or inside them, ``None`` when there is none."""
    for node in nodes:
        if node.get("t") == "Cite":
            return node
        for child in _child_inline_lists(node):
            found = find_cite(child)
            if found is not None:
                return found
    return None


def _block_inline_lists(blocks: Sequence[dict]) -> Iterable[list[dict]]:
    for block in blocks:
        kind, content = block.get("t"), block.get("c")
        if kind in ("Para", "Plain"):
            yield content
        elif kind == "Div":
            yield from _block_inline_lists(content[1])
        elif kind == "LineBlock":
            yield from content


def _child_inline_lists(node: dict) -> Iterable[list[dict]]:
    kind, content = node.get("t"), node.get("c")
    if kind in ("Emph", "Strong") or kind in _TRANSPARENT:
        yield content
    elif kind in ("Span", "Link", "Quoted"):
        yield content[1]


def _convert(nodes: Sequence[dict]) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        kind, content = node.get("t"), node.get("c")
        if kind == "Str":
            out.append(Text(content.replace(WORD_JOINER, "")))
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(Text(" "))
        elif kind == "Emph":
            out.extend(_wrap(Emph, content))
        elif kind == "Strong":
            out.extend(_wrap(Strong, content))
        elif kind == "Link":
            children = to_inlines(content[1])
            out.append(Link(content[2][0], children or (Text(content[2][0]),)))
        elif kind == "Quoted":
            opening, closing = _QUOTES.get(content[0]["t"], _QUOTES["DoubleQuote"])
            out.extend([Text(opening), *_convert(content[1]), Text(closing)])
        elif kind == "Span":
            out.extend(_convert(content[1]))
            # A numeric style's label ("[1]") sits in its own span before the entry text.
            if "csl-left-margin" in content[0][1]:
                out.append(Text(" "))
        elif kind == "Cite":
            out.extend(_convert(content[1]))
        elif kind in _TRANSPARENT:
            out.extend(_convert(content))
        elif kind in ("Code", "Math"):
            out.append(Text(content[1]))
        elif kind == "Image":
            out.extend(_convert(content[1]))
        # Note, RawInline: a citation never nests a note; raw output has no place in a neutral model.
    return out


def _wrap(cls, content: list[dict]) -> list[Inline]:
    children = to_inlines(content)
    return [cls(children)] if children else []


def _merge(nodes: Iterable[Inline]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
                continue
        out.append(node)
    return tuple(out)
