"""The ``briefpack`` command line: parse, tag, build and export without the window.

Each subcommand is a thin wrapper over the same core functions the GUI
calls (``ingest.read_path``, ``jobs.import_files``, ``jobs.compose_brief``,
``jobs.export_brief``). Warnings go to standard error; exit status 2 means
the input could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from briefpack import __version__


def _parse(args: argparse.Namespace) -> int:
    from briefpack.analysis.themes import tag_article
    from briefpack.ingest import IngestError, read_path
    from briefpack.jobs import default_taxonomy

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


def _import_all(paths: list[str]):
    from briefpack.jobs import default_taxonomy, import_files, run_to_end

    taxonomy = default_taxonomy()
    result = run_to_end(import_files([Path(p) for p in paths], taxonomy))
    for f in result.files:
        if f.status == "refused":
            print(f"briefpack: {f.path}: refused: {'; '.join(f.reasons)}", file=sys.stderr)
        elif f.reasons:
            print(f"warning: {f.path.name}: {'; '.join(f.reasons)}", file=sys.stderr)
    return result, taxonomy


def _themes(args: argparse.Namespace) -> int:
    result, taxonomy = _import_all(args.files)
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


def _build(args: argparse.Namespace) -> int:
    from briefpack.jobs import compose_brief, export_brief, run_to_end
    from briefpack.model.selection import BriefSettings, Selection
    from briefpack.render import RENDERERS

    started = time.perf_counter()
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        print(f"briefpack: unknown format {', '.join(unknown)}; known: {', '.join(RENDERERS)}", file=sys.stderr)
        return 2
    result, taxonomy = _import_all(args.files)
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


def _gui(args: argparse.Namespace) -> int:
    from briefpack.gui.app import run_gui

    return run_gui(project=args.project, screenshot=args.screenshot)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefpack", description="Turn news articles into cited briefing documents (PDF and Word)."
    )
    parser.add_argument("--version", action="version", version=f"briefpack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse one article and print what was found")
    p.add_argument("file", help="a page dump (text copied from a web page)")
    p.add_argument("--json", action="store_true", help="print the parsed article as JSON")
    p.set_defaults(func=_parse)

    p = sub.add_parser("themes", help="print how many paragraphs of each source speak to each theme")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_themes)

    p = sub.add_parser("build", help="build a cited brief and export it")
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
    p.set_defaults(func=_build)

    p = sub.add_parser("gui", help="open the window")
    p.add_argument("project", nargs="?", help="a .briefpack project; default: the sample project")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen to a PNG and exit")
    p.set_defaults(func=_gui)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
