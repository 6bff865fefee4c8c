"""`briefpack build FILES… --themes …`: build a cited brief and write it in the chosen formats."""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from pathlib import Path

from briefpack.assembly import TemplateError, load_template
from briefpack.assembly.sections import written_keys
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
    p.add_argument(
        "--section", action="append", default=[], metavar="KEY=TEXT",
        help="the text of a written section, e.g. key_judgments='We judge…' (repeatable; keys as the template "
        "names them: summary, key_judgments, lines_to_take, background …; a blank line starts a new paragraph)",
    )
    p.add_argument(
        "--sections", metavar="FILE.toml",
        help="written section texts from a TOML file of KEY = \"\"\"TEXT\"\"\" lines; --section wins over it",
    )
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


_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def section_texts(pairs: list[str], toml_path: str | None) -> dict[str, str]:
    """The written sections' texts from ``--sections`` then ``--section`` (later wins); raises ``ValueError`` naming the bad input."""
    texts: dict[str, str] = {}
    if toml_path:
        try:
            data = tomllib.loads(Path(toml_path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"cannot read {toml_path}: {exc}") from exc
        for key, value in data.items():
            if not isinstance(value, str):
                raise ValueError(f"{toml_path}: {key} must be text in quotes")
            texts[key] = value
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals:
            raise ValueError(f"--section {pair!r}: write it KEY=TEXT")
        texts[key.strip()] = value
    bad = [k for k in texts if not _KEY.match(k)]
    if bad:
        raise ValueError(f"section key {bad[0]!r}: use lower-case letters, digits and underscores")
    return texts


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
    try:
        sections = section_texts(args.section, args.sections)
    except ValueError as exc:
        print(f"briefpack: {exc}", file=sys.stderr)
        return 2
    if sections:
        try:
            printed = written_keys(load_template(args.template))
        except TemplateError as exc:
            print(f"briefpack: {exc}", file=sys.stderr)
            return 2
        for key in (k for k in sections if k not in printed):
            print(f"warning: the template {args.template} has no written section {key!r} "
                  f"(it has: {', '.join(printed) or 'none'})", file=sys.stderr)
    sources = _resolve_sources(args.sources.split(","), result.articles) if args.sources else ()
    selection = Selection(theme_ids=theme_ids, source_ids=sources)
    settings = BriefSettings(
        title=args.title, author=args.author, marking=args.marking, template=args.template, style=args.style,
        sections=sections,
    )
    brief, notices = compose_brief(result.articles, result.tags, taxonomy, selection, settings)
    export = run_to_end(export_brief(brief, formats, Path(args.output), stem=args.name, template=args.template))
    for notice in [*notices, *export.notices]:
        print(f"warning: {notice.message}", file=sys.stderr)
    for path in export.paths:
        print(path)
    if args.verbose:
        print(f"built in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
