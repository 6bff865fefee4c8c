"""Every shipped template, built from the seed articles and cited: no ``Cite`` left, notes where cites were."""

from __future__ import annotations

import datetime as dt

import pytest

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_article
from briefpack.assembly import build_brief, load_template
from briefpack.citations import cite_brief
from briefpack.ingest import read_path
from briefpack.model.brief import Brief, Cite, Note, Para, Table, block_inlines
from briefpack.model.findings import Entity, Findings, SourceRef, TimelineEvent
from briefpack.model.selection import BriefSettings, Selection
from seeddata import SEEDS


@pytest.fixture(scope="module")
def seeds():
    taxonomy = load_taxonomy(None)
    articles = [read_path(p) for p in SEEDS]
    tags = [t for a in articles for t in tag_article(a, taxonomy)]
    return articles, tags, taxonomy


def count(brief: Brief, kind) -> int:
    return sum(1 for b in brief.blocks for seq in block_inlines(b) for n in seq if isinstance(n, kind))


def cite_runs(brief: Brief) -> int:
    """Runs of adjacent ``Cite`` inlines: each becomes one note."""
    runs = 0
    for block in brief.blocks:
        for seq in block_inlines(block):
            runs += sum(1 for i, n in enumerate(seq) if isinstance(n, Cite) and (i == 0 or not isinstance(seq[i - 1], Cite)))
    return runs


@pytest.mark.parametrize("name", ["situation-brief", "ministerial-pack", "press-digest", "intelligence-assessment"])
def test_shipped_template_cites_cleanly(seeds, name):
    articles, tags, taxonomy = seeds
    first = articles[0].id
    findings = Findings(
        entities=(Entity("Alexander Kozlov", "person", (), ("a minister",), (SourceRef(first, 3),)),),
        timeline=(TimelineEvent("2024-06-19", "day", "A treaty was signed.", (SourceRef(first, 3), SourceRef(articles[1].id, 2))),),
    )
    selection = Selection(theme_ids=("diplomacy", "economy_trade"))
    brief, notices = build_brief(articles, tags, taxonomy, selection, BriefSettings(), load_template(name),
                                 findings=findings, today=dt.date(2026, 11, 23))
    assert notices == []
    cites = cite_runs(brief)
    assert cites > 0
    cited, cite_notices = cite_brief(brief, {a.id: a for a in articles}, style="chicago", accessed=dt.date(2026, 11, 23))
    assert count(cited, Cite) == 0
    assert count(cited, Note) == cites  # Chicago: one note per run of cites, tables included
    assert len([b for b in cited.blocks if isinstance(b, Para) and b.role == "bibliography"]) == len(articles)
    assert Brief.from_json(cited.to_json()) == cited
    if name == "intelligence-assessment":
        assert cited.meta.notes == "endnotes"
        assert any(isinstance(b, Table) for b in cited.blocks)
