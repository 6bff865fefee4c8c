"""Formatting each distinct citation once gives exactly what formatting every citation gives.

Each case runs the citations pass twice on the same brief, once as shipped
and once with ``plan_requests`` replaced by the plan that sends every
citation, and compares the cited briefs whole. The citation sequences are
built to hit what decides a citation's form: first and subsequent citations,
the same source twice in a row (with the same and another locator, the
``ibid`` cases), several sources in one note, and a source cited again after
others. Besides the shipped styles, two small note styles test the ``ibid``
and ``near-note`` positions, which Chicago's article forms never reach.
"""

from __future__ import annotations

import pytest

from briefpack.citations import cite, cite_brief
from briefpack.citations.distinct import Plan, plan_requests
from briefpack.citations.pandoc_run import CitationRequest
from briefpack.citations.styles import load_style
from briefpack.model.brief import Brief, BriefMeta, Cite, Para, Text
from citesamples import ACCESSED, make_article

SOURCES = {
    f"s{n}": make_article(f"s{n}", title=f"Story number {n}", authors=(f"Writer{n} Author",), publisher="Daily",
                          url=f"https://news.example/{n}")
    for n in range(5)
}
# Each inner tuple is one run of adjacent cites: (source, locator or None) ...
SEQUENCE = (
    (("s0", None),), (("s0", None),), (("s0", "para. 4"),), (("s0", "para. 4"),), (("s1", None),),
    (("s0", None),), (("s0", None), ("s1", None)), (("s0", None), ("s1", None)), (("s1", None),),
    (("s1", "para. 5"),), (("s2", None),), (("s2", None), ("s0", None)), (("s2", None),), (("s3", "p. 2"),),
    (("s1", None),), (("s3", "p. 2"),), (("s3", "p. 2"),), (("s4", None),), (("s1", None),), (("s0", "para. 4"),),
    (("s1", None),), (("s0", "para. 4"),), (("s4", None),), (("s4", None),), (("s2", None), ("s0", None)),
)

IBID_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Ibid test</title><id>ibid-test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout delimiter="; " suffix=".">
      <choose>
        <if position="ibid-with-locator"><group delimiter=", "><text value="Ibid."/><text variable="locator"/></group></if>
        <else-if position="ibid"><text value="Ibid."/></else-if>
        <else-if position="subsequent"><group delimiter=", "><text variable="title" form="short"/><text variable="locator"/></group></else-if>
        <else><group delimiter=", "><names variable="author"/><text variable="title"/><text variable="locator"/></group></else>
      </choose>
    </layout>
  </citation>
  <bibliography><layout><names variable="author"/><text variable="title" prefix=". "/></layout></bibliography>
</style>
"""
NEAR_STYLE = IBID_STYLE.replace('position="ibid"', 'position="near-note"').replace("Ibid test", "Near test")


def brief() -> Brief:
    blocks = [Para((Text(f"Statement {n}."), *(Cite(s, loc) for s, loc in run))) for n, run in enumerate(SEQUENCE)]
    return Brief(BriefMeta(title="Repeats"), tuple(blocks))


def every_citation(groups, _context):
    return Plan(tuple(groups), tuple(range(len(groups))))


@pytest.fixture
def styles(tmp_path):
    (tmp_path / "ibid.csl").write_text(IBID_STYLE, encoding="utf-8")
    (tmp_path / "near.csl").write_text(NEAR_STYLE, encoding="utf-8")
    return {"chicago": "chicago", "apa": "apa", "harvard": "harvard",
            "ibid": tmp_path / "ibid.csl", "near": tmp_path / "near.csl"}


@pytest.mark.parametrize("name", ["chicago", "apa", "harvard", "ibid", "near"])
def test_distinct_plan_gives_the_same_brief(styles, name, monkeypatch):
    sent = []
    real_format = cite.format_citations

    def counting(groups, *args, **kwargs):
        sent.append(len(groups))
        return real_format(groups, *args, **kwargs)

    monkeypatch.setattr(cite, "format_citations", counting)
    planned, notices = cite_brief(brief(), SOURCES, style=styles[name], accessed=ACCESSED)
    monkeypatch.setattr(cite, "plan_requests", every_citation)
    full, full_notices = cite_brief(brief(), SOURCES, style=styles[name], accessed=ACCESSED)
    assert planned == full and notices == full_notices
    assert sent[1] == len(SEQUENCE)
    if name == "near":
        assert sent[0] == len(SEQUENCE)  # note numbers matter: every citation is sent
    else:
        assert sent[0] < len(SEQUENCE)


def test_the_ibid_style_really_prints_ibid(styles):
    cited, _ = cite_brief(brief(), SOURCES, style=styles["ibid"], accessed=ACCESSED)
    text = repr(cited.blocks)
    assert "'Ibid.'" in text and "'Ibid., 4.'" in text and "'Ibid.; Story number 1.'" in text


def test_repeat_context_is_read_from_the_style(styles):
    assert load_style("apa").repeat_context == "cited-before"
    assert load_style("chicago").repeat_context == "previous"  # its review and chapter forms test ibid
    assert load_style(styles["ibid"]).repeat_context == "previous"
    assert load_style(styles["near"]).repeat_context == "note-numbers"


def test_a_plan_keeps_first_citations_in_order_and_stages_the_citation_before():
    a, b, a4 = CitationRequest("a"), CitationRequest("b"), CitationRequest("a", raw_locator="4")
    groups = [(a,), (b,), (a,), (b,), (a,), (a,), (a4,), (b,), (a,), (a,), (a, b), (b,)]
    plan = plan_requests(groups, "previous")
    assert [plan.requests[i] for i in plan.answer_of] == groups  # every answer is for the same citation
    assert plan.requests[:2] == ((a,), (b,))  # first citations first, in reading order
    assert len(plan.requests) < len(groups)
    for n, (group, at) in enumerate(zip(groups, plan.answer_of)):
        keys = {r.key for r in group}
        sent_before = plan.requests[at - 1] if at else None
        if n and keys & {r.key for r in groups[n - 1]}:
            assert sent_before == groups[n - 1]  # a possible "ibid" sees what the reader sees
        elif sent_before is not None:
            assert not keys & {r.key for r in sent_before}  # and a non-ibid stays one
    cited_before = plan_requests(groups, "cited-before")
    assert cited_before.requests == ((a,), (b,), (a,), (b,), (a4,), (a, b))  # first a, b; then their short forms
    assert plan_requests(groups, "note-numbers").requests == tuple(groups)
