"""The Markdown renderer: a cited ``Brief`` as pandoc-flavoured Markdown that pandoc reads back intact.

Metadata goes in a YAML block (title, subtitle, author, date, keywords,
lang); notes become ``[^n]`` footnotes numbered in document order; tables
are pipe tables with a ``Table:`` caption; figures are images with ``data:``
URIs, so the file stands alone. Paragraph roles survive as fenced divs
(``::: {.bibliography}``). Text is escaped so that nothing in a source —
``<script>``, ``*``, ``@``, ``$``, a line starting ``1.`` — turns into markup:
every ASCII character pandoc treats as syntax is backslash-escaped where it
could be read as such. ``render_markdown_string`` returns the text.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from briefpack.render._files import write_text_replacing
from briefpack.model.brief import (
    Block, Brief, BulletList, Cite, Emph, Figure, Heading, Inline, Link, Note, PageBreak, Para, Quote, Strong,
    Table, Text,
)
from briefpack.model.notice import Notice
from briefpack.render._text import TextWriter, format_date, is_png, safe_url

# Characters that are pandoc syntax anywhere in a line.
_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~^$@])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What would start a list, definition, line block or title block at the start of a line.
_LINE_START = re.compile(r"^(?:([-+:%])(?=\s|$)|(\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=\s|$)|(\())")
_BREAK = "\x00"  # a hard line break inside inline text; \x00 cannot survive cleaning, so it is unambiguous


@dataclass(frozen=True, slots=True)
class MarkdownOptions:
    """How to write Markdown. ``front_matter`` false leaves out the YAML metadata block."""

    front_matter: bool = True


def render(brief: Brief, path: Path, options: MarkdownOptions | None = None) -> list[Notice]:
    """Write ``brief`` to ``path`` as UTF-8 Markdown; ``options`` ``None`` means the defaults. Any thread."""
    text, notices = _Writer(options or MarkdownOptions()).document(brief)
    write_text_replacing(path, text)
    return notices


def render_markdown_string(brief: Brief, options: MarkdownOptions | None = None) -> str:
    """The Markdown as a string; notices are dropped, use ``render`` to get them."""
    return _Writer(options or MarkdownOptions()).document(brief)[0]


class _Writer(TextWriter):
    def __init__(self, options: MarkdownOptions) -> None:
        super().__init__()
        self.options = options

    def document(self, brief: Brief) -> tuple[str, list[Notice]]:
        chunks: list[str] = []
        if self.options.front_matter:
            chunks.append(self._front_matter(brief))
        if brief.meta.marking:
            chunks.append(f"**{self._escape(brief.meta.marking)}**")
        chunks += self._blocks(brief.blocks)
        for n, text in enumerate(self.notes, 1):
            chunks.append(_lines(text, f"[^{n}]: ", "    "))
        if self.removed:
            self.notices.append(Notice("text-cleaned", f"{self.removed} control character(s) were removed from the text."))
        return "\n\n".join(c for c in chunks if c) + "\n", self.notices

    def _front_matter(self, brief: Brief) -> str:
        meta = brief.meta
        date = format_date(meta.date, meta.language) if meta.date else None
        lines = ["---"]
        for key, value in (("title", meta.title), ("subtitle", meta.subtitle), ("author", meta.author), ("date", date)):
            if value:
                lines.append(f"{key}: {_yaml(self._escape(value))}")
        if meta.keywords:
            lines.append(f"keywords: [{', '.join(_yaml(self._escape(k)) for k in meta.keywords)}]")
        lines.append(f"lang: {_yaml(self._clean(meta.language or 'en'))}")
        lines.append("---")
        return "\n".join(lines)

    # -------------------------------------------------------------- blocks

    def _blocks(self, blocks: tuple[Block, ...]) -> list[str]:
        # Consecutive blocks sharing a role go in one fenced div, so the role survives a round trip.
        out: list[str] = []
        group: list[str] = []
        role: str | None = None
        for block in blocks:
            block_role = getattr(block, "role", None)
            if block_role != role and group:
                out.append(_fence(role, group))
                group = []
            role = block_role
            text = self._block(block)
            if text:
                (group if role else out).append(text)
        if group:
            out.append(_fence(role, group))
        return out

    def _block(self, block: Block) -> str:
        if isinstance(block, Heading):
            text = self._inlines(block.children).replace(_BREAK, " ")
            return f"{'#' * min(max(block.level, 1), 6)} {text.strip()}"
        if isinstance(block, Para):
            return _lines(self._inlines(block.children), "", "")
        if isinstance(block, Quote):
            return _lines(self._inlines(block.children), "> ", "> ")
        if isinstance(block, BulletList):
            return "\n".join(_lines(self._inlines(item), "- ", "  ") for item in block.items)
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        if isinstance(block, PageBreak):
            return "\\newpage"  # pandoc's convention: raw TeX, honoured by the pagebreak filter
        self._warn("block-unknown", f"A {type(block).__name__} block is not supported in Markdown and was left out.")
        return ""

    def _table(self, block: Table) -> str:
        columns = max([len(block.header), *(len(row) for row in block.rows)], default=0)
        if columns == 0:
            return ""

        def row(cells) -> str:
            texts = [self._inlines(c).replace(_BREAK, " ").strip() for c in cells]
            texts += [""] * (columns - len(texts))
            return "| " + " | ".join(texts) + " |"

        # An all-empty header row is how a pipe table says "no header".
        lines = [row(block.header), "|" + "---|" * columns]
        lines += [row(r) for r in block.rows]
        if block.caption:
            lines += ["", "Table: " + self._inlines(block.caption).replace(_BREAK, " ").strip()]
        return "\n".join(lines)

    def _figure(self, block: Figure) -> str:
        caption = self._inlines(block.caption).replace(_BREAK, " ").strip()
        if not is_png(block.png):
            self._warn("figure-unreadable", "A figure is not a PNG image; its alt text was written instead.")
            return _lines(f"\\[{self._escape(block.alt or 'figure')}\\] {caption}".strip(), "", "")
        data = base64.b64encode(block.png).decode("ascii")
        alt = self._clean(block.alt).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        attrs = f'{{fig-alt="{alt}"}}' if alt else ""
        return f"![{caption}](data:image/png;base64,{data}){attrs}"

    # ------------------------------------------------------------- inlines

    def _inlines(self, nodes: tuple[Inline, ...], *, in_link: bool = False, in_note: bool = False) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(self._escape(node.text))
            elif isinstance(node, (Emph, Strong)):
                mark = "*" if isinstance(node, Emph) else "**"
                out.append(_wrap(self._inlines(node.children, in_link=in_link, in_note=in_note), mark))
            elif isinstance(node, Link):
                out.append(self._link(node, in_link, in_note))
            elif isinstance(node, Note):
                out.append(self._note(node, in_note))
            elif isinstance(node, Cite):
                self._warn("cite-unresolved", "The brief still holds citations the citations pass did not format; they were left out.")
        return "".join(out)

    def _link(self, node: Link, in_link: bool, in_note: bool) -> str:
        url = self._clean(node.url).strip()
        inner = self._inlines(node.children or (Text(url),), in_link=True, in_note=in_note)
        if in_link or not url:
            return inner
        if safe_url(url) is None:
            self._warn("link-dropped", "A link with an unsafe or unknown address was written as plain text.", url)
            return inner
        target = quote(url, safe="!#$%&'()*+,-./:;=?@[]^_`{|}~")  # percent-encodes spaces, <, >, non-ASCII
        if "(" in target or ")" in target:
            target = f"<{target}>"
        return f"[{inner}]({target})"


    # ---------------------------------------------------------------- text


    def _note_ref(self, n: int) -> str:
        return f"[^{n}]"

    def _escape(self, text: str | None) -> str:
        text = self._clean(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        text = _SPECIAL.sub(r"\\\1", text)
        text = _ENTITY.sub(r"\\&", text)
        # With pandoc's "smart" extension "--" and "..." would become dashes and an ellipsis.
        text = re.sub(r"(?<=-)-", r"\\-", text)
        text = re.sub(r"(?<=\.\.)\.", r"\\.", text)
        return text.replace("\n", _BREAK)



def _wrap(inner: str, mark: str) -> str:
    # "* text*" is not emphasis in Markdown: keep the delimiters against the text.
    core = inner.strip(" ")
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip(" "))]
    trail = inner[len(inner.rstrip(" ")):]
    return f"{lead}{mark}{core}{mark}{trail}"


def _lines(text: str, first: str, rest: str) -> str:
    """Lay out inline text split at hard breaks: ``first``/``rest`` prefixes, each line safe at its start."""
    lines = [_safe_start(line.strip(" ")) for line in text.split(_BREAK)]
    out = [first + lines[0]] + [rest + line for line in lines[1:]]
    return "\\\n".join(out)  # a backslash at the end of a line is pandoc's hard line break


def _safe_start(line: str) -> str:
    return _LINE_START.sub(lambda m: f"\\{m.group(0)}" if m.group(1) or m.group(4) else f"{m.group(2)}\\{m.group(3)}", line, count=1)


def _fence(role: str | None, chunks: list[str]) -> str:
    name = re.sub(r"[^A-Za-z0-9_-]", "-", role or "")
    return "\n\n".join([f"::: {{.{name}}}", *chunks, ":::"])


def _yaml(value: str) -> str:
    # Single-quoted YAML keeps backslashes literal, so the Markdown escapes reach pandoc untouched.
    return "'" + value.replace("'", "''").replace(_BREAK, " ") + "'"
