"""Theme tagging, evidence spans, suggestions and re-tagging at scale, on real news prose.

Articles are made of the labelled paragraphs and the seeds' paragraphs
(tests/analysis/labelled, tests/data), drawn at random twelve to an article
with a word or two swapped per paragraph so the text is not one repeated
string. Times: tagging 10,000 articles with the default taxonomy (the bar
of issue 4 is the whole analysis in 10 s; tagging is one part of it),
evidence spans for 10,000 paragraphs, suggestions over 200 articles, and
re-tagging a 1,000-article project after an edit. Medians of several runs.
Run alone with ``python tests/benchmarks/bench_themes.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

from briefpack.analysis.suggest import suggest  # noqa: E402
from briefpack.analysis.taxonomy import load_taxonomy  # noqa: E402
from briefpack.analysis.theme_edits import add_theme, retag  # noqa: E402
from briefpack.analysis.themes import evidence_spans, tag_article  # noqa: E402
from briefpack.model.article import Article, Block, BlockKind, Provenance  # noqa: E402
from briefpack.store import Project  # noqa: E402

ARTICLES = 10_000
PARAGRAPHS = 12
RUNS = 3
SWAPS = ["officials", "reported", "region", "Monday", "sources", "plans", "latest", "week"]


def real_paragraphs() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "analysis" / "labelled").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((ROOT / "tests" / "data").glob("*.gold.json")):
        texts += [b["text"] for b in json.loads(path.read_text(encoding="utf-8"))["blocks"] if b["kind"] == "paragraph"]
    return texts


def make_articles(count: int, seed: int = 11) -> list[Article]:
    rng = random.Random(seed)
    pool = real_paragraphs()
    stamp = dt.datetime(2025, 1, 1)
    articles = []
    for n in range(count):
        blocks = []
        for _ in range(PARAGRAPHS):
            words = rng.choice(pool).split()
            words[rng.randrange(len(words))] = rng.choice(SWAPS)
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(words)))
        articles.append(Article(f"b{n:05d}", f"Article {n}", False, (), None, None, None, "en", None, tuple(blocks),
                                (), (), Provenance(f"{n}.txt", f"{n:064x}", stamp)))
    return articles


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    taxonomy = load_taxonomy()
    articles = make_articles(ARTICLES)
    paragraphs = sum(len(a.blocks) for a in articles)
    tagging = median_time(lambda: [tag_article(a, taxonomy) for a in articles])
    print(f"tag {ARTICLES:,} articles ({paragraphs:,} paragraphs), default taxonomy: {tagging:.2f} s; bar: part of 10 s for the whole analysis")
    texts = [b.text for a in articles[:1000] for b in a.blocks[:10]]
    spans = median_time(lambda: [evidence_spans(t, taxonomy) for t in texts])
    print(f"evidence spans of {len(texts):,} paragraphs: {spans:.2f} s; bar: none (shown one article at a time)")
    sample = articles[:200]
    suggesting = median_time(lambda: suggest(sample, taxonomy), runs=1)
    print(f"suggest themes from {len(sample)} articles: {suggesting:.2f} s; bar: none (on request, in the editor)")
    edited = add_theme(taxonomy, "ports", "Ports", terms=["port"])
    with Project.new() as project:
        for article in articles[:1000]:
            project.add_article(article)
        retag(project, taxonomy)
        start = time.perf_counter()
        changed = retag(project, edited)
        took = time.perf_counter() - start
    print(f"re-tag a 1,000-article project after adding a theme ({changed} articles changed): {took:.2f} s; bar: none (after an edit)")


if __name__ == "__main__":
    main()
