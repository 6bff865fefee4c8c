"""`briefpack parse FILE [--json]`: parse one article and print what was found."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from briefpack.analysis.themes import tag_article
from briefpack.ingest import IngestError, read_path
from briefpack.jobs import default_taxonomy


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="an article file (a page dump: text copied from a web page)")
    p.add_argument("--json", action="store_true", help="print the parsed article as JSON")


def run(args: argparse.Namespace) -> int:

    try:
        article = read_path(Path(args.file))
    except IngestError as exc:
        print(f"briefpack: {exc}", file=sys.stderr)
        return 2
    themes: dict[int, list[str]] = {}
    for tag in tag_article(article, default_taxonomy()):
        themes.setdefault(tag.block_index, []).append(tag.theme_id)
    data = {
        "title": article.title,
        "title_derived": article.title_derived,
        "authors": list(article.authors),
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "language": article.language,
        "category": article.category,
        "captions": list(article.captions),
        "image_credits": list(article.image_credits),
        "blocks": [
            {"kind": b.kind.value, "text": b.text, "themes": themes.get(i, []), **({"role": b.role} if b.role else {})}
            for i, b in enumerate(article.blocks)
        ],
        "warnings": [{"code": w.code, "message": w.message} for w in article.warnings],
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(article.display_title + (" (title derived)" if article.title_derived else ""))
        for key in ("authors", "publisher", "published", "url", "language", "category"):
            print(f"  {key}: {data[key]}")
        for block in data["blocks"]:
            marker = "#" if block["kind"] == "heading" else "-"
            print(f"{marker} {block['text']}  [{', '.join(block['themes'])}]")
        for warning in data["warnings"]:
            print(f"warning: {warning['message']}", file=sys.stderr)
    return 0
