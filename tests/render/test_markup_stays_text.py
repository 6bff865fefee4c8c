"""Markup in article text stays text in all four formats: nothing is bolded, executed or expanded.

The same brief carries ``AT&T <b>bold</b> 5 < 10 <script>`` in its title, a
heading, a paragraph, a table cell, a footnote and a link's text; each
output is read back by a real client (pypdf, python-docx and pandoc, an HTML
parser, pandoc reading the Markdown) and must show the characters exactly,
with no bold run and no element made of them.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import docx
import pypandoc
import pytest
from pypdf import PdfReader

from briefpack.model.brief import Brief, BriefMeta, Heading, Link, Note, Para, Table, Text
from briefpack.render import render

MARKUP = "AT&T <b>bold</b> 5 < 10 <script>"


@pytest.fixture
def brief() -> Brief:
    return Brief(
        BriefMeta(title=f"Title {MARKUP}", author="Desk", date=dt.date(2026, 11, 23), marking="OFFICIAL"),
        (
            Heading(1, (Text(f"Heading {MARKUP}"),)),
            Para((Text(f"Body {MARKUP} end."), Note((Text(f"Note {MARKUP} end."),)))),
            Para((Link("https://example.org/?a=1&b=<2>", (Text(f"Link {MARKUP}"),)),)),
            Table(((Text("Cell"),),), (((Text(f"Cell {MARKUP}"),),),)),
        ),
    )


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_pdf(brief, tmp_path):
    out = tmp_path / "m.pdf"
    render(brief, "pdf", out)
    reader = PdfReader(out)
    text = one_line(" ".join(p.extract_text() for p in reader.pages))
    for where in ("Title", "Heading", "Body", "Note", "Link", "Cell"):
        assert f"{where} {MARKUP}" in text
    bold_chunks = []

    def visit(chunk, cm, tm, font, size):
        if "bold</b>" in chunk and font is not None and "Bold" in str(font.get("/BaseFont")):
            bold_chunks.append(chunk)

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    # Only the title (bold by style) and the heading may be bold; the body, note, link and cell must not.
    assert not [c for c in bold_chunks if c.lstrip().startswith(("Body", "Note", "Link", "Cell"))]


def test_docx(brief, tmp_path):
    out = tmp_path / "m.docx"
    render(brief, "docx", out)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert f"Title {MARKUP}" in texts and f"Heading {MARKUP}" in texts and f"Body {MARKUP} end." in texts
    body = next(p for p in document.paragraphs if p.text.startswith("Body"))
    assert not any(run.bold for run in body.runs)
    assert document.tables[0].cell(1, 0).text == f"Cell {MARKUP}"
    plain = one_line(pypandoc.convert_file(str(out), "plain", extra_args=["--wrap=none"]))
    for where in ("Body", "Note", "Link", "Cell"):
        assert f"{where} {MARKUP}" in plain


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


def test_html(brief, tmp_path):
    out = tmp_path / "m.html"
    render(brief, "html", out)
    parser = _Elements()
    parser.feed(out.read_text(encoding="utf-8"))
    assert "script" not in parser.tags and "b" not in parser.tags
    text = one_line("".join(parser.text))
    for where in ("Title", "Heading", "Body", "Note", "Link", "Cell"):
        assert f"{where} {MARKUP}" in text


def test_markdown(brief, tmp_path):
    out = tmp_path / "m.md"
    render(brief, "markdown", out)
    plain = one_line(pypandoc.convert_file(str(out), "plain", format="markdown", extra_args=["--wrap=none"]))
    for where in ("Heading", "Body", "Note", "Link", "Cell"):
        assert f"{where} {MARKUP}" in plain
    html = pypandoc.convert_file(str(out), "html", format="markdown")
    assert "<script" not in html and "<b>" not in html
    assert "AT&amp;T &lt;b&gt;bold&lt;/b&gt; 5 &lt; 10 &lt;script&gt;" in html
