"""The HTML renderer: one self-contained, script-free, well-formed page with escaped text and linked notes."""

from __future__ import annotations

import re
import struct
import zlib
from html.parser import HTMLParser

from briefpack.model.brief import (
    Brief, BriefMeta, Figure, Link, Note, PageBreak, Para, Text, block_inlines, inline_children,
)
from briefpack.render import render as render_any
from briefpack.render.html import render, render_html_string

MARKUP = "AT&T <b>bold</b> 5 < 10 <script>"
ESCAPED = "AT&amp;T &lt;b&gt;bold&lt;/b&gt; 5 &lt; 10 &lt;script&gt;"
VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr", "source", "area", "base", "embed", "track"}


def count_notes(brief: Brief) -> int:
    def walk(nodes) -> int:
        return sum((1 if isinstance(n, Note) else 0) + walk(inline_children(n)) for n in nodes)

    return sum(walk(seq) for block in brief.blocks for seq in block_inlines(block))


class _Checker(HTMLParser):
    """Records tags, attributes and text; fails on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    return checker


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + b"\xff" * 6 + b"\x00" + b"\xff" * 6)) + chunk(b"IEND", b""))


def test_page_is_well_formed_and_self_contained(cited_brief):
    page = render_html_string(cited_brief)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    checker = parse(page)
    assert not re.search(r"<script", page, re.I)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    for tag, attrs in checker.tags:
        assert not any(name.startswith("on") for name in attrs), tag  # no event handlers
        if "src" in attrs:
            assert attrs["src"].startswith("data:")
        if tag == "a":
            assert attrs["href"].startswith(("#", "https://"))
    assert "Content-Security-Policy" in page


def test_text_is_escaped_and_survives(cited_brief):
    page = render_html_string(cited_brief)
    assert page.count(ESCAPED) == 2  # body paragraph and note 2
    text = "".join(parse(page).text)
    assert MARKUP in text
    for word in "ł ś ệ ữ Пхеньян 김정은".split():
        assert word in text
    assert '<a href="https://example.org/a?b=1&amp;c=2">a link</a>' in page


def test_notes_link_both_ways_in_order(cited_brief):
    page = render_html_string(cited_brief)
    n = count_notes(cited_brief)
    refs = re.findall(r'<sup class="note-ref" id="note-ref-(\d+)"><a href="#note-(\d+)"', page)
    assert [(int(a), int(b)) for a, b in refs] == [(k, k) for k in range(1, n + 1)]
    items = re.findall(r'<li id="note-(\d+)">.*?href="#note-ref-(\d+)"', page)
    assert [(int(a), int(b)) for a, b in items] == [(k, k) for k in range(1, n + 1)]
    assert page.index('class="notes"') > page.index("</section>")  # notes list at the end


def test_structure(cited_brief):
    page = render_html_string(cited_brief)
    assert '<h1 class="title">Russia–North Korea: situation brief</h1>' in page
    assert '<h2 id="sec-1">Summary</h2>' in page and '<h3 id="sec-3">Military</h3>' in page
    assert '<p class="placeholder">[Summary to be written by the analyst]</p>' in page
    bibliography = re.search(r'<section class="bibliography".*?</section>', page, re.S).group(0)
    assert "Sources" in bibliography and bibliography.count("<p>") == 2
    assert '<caption><span class="label">Table 1.</span> Timeline</caption>' in page and "<th>Date</th>" in page
    assert "<blockquote>" in page and "<ul>" in page
    assert page.count("OFFICIAL-SENSITIVE") == 2
    assert '<time datetime="2026-11-23">23 November 2026</time>' in page


def test_figures_control_characters_and_unsafe_links(tmp_path):
    brief = Brief(
        BriefMeta(title="T\x00itle <i>", marking=None),
        (
            Figure(tiny_png(), (Text("Chart"),), alt='Bar "chart"'),
            Figure(b"GIF89a", (Text("Other"),), alt="gif"),
            PageBreak(),
            Para((Text("a\x01b\x7f\nc"), Link("javascript:alert(1)", (Text("click"),)), Link("https://x.org/\"><script>", (Text("q"),)))),
        ),
    )
    path = tmp_path / "out.html"
    notices = render(brief, path)
    assert {n.code for n in notices} == {"figure-unreadable", "link-dropped", "text-cleaned"}
    page = path.read_text(encoding="utf-8")
    parse(page)
    assert '<img src="data:image/png;base64,' in page and 'alt="Bar &quot;chart&quot;"' in page
    assert "[gif]" in page and '<hr class="page-break">' in page
    assert "ab<br>\nc" in page and "javascript" not in page
    assert '<a href="https://x.org/&quot;&gt;&lt;script&gt;">q</a>' in page
    assert "<title>Title &lt;i&gt;</title>" in page
    assert not re.search(r"<script", page, re.I)


def test_registry_writes_utf8(cited_brief, tmp_path):
    render_any(cited_brief, "html", tmp_path / "b.html")
    assert "김정은" in (tmp_path / "b.html").read_bytes().decode("utf-8")


def test_contents_link_to_every_heading_when_asked(cited_brief):
    import dataclasses

    assert 'role="doc-toc"' not in render_html_string(cited_brief)
    page = render_html_string(dataclasses.replace(cited_brief, meta=dataclasses.replace(cited_brief.meta, toc=True)))
    nav = re.search(r'<nav class="toc".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<a href="#(sec-\d+)">([^<]*)</a>', nav)
    assert [text for _, text in links] == ["Summary", "Diplomacy", "Military", "Sources"]
    for target, text in links:
        assert re.search(rf'<h\d id="{target}"[^>]*>{text}</h\d>', page)
    assert page.index("</nav>") < page.index("<main>")
