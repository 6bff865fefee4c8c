"""`briefpack import PATHS… --project FILE [--json]`: import files, folders or standard input into a project.

Every input gets one status line (``imported``, ``imported-with-warnings``,
``duplicate``, ``refused``) with its reasons, or with ``--json`` one list of
``{file, status, reasons, article_id, article_ids}``. The project is created
when the file does not exist; articles are added to it while the rest of
the batch is read (``jobs.import_into``: large batches are read in worker
processes), and it is saved atomically once the batch is read, so what was
imported is kept whatever became of the other files. Exit
status: 0 when at least one input was imported, 1 when none was, 2 when the
project cannot be opened or saved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefpack.ingest import IngestError, Pasted, read_stdin
from briefpack.jobs import FileResult, default_taxonomy, import_into, run_to_end
from briefpack.store import Project, StoreError


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import; - reads standard input")
    p.add_argument("--project", required=True, metavar="FILE", help="the project file (created if missing)")
    p.add_argument("--json", action="store_true", help="print the statuses as a JSON list")


def _inputs(paths: list[str]) -> tuple[list[Path | Pasted], list[FileResult]]:
    """The inputs to import, with standard input read once for ``-``; a failed read is a refused input."""
    inputs: list[Path | Pasted] = []
    refused: list[FileResult] = []
    for raw in paths:
        if raw != "-":
            inputs.append(Path(raw))
            continue
        try:
            inputs.append(read_stdin(sys.stdin.buffer))
        except IngestError as exc:
            refused.append(FileResult(exc.file_name or "<stdin>", "refused", (exc.reason,)))
    return inputs, refused


def _open(path: Path) -> Project:
    return Project.open(path) if path.exists() else Project.new(path)


def _report(files: list[FileResult], as_json: bool) -> None:
    if as_json:
        rows = [
            {
                "file": f.name,
                "status": f.status,
                "reasons": list(f.reasons),
                "article_id": f.article.id if f.article is not None else None,
                "article_ids": [a.id for a in (*f.articles, *f.duplicates)],
            }
            for f in files
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for f in files:
        line = f"{f.status}: {f.name}"
        if f.reasons:
            line += f" ({'; '.join(f.reasons)})"
        print(line)


def run(args: argparse.Namespace) -> int:
    project_path = Path(args.project)
    try:
        project = _open(project_path)
    except StoreError as exc:
        print(f"briefpack: {exc}", file=sys.stderr)
        return 2
    with project:
        inputs, refused = _inputs(args.paths)
        try:
            result, _, notices = run_to_end(import_into(project, inputs, default_taxonomy()))
            for notice in notices:
                print(f"warning: {notice.message}", file=sys.stderr)
            project.save()
        except StoreError as exc:
            print(f"briefpack: {exc}", file=sys.stderr)
            return 2
    files = refused + result.files
    _report(files, args.json)
    imported = result.imported_count
    if not args.json:
        print(f"{imported} of {len(files)} inputs imported into {project_path}", file=sys.stderr)
    return 0 if imported else 1
