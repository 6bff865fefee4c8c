"""A long table (1,500 rows, as a brief from hundreds of sources has) reaches the PDF whole: every row, in order.

The table is split across many pages; each page that holds rows starts
with the repeated header, the long event cells are wrapped, and in footnote
mode (a note on every third row) every note is printed. Speed is measured
in tests/benchmarks/bench_export.py, not here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefpack.model.brief import Brief, BriefMeta, Heading, Note, Table, Text
from briefpack.render.pdf import PdfOptions, render

ROWS = 600  # enough for many page splits; the bench times longer tables
EVENT = "delegation met the ministry envoy about the railway corridor and the port shipment schedule"


def long_table_brief(notes: str) -> Brief:
    rows = []
    for i in range(ROWS):
        event: tuple = (Text(f"Event {i}: {EVENT}"),)
        if i % 3 == 0:
            event += (Note((Text(f"Source for row {i}."),)),)
        rows.append(((Text(f"R{i:04d}"),), event))
    table = Table(((Text("When"),), (Text("Happening"),)), tuple(rows), (Text("Timeline"),))
    return Brief(BriefMeta(title="Long timeline", notes=notes), (Heading(1, (Text("Timeline"),)), table))


@pytest.mark.parametrize("notes", ["footnotes", "endnotes"])
def test_every_row_of_a_long_table_is_in_the_pdf_in_order_under_a_repeated_header(tmp_path: Path, notes: str):
    out = tmp_path / "long.pdf"
    render(long_table_brief(notes), out, PdfOptions(invariant=True))
    pages = [page.extract_text() for page in PdfReader(out).pages]

    labels = [label for page in pages for label in re.findall(r"\bR\d{4}\b", page)]
    assert labels == [f"R{i:04d}" for i in range(ROWS)]

    pages_with_rows = [page for page in pages if re.search(r"\bR\d{4}\b", page)]
    assert len(pages_with_rows) > 8  # the table really was split, many times
    for page in pages_with_rows:
        assert page.count("When") == 1 and page.count("Happening") == 1
        assert page.index("When") < re.search(r"\bR\d{4}\b", page).start()

    flat = " ".join(" ".join(pages).split())
    for i in (0, 1, ROWS // 2, ROWS - 1):
        assert f"Event {i}: {EVENT}" in flat  # wrapped over several lines, nothing lost
    missing_notes = [i for i in range(0, ROWS, 3) if f"Source for row {i}." not in flat]
    assert missing_notes == []
