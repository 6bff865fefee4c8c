"""The window's background jobs, as plain generators over the core: preview, export, findings.

Each takes a ``BriefInputs`` snapshot taken on the UI thread — immutable
articles, tags, taxonomy, selection and settings, never the ``Project``, whose
database connection belongs to the UI thread — and yields ``Progress`` like
the jobs in ``briefpack.jobs``. Nothing here imports Qt; ``gui.worker`` runs
these on the thread pool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from briefpack.jobs import CancelToken, ExportResult, Progress, compose_brief, export_brief
from briefpack.model.article import Article
from briefpack.model.brief import Brief
from briefpack.model.findings import Findings
from briefpack.model.notice import Notice
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag


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
        return compose_brief(
            self.articles, self.tags, self.taxonomy, self.selection, self.settings,
            reliability=dict(self.reliability), today=today,
        )


@dataclass(frozen=True, slots=True)
class PreviewResult:
    """A composed brief as HTML for the preview, with the warnings met composing it."""

    html: str
    notices: tuple[Notice, ...]


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """The export job's result: what was written, and warnings from composing and rendering."""

    export: ExportResult
    notices: tuple[Notice, ...]

    @property
    def cancelled(self) -> bool:
        return self.export.cancelled


def preview_job(inputs: BriefInputs, cancel: CancelToken) -> Generator[Progress, None, PreviewResult | None]:
    """Compose and render the brief to HTML; ``None`` when cancelled (a newer preview superseded it)."""
    # Imported here so that merely opening the window does not load the HTML renderer's dependencies.
    from briefpack.render.html import render_html_string

    yield Progress(0, 2, "Composing the brief")
    brief, notices = inputs.compose()
    if cancel.cancelled:
        return None
    yield Progress(1, 2, "Rendering the preview")
    html = render_html_string(brief)
    return PreviewResult(html, tuple(notices))


def export_job(
    inputs: BriefInputs, fmt: str, path: Path, cancel: CancelToken
) -> Generator[Progress, None, ExportOutcome]:
    """Compose the brief, then write it in format ``fmt`` to exactly ``path``.

    The composing step reports ``total == 0`` (no measurable progress), which
    the progress dialog shows as a busy bar.
    """
    yield Progress(0, 0, "Composing the brief")
    brief, notices = inputs.compose()
    path = Path(path)
    if cancel.cancelled:
        return ExportOutcome(ExportResult((), tuple(notices), cancelled=True), tuple(notices))
    result = yield from export_brief(brief, [fmt], path.parent, stem=path.stem, cancel=cancel)
    return ExportOutcome(result, tuple(notices) + tuple(result.notices))


@dataclass(frozen=True, slots=True)
class FindingsInputs:
    """What ``analyze`` reads, copied out of the project: the chosen sources, their tags and the publishers' grades."""

    articles: tuple[Article, ...]
    tags: tuple[ThemeTag, ...]
    reliability: tuple[tuple[str, str], ...]


def findings_job(inputs: FindingsInputs, cancel: CancelToken) -> Generator[Progress, None, Findings | None]:
    """The findings (entities, timeline, figures, corroboration) of the chosen sources; ``None`` when cancelled."""
    from briefpack.analysis.findings import analyze

    yield Progress(0, 1, "Analysing the sources")
    if cancel.cancelled:
        return None
    # One process: forking from a pool thread is unsafe for the window's other threads.
    findings = analyze(inputs.articles, inputs.tags, reliability=dict(inputs.reliability), workers=1)
    return None if cancel.cancelled else findings
