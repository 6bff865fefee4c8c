"""Inline content into Word runs: text, emphasis, strong, hyperlinks and note references.

``InlineWriter`` walks a tuple of inlines and appends runs to a python-docx
``Paragraph`` (in the body, a table cell, a header or a note). Formatting is
carried down the walk as a small immutable ``_Fmt`` rather than as run
properties read back, so nesting (a link inside emphasis inside strong) needs
no special cases. Runs holding Hangul name the East Asian font and language
explicitly, because a reader's Word may otherwise fall back to a font
without Hangul. Notes are handed to the context's ``NoteWriter``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.text.paragraph import Paragraph

from briefpack.model.brief import Cite, Emph, Inline, Link, Note, Strong, Text
from briefpack.render._text import safe_url
from briefpack.render.docx import _oxml
from briefpack.render.docx.context import Context

# Hangul Jamo, Compatibility Jamo, Jamo Extended-A/B and Syllables.
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")


@dataclass(frozen=True, slots=True)
class _Fmt:
    italic: bool = False
    bold: bool = False
    hyperlink: object = None  # the w:hyperlink runs go into; None means the paragraph itself


class InlineWriter:
    """Writes inlines into paragraphs; ``in_note`` is true for a note's own text (notes cannot nest)."""

    def __init__(self, ctx: Context, *, in_note: bool = False) -> None:
        self.ctx = ctx
        self.in_note = in_note
        self._hyperlink_style_id = ctx.styles["Hyperlink"].style_id

    def write(self, paragraph: Paragraph, inlines: tuple[Inline, ...], *, bold: bool = False) -> None:
        """Append ``inlines`` to ``paragraph``; ``bold`` makes every run bold (table headers)."""
        self._walk(paragraph, inlines, _Fmt(bold=bold))

    def _walk(self, paragraph: Paragraph, nodes: tuple[Inline, ...], fmt: _Fmt) -> None:
        for node in nodes:
            if isinstance(node, Text):
                self._run(paragraph, node.text, fmt)
            elif isinstance(node, Emph):
                self._walk(paragraph, node.children, replace(fmt, italic=True))
            elif isinstance(node, Strong):
                self._walk(paragraph, node.children, replace(fmt, bold=True))
            elif isinstance(node, Link):
                self._link(paragraph, node, fmt)
            elif isinstance(node, Note):
                self._note(paragraph, node, fmt)
            elif isinstance(node, Cite):
                self.ctx.warn_once("cite-unresolved", "The brief still holds citations the citations pass did not format; they were left out.")

    def _link(self, paragraph: Paragraph, node: Link, fmt: _Fmt) -> None:
        url = self.ctx.clean(node.url).strip()
        children = node.children or (Text(url),)
        if fmt.hyperlink is not None or not url:
            self._walk(paragraph, children, fmt)  # Word cannot nest hyperlinks
            return
        if safe_url(url) is None:  # javascript:, data:, file: … stay plain text
            self.ctx.warn_once("link-dropped", "A link with an unsafe or unknown address was written as plain text.", url)
            self._walk(paragraph, children, fmt)
            return
        hyperlink = _oxml.add_hyperlink(paragraph, url, self.ctx.links)
        self._walk(paragraph, children, replace(fmt, hyperlink=hyperlink))

    def _note(self, paragraph: Paragraph, node: Note, fmt: _Fmt) -> None:
        if self.in_note:
            # Word has no notes inside notes; keep the text, in brackets.
            self.ctx.warn_once("nested-note", "A note inside a note was written in brackets.")
            self._run(paragraph, " (", fmt)
            self._walk(paragraph, node.children, fmt)
            self._run(paragraph, ")", fmt)
            return
        self.ctx.notes.add(paragraph, fmt.hyperlink, node.children)

    def _run(self, paragraph: Paragraph, text: str, fmt: _Fmt) -> None:
        text = self.ctx.clean(text)
        if not text:
            return
        # "\n" and "\t" become w:br and w:tab; "<", "&" are escaped by lxml.
        _oxml.add_run(
            paragraph, text, hyperlink=fmt.hyperlink,
            style_id=self._hyperlink_style_id if fmt.hyperlink is not None else None,
            bold=fmt.bold, italic=fmt.italic,
            east_asia=(self.ctx.options.east_asia_font, "ko-KR") if _HANGUL.search(text) else None,
        )


def mark_hangul(run, text: str, east_asia_font: str) -> None:
    """Give a run holding Hangul an explicit East Asian font and Korean proofing language."""
    if _HANGUL.search(text):
        _oxml.set_run_east_asia(run, east_asia_font, "ko-KR")
