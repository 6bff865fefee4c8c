"""`briefpack themes FILES…`: how many paragraphs of each source speak to each theme."""

from __future__ import annotations

import argparse
from collections import Counter

from briefpack.cli.batch import import_all


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+")


def run(args: argparse.Namespace) -> int:
    result, taxonomy = import_all(args.files)
    if not result.articles:
        return 2
    counts = Counter(t.theme_id for t in result.tags)
    per_source = {a.id: Counter(t.theme_id for t in result.tags if t.article_id == a.id) for a in result.articles}
    width = max(len(t.label) for t in taxonomy.themes)
    print(f"{'theme':<{width}}  {'id':<20} total  " + "  ".join(f"src{n + 1}" for n in range(len(result.articles))))
    for theme in taxonomy.themes:
        cells = "  ".join(f"{per_source[a.id][theme.id]:>4}" for a in result.articles)
        print(f"{theme.label:<{width}}  {theme.id:<20} {counts[theme.id]:>5}  {cells}")
    for n, article in enumerate(result.articles, start=1):
        print(f"src{n}: {article.display_title} ({article.provenance.file_name})")
    return 0
