"""``analyze``: the one entry point gives every kind of finding, keeps the analyst's grades and is deterministic."""

from __future__ import annotations

import functools
from briefpack.analysis.findings import analyze
from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_article
from seeddata import SEEDS
from briefpack.ingest import read_path


@functools.cache
def seed_articles():
    return tuple(read_path(p) for p in SEEDS)


def test_analyze_the_seeds():
    articles = list(seed_articles())
    taxonomy = load_taxonomy()
    tags = [t for a in articles for t in tag_article(a, taxonomy)]
    findings = analyze(articles, tags, reliability={"baoquocte.vn": "C"})
    names = {e.name for e in findings.entities}
    assert {"Vladimir Putin", "Kim Jong Un", "Jun Jong Ho", "Korean Central News Agency", "North Korea"} <= names
    assert ("2023-11", "month") in {(e.date, e.precision) for e in findings.timeline}
    assert any(f.counts == "North Korean soldiers" for f in findings.figures)
    assert len(findings.corroborations) >= 1 and all(c.corroborated for c in findings.corroborations)
    assert findings.reliability == {"baoquocte.vn": "C"}
    assert [a.outlet for a in findings.attributions] == ["state media"]
    assert analyze(articles, tags, reliability={"baoquocte.vn": "C"}) == findings


def test_nothing_in_nothing_out():
    findings = analyze([])
    assert (findings.entities, findings.timeline, findings.figures, findings.corroborations) == ((), (), (), ())


def test_worker_processes_change_nothing(monkeypatch):
    """Tags and findings computed in forked workers equal those of one process (where fork exists)."""
    from briefpack.analysis import workers
    from briefpack.analysis.themes import tag_articles

    monkeypatch.setattr(workers, "MIN_PER_WORKER", 1)  # the seeds are few: fork anyway
    articles = list(seed_articles())
    taxonomy = load_taxonomy()
    tags = tag_articles(articles, taxonomy, workers=2)
    assert tags == [t for a in articles for t in tag_article(a, taxonomy)]
    assert analyze(articles, tags, workers=2) == analyze(articles, tags)
