"""PDF footnotes land on the page that cites them: the fixture brief and a long stress brief (speed: tests/benchmarks/bench_export.py).

Pages are read back with pypdf's text visitor, which reports every text
chunk with its font size and position. A footnote is recognised as a
digits-only chunk in the footnote style's size that starts a line at the
left margin; a reference is any other digits-only chunk. On every page the
set of references must equal the set of footnotes, and the notes must all
sit below the page's text.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefpack.model.brief import Brief, BriefMeta, BulletList, Emph, Heading, Note, Para, Quote, Table, Text
from briefpack.render.pdf import PdfOptions, render
from briefpack.render.pdf.styles import build_styles

WORDS = (
    "delegation protocol sanctions corridor shipment railway port ministry envoy cooperation "
    "summit exercise artillery grain fertiliser tourism flights visa labour workers energy "
    "pipeline treaty communique briefing observers analysts estimate satellite imagery"
).split()


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + ". "


def long_brief(paragraphs: int = 120, seed: int = 7, notes: str = "footnotes") -> Brief:
    """A brief of long paragraphs citing notes mid-paragraph and at the end, some notes long, plus lists and tables."""
    rng = random.Random(seed)
    blocks: list = [Heading(1, (Text("Summary"),))]
    count = 0

    def note() -> Note:
        nonlocal count
        count += 1
        extra = sentence(rng, rng.choice((6, 12, 40))) if rng.random() < 0.3 else ""
        return Note((Text(f"Note text {count}: Source {count}, “"), Emph((Text(sentence(rng, 5).strip()),)),
                     Text(f"” conflictwatcher.com, accessed 23 November 2026. {extra}")))

    for i in range(paragraphs):
        if i % 25 == 0 and i:
            blocks.append(Heading(1 + (i // 25) % 3, (Text(f"Section {i // 25}"),)))
        if i == 60:  # a heading citing a note, and a long table that splits across pages with notes in its cells
            blocks.append(Heading(2, (Text("Long timeline"), note())))
            rows = tuple(((Text(f"Day {d}"),), (Text(sentence(rng, 14)), note())) for d in range(1, 41))
            blocks.append(Table(((Text("Day"),), (Text("Event"),)), rows))
        kind = i % 10
        if kind == 7:
            blocks.append(BulletList(tuple((Text(sentence(rng, 14)), note()) for _ in range(3))))
        elif kind == 9 and i % 20 == 9:
            rows = tuple(((Text(f"2024-{m:02d}"),), (Text(sentence(rng, 9)), note())) for m in range(1, 5))
            blocks.append(Table(((Text("Date"),), (Text("Event"),)), rows, (Text("Timeline"), note())))
        elif kind == 4:
            blocks.append(Quote((Text(sentence(rng, 30)), note())))
        else:
            parts: list = []
            for _ in range(rng.choice((2, 3, 4))):
                parts.append(Text(sentence(rng, rng.randint(12, 30))))
                if rng.random() < 0.8:
                    parts.append(note())
            blocks.append(Para(tuple(parts)))
    meta = BriefMeta(title="Stress brief", author="Tests", date=dt.date(2026, 11, 23), marking="OFFICIAL",
                     notes=notes)
    return Brief(meta, tuple(blocks))


def note_count(brief: Brief) -> int:
    def walk(inlines) -> int:
        return sum(1 if isinstance(i, Note) else walk(getattr(i, "children", ())) for i in inlines)

    total = 0
    for block in brief.blocks:
        if isinstance(block, (Para, Quote, Heading)):
            total += walk(block.children)
        elif isinstance(block, BulletList):
            total += sum(walk(item) for item in block.items)
        elif isinstance(block, Table):
            total += sum(walk(c) for row in block.rows for c in row) + walk(block.caption)
    return total


def page_chunks(pdf: Path) -> list[list[tuple[float, float, float, str]]]:
    """Per page: (y, x, font size, text) of every text chunk, in drawing order."""
    pages = []
    for page in PdfReader(pdf).pages:
        chunks: list[tuple[float, float, float, str]] = []

        def visit(text, cm, tm, font, size, chunks=chunks):
            if text.strip():
                chunks.append((round(tm[5] * cm[3] + cm[5], 2), round(tm[4] * cm[0] + cm[4], 2), size, text))

        page.extract_text(visitor_text=visit)
        pages.append(chunks)
    return pages


def notes_by_page(pdf: Path, brief: Brief, margin_x: float):
    """Per page: (references, footnotes, lowest body text y, highest footnote y)."""
    note_size = round(build_styles(brief.meta)["footnote"].fontSize, 2)
    out = []
    for chunks in page_chunks(pdf):
        refs, notes = [], []
        body_low, notes_high = 1e9, -1e9
        ys = sorted({c[0] for c in chunks})
        header, footer = ys[-1], ys[0]
        for i, (y, x, size, text) in enumerate(chunks):
            if y in (header, footer):
                continue
            digits = text.strip()
            starts_line = i == 0 or chunks[i - 1][3].endswith("\n") or chunks[i - 1][0] != y
            if digits.isdigit() and round(size, 2) == note_size and abs(x - margin_x) < 0.5 and starts_line:
                notes.append(int(digits))
                notes_high = max(notes_high, y)
            elif digits.isdigit():
                refs.append(int(digits))
            elif round(size, 2) != note_size:
                body_low = min(body_low, y)
        out.append((refs, notes, body_low, notes_high))
    return out


def check_same_page(pdf: Path, brief: Brief, options: PdfOptions) -> int:
    margin_x = options.margins_pt[3]
    seen_refs, seen_notes = [], []
    for number, (refs, notes, body_low, notes_high) in enumerate(notes_by_page(pdf, brief, margin_x), 1):
        assert sorted(refs) == sorted(notes), f"page {number}: references {refs} but footnotes {notes}"
        assert notes == sorted(notes), f"page {number}: footnotes out of order {notes}"
        if notes:
            assert notes_high < body_low, f"page {number}: footnotes overlap the text"
        seen_refs += refs
        seen_notes += notes
    assert seen_notes == list(range(1, len(seen_notes) + 1))
    return len(seen_notes)


def test_fixture_footnotes_sit_on_the_page_of_their_reference(cited_brief, tmp_path):
    out = tmp_path / "brief.pdf"
    options = PdfOptions(invariant=True)
    assert render(cited_brief, out, options) == []
    assert check_same_page(out, cited_brief, options) == 14
    # And by content: note k's words are on the page whose text ends paragraph k with reference k + 2.
    pages = [p.extract_text() for p in PdfReader(out).pages]
    for k in range(1, 13):
        [page] = [i for i, t in enumerate(pages) if f"Bolster Ties {k}," in t]
        assert f"charter flights.{k + 2}" in pages[page]


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_stress_brief_every_page_balances_references_and_footnotes(tmp_path, size):
    brief = long_brief()
    out = tmp_path / "stress.pdf"
    options = PdfOptions(page_size=size, invariant=True)
    notices = render(brief, out, options)
    assert [n.code for n in notices] == []  # in particular no footnote-misplaced self-check failure
    assert check_same_page(out, brief, options) == note_count(brief)
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert len(pages) > 20
    # The long table splits where the page is full: its header repeats once per page, never twice on one.
    headers = [t.count("Day\nEvent") for t in pages if "Day\nEvent" in t]
    assert len(headers) >= 2 and set(headers) == {1}


def test_note_longer_than_a_page_does_not_stop_the_export(tmp_path):
    huge = Note((Text("A very long note. " * 700),))
    blocks = (Para((Text("Text citing a huge note."), huge)), Para((Text("After."),)))
    brief = Brief(BriefMeta(title="Long note"), blocks)
    out = tmp_path / "long.pdf"
    notices = render(brief, out, PdfOptions(invariant=True))
    assert out.exists()
    assert [n.code for n in notices] == ["footnote-overflow"]
    assert "After." in PdfReader(out).pages[-1].extract_text()


def test_endnote_mode_stress_puts_no_notes_at_the_foot(tmp_path):
    brief = long_brief(paragraphs=40, notes="endnotes")
    out = tmp_path / "endnotes.pdf"
    render(brief, out, PdfOptions(invariant=True))
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert text.index("Notes\n") < text.index("Note text 1:")
