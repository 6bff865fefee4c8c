"""The HTML renderer: a cited ``Brief`` as one self-contained HTML5 page, also the in-window preview.

The page needs nothing outside itself: CSS is inline, figures are ``data:``
URIs, there are no scripts, and a Content-Security-Policy says so to any
browser that opens it. Every piece of text is escaped, so markup in a source
stays literal text. Notes become numbered superscript links to a notes list
at the end (with links back), whether the brief asks for foot- or endnotes,
since a web page has no page foot. Blocks with ``role="bibliography"`` are
grouped in a bibliography section. ``render_html_string`` gives the page
without touching the disk, for the preview.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path

from briefpack.render._files import write_text_replacing
from briefpack.model.brief import (
    Block, Brief, BriefMeta, BulletList, Cite, Emph, Figure, Heading, Inline, Link, Note, PageBreak, Para, Quote,
    Strong, Table, Text, plain_text,
)
from briefpack.model.notice import Notice
from briefpack.render._text import TextWriter, format_date, is_png, safe_url

_FONTS = {
    "serif": '"Noto Serif", Cambria, Georgia, "Times New Roman", "Nanum Myeongjo", "Malgun Gothic", serif',
    "sans": '"Noto Sans", Calibri, "Segoe UI", Arial, "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif',
}
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

_CSS = """
body { font-family: %(font)s; font-size: 1rem; line-height: 1.5; color: #1b1b1b; background: #fff;
       max-width: 44em; margin: 1.5em auto; padding: 0 1.25em; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 .4em; color: #1f3a5f; }
h1.title { font-size: 2em; margin: .2em 0; color: #14263f; }
.subtitle { font-size: 1.25em; margin: 0 0 .6em; color: #3c4a5c; }
.byline { margin: 0; color: #444; }
.marking { text-align: center; font-weight: bold; letter-spacing: .06em; text-transform: uppercase; margin: .5em 0; }
.title-block { border-bottom: 1px solid #c8ced6; padding-bottom: .8em; margin-bottom: 1.2em; }
p { margin: 0 0 .7em; }
blockquote { margin: 1em 2em; font-style: italic; }
.placeholder { color: #767676; font-style: italic; }
.bibliography p { padding-left: 2em; text-indent: -2em; }
a { color: #0b57a4; }
sup.note-ref { line-height: 0; font-size: .75em; }
sup.note-ref a { text-decoration: none; }
table { border-collapse: collapse; margin: 1em 0; width: 100%%; }
caption { caption-side: top; font-style: italic; text-align: left; padding-bottom: .3em; }
th, td { border: 1px solid #b8bfc8; padding: .3em .5em; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
figure { margin: 1em 0; }
figure img { max-width: 100%%; height: auto; }
figcaption { font-style: italic; font-size: .9em; color: #333; }
.label { font-style: normal; font-weight: bold; }
nav.toc ul { list-style: none; padding-left: 0; }
nav.toc li.toc2 { padding-left: 1.5em; }
nav.toc li.toc3 { padding-left: 3em; }
hr.page-break { border: 0; border-top: 1px dashed #c8ced6; margin: 2em 0; }
.notes { font-size: .9em; border-top: 1px solid #c8ced6; margin-top: 2em; }
.notes a.back { text-decoration: none; }
@media print {
  body { font-size: %(size)spt; max-width: none; margin: 0; }
  nav.toc ul { list-style: none; padding-left: 0; }
nav.toc li.toc2 { padding-left: 1.5em; }
nav.toc li.toc3 { padding-left: 3em; }
hr.page-break { border: 0; margin: 0; break-after: page; }
  a { color: inherit; }
}
"""


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """How to write the page. ``lang`` ``None`` means ``BriefMeta.language``."""

    lang: str | None = None


def render(brief: Brief, path: Path, options: HtmlOptions | None = None) -> list[Notice]:
    """Write ``brief`` to ``path`` as one UTF-8 HTML file; ``options`` ``None`` means the defaults.

    Any thread may call this. The file is written under a temporary name and
    moved into place, so a failed export leaves the previous file intact.
    """
    page, notices = _Writer(brief, options or HtmlOptions()).page()
    write_text_replacing(path, page)
    return notices


def render_html_string(brief: Brief, options: HtmlOptions | None = None) -> str:
    """The page as a string (for the preview); notices are dropped, use ``render`` to get them."""
    return _Writer(brief, options or HtmlOptions()).page()[0]


class _Writer(TextWriter):
    """One page build: numbers notes in document order and gathers notices."""

    def __init__(self, brief: Brief, options: HtmlOptions) -> None:
        super().__init__()
        self.brief = brief
        self.options = options
        self._headings = 0
        self._counters: dict[str, int] = {}

    # ---------------------------------------------------------------- page

    def page(self) -> tuple[str, list[Notice]]:
        meta = self.brief.meta
        body = [self._title_block(meta), *self._contents(), "<main>", *self._blocks(self.brief.blocks)]
        if self.notes:
            body.append('<section class="notes" role="doc-endnotes" aria-label="Notes">\n<h2>Notes</h2>\n<ol>')
            for n, text in enumerate(self.notes, 1):
                body.append(f'<li id="note-{n}"><p>{text} <a class="back" href="#note-ref-{n}" '
                            f'role="doc-backlink" aria-label="Back to text">\u21a9\ufe0e</a></p></li>')
            body.append("</ol>\n</section>")
        body.append("</main>")
        if meta.marking:
            body.append(f'<footer class="marking">{self._text(meta.marking)}</footer>')
        if self.removed:
            self.notices.append(Notice("text-cleaned", f"{self.removed} control character(s) were removed from the text."))
        family = "sans" if meta.font_family.lower().startswith("sans") else "serif"
        css = _CSS % {"font": _FONTS[family], "size": f"{meta.base_size:g}"}
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{self._attr(self.options.lang or meta.language or "en")}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{self._text(meta.title)}</title>",
        ]
        for name, value in (("author", meta.author), ("description", meta.subtitle),
                            ("keywords", ", ".join(meta.keywords)), ("generator", "briefpack")):
            if value:
                head.append(f'<meta name="{name}" content="{self._attr(value)}">')
        head += [f"<style>{css}</style>", "</head>", "<body>"]
        return "\n".join(head + body + ["</body>", "</html>", ""]), self.notices

    def _contents(self) -> list[str]:
        """A linked table of contents (headings of level 1–3) when ``BriefMeta.toc`` asks for one."""
        if not getattr(self.brief.meta, "toc", False):
            return []
        items = []
        for number, block in enumerate((b for b in self.brief.blocks if isinstance(b, Heading)), 1):
            if block.level <= 3:
                text = self._text(plain_text(block.children).strip() or "…")
                items.append(f'<li class="toc{min(max(block.level, 1), 3)}"><a href="#sec-{number}">{text}</a></li>')
        if not items:
            return []
        return ['<nav class="toc" role="doc-toc" aria-label="Contents">\n<h2>Contents</h2>\n<ul>',
                *items, "</ul>\n</nav>"]

    def _title_block(self, meta: BriefMeta) -> str:
        out = ['<header class="title-block">']
        if meta.marking:
            out.append(f'<p class="marking">{self._text(meta.marking)}</p>')
        out.append(f'<h1 class="title">{self._text(meta.title)}</h1>')
        if meta.subtitle:
            out.append(f'<p class="subtitle">{self._text(meta.subtitle)}</p>')
        byline = []
        if meta.author:
            byline.append(f'<span class="author">{self._text(meta.author)}</span>')
        if meta.date:
            byline.append(f'<time datetime="{meta.date.isoformat()}">{format_date(meta.date, meta.language)}</time>')
        if byline:
            out.append(f'<p class="byline">{" · ".join(byline)}</p>')
        out.append("</header>")
        return "\n".join(out)

    # -------------------------------------------------------------- blocks

    def _blocks(self, blocks: tuple[Block, ...]) -> list[str]:
        out: list[str] = []
        in_bibliography = False
        for block in blocks:
            is_bib = getattr(block, "role", None) == "bibliography"
            if is_bib and not in_bibliography:
                out.append('<section class="bibliography" role="doc-bibliography">')
            elif in_bibliography and not is_bib:
                out.append("</section>")
            in_bibliography = is_bib
            out.append(self._block(block))
        if in_bibliography:
            out.append("</section>")
        return out

    def _block(self, block: Block) -> str:
        if isinstance(block, Heading):
            level = min(max(block.level, 1) + 1, 6)  # h1 is the title
            self._headings += 1  # every heading gets an id, so the contents (and readers) can link to it
            return (f'<h{level} id="sec-{self._headings}"{self._class(block.role)}>'
                    f"{self._inlines(block.children)}</h{level}>")
        if isinstance(block, Para):
            role = None if block.role == "bibliography" else block.role
            return f"<p{self._class(role)}>{self._inlines(block.children)}</p>"
        if isinstance(block, Quote):
            return f"<blockquote><p>{self._inlines(block.children)}</p></blockquote>"
        if isinstance(block, BulletList):
            items = "".join(f"\n<li>{self._inlines(item)}</li>" for item in block.items)
            return f"<ul>{items}\n</ul>"
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        if isinstance(block, PageBreak):
            return '<hr class="page-break">'
        self._warn("block-unknown", f"A {type(block).__name__} block is not supported in HTML output and was left out.")
        return ""

    def _table(self, block: Table) -> str:
        out = ["<table>"]
        if block.caption:
            out.append(f"<caption>{self._label('Table')}{self._inlines(block.caption)}</caption>")
        if block.header:
            cells = "".join(f"<th>{self._inlines(c)}</th>" for c in block.header)
            out.append(f"<thead><tr>{cells}</tr></thead>")
        out.append("<tbody>")
        for row in block.rows:
            out.append("<tr>" + "".join(f"<td>{self._inlines(c)}</td>" for c in row) + "</tr>")
        out.append("</tbody></table>")
        return "\n".join(out)

    def _figure(self, block: Figure) -> str:
        caption = f"<figcaption>{self._label('Figure')}{self._inlines(block.caption)}</figcaption>" if block.caption else ""
        if not is_png(block.png):
            self._warn("figure-unreadable", "A figure is not a PNG image; its alt text was written instead.")
            return f'<figure><p class="placeholder">[{self._text(block.alt or "figure")}]</p>{caption}</figure>'
        data = base64.b64encode(block.png).decode("ascii")
        return f'<figure><img src="data:image/png;base64,{data}" alt="{self._attr(block.alt)}">{caption}</figure>'

    # ------------------------------------------------------------- inlines

    def _inlines(self, nodes: tuple[Inline, ...], *, in_link: bool = False, in_note: bool = False) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(self._text(node.text).replace("\n", "<br>\n"))
            elif isinstance(node, Emph):
                out.append(f"<em>{self._inlines(node.children, in_link=in_link, in_note=in_note)}</em>")
            elif isinstance(node, Strong):
                out.append(f"<strong>{self._inlines(node.children, in_link=in_link, in_note=in_note)}</strong>")
            elif isinstance(node, Link):
                out.append(self._link(node, in_link, in_note))
            elif isinstance(node, Note):
                out.append(self._note(node, in_note))
            elif isinstance(node, Cite):
                self._warn("cite-unresolved", "The brief still holds citations the citations pass did not format; they were left out.")
        return "".join(out)

    def _link(self, node: Link, in_link: bool, in_note: bool) -> str:
        url = self._clean(node.url).strip()
        children = node.children or (Text(url),)
        inner = self._inlines(children, in_link=True, in_note=in_note)
        if in_link or not url:
            return inner  # HTML forbids links inside links
        if safe_url(url) is None:
            self._warn("link-dropped", "A link with an unsafe or unknown address was written as plain text.", url)
            return inner
        return f'<a href="{self._attr(url)}">{inner}</a>'


    # ---------------------------------------------------------------- text


    def _note_ref(self, n: int) -> str:
        return f'<sup class="note-ref" id="note-ref-{n}"><a href="#note-{n}" role="doc-noteref">{n}</a></sup>'

    def _text(self, text: str | None) -> str:
        return html.escape(self._clean(text), quote=False)

    def _attr(self, text: str | None) -> str:
        return html.escape(self._clean(text).replace("\n", " "), quote=True)

    def _label(self, kind: str) -> str:
        # Numbered like the PDF and Word captions ("Table 1."), so all formats cite the same numbers.
        self._counters[kind] = self._counters.get(kind, 0) + 1
        return f'<span class="label">{kind} {self._counters[kind]}.</span> '

    def _class(self, role: str | None) -> str:
        if not role:
            return ""
        name = re.sub(r"[^A-Za-z0-9_-]", "-", role)
        return f' class="{name}"'

