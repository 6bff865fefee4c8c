"""The window's background jobs, as plain generators over the core: preview, export, findings.

Each takes a ``BriefInputs`` snapshot taken on the UI thread — immutable
articles, tags, taxonomy, selection and settings, never the ``Project``, whose
database connection belongs to the UI thread — and yields ``Progress`` like
the jobs in ``briefpack.jobs``. The preview is the real PDF: composed and
exported exactly as Export PDF does, then drawn page by page
(``gui.pdf_pages``). The preview, the export and the findings are computed
in a child process (``gui.process_job``): composing a large brief holds the
interpreter lock for seconds at a time, which a pool thread would take from
the window, and a cancel stops the work at once. A very long brief (a thousand
sources' timeline) is previewed up to ``PREVIEW_BUDGET`` blocks, table rows
and list items, with a closing line saying so, so the preview stays seconds
behind the analyst instead of minutes. reportlab keeps font state per
process, so where the preview runs in the window's process (a test that
watches it there) it never writes a PDF while an export does (``PDF_WRITE_LOCK``).
Nothing here imports Qt; ``gui.worker`` runs these on the thread pool.
``briefpack.jobs`` is imported inside the jobs, where they run, so loading
this module (with the window) does not load the whole core.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefpack.model.article import Article
from briefpack.model.brief import Brief, BulletList, Emph, Para, Table, Text
from briefpack.model.findings import Findings
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag

from briefpack.gui.pdf_pages import PdfPages, rasterize
from briefpack.gui.process_job import pack_steps, run_in_process

if TYPE_CHECKING:
    from briefpack.gui.content import DeskContent
    from briefpack.jobs import CancelToken, ExportResult, Progress

PDF_WRITE_LOCK = threading.Lock()
# Blocks, table rows and list items the preview draws at most (a few dozen pages).
PREVIEW_BUDGET = 150


@dataclass(frozen=True, slots=True)
class BriefInputs:
    """Everything composing a brief needs, copied out of the project so a worker can read it safely."""

    articles: tuple[Article, ...]
    tags: tuple[ThemeTag, ...]
    taxonomy: Taxonomy
    selection: Selection
    settings: BriefSettings
    reliability: tuple[tuple[str, str], ...] = ()

    def compose(self, today: dt.date | None = None) -> tuple[Brief, list[Notice]]:
        """The cited brief and its warnings (``today`` ``None`` means the current date)."""
        from briefpack.jobs import compose_brief

        return compose_brief(
            self.articles, self.tags, self.taxonomy, self.selection, self.settings,
            reliability=dict(self.reliability), today=today,
        )


@dataclass(frozen=True)
class BriefRequest:
    """What a preview reads, as the UI thread sees it when the preview starts; ``inputs()`` makes the ``BriefInputs`` in steps.

    ``content`` is the session's ``gui.content.DeskContent`` (immutable, and
    replaced when articles or tags change), whose tags may not have been
    read yet: reading some 40,000 at once would hold the UI thread.
    """

    content: DeskContent
    taxonomy: Taxonomy
    selection: Selection
    settings: BriefSettings
    reliability: tuple[tuple[str, str], ...] = ()

    def inputs(self) -> Generator[None, None, BriefInputs]:
        """The ``BriefInputs``, packed for a child process (``process_job.pack_steps``), in steps for ``JobRunner.run_steps``."""
        tags = yield from self.content.tags_steps()
        inputs = BriefInputs(self.content.articles, tags, self.taxonomy, self.selection, self.settings, self.reliability)
        return (yield from pack_steps(inputs))


@dataclass(frozen=True, slots=True)
class PreviewResult:
    """The brief as Export PDF writes it: the PDF's bytes, its pages drawn, and the warnings met composing and writing it.

    ``cut`` is true when the brief was longer than ``PREVIEW_BUDGET`` and only its first part was previewed.
    """

    pdf: bytes
    pages: PdfPages
    notices: tuple[Notice, ...]
    cut: bool = False


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """The export job's result: what was written, and warnings from composing and rendering."""

    export: ExportResult
    notices: tuple[Notice, ...]

    @property
    def cancelled(self) -> bool:
        return self.export.cancelled


def preview_job(inputs: BriefInputs, width_px: int, cancel: CancelToken) -> Generator[Progress, None, PreviewResult | None]:
    """Compose the brief, write it as a PDF and draw its pages ``width_px`` wide, in a child process; ``None`` when cancelled."""
    from briefpack.model.progress import Progress

    yield Progress(0, 1, "Composing the brief and writing the PDF")
    return run_in_process(make_preview, (inputs, width_px), cancel)


def make_preview(inputs: BriefInputs, width_px: int) -> PreviewResult:
    """What ``preview_job`` computes, on the calling thread (of the child process)."""
    from briefpack.jobs import export_brief, run_to_end

    brief, notices = inputs.compose()
    brief, cut = first_part(brief)
    with tempfile.TemporaryDirectory(prefix="briefpack-preview-") as folder:
        with PDF_WRITE_LOCK:
            written = run_to_end(export_brief(brief, ["pdf"], Path(folder), stem="preview"))
        pdf = written.paths[0].read_bytes()
    pages = rasterize(pdf, width_px)
    return PreviewResult(pdf, pages, tuple(notices) + tuple(written.notices), cut)


def first_part(brief: Brief, budget: int = PREVIEW_BUDGET) -> tuple[Brief, bool]:
    """``brief`` cut after ``budget`` blocks, table rows and list items, with a closing line; ``cut`` says whether it was."""
    kept = []
    left = budget
    for block in brief.blocks:
        size = len(block.rows) if isinstance(block, Table) else len(block.items) if isinstance(block, BulletList) else 1
        if size <= left:
            kept.append(block)
            left -= size
            continue
        if isinstance(block, Table) and left > 0:
            kept.append(replace(block, rows=block.rows[:left]))
        elif isinstance(block, BulletList) and left > 0:
            kept.append(replace(block, items=block.items[:left]))
        kept.append(Para((Emph((Text(
            "The preview stops here: the brief goes on beyond what a live preview can redraw quickly. "
            "Export PDF writes all of it."
        ),)),)))
        return brief.with_blocks(tuple(kept)), True
    return brief, False


def redraw_job(pdf: bytes, width_px: int, cancel: CancelToken) -> PdfPages | None:
    """The pages of a preview's PDF drawn again at another width (zoom), without their text; ``None`` when cancelled."""
    return rasterize(pdf, width_px, cancel, with_text=False)


def export_job(
    inputs: BriefInputs, fmt: str, path: Path, cancel: CancelToken
) -> Generator[Progress, None, ExportOutcome]:
    """Compose the brief, then write it in format ``fmt`` to exactly ``path``, in a child process.

    The one step reports ``total == 0`` (no measurable progress), which the
    progress dialog shows as a busy bar. A cancel stops the child at once;
    the file is then not written (the renderers write to a temporary name,
    removed here, and move it into place only when done).
    """
    from briefpack.jobs import ExportResult, Progress

    yield Progress(0, 0, "Composing the brief and writing the file")
    path = Path(path)
    outcome = run_in_process(write_export, (inputs, fmt, path), cancel)
    if outcome is None:
        for stray in path.parent.glob(f".{path.name}.*.part"):
            stray.unlink(missing_ok=True)
        return ExportOutcome(ExportResult((), (), cancelled=True), ())
    return outcome


def write_export(inputs: BriefInputs, fmt: str, path: Path) -> ExportOutcome:
    """What ``export_job`` computes, on the calling thread (of the child process)."""
    from briefpack.jobs import export_brief, run_to_end

    brief, notices = inputs.compose()
    if fmt == "pdf":
        with PDF_WRITE_LOCK:
            result = run_to_end(export_brief(brief, [fmt], path.parent, stem=path.stem))
    else:
        result = run_to_end(export_brief(brief, [fmt], path.parent, stem=path.stem))
    return ExportOutcome(result, tuple(notices) + tuple(result.notices))


@dataclass(frozen=True, slots=True)
class FindingsInputs:
    """What ``analyze`` reads, copied out of the project: the chosen sources, their tags and the publishers' grades.

    ``tags`` holds each tag as ``(article id, block index, theme id)``, all
    that analysis reads of a tag: plain tuples pickle without running Python
    code for each, as ``ThemeTag`` objects would.
    """

    articles: tuple[Article, ...]
    tags: tuple[tuple[str, int, str], ...]
    reliability: tuple[tuple[str, str], ...]


# Articles whose tags ``findings_inputs`` reads per step.
TAG_STEP = 16


def findings_inputs(
    articles: tuple[Article, ...], tags_for: Callable[[str], Sequence[ThemeTag]], reliability: tuple[tuple[str, str], ...],
) -> Generator[None, None, FindingsInputs]:
    """``FindingsInputs`` of ``articles``, their tags read with ``tags_for`` ``TAG_STEP`` articles per step (see ``process_job.pack_steps``)."""
    marks: list[tuple[str, int, str]] = []
    for n, article in enumerate(articles, 1):
        marks.extend((t.article_id, t.block_index, t.theme_id) for t in tags_for(article.id))
        if n % TAG_STEP == 0:
            yield
    return FindingsInputs(articles, tuple(marks), reliability)


def findings_job(inputs: FindingsInputs, cancel: CancelToken) -> Generator[Progress, None, Findings | None]:
    """The findings (entities, timeline, figures, corroboration) of the chosen sources, in a child process; ``None`` when cancelled.

    ``inputs`` may be packed (``process_job.pack_steps``); the findings come
    back packed, for the window to unpack in slices (``process_job.unpack_steps``).
    """
    from briefpack.model.progress import Progress

    yield Progress(0, 1, "Analysing the sources")
    if cancel.cancelled:
        return None
    return run_in_process(analyze_findings, (inputs,), cancel, packed_answer=True)


def analyze_findings(inputs: FindingsInputs) -> Findings:
    """What ``findings_job`` computes, on the calling thread (of the child process)."""
    from briefpack.analysis.findings import analyze

    tags = [ThemeTag(article_id, block_index, theme_id, ()) for article_id, block_index, theme_id in inputs.tags]
    # One process: forking more from a thread of the window's process would be unsafe for its other threads.
    return analyze(inputs.articles, tags, reliability=dict(inputs.reliability), workers=1)
