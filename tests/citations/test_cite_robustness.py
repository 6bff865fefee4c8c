"""The pass keeps going on bad input, accepts any .csl file, runs pandoc once and stays fast."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from briefpack.citations import CitationError, available_styles, cite_brief, pandoc_run
from briefpack.model.brief import (
    Brief,
    BriefMeta,
    Cite,
    Note,
    Para,
    Strong,
    Text,
    plain_text,
)
from citesamples import (
    ACCESSED,
    kalus_article,
    make_article,
    sample_brief,
    sample_sources,
)


def test_unknown_source_gives_a_notice_not_a_crash():
    brief = sample_brief()
    sources = sample_sources()
    orphan = Para((Text("Orphan."), Cite("no-such-id", "para. 1"), Cite("no-such-id")))
    broken = brief.with_blocks(brief.blocks + (orphan,))
    cited, notices = cite_brief(broken, sources, accessed=ACCESSED)
    assert [n.code for n in notices] == ["unknown-source"]
    assert notices[0].subject == "no-such-id" and "2 citations" in notices[0].message
    assert cited.blocks[-1] == Para((Text("Orphan."),))


def test_only_unknown_sources_needs_no_pandoc(monkeypatch):
    monkeypatch.setattr(pandoc_run.subprocess, "run", lambda *a, **k: pytest.fail("pandoc should not run"))
    brief = Brief(BriefMeta("T"), (Para((Text("x"), Cite("nope"))),))
    cited, notices = cite_brief(brief, {}, accessed=ACCESSED)
    assert cited.blocks == (Para((Text("x"),)),)
    assert notices[0].code == "unknown-source"


def test_brief_without_cites_is_unchanged():
    sources = sample_sources()
    brief = Brief(BriefMeta("T"), (Para((Text("Nothing cited."),)),))
    assert cite_brief(brief, sources, accessed=ACCESSED) == (brief, [])


def test_a_user_csl_path_is_used_as_is(tmp_path):
    brief = sample_brief()
    sources = sample_sources()
    mine = tmp_path / "house-style.csl"
    shutil.copy(available_styles()["apa"], mine)
    cited, _ = cite_brief(brief, sources, style=mine, accessed=ACCESSED)
    assert plain_text(cited.blocks[1].children).endswith("(Kalus, n.d., para. 4)")
    cited_str, _ = cite_brief(brief, sources, style=str(mine), accessed=ACCESSED)
    assert cited_str == cited


def test_a_dependent_style_resolves_to_its_shipped_parent(tmp_path):
    brief = sample_brief()
    sources = sample_sources()
    dependent = tmp_path / "dependent.csl"
    dependent.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">\n'
        "  <info><title>Some Journal</title><id>http://www.zotero.org/styles/some-journal</id>\n"
        '    <link href="https://www.zotero.org/styles/apa" rel="independent-parent"/></info>\n'
        "</style>\n",
        encoding="utf-8",
    )
    cited, _ = cite_brief(brief, sources, style=dependent, accessed=ACCESSED)
    assert plain_text(cited.blocks[1].children).endswith("(Kalus, n.d., para. 4)")


def test_style_errors_are_clear(tmp_path):
    brief = sample_brief()
    sources = sample_sources()
    with pytest.raises(CitationError, match="Unknown citation style “mla”.*“chicago”, “apa”, “harvard”"):
        cite_brief(brief, sources, style="mla")
    with pytest.raises(CitationError, match="does not exist"):
        cite_brief(brief, sources, style=tmp_path / "missing.csl")
    junk = tmp_path / "junk.csl"
    junk.write_text("<not-csl/>", encoding="utf-8")
    with pytest.raises(CitationError, match="not a CSL style"):
        cite_brief(brief, sources, style=junk)
    orphan = tmp_path / "orphan.csl"
    orphan.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>X</title>'
        '<link href="http://www.zotero.org/styles/nature" rel="independent-parent"/></info></style>',
        encoding="utf-8",
    )
    with pytest.raises(CitationError, match="dependent style"):
        cite_brief(brief, sources, style=orphan)


def test_locator_that_is_not_one_is_kept_and_reported():
    kalus = kalus_article()
    brief = Brief(BriefMeta("T"), (Para((Text("x"), Cite(kalus.id, "at 3:20 in the video"))),))
    cited, notices = cite_brief(brief, {kalus.id: kalus}, accessed=ACCESSED)
    assert [n.code for n in notices] == ["locator-not-understood"]
    assert "at 3:20 in the video" in plain_text(cited.blocks[0].children[1].children)


def test_markup_in_a_headline_prints_literally():
    odd = make_article("odd", title="AT&T <b>bold</b> 5 < 10 <script>", publisher="Wire & Co", url="https://x.org/?a=1&b=2")
    brief = Brief(BriefMeta("T"), (Para((Text("x"), Cite("odd"))),))
    cited, _ = cite_brief(brief, {"odd": odd}, accessed=ACCESSED)
    note = cited.blocks[0].children[1]
    assert isinstance(note, Note)
    text = plain_text(note.children)
    # The tags stay text (no bold appears); the style still title-cases the words it can.
    assert text.startswith("“AT&T <b>bold</b> 5 < 10 <Script>,” Wire & Co, n.d.")
    assert not any(isinstance(n, Strong) for n in note.children)
    assert "\u2060" not in text


def test_cite_inside_an_existing_note_is_formatted_inline():
    kalus = kalus_article()
    brief = Brief(BriefMeta("T"), (Para((Text("x"), Note((Text("See"), Cite(kalus.id, "para. 1"))))),))
    cited, _ = cite_brief(brief, {kalus.id: kalus}, accessed=ACCESSED)
    note = cited.blocks[0].children[1]
    assert plain_text(note.children).startswith("See Katarzyna Kalus, “North Korea")
    assert not any(isinstance(n, Note) for n in note.children)


def test_one_pandoc_call_per_brief(monkeypatch):
    brief = sample_brief()
    sources = sample_sources()
    pandoc_run.pandoc_path()  # locating pandoc is once per process, not per brief
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(argv, *args, **kwargs):
        calls.append(list(argv))
        return real_run(argv, *args, **kwargs)

    monkeypatch.setattr(pandoc_run.subprocess, "run", counting_run)
    cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    assert len(calls) == 1 and "--citeproc" in calls[0]


def test_three_hundred_citations_of_a_hundred_sources_all_format(capsys):
    # The time is printed for people; the bar is measured by tests/benchmarks/bench_export.py, not asserted here.
    articles = {
        f"a{i:03d}": make_article(
            f"a{i:03d}",
            title=f"Report number {i} on trade and charter flights",
            authors=(f"Anna Writer{i}", "Jan van der Berg") if i % 3 else (),
            publisher="The Daily Courier" if i % 2 else "courier.example.com",
            url=f"https://courier.example.com/{i}",
        )
        for i in range(100)
    }
    ids = list(articles)
    paras = tuple(Para((Text(f"Statement {n}."), Cite(ids[(n * 37) % 100], f"para. {n % 12 + 1}"))) for n in range(300))
    brief = Brief(BriefMeta("Big"), paras)
    for style in ("chicago", "apa"):
        start = time.perf_counter()
        cited, notices = cite_brief(brief, articles, style=style, accessed=ACCESSED)
        elapsed = time.perf_counter() - start
        with capsys.disabled():
            print(f"\ncitations pass, {style}: 300 citations, 100 sources in {elapsed:.2f} s")
        assert notices == []
        assert sum(1 for b in cited.blocks if isinstance(b, Para) and b.role == "bibliography") == 100
