"""Long work as plain generators: importing files, composing and exporting a brief.

Each job is a generator that yields ``Progress(done, total, label)`` after
every unit of work and returns its result (``StopIteration.value``). A job
checks its ``CancelToken`` between units and stops early when it is set, so
the GUI can run it on a worker thread with a Cancel button, and the CLI can
simply drain it with ``run_to_end``. Jobs never touch widgets.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_article
from briefpack.assembly import build_brief, load_template
from briefpack.citations import cite_brief
from briefpack.ingest import IngestError, read_path
from briefpack.model.article import Article
from briefpack.model.brief import Brief
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag
from briefpack.render import RENDERERS, render


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    label: str


class CancelToken:
    """Set from any thread to ask a running job to stop at its next unit of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def run_to_end(job: Generator[Progress, None, object], on_progress=None):
    """Drain a job on the calling thread and return its result; ``on_progress`` ``None`` ignores progress."""
    while True:
        try:
            progress = next(job)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(progress)


# ------------------------------------------------------------------ import

IMPORTED = "imported"
IMPORTED_WITH_WARNINGS = "imported-with-warnings"
DUPLICATE = "duplicate"
REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class FileResult:
    """What became of one input file; ``article`` is ``None`` when it was refused."""

    path: Path
    status: str
    reasons: tuple[str, ...] = ()
    article: Article | None = None


@dataclass(slots=True)
class ImportResult:
    files: list[FileResult] = field(default_factory=list)
    tags: list[ThemeTag] = field(default_factory=list)
    cancelled: bool = False

    @property
    def articles(self) -> list[Article]:
        return [f.article for f in self.files if f.article is not None and f.status != DUPLICATE]


def import_files(
    paths: Sequence[Path],
    taxonomy: Taxonomy,
    *,
    known_ids: Iterable[str] = (),
    cancel: CancelToken | None = None,
) -> Generator[Progress, None, ImportResult]:
    """Read and tag each file; one bad file never stops the batch.

    ``known_ids`` are the ids already in the project, so a re-import is a
    ``duplicate`` rather than a second copy.
    """
    seen = set(known_ids)
    result = ImportResult()
    for n, path in enumerate(paths):
        if cancel is not None and cancel.cancelled:
            result.cancelled = True
            break
        yield Progress(n, len(paths), f"Reading {Path(path).name}")
        try:
            article = read_path(Path(path))
        except IngestError as exc:
            result.files.append(FileResult(Path(path), REFUSED, (exc.reason,)))
            continue
        if article.id in seen:
            result.files.append(FileResult(Path(path), DUPLICATE, ("already in the project",), article))
            continue
        seen.add(article.id)
        result.tags.extend(tag_article(article, taxonomy))
        status = IMPORTED_WITH_WARNINGS if article.warnings else IMPORTED
        result.files.append(FileResult(Path(path), status, tuple(w.message for w in article.warnings), article))
    yield Progress(len(result.files), len(paths), "Imported")
    return result


# ------------------------------------------------------------------ export


@dataclass(frozen=True, slots=True)
class ExportResult:
    paths: tuple[Path, ...]
    notices: tuple[Notice, ...]
    cancelled: bool = False


def compose_brief(
    articles: Sequence[Article],
    tags: Iterable[ThemeTag],
    taxonomy: Taxonomy,
    selection: Selection,
    settings: BriefSettings,
    *,
    today: dt.date | None = None,
) -> tuple[Brief, list[Notice]]:
    """Build the brief from the template and run the citations pass: what every renderer gets."""
    template = load_template(settings.template)
    brief, notices = build_brief(articles, tags, taxonomy, selection, settings, template, today=today)
    cited, cite_notices = cite_brief(brief, {a.id: a for a in articles}, style=settings.style, accessed=today)
    return cited, notices + list(cite_notices)


def export_brief(
    brief: Brief,
    formats: Sequence[str],
    out_dir: Path,
    *,
    stem: str = "brief",
    cancel: CancelToken | None = None,
) -> Generator[Progress, None, ExportResult]:
    """Render a cited brief to each format in ``out_dir``; stops between formats when cancelled."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    notices: list[Notice] = []
    for n, fmt in enumerate(formats):
        if cancel is not None and cancel.cancelled:
            return ExportResult(tuple(written), tuple(notices), cancelled=True)
        yield Progress(n, len(formats), f"Writing {fmt.upper()}")
        path = out_dir / f"{stem}{RENDERERS[fmt].extension}"
        notices.extend(render(brief, fmt, path))
        written.append(path)
    yield Progress(len(formats), len(formats), "Done")
    return ExportResult(tuple(written), tuple(notices))


def default_taxonomy() -> Taxonomy:
    return load_taxonomy(None)
