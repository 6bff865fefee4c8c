"""Inlines to reportlab paragraph markup: escaping, font runs, links and numbered note references.

Everything the brief says is text, never markup: ``Text`` goes through
``ScriptRuns.markup``, which escapes ``& < >`` and adds ``<font>`` runs for
Hangul, so ``<b>`` in a source stays the four characters ``<b>``. ``Emph``,
``Strong`` and ``Link`` become ``<i>``, ``<b>`` and ``<a href>``. Each
``Note`` becomes a superscript number, linked to the note's anchor, plus a
zero-width ``onDraw`` marker whose label is the number: the footnote layout
finds the markers in a paragraph (and in the pieces it splits into) to know
which notes must go to the foot of the page, and the marker's callback
records the page each number was really drawn on. Notes are numbered 1..N in
the order the writer meets them, which is reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, NamedTuple
from xml.sax.saxutils import escape

from briefpack.model.brief import Cite, Emph, Inline, Link, Note, Strong, Text
from briefpack.render._text import clean_text, safe_url
from briefpack.render.pdf.fonts import ScriptRuns

NOTE_REF_CALLBACK = "bp_noteref"
LINK_COLOR = "#1F4E8C"


def note_anchor(number: int) -> str:
    """The PDF destination name of note ``number``'s text."""
    return f"bp-note-{number}"


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted markup attribute."""
    return escape(value, {'"': "&quot;"})


class _State(NamedTuple):
    """What is in force where an inline is written: weight, slant, and whether inside a note."""

    bold: bool
    italic: bool
    in_note: bool


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """One note met in the text: its number and its content as paragraph markup."""

    number: int
    markup: str


class InlineWriter:
    """Writes inline sequences as markup for one document, collecting notes in reading order.

    ``notes`` grows as note-bearing inlines are written; ``unresolved`` counts
    ``Cite`` inlines that should have been resolved by the citations pass
    (they are shown as ``[source id]``). Not thread-safe: one per render.
    """

    def __init__(self, runs: ScriptRuns) -> None:
        self.runs = runs
        self.notes: list[NoteEntry] = []
        self.unresolved: list[str] = []
        self.removed = 0  # control characters dropped from the text (one notice for the export)

    def text(self, text: str | None, bold: bool = False, italic: bool = False) -> str:
        """Plain ``text`` (not inlines) as escaped markup, cleaned like every other format's text."""
        cleaned, removed = clean_text(text)
        self.removed += removed
        return self.runs.markup(cleaned, bold, italic)

    def markup(self, inlines: Iterable[Inline], bold: bool = False, italic: bool = False) -> str:
        """Paragraph markup for ``inlines``; notes inside them are numbered and collected.

        ``bold`` and ``italic`` say whether the paragraph's own style is bold or
        italic (fallback-font runs must restate it; see ``ScriptRuns.markup``).
        """
        out: list[str] = []
        state = _State(bold, italic, in_note=False)
        for node in inlines:
            self._write(node, out, state)
        return "".join(out)

    def _write(self, node: Inline, out: list[str], state: "_State") -> None:
        if isinstance(node, Text):
            out.append(self.text(node.text, state.bold, state.italic))
        elif isinstance(node, Emph):
            out.append("<i>")
            self._children(node.children, out, state._replace(italic=True))
            out.append("</i>")
        elif isinstance(node, Strong):
            out.append("<b>")
            self._children(node.children, out, state._replace(bold=True))
            out.append("</b>")
        elif isinstance(node, Link):
            self._link(node, out, state)
        elif isinstance(node, Note):
            if state.in_note:
                # A note inside a note has no sensible place of its own: keep its words, in brackets.
                out.append("(")
                self._children(node.children, out, state)
                out.append(")")
            else:
                self._note(node, out)
        elif isinstance(node, Cite):
            self.unresolved.append(node.source_id)
            out.append(self.runs.markup(f"[{node.source_id}]", state.bold, state.italic))

    def _children(self, children: tuple[Inline, ...], out: list[str], state: "_State") -> None:
        for child in children:
            self._write(child, out, state)

    def _link(self, node: Link, out: list[str], state: "_State") -> None:
        # Only web, mail and FTP addresses become live links; anything else (including
        # reportlab's own "#name" and "document:" internal forms) is shown as plain text.
        url = safe_url(node.url)
        if url is None:
            self._children(node.children, out, state)
            return
        out.append(f'<a href="{attr(url)}" color="{LINK_COLOR}">')
        self._children(node.children, out, state)
        out.append("</a>")

    def _note(self, node: Note, out: list[str]) -> None:
        number = len(self.notes) + 1
        body: list[str] = []
        # A note's text is set in the (regular) note style, whatever surrounds its number.
        self._children(node.children, body, _State(False, False, in_note=True))
        self.notes.append(NoteEntry(number, "".join(body).strip()))
        # The marker sits after the digits with no space between, so line
        # breaking keeps it in the same word, hence on the same line, as the number.
        out.append(
            f'<super><a href="#{note_anchor(number)}">{number}</a></super>'
            f'<onDraw name="{NOTE_REF_CALLBACK}" label="{number}"/>'
        )
