"""Chicago (CMOS 18 notes and bibliography, access dates): notes, short notes and the bibliography.

Expected strings follow the Manual's patterns for a newspaper or news-site
article (CMOS 18 14.89, access dates 13.15): full note "Given Family,
“Title,” *Publication*, date, locator, accessed Month D, YYYY, URL." and
bibliography "Family, Given. “Title.” *Publication*, date. Accessed Month D,
YYYY. URL." Titles are headline-style, the comma and period go inside the
quotation marks, an undated item says "n.d.", and an unsigned item is listed
under the publication in the bibliography.
"""

from __future__ import annotations

from briefpack.citations import cite_brief
from briefpack.model.brief import (
    Brief,
    Cite,
    Emph,
    Heading,
    Link,
    Note,
    Para,
    Quote,
    block_inlines,
    plain_text,
)
from citesamples import (
    ACCESSED,
    BAO_URL,
    KALUS_URL,
    kalus_article,
    sample_brief,
    sample_sources,
)

KALUS_TITLE = "North Korea and Russia Bolster Ties with New Economic Pact"
BAO_TITLE = "[Russia and North Korea appear to have been drawn closer together by their positions on the Ukraine conflict]"


def notes_of(brief: Brief) -> list[Note]:
    return [node for block in brief.blocks for seq in block_inlines(block) for node in seq if isinstance(node, Note)]


def bibliography_of(brief: Brief) -> list[Para]:
    return [b for b in brief.blocks if isinstance(b, Para) and b.role == "bibliography"]


def test_full_note_with_author_and_no_date():
    brief = sample_brief()
    sources = sample_sources()
    cited, notices = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    first = notes_of(cited)[0]
    assert plain_text(first.children) == (
        f"Katarzyna Kalus, “{KALUS_TITLE},” conflictwatcher.com, n.d., para. 4, accessed November 23, 2026, {KALUS_URL}."
    )
    assert Emph((first.children[1].children[0],)) == first.children[1]  # the publication is italic
    assert plain_text(first.children[1].children) == "conflictwatcher.com"
    assert [n for n in first.children if isinstance(n, Link)][0].url == KALUS_URL
    assert notices == []


def test_full_note_with_no_author_and_derived_title():
    brief = sample_brief()
    sources = sample_sources()
    cited, _ = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    second = notes_of(cited)[1]
    assert plain_text(second.children) == (
        f"“{BAO_TITLE},” baoquocte.vn, n.d., para. 2, accessed November 23, 2026, {BAO_URL}. Translated from Vietnamese."
    )


def test_repeat_citation_gets_the_short_note():
    brief = sample_brief()
    sources = sample_sources()
    cited, _ = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    third = notes_of(cited)[2]
    # CMOS 18: the short note gives the surname and a short title of no more than four words.
    assert plain_text(third.children) == "Kalus, “North Korea and Russia,” para. 5."


def test_bibliography_entries_follow_the_heading_in_style_order():
    brief = sample_brief()
    sources = sample_sources()
    cited, _ = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    heading_at = next(i for i, b in enumerate(cited.blocks) if isinstance(b, Heading) and b.role == "bibliography")
    entries = bibliography_of(cited)
    assert cited.blocks[heading_at + 1 : heading_at + 3] == tuple(entries)
    assert plain_text(cited.blocks[heading_at + 3].children) == "Prepared by the desk."
    # Alphabetical: "baoquocte.vn" (standing in for the missing author) before "Kalus".
    assert [plain_text(e.children) for e in entries] == [
        f"baoquocte.vn. “{BAO_TITLE}.” n.d. Accessed November 23, 2026. {BAO_URL}. Translated from Vietnamese.",
        f"Kalus, Katarzyna. “{KALUS_TITLE}.” conflictwatcher.com, n.d. Accessed November 23, 2026. {KALUS_URL}.",
    ]
    assert isinstance(entries[1].children[1], Emph)
    assert any(isinstance(n, Link) and n.url == KALUS_URL for n in entries[1].children)


def test_no_cite_survives_and_no_spurious_edition():
    brief = sample_brief()
    sources = sample_sources()
    cited, _ = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    text = []
    for block in cited.blocks:
        for seq in block_inlines(block):
            assert not any(isinstance(n, Cite) for n in seq)
            text.append(plain_text(seq))
            text.extend(plain_text(n.children) for n in seq if isinstance(n, Note))
    joined = " ".join(text)
    assert "Edition" not in joined and "K. Kalus" not in joined
    assert Brief.from_json(cited.to_json()) == cited


def test_note_is_placed_where_the_cite_was():
    brief = sample_brief()
    sources = sample_sources()
    cited, _ = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    quote = cited.blocks[1]
    assert isinstance(quote, Quote)
    assert plain_text(quote.children[:1]) == "Representatives signed a protocol."
    assert isinstance(quote.children[1], Note) and len(quote.children) == 2


def test_dated_article_gets_its_date_and_no_nd():
    kalus = kalus_article()
    import datetime as dt

    dated = kalus.with_changes(published=dt.date(2024, 11, 21))
    from briefpack.model.brief import BriefMeta

    brief = Brief(BriefMeta("T"), (Para((Cite(dated.id),)),))
    cited, _ = cite_brief(brief, {dated.id: dated}, accessed=ACCESSED)
    note = notes_of(cited)[0]
    assert ", November 21, 2024, accessed November 23, 2026, " in plain_text(note.children)
    assert "n.d." not in plain_text(note.children)
