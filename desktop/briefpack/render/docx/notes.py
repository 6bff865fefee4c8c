"""Real Word footnotes or endnotes for ``Note`` inlines.

``NoteWriter`` puts a ``w:footnoteReference`` run (style Footnote Reference)
where a note stands and the note's text in a ``w:footnote`` of the notes
part, its paragraph in style Footnote Text and opening with the
``w:footnoteRef`` number mark, exactly as Word writes them; with
``BriefMeta.notes == "endnotes"`` the same with endnotes. Notes get ids 1..N
in document order, which is also the number Word shows. The notes part is
created on the first note, so a brief without notes gets no empty part.
"""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from briefpack.model.brief import Inline
from briefpack.render.docx import _oxml, _notes_xml
from briefpack.render.docx.context import Context
from briefpack.render.docx.inlines import InlineWriter


class NoteWriter:
    """Numbers and writes the notes of one export; ``kind`` is ``"footnote"`` or ``"endnote"``."""

    def __init__(self, ctx: Context, kind: _notes_xml.NoteKind) -> None:
        self.ctx = ctx
        self.kind = kind
        self.count = 0
        self._part: _notes_xml.NotesPart | None = None
        self._inlines = InlineWriter(ctx, in_note=True)

    def add(self, paragraph: Paragraph, hyperlink, children: tuple[Inline, ...]) -> int:
        """Mark a note at the end of ``paragraph`` (inside ``hyperlink`` unless ``None``); returns its number."""
        if self._part is None:
            self._part = _notes_xml.NotesPart.new(self.ctx.document.part, self.kind)
        self.count += 1
        styles = self.ctx.styles
        reference = _oxml.new_run_in(paragraph, hyperlink)
        _oxml.apply_style(reference, styles.note_reference)
        _notes_xml.add_note_reference(reference, self.kind, self.count)

        body = self._part.add_note(self.count)
        _oxml.apply_style(body, styles.note_text)
        mark = _oxml.new_run_in(body)
        _oxml.apply_style(mark, styles.note_reference)
        _notes_xml.add_note_ref_mark(mark, self.kind)
        _oxml.add_run(body, " ")
        self._inlines.write(body, children)
        return self.count
