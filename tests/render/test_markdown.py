"""The Markdown renderer, judged by pandoc: what pandoc reads back must be what the brief said."""

from __future__ import annotations

import json
import random
import struct
import zlib

import pypandoc
import pytest

from briefpack.model.brief import (
    Brief, BriefMeta, BulletList, Emph, Figure, Heading, Link, Note, Para, Quote, Strong, Table, Text, block_inlines,
    inline_children,
)
from briefpack.render import render as render_any
from briefpack.render.markdown import render_markdown_string

MARKUP = "AT&T <b>bold</b> 5 < 10 <script>"


def count_notes(brief: Brief) -> int:
    def walk(nodes) -> int:
        return sum((1 if isinstance(n, Note) else 0) + walk(inline_children(n)) for n in nodes)

    return sum(walk(seq) for block in brief.blocks for seq in block_inlines(block))


def pandoc_ast(markdown: str) -> dict:
    return json.loads(pypandoc.convert_text(markdown, "json", format="markdown"))


def stringify(node) -> str:
    """Pandoc's ``stringify``, with the smart-quote and line-break forms mapped back to plain characters."""
    if isinstance(node, list):
        return "".join(stringify(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return content
    if kind in ("Space", "SoftBreak"):
        return " "
    if kind == "LineBreak":
        return "\n"
    if kind == "Quoted":
        mark = '"' if content[0]["t"] == "DoubleQuote" else "'"
        return mark + stringify(content[1]) + mark
    if kind == "Note":
        return ""
    if kind in ("Link", "Image", "Span"):
        return stringify(content[1])
    if kind in ("Para", "Plain", "Emph", "Strong", "Header", "Superscript", "Subscript", "Strikeout", "SmallCaps"):
        return stringify(content[-1] if kind == "Header" else content)
    return stringify(content)


def find(node, kind: str) -> list:
    found = []
    if isinstance(node, dict):
        if node.get("t") == kind:
            found.append(node)
        for value in node.values():
            found += find(value, kind)
    elif isinstance(node, list):
        for value in node:
            found += find(value, kind)
    return found


def normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split())


def test_round_trips_through_pandoc(cited_brief):
    markdown = render_markdown_string(cited_brief)
    ast = pandoc_ast(markdown)
    n = count_notes(cited_brief)
    notes = find(ast["blocks"], "Note")
    assert len(notes) == n
    assert "Room to Grow" in stringify(notes[0]["c"]) and MARKUP in stringify(notes[1]["c"])
    assert [f"[^{k}]:" in markdown for k in range(1, n + 1)] == [True] * n

    headers = [(h["c"][0], stringify(h["c"][2])) for h in find(ast["blocks"], "Header")]
    assert headers == [(1, "Summary"), (1, "Diplomacy"), (2, "Military"), (1, "Sources")]
    links = [link["c"][2][0] for link in find(ast["blocks"], "Link")]
    assert links == ["https://example.org/a?b=1&c=2", "https://baoquocte.vn/x-307604.html"]
    assert len(find(ast["blocks"], "BlockQuote")) == 1 and len(find(ast["blocks"], "BulletList")) == 1
    table = find(ast["blocks"], "Table")
    assert len(table) == 1 and "Timeline" in stringify(table[0]["c"][1])

    text = stringify(ast["blocks"])
    assert MARKUP in text
    assert "Polish ł ś, Vietnamese ệ ữ, Russian Пхеньян, Korean 김정은" in text
    assert not find(ast["blocks"], "RawInline") and not find(ast["blocks"], "RawBlock")

    meta = ast["meta"]
    assert stringify(meta["title"]["c"]) == "Russia–North Korea: situation brief"
    assert stringify(meta["author"]["c"]) == "Desk Officer"
    assert [stringify(k["c"]) for k in meta["keywords"]["c"]] == ["diplomacy", "military"]
    roles = {tuple(d["c"][0][1]) for d in find(ast["blocks"], "Div")}
    assert roles == {("placeholder",), ("bibliography",)}


HOSTILE = [
    MARKUP,
    "1. not a list",
    "- not a list",
    "+ nor this",
    "* nor this",
    "a) nor this",
    "(1) nor this",
    "i. nor this",
    ": not a definition",
    "% not a title",
    "# not a heading",
    "> not a quote",
    "| not | a | table |",
    "    not code",
    "```not code```",
    "~~~",
    "---",
    "***",
    "___",
    "$x^2$ is not math, nor is H~2~O",
    "@smith2020 is not a citation [@doe]",
    "[not a link](http://x) ![nor an image](y.png)",
    "[^1] is not a note",
    "<!-- not a comment -->",
    "&amp; is not an entity, &#169; neither",
    "\\emph{not TeX} \\newpage",
    "back\\slash at end\\",
    "a -- b --- c ... d",
    "emphasis *not* __here__ _either_",
    "{.not-attributes} text {#id}",
    "<http://not.an.autolink>",
    "trailing spaces   ",
    "tab\tinside",
    "line one\nline two\n- line three",
    "quote's \"straight\" quotes",
]


def test_hostile_text_stays_literal():
    rng = random.Random(7)
    alphabet = "\\`*_{}[]()<>#+-.!|~^$@&:%\"' \n\tabcXYZ019ł김"
    fuzz = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(150)]
    strings = [s for s in HOSTILE + fuzz if s.strip()]
    brief = Brief(BriefMeta(title="t"), tuple(Para((Text(s),)) for s in strings))
    blocks = pandoc_ast(render_markdown_string(brief))["blocks"]
    paras = [b for b in blocks if b["t"] == "Para"]
    assert len(paras) == len(strings)
    for para, original in zip(paras, strings):
        got = stringify(para["c"])
        assert normalise(got) == normalise(original), (original, got)
        assert not find(para, "RawInline") and not find(para, "Code") and not find(para, "Math") and not find(para, "Cite")


def test_formatting_and_figures():
    png = _tiny_png()
    brief = Brief(
        BriefMeta(title="Fig", subtitle="it's *sub*"),
        (
            Heading(2, (Text("Head # with {braces}"),)),
            Para((Text("a "), Emph((Text(" spaced "),)), Text("b"), Strong((Text("bold "), Emph((Text("both"),)))), Text("!"))),
            Quote((Text("line\n1. two"),)),
            BulletList(((Text("x"), Link("https://e.org/a b(c)", (Text("link"),))),)),
            Table((), (((Text("a|b"),), (Text("c"),)),), ()),
            Figure(png, (Text("Caption"),), alt='Alt "text"'),
        ),
    )
    markdown = render_markdown_string(brief)
    ast = pandoc_ast(markdown)
    blocks = ast["blocks"]
    assert normalise(stringify(ast["meta"]["subtitle"]["c"])) == "it's *sub*"
    assert stringify(blocks[0]["c"][2]) == "Head # with {braces}"
    assert [stringify(e["c"]) for e in find(blocks[1], "Emph")] == ["spaced", "both"]
    assert len(find(blocks[2], "LineBreak")) == 1 and not find(blocks, "OrderedList")
    assert find(blocks, "Link")[0]["c"][2][0] == "https://e.org/a%20b(c)"
    assert "a|b" in stringify(find(blocks, "Table")[0])
    figure = find(blocks, "Figure")
    assert figure, markdown
    image = find(figure, "Image")[0]
    assert image["c"][2][0].startswith("data:image/png;base64,")
    assert ["fig-alt", 'Alt "text"'] in image["c"][0][2] or ["alt", 'Alt "text"'] in image["c"][0][2]


def test_registry_writes_file(cited_brief, tmp_path):
    notices = render_any(cited_brief, "markdown", tmp_path / "b.md")
    assert notices == []
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == render_markdown_string(cited_brief)


@pytest.mark.parametrize("dirty", ["a\x00b", "a\x08b\x1f", "a\x7fb"])
def test_control_characters_are_removed(dirty, tmp_path):
    brief = Brief(BriefMeta(title="t"), (Para((Text(dirty),)),))
    notices = render_any(brief, "markdown", tmp_path / "d.md")
    assert [n.code for n in notices] == ["text-cleaned"]
    assert "ab" in (tmp_path / "d.md").read_text(encoding="utf-8")


def _tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
