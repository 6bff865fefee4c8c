"""`briefpack build FILES… --themes …`: build a cited brief and write it in the chosen formats."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefpack.cli.batch import import_all
from briefpack.jobs import compose_brief, export_brief, run_to_end
from briefpack.model.selection import BriefSettings, Selection
from briefpack.render import RENDERERS


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", help="article files")
    p.add_argument("--themes", required=True, help="comma-separated theme ids, in section order")
    p.add_argument("--sources", help="comma-separated sources (file names, ids or numbers); default all")
    p.add_argument("--template", default="situation-brief", help="template name or .toml path")
    p.add_argument("--style", default="chicago", help="citation style: chicago, apa or a path to a .csl file")
    p.add_argument("--format", default="pdf,docx", help="comma-separated: pdf, docx, html, markdown")
    p.add_argument("-o", "--output", default=".", help="output folder (default: the current folder)")
    p.add_argument("--name", default="brief", help="file name stem of the outputs (default: brief)")
    p.add_argument("--title", default="Situation brief")
    p.add_argument("--author")
    p.add_argument("--marking", default="OFFICIAL", help="handling marking printed on every page")
    p.add_argument("-v", "--verbose", action="store_true", help="print the time taken")


def _resolve_sources(names: list[str], articles) -> tuple[str, ...]:
    """Source choices given as file names, stems, article ids or 1-based positions."""
    chosen = []
    for name in names:
        for n, article in enumerate(articles, start=1):
            file_name = article.provenance.file_name or ""
            if name in (article.id, file_name, Path(file_name).stem, str(n)):
                chosen.append(article.id)
                break
        else:
            raise SystemExit(f"briefpack: no source matches {name!r} (give a file name, an id or a number)")
    return tuple(chosen)


def run(args: argparse.Namespace) -> int:

    started = time.perf_counter()
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        print(f"briefpack: unknown format {', '.join(unknown)}; known: {', '.join(RENDERERS)}", file=sys.stderr)
        return 2
    result, taxonomy = import_all(args.files)
    if not result.articles:
        print("briefpack: no article could be read", file=sys.stderr)
        return 2
    theme_ids = tuple(t.strip() for t in args.themes.split(",") if t.strip())
    bad = [t for t in theme_ids if taxonomy.get(t) is None]
    if bad:
        print(f"briefpack: unknown theme {', '.join(bad)}; known: {', '.join(taxonomy.ids)}", file=sys.stderr)
        return 2
    sources = _resolve_sources(args.sources.split(","), result.articles) if args.sources else ()
    selection = Selection(theme_ids=theme_ids, source_ids=sources)
    settings = BriefSettings(
        title=args.title, author=args.author, marking=args.marking, template=args.template, style=args.style
    )
    brief, notices = compose_brief(result.articles, result.tags, taxonomy, selection, settings)
    export = run_to_end(export_brief(brief, formats, Path(args.output), stem=args.name))
    for notice in [*notices, *export.notices]:
        print(f"warning: {notice.message}", file=sys.stderr)
    for path in export.paths:
        print(path)
    if args.verbose:
        print(f"built in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
