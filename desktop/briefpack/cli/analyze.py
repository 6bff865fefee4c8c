"""`briefpack analyze FILES… [--json]`: entities, timeline, figures, corroboration and themes across the files.

Every source is named by its input file name and block index
(``{"file": "000_….txt", "block": 4}``) so the analyst can find it.
Without ``--json`` a short readable summary is printed.
"""

from __future__ import annotations

import argparse
import os
import json
from collections import defaultdict

from briefpack.analysis.findings import analyze
from briefpack.cli.batch import import_all
from briefpack.model.findings import FigureClaim, Findings, SourceRef


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", help="article files (page dumps)")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")


def findings_json(findings: Findings, files: dict[str, str], themes: dict[SourceRef, list[str]]) -> dict:
    """The JSON document of ``findings``; ``files`` maps article id → file name."""

    def ref(s: SourceRef) -> dict:
        return {"file": files.get(s.article_id, s.article_id), "block": s.block_index}

    def figure(f: FigureClaim) -> dict:
        return {"value": f.value, "number": f.number, "counts": f.counts, "text": f.text, "source": ref(f.source)}

    return {
        "entities": [
            {"name": e.name, "kind": e.kind, "variants": list(e.variants), "roles": list(e.roles), "sources": [ref(s) for s in e.mentions]}
            for e in findings.entities
        ],
        "timeline": [
            {"date": t.date, "precision": t.precision, "text": t.text, "sources": [ref(s) for s in t.sources]}
            for t in findings.timeline
        ],
        "figures": [figure(f) for f in findings.figures],
        "corroboration": [
            {"statement": c.statement, "sources": [ref(s) for s in c.sources], "variants": [figure(f) for f in c.variants]}
            for c in findings.corroborations
        ],
        "state_media": [
            {"outlet": a.outlet, "country": a.country, "text": a.text, "source": ref(a.source)} for a in findings.attributions
        ],
        "themes": [{**ref(s), "themes": ids} for s, ids in themes.items()],
    }


def run(args: argparse.Namespace) -> int:
    result, _ = import_all(args.files)
    articles = result.articles
    if not articles:
        return 2
    # The command line has no other threads, so forking worker processes is safe here (the window does not).
    findings = analyze(articles, result.tags, workers=os.cpu_count() or 1)
    files = {a.id: a.provenance.file_name or a.id for a in articles}
    themes: dict[SourceRef, list[str]] = defaultdict(list)
    for tag in result.tags:
        themes[SourceRef(tag.article_id, tag.block_index)].append(tag.theme_id)
    order = {a.id: n for n, a in enumerate(articles)}
    themes = dict(sorted(themes.items(), key=lambda kv: (order.get(kv[0].article_id, 0), kv[0].block_index)))
    data = findings_json(findings, files, themes)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    where = lambda s: f"{s['file']}#{s['block']}"  # noqa: E731
    print(f"{len(data['entities'])} entities")
    for e in data["entities"][:20]:
        extra = f" ({'; '.join(e['roles'])})" if e["roles"] else ""
        print(f"  {e['kind']:<12} {e['name']}{extra}")
    print(f"{len(data['timeline'])} dated events")
    for t in data["timeline"]:
        print(f"  {t['date']:<10} {t['text'][:90]}  [{', '.join(map(where, t['sources']))}]")
    print(f"{len(data['figures'])} figures")
    for f in data["figures"]:
        print(f"  {f['value']} {f['counts']}  [{where(f['source'])}]")
    print(f"{len(data['corroboration'])} corroborated statements")
    for c in data["corroboration"]:
        print(f"  {c['statement'][:90]}  [{', '.join(map(where, c['sources']))}]")
        for v in c["variants"]:
            print(f"    variant: {v['value']} {v['counts']}  [{where(v['source'])}]")
    for a in data["state_media"]:
        print(f"state media: {a['outlet']}  [{where(a['source'])}]")
    return 0
