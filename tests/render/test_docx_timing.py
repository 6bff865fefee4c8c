"""How long a large DOCX export takes: a ~40-page brief with 300 footnotes.

About 20,000 words of body text (roughly 40 A4 pages at 10.5 pt), headings,
lists, tables and 300 notes. The bar is generous so the test only catches a
pathological slowdown (say, quadratic note handling); run with ``-s`` to see
the time.
"""

from __future__ import annotations

import time
import zipfile

from lxml import etree

from briefpack.model.brief import Brief, BriefMeta, BulletList, Emph, Heading, Link, Note, Para, Table, Text
from briefpack.render.docx import render

WORDS = ("North Korea and Russia signed a protocol on economic cooperation in Pyongyang, widening trade, "
         "charter flights and labour migration while sanctions monitors raised concerns 김정은 Пхеньян. ")


def large_brief(notes: int = 300) -> Brief:
    blocks = []
    for n in range(1, notes + 1):
        if n % 10 == 1:
            blocks.append(Heading(1 if n % 50 == 1 else 2, (Text(f"Section {n // 10 + 1}"),)))
        blocks.append(Para((
            Text(WORDS * 2),
            Link("https://example.org/source", (Text("source"),)),
            Text(". " + WORDS),
            Note((Text(f"Author {n}, “Title {n},” "), Emph((Text("outlet.example"),)), Text(", accessed 23 November 2026."))),
        )))
        if n % 25 == 0:
            blocks.append(BulletList(tuple((Text(f"point {k} {WORDS[:60]}"),) for k in range(4))))
            blocks.append(Table(((Text("Date"),), (Text("Event"),)),
                                tuple(((Text(f"2024-{m:02d}"),), (Text(WORDS[:50]),)) for m in range(1, 7)),
                                (Text("Timeline"),)))
    return Brief(BriefMeta(title="Large brief", author="Desk", marking="OFFICIAL"), tuple(blocks))


def test_large_export_time(tmp_path):
    brief = large_brief()
    words = sum(len(WORDS.split()) * 3 for b in brief.blocks if isinstance(b, Para))
    path = tmp_path / "large.docx"
    started = time.perf_counter()
    render(brief, path)
    elapsed = time.perf_counter() - started
    print(f"\nDOCX export: {words} words (~{words // 500} pages), 300 notes: {elapsed:.2f} s, {path.stat().st_size // 1024} KiB")
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    assert len(notes) == 302  # 300 notes and the two separators
    assert elapsed < 15
