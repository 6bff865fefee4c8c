"""Long work as plain generators: importing files, composing and exporting a brief.

Each job is a generator that yields ``Progress(done, total, label)`` after
every unit of work and returns its result (``StopIteration.value``). A job
checks its ``CancelToken`` between units and stops early when it is set (both
from ``model.progress``, light enough for a window to load first), so
the GUI can run it on a worker thread with a Cancel button, and the CLI can
simply drain it with ``run_to_end``. Jobs never touch widgets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_article
from briefpack.analysis.duplicates import Fingerprint
from briefpack.analysis.findings import analyze
from briefpack.assembly import build_brief, load_template, uses_findings
from briefpack.assembly.templates import TemplateError, find_template
from briefpack.citations import cite_brief
from briefpack.collector import gc_paused
from briefpack.import_pool import Read, read_here, read_in_workers, worker_count
from briefpack.ingest import IngestError, Input, Pasted, expand_inputs
from briefpack.model.article import Article
from briefpack.model.brief import Brief
from briefpack.model.findings import Findings
from briefpack.model.notice import Notice
from briefpack.model.progress import CancelToken, Progress  # here for the jobs' callers as well
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import Taxonomy, ThemeTag
from briefpack.render import RENDERERS, render
from briefpack.store import Project
from briefpack.store.rows import PackedTags


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
    """What became of one input: a file, or a paste from the clipboard or standard input.

    ``name`` is what to show (the path as given, or ``<clipboard>``);
    ``path`` is ``None`` for a paste. ``articles`` are the articles read
    from it that were new; ``duplicates`` those already in the project (or
    earlier in the batch). Both are empty when the input was ``refused``;
    ``reasons`` say why, or list the warnings.
    """

    name: str
    status: str
    reasons: tuple[str, ...] = ()
    articles: tuple[Article, ...] = ()
    duplicates: tuple[Article, ...] = ()
    path: Path | None = None

    @property
    def article(self) -> Article | None:
        """The first article read from this input (a new one before a duplicate); ``None`` when refused."""
        return next(iter(self.articles or self.duplicates), None)


@dataclass(slots=True)
class ImportResult:
    """Every input's fate, in order, and the theme tags of the new articles.

    ``packed_tags`` holds, by article id, the tags of new articles that
    ``import_into`` passes to the store as the workers packed them; those
    articles have none in ``tags``. ``import_files`` leaves it empty.
    """

    files: list[FileResult] = field(default_factory=list)
    tags: list[ThemeTag] = field(default_factory=list)
    cancelled: bool = False
    # Duplicate fingerprints of the new articles by id, computed once here so the store need not.
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    packed_tags: dict[str, PackedTags] = field(default_factory=dict)

    @property
    def articles(self) -> list[Article]:
        """The new articles of the batch, in input order."""
        return [a for f in self.files for a in f.articles]

    @property
    def imported_count(self) -> int:
        """How many inputs added at least one article."""
        return sum(1 for f in self.files if f.status in (IMPORTED, IMPORTED_WITH_WARNINGS))


def import_files(
    paths: Sequence[Path | str | Pasted],
    taxonomy: Taxonomy,
    *,
    known_ids: Iterable[str] = (),
    known_texts: Iterable[str] = (),
    cancel: CancelToken | None = None,
    imported_at: dt.datetime | None = None,
) -> Generator[Progress, None, ImportResult]:
    """Read and tag every input; one bad input never stops the batch.

    ``paths`` are files, folders (every file under them, recursively, hidden
    ones skipped) and pastes (``ingest.Pasted``: the clipboard, standard
    input). Each file gets one ``FileResult``: ``imported``,
    ``imported-with-warnings``, ``duplicate`` (every article it holds is
    already there: the same bytes, an id in ``known_ids``, or the same text
    from another copy, a text key in ``known_texts`` — see
    ``Project.text_keys`` — or earlier in the batch) or ``refused`` with the
    reason. ``imported_at`` is the import time every article records
    (``None``: now, in UTC). A batch of ``import_pool.MIN_FILES_FOR_WORKERS``
    inputs or more is read in worker processes (``import_pool``), with the
    same result as reading it here. Runs on any thread; stops between files
    when ``cancel`` is set, and then stops the workers too.
    """
    result = ImportResult()
    yield from _read_into(result, paths, taxonomy, known_ids, known_texts, cancel, imported_at)
    return result


# New articles ``import_into`` stores per transaction: large enough that a batch's fixed costs are small
# beside it (each batch reads back the band-key matches and candidates' signatures it needs, and the same
# stored articles come up batch after batch: 500 instead of 200 took a tenth less CPU in the importing
# process on 10,000 dumps), small enough that the workers, reading ahead, never wait for the store.
STORE_BATCH = 500
# The fewest new articles ``import_into`` stores at once before the last file is in.
_LAST_BATCH = 16


def import_into(
    project: Project,
    paths: Sequence[Path | str | Pasted],
    taxonomy: Taxonomy,
    *,
    cancel: CancelToken | None = None,
    imported_at: dt.datetime | None = None,
    batch: int = STORE_BATCH,
) -> Generator[Progress, None, tuple[ImportResult, list[Article], list[Notice]]]:
    """``import_files`` and ``store_import`` in one: articles are added ``batch`` at a time while the rest are read.

    With worker processes reading, the calling process stores one batch
    while they read the next. Towards the end of the inputs the batches
    shrink (whoever reads), so that little is left to store once the last
    file is read. Duplicates are
    judged against ``project`` and the batch, as ``import_files`` does.
    Returns the ``ImportResult`` (every input's ``FileResult``; its
    ``tags`` and ``fingerprints`` are left empty: they are in the project
    now) with what ``store_import`` returned for all batches. When cancelled, the batches stored so far
    stay in the project. Python's cyclic collector is paused, for the whole
    process, until the job ends or is closed. Call on the thread that owns
    ``project``.
    """
    result = ImportResult()
    added: list[Article] = []
    notices: list[Notice] = []
    stored_files = 0  # files of result.files already handed to store_import

    def store() -> None:
        nonlocal stored_files
        if stored_files == len(result.files):
            return
        part = ImportResult(
            files=result.files[stored_files:], tags=result.tags, fingerprints=result.fingerprints, packed_tags=result.packed_tags
        )
        new, found = store_import(project, part)
        added.extend(new)
        notices.extend(found)
        stored_files = len(result.files)
        result.tags, result.fingerprints, result.packed_tags = [], {}, {}

    known_ids = [a.id for a in project.articles]
    # The cyclic collector is paused for the whole import (between progress reports too; closing the job
    # early ends the pause): nearly all an import builds (articles, blocks, tags) stays in the project, so
    # each collection meanwhile would only rescan the growing heap, the oldest part several times over
    # (measured: 2% of this process's instructions). What is left runs once the import ends.
    with gc_paused():
        reading = _read_into(result, paths, taxonomy, known_ids, project.text_keys(), cancel, imported_at, keep_packed=True)
        for progress in reading:
            yield progress
            # One fingerprint per new article not stored yet. Towards the end a store comes once as many
            # are pending as inputs remain, so the batches shrink by halves: what is left when the last
            # file comes in (stored with one core idle, the workers done) is a few articles, not a batch
            # (a quarter of a second of a 10,000-dump import otherwise).
            if len(result.fingerprints) >= min(batch, max(progress.total - progress.done, _LAST_BATCH)):
                store()
        store()
    return result, added, notices


def _read_into(
    result: ImportResult,
    paths: Sequence[Path | str | Pasted],
    taxonomy: Taxonomy,
    known_ids: Iterable[str],
    known_texts: Iterable[str],
    cancel: CancelToken | None,
    imported_at: dt.datetime | None,
    keep_packed: bool = False,
) -> Generator[Progress, None, None]:
    """``import_files``' work, filling ``result`` file by file (see there); ``keep_packed``: tags the workers packed go to ``result.packed_tags``."""
    seen = set(known_ids)
    shared: dict = {}  # equal theme ids and evidence of decoded tags become one object each
    seen_texts = set(known_texts)
    yield Progress(0, 0, "Listing files")
    inputs = expand_inputs(paths)
    when = imported_at if imported_at is not None else dt.datetime.now(dt.timezone.utc)
    workers = worker_count(len(inputs))
    stop = (lambda: cancel.cancelled) if cancel is not None else None
    outcomes = read_in_workers(inputs, taxonomy, when, workers, stop) if workers > 1 else read_here(inputs, when)
    try:
        for n, item in enumerate(inputs):
            if cancel is not None and cancel.cancelled:
                result.cancelled = True
                break
            yield Progress(n, len(inputs), f"Reading {item.name}")
            _, outcome = next(outcomes, (None, None))
            if outcome is None:  # the workers stopped: cancelled while waiting for them
                result.cancelled = True
                break
            if isinstance(outcome, IngestError):
                result.files.append(FileResult(item.name, REFUSED, (outcome.reason,), path=item.path))
                continue
            result.files.append(_sort_out(item, outcome, taxonomy, seen, seen_texts, result, shared if not keep_packed else None))
    finally:
        outcomes.close()  # a cancelled import stops its workers here
    yield Progress(len(result.files), len(inputs), "Imported")


def _sort_out(
    item: Input, read: Read, taxonomy: Taxonomy, seen: set[str], seen_texts: set[str], result: ImportResult, shared: dict | None
) -> FileResult:
    """One input's ``FileResult``: its articles split into new and already known (adding the new ones to ``seen``), tags into ``result``.

    Packed tags stay packed in ``result.packed_tags`` when ``shared`` is
    ``None``; otherwise they are decoded into ``result.tags``, equal values
    shared through ``shared``.
    """
    articles, prints = read.articles, read.fingerprints
    new, old = [], []
    for article in articles:
        text_key = prints[article.id].text_key
        if article.id in seen or text_key in seen_texts:
            old.append(article)
        else:
            new.append(article)
            seen.add(article.id)
            seen_texts.add(text_key)
    old = tuple(old)
    if not new:
        return FileResult(item.name, DUPLICATE, ("already in the project",), (), old, item.path)
    result.fingerprints.update((a.id, prints[a.id]) for a in new)
    for article in new:
        tags = read.tags[article.id] if read.tags is not None else tag_article(article, taxonomy)
        if type(tags) is not PackedTags:
            result.tags.extend(tags)
        elif shared is None:
            result.packed_tags[article.id] = tags
        else:
            result.tags.extend(tags.tags(article.id, shared))
    reasons = [w.message for a in new for w in a.warnings]
    if old:
        reasons.append(f"{len(old)} of its {len(articles)} articles were already in the project")
    status = IMPORTED_WITH_WARNINGS if reasons else IMPORTED
    return FileResult(item.name, status, tuple(dict.fromkeys(reasons)), tuple(new), old, item.path)


def store_import(project: Project, result: ImportResult) -> tuple[list[Article], list[Notice]]:
    """Add an import's new articles with their tags to ``project`` in one transaction.

    Returns the articles added and a ``near-duplicate`` warning for each one
    that resembles an article already there (a syndicated or lightly edited
    copy: added, grouped and flagged). Call on the thread that owns the project.
    """
    tags_of: dict[str, list[ThemeTag] | PackedTags] = {}
    for tag in result.tags:
        tags_of.setdefault(tag.article_id, []).append(tag)
    tags_of.update(result.packed_tags)
    articles = result.articles
    outcomes = project.add_articles([(a, tags_of.get(a.id, [])) for a in articles], result.fingerprints)
    by_id = {a.id: a for a in articles}
    added = [by_id[o.article_id] for o in outcomes if o.added]
    notices = []
    for outcome in outcomes:
        if outcome.added and outcome.similar:
            other = project.article(outcome.similar[0][0])
            title = other.display_title if other is not None else outcome.similar[0][0]
            notices.append(
                Notice(
                    "near-duplicate",
                    f"“{by_id[outcome.article_id].display_title}” closely resembles “{title}” "
                    f"(about {outcome.similar[0][1]:.0%} alike); both are kept and grouped.",
                    outcome.article_id,
                )
            )
    return added, notices


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
    findings: Findings | None = None,
    reliability: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> tuple[Brief, list[Notice]]:
    """Build the brief from the template and run the citations pass: what every renderer gets.

    ``findings`` feeds the sections that show analysis (timeline, key figures,
    people, corroboration, grades); ``None`` means analyse the articles here
    when the template has such sections, with the analyst's publisher grades
    ``reliability`` (``None``: none graded, every publisher "F").
    """
    template = load_template(settings.template)
    if findings is None and uses_findings(template):
        findings = analyze(articles, tags, reliability=dict(reliability or {}))
    brief, notices = build_brief(
        articles, tags, taxonomy, selection, settings, template, findings=findings, today=today
    )
    cited, cite_notices = cite_brief(brief, {a.id: a for a in articles}, style=settings.style, accessed=today)
    return cited, notices + list(cite_notices)


def export_brief(
    brief: Brief,
    formats: Sequence[str],
    out_dir: Path,
    *,
    stem: str = "brief",
    cancel: CancelToken | None = None,
    template: str | Path | None = None,
) -> Generator[Progress, None, ExportResult]:
    """Render a cited brief to each format in ``out_dir``; stops between formats when cancelled.

    The template's export settings (its Word reference document) apply:
    ``template`` is its name or ``.toml`` path, ``None`` the one
    ``brief.meta.template`` names; when no such template is found now, the
    renderers' defaults apply.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    notices: list[Notice] = []
    options = _render_options(brief, template, notices) if "docx" in formats else {}
    for n, fmt in enumerate(formats):
        if cancel is not None and cancel.cancelled:
            return ExportResult(tuple(written), tuple(notices), cancelled=True)
        yield Progress(n, len(formats), f"Writing {fmt.upper()}")
        path = out_dir / f"{stem}{RENDERERS[fmt].extension}"
        notices.extend(render(brief, fmt, path, options.get(fmt)))
        written.append(path)
    yield Progress(len(formats), len(formats), "Done")
    return ExportResult(tuple(written), tuple(notices))


def _render_options(brief: Brief, template: str | Path | None, notices: list[Notice]) -> dict[str, object]:
    """Renderer options by format from the brief's template (its Word reference document); absent: defaults."""
    try:
        found = load_template(template) if template is not None else find_template(brief.meta.template)
    except TemplateError as exc:
        notices.append(Notice("template-unreadable", f"The template's Word house style was not used: {exc}"))
        return {}
    if found is None or found.reference_docx is None:
        return {}
    from briefpack.render.docx import DocxOptions  # here, so exports without Word never load python-docx

    return {"docx": DocxOptions(reference_docx=found.reference_docx)}


def default_taxonomy() -> Taxonomy:
    return load_taxonomy(None)
