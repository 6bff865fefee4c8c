"""The PDF's front matter read back with pypdf: the cover page, and a contents page whose numbers and links are right."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefpack.model.brief import Brief, Heading, Para, Table, Text
from briefpack.render.pdf import PdfOptions, render


def with_meta(brief: Brief, **changes) -> Brief:
    return dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, **changes))


@pytest.fixture
def front_pdf(cited_brief, tmp_path) -> Path:
    brief = with_meta(cited_brief, cover=True, toc=True, subtitle="Ties in 2024–2026")
    # A long timeline table after a Korean heading: the table splits, the heading shows in the contents.
    rows = tuple(((Text(f"2025-{1 + d % 12:02d}"),), (Text(f"Event number {d} on the rail link"),)) for d in range(70))
    brief = brief.with_blocks(brief.blocks + (Heading(2, (Text("연표 timeline"),)),
                                              Table(((Text("Date"),), (Text("Event"),)), rows, (Text("Long"),))))
    out = tmp_path / "front.pdf"
    assert render(brief, out, PdfOptions(invariant=True)) == []
    return out


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_cover_page_holds_the_title_block_alone(front_pdf):
    cover = " ".join(pages_of(front_pdf)[0].split())
    for part in ("OFFICIAL-SENSITIVE", "SITUATION BRIEF", "Russia–North Korea: situation brief", "Ties in 2024–2026",
                 "Desk Officer", "23 November 2026", "Page 1 of"):
        assert part in cover
    assert cover.count("Russia–North Korea: situation brief") == 1  # no running title on the cover
    assert "Summary" not in cover and "Paragraph 1:" not in cover


def test_contents_list_every_heading_with_the_page_it_is_on(front_pdf):
    reader = PdfReader(front_pdf)
    pages = pages_of(front_pdf)
    contents = pages[1]
    assert contents.lstrip().splitlines()[1].strip() == "Contents" or "Contents" in contents
    entries = re.findall(r"^(\S.*?)\s*(?:\. ?)+\s*(\d+)$", contents, re.M)
    titles = [title.strip() for title, _ in entries]
    assert titles == ["Summary", "Diplomacy", "Military", "Sources", "연표 timeline"]
    for title, page in entries:
        assert title.strip() in pages[int(page) - 1], f"{title} is not on page {page}"
    # The outline agrees with the contents.
    outline_pages = {}
    for item in reader.outline:
        items = item if isinstance(item, list) else [item]
        for sub in items:
            if not isinstance(sub, list):
                outline_pages[sub.title] = reader.get_destination_page_number(sub) + 1
    assert outline_pages["Sources"] == int(dict(entries)["Sources"])


def test_contents_entries_link_to_their_headings(front_pdf):
    reader = PdfReader(front_pdf)
    annots = [a.get_object() for a in reader.pages[1].get("/Annots") or []]
    internal = [a for a in annots if "/Dest" in a or ("/A" in a and "/D" in a["/A"])]
    assert len(internal) == 5
    entries = re.findall(r"^(\S.*?)\s*(?:\. ?)+\s*(\d+)$", reader.pages[1].extract_text(), re.M)
    page_ids = [page.indirect_reference.idnum for page in reader.pages]
    # Top to bottom, the links go to the pages the entries print.
    internal.sort(key=lambda a: -float(a["/Rect"][1]))
    for annot, (title, page) in zip(internal, entries):
        dest = annot.get("/Dest") or annot["/A"]["/D"]
        assert page_ids.index(dest[0].idnum) + 1 == int(page), title


def test_long_table_splits_with_its_header_repeated(front_pdf):
    pages = [p for p in pages_of(front_pdf) if "Event number" in p]
    assert len(pages) >= 2
    for page in pages:
        assert re.search(r"^Date\s*Event", page, re.M), page[:300]


def test_toc_without_cover_follows_the_title_block_and_bytes_stay_reproducible(cited_brief, tmp_path):
    brief = with_meta(cited_brief, toc=True)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(brief, a, PdfOptions(invariant=True))
    render(brief, b, PdfOptions(invariant=True))
    assert a.read_bytes() == b.read_bytes()
    first = pages_of(a)[0]
    assert first.index("Russia–North Korea: situation brief") < first.index("Contents")
    assert "Paragraph 1:" not in first  # the body starts after the contents, on a new page


def test_no_headings_means_no_contents(tmp_path):
    from briefpack.model.brief import BriefMeta

    out = tmp_path / "flat.pdf"
    render(Brief(BriefMeta(title="Flat", toc=True), (Para((Text("Only text."),)),)), out, PdfOptions(invariant=True))
    assert "Contents" not in "".join(pages_of(out))


def test_endnotes_heading_takes_its_place_in_the_contents(cited_brief, tmp_path):
    out = tmp_path / "endnotes.pdf"
    render(with_meta(cited_brief, toc=True, cover=True, notes="endnotes"), out, PdfOptions(invariant=True))
    pages = pages_of(out)
    entries = re.findall(r"^(\S.*?)\s*(?:\. ?)+\s*(\d+)$", pages[1], re.M)
    assert [title.strip() for title, _ in entries] == ["Summary", "Diplomacy", "Military", "Notes", "Sources"]
    for title, page in entries:
        assert title.strip() in pages[int(page) - 1]
