"""APA 7: parenthetical in-text citations and a reference list under "References"."""

from __future__ import annotations

from briefpack.citations import cite_brief
from briefpack.model.brief import (
    Brief,
    BriefMeta,
    Cite,
    Emph,
    Heading,
    Link,
    Note,
    Para,
    Quote,
    Text,
    plain_text,
)
from citesamples import ACCESSED, KALUS_URL, kalus_article, sample_brief, sample_sources


def test_in_text_citations_author_and_nd():
    brief = sample_brief()
    sources = sample_sources()
    cited, notices = cite_brief(brief, sources, style="apa", accessed=ACCESSED)
    assert notices == []
    first = cited.blocks[1]
    assert isinstance(first, Quote)
    assert plain_text(first.children) == "Representatives signed a protocol. (Kalus, n.d., para. 4)"
    assert not any(isinstance(n, Note) for n in first.children)
    assert plain_text(cited.blocks[3].children) == "Charter flights will increase. (Kalus, n.d., para. 5)"
    untitled = plain_text(cited.blocks[2].children)
    assert untitled.endswith(
        "(“[Russia and North Korea],” n.d., para. 2)"  # APA 7 §8.14: a long title is shortened in text
    )


def test_reference_list_entry():
    brief = sample_brief()
    sources = sample_sources()
    cited, _ = cite_brief(brief, sources, style="apa", accessed=ACCESSED)
    entries = [b for b in cited.blocks if isinstance(b, Para) and b.role == "bibliography"]
    kalus = entries[0]
    assert plain_text(kalus.children) == (
        "Kalus, K. (n.d.). North Korea and Russia bolster ties with new economic pact. conflictwatcher.com. "
        f"Retrieved November 23, 2026, from {KALUS_URL}"
    )
    assert Emph((Text("conflictwatcher.com"),)) in kalus.children
    assert Link(KALUS_URL, (Text(KALUS_URL),)) in kalus.children


def test_missing_heading_is_added_as_references():
    kalus = kalus_article()
    brief = Brief(BriefMeta("T"), (Para((Text("Claim."), Cite(kalus.id))),))
    cited, _ = cite_brief(brief, {kalus.id: kalus}, style="apa", accessed=ACCESSED)
    assert cited.blocks[1] == Heading(1, (Text("References"),), role="bibliography")
    assert plain_text(cited.blocks[0].children) == "Claim. (Kalus, n.d.)"
    assert cited.blocks[2].role == "bibliography"


def test_missing_heading_is_added_as_sources_for_notes():
    kalus = kalus_article()
    brief = Brief(BriefMeta("T"), (Para((Text("Claim."), Cite(kalus.id))),))
    cited, _ = cite_brief(brief, {kalus.id: kalus}, style="chicago", accessed=ACCESSED)
    assert cited.blocks[1] == Heading(1, (Text("Sources"),), role="bibliography")
