"""Pandoc AST to briefpack inlines: quotes become curly marks, wrappers give up their text, links keep URLs."""

from __future__ import annotations

from briefpack.citations.pandoc_ast import to_inlines
from briefpack.model.brief import Emph, Link, Strong, Text


def s(text: str) -> dict:
    return {"t": "Str", "c": text}


SPACE = {"t": "Space"}


def test_quoted_becomes_curly_quotes():
    inner = {"t": "Quoted", "c": [{"t": "SingleQuote"}, [s("inner")]]}
    nodes = [{"t": "Quoted", "c": [{"t": "DoubleQuote"}, [s("Title,"), SPACE, inner]]}]
    assert to_inlines(nodes) == (Text("“Title, ‘inner’”"),)


def test_spans_and_small_caps_keep_their_text_and_formatting_survives():
    nodes = [
        {"t": "Span", "c": [["", ["nocase"], []], [s("baoquocte.vn")]]},
        SPACE,
        {"t": "SmallCaps", "c": [s("ad")]},
        SPACE,
        {"t": "Emph", "c": [s("Times")]},
        {"t": "Strong", "c": [s("!")]},
        SPACE,
        {"t": "Link", "c": [["", [], []], [s("here")], ["https://x.org/a?b=1&c=2", ""]]},
        {"t": "Note", "c": [{"t": "Para", "c": [s("dropped")]}]},
        {"t": "RawInline", "c": ["html", "<br>"]},
    ]
    assert to_inlines(nodes) == (
        Text("baoquocte.vn ad "),
        Emph((Text("Times"),)),
        Strong((Text("!"),)),
        Text(" "),
        Link("https://x.org/a?b=1&c=2", (Text("here"),)),
    )


def test_numeric_label_is_separated_from_the_entry():
    nodes = [
        {"t": "Span", "c": [["", ["csl-left-margin"], []], [s("[1]")]]},
        {"t": "Span", "c": [["", ["csl-right-inline"], []], [s("Entry.")]]},
    ]
    assert to_inlines(nodes) == (Text("[1] Entry."),)
