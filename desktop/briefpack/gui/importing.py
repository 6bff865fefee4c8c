"""Import files…: read and tag articles off the UI thread, add them to the project, show what happened.

``ImportController`` asks for files (or is handed files, folders and pastes
dropped on or pasted into the window), runs ``jobs.import_files`` (the same job
the CLI drains) on the job runner behind a ``JobProgressDialog``, then — on
the UI thread, because the project's database belongs to it — stores the new
articles and their tags a slice per turn of the event loop (at most
``STORE_SLICE`` articles, fewer when the slices before took more than
``STORE_BUDGET_S`` of the UI thread's time, so storing a thousand never
holds the window), indexes them for search at most ``INDEX_STEP_BLOCKS``
blocks per turn (one statement for them all would hold it too), hands them to the session in one undoable step (which
adds them to the panels without rebuilding them), and lists every file's fate in an
``ImportResultsDialog``. One unreadable file never stops the batch.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from briefpack.paths import seeds_dir

from briefpack.gui import heap, prompts
from briefpack.gui.progress import JobProgressDialog
from briefpack.gui.session import ProjectSession
from briefpack.gui.worker import JobRunner

if TYPE_CHECKING:  # the import pipeline loads with the first import (gui.worker), not with the window
    from briefpack.ingest import Pasted
    from briefpack.jobs import ImportResult

# Articles stored per turn of the event loop at most, and the UI thread's CPU time a turn aims at.
STORE_SLICE = 50
STORE_BUDGET_S = 0.02
# Blocks indexed for search per turn at most (a store slice indexes this many too): on a loaded machine 1,500 took
# 16-35 ms of the UI thread, 500 took 17-31 ms beside the slice's own storing (part of a step's cost is fixed).
INDEX_STEP_BLOCKS = 500


class ImportController(QObject):
    """``imported(ImportResult)`` fires after the articles were added; ``show_results`` ``False`` skips the dialog (tests)."""

    imported = Signal(object)

    def __init__(self, window: QWidget, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._runner = runner
        self._last_dir: Path | None = None
        self.running = False
        self.show_results = True
        self._result: ImportResult | None = None
        self._notices: list = []
        self._error: BaseException | None = None

    def ask_and_import(self, session: ProjectSession) -> None:
        start = self._last_dir or seeds_dir()
        paths = prompts.ask_open_paths(self._window, "Import articles", start, prompts.ARTICLE_FILTER)
        if paths:
            self._last_dir = paths[0].parent
            self.import_paths(session, paths)

    def import_paths(self, session: ProjectSession, paths: Sequence[Path | Pasted]) -> bool:
        """Start importing files, folders (recursively) and pastes; ``False`` (nothing done) while another import runs."""
        if self.running:
            return False
        taxonomy = session.taxonomy
        known = [a.id for a in session.articles]
        known_texts = session.project.text_keys()  # read here: the project belongs to the UI thread
        paths = list(paths)
        dialog = JobProgressDialog("Importing articles", self._window)
        self.running = True
        job = self._runner.submit(
            lambda cancel: _import_job(paths, taxonomy, known, known_texts, cancel),
            "Import",
            on_progress=dialog.on_progress,
            on_result=self._on_read,
            on_error=self._on_error,
            on_finished=lambda: self._on_finished(session, dialog),
        )
        dialog.follow(job)
        return True

    def _on_read(self, result: ImportResult) -> None:
        self._result = result

    def _on_error(self, error: BaseException) -> None:
        self._error = error

    def _on_finished(self, session: ProjectSession, dialog: JobProgressDialog) -> None:
        result, self._result = self._result, None
        if result is None or self._error is not None or session.closed:
            self._report(dialog, None)
        elif len(result.articles) <= STORE_SLICE:
            self._report(dialog, self._add(session, result, None))
        else:
            files = list(result.files)
            self._store_slices(session, result, dialog, (files, _tags_by_article(result)), [], [], STORE_SLICE)

    def _store_slices(self, session, result, dialog, left, added, notices, size: int) -> None:
        """Store one slice of about ``size`` articles, then let the event loop run before the next; the last hands everything to the session.

        ``left`` is (the files not stored yet, the import's tags by article).
        """
        if session.closed:
            self._report(dialog, None)
            return
        files, tags_of = left
        if files:
            from briefpack.jobs import Progress, store_import

            done = len(added)
            dialog.on_progress(Progress(done, len(result.articles), f"Adding articles to the project ({done} stored)"))
            part = _take(result, files, size, tags_of)
            session.project.index_step_blocks = INDEX_STEP_BLOCKS
            started = time.thread_time()
            new, found = store_import(session.project, part)
            spent = time.thread_time() - started
            added.extend(new)
            notices.extend(found)
            stored = max(1, len(part.articles))
            # As many as fit the budget at the pace just measured, never more than STORE_SLICE.
            size = min(STORE_SLICE, max(1, int(STORE_BUDGET_S * stored / spent))) if spent > 0 else size
            QTimer.singleShot(0, lambda: self._store_slices(session, result, dialog, left, added, notices, size))
            return
        if session.project.index_step():
            QTimer.singleShot(0, lambda: self._store_slices(session, result, dialog, left, added, notices, size))
            return
        # The last step of indexing ran in this turn: the session refreshes every panel in the next.
        QTimer.singleShot(0, lambda: self._hand_over(session, result, dialog, (added, notices)))

    def _hand_over(self, session: ProjectSession, result: ImportResult, dialog: JobProgressDialog, stored) -> None:
        self._report(dialog, None if session.closed else self._add(session, result, stored))

    def _add(self, session: ProjectSession, result: ImportResult, stored) -> ImportResult:
        session.add_imported(result, stored=stored)
        heap.settle()  # the new articles live as long as the project: they alone start no full collection
        self._notices = list(session.import_notices)
        self.imported.emit(result)
        return result

    def _report(self, dialog: JobProgressDialog, result: ImportResult | None) -> None:
        # Report only once the progress dialog is gone, so two modal dialogs never stack.
        dialog.on_finished()
        self.running = False
        error, self._error = self._error, None
        if error is not None:
            prompts.tell_error(self._window, "Import failed", f"The files could not be imported:\n{error}")
        elif result is not None and self.show_results:
            from briefpack.gui.dialogs import ImportResultsDialog

            ImportResultsDialog(result, self._window, notices=self._notices).exec()


def _import_job(paths, taxonomy, known, known_texts, cancel):
    """``jobs.import_files`` over ``paths``; called on the pool thread, which imports the pipeline if nothing has yet."""
    from briefpack.jobs import import_files

    return import_files(paths, taxonomy, known_ids=known, known_texts=known_texts, cancel=cancel)


def _take(result: ImportResult, files: list, size: int, tags_of: dict[str, list]) -> ImportResult:
    """The next part of ``result`` for ``store_import``: whole files off the front of ``files`` (removed there) with about ``size`` new articles.

    ``tags_of`` is ``_tags_by_article(result)``.
    """
    taken: list = []
    count = 0
    while files and (count < size or not taken):
        file = files.pop(0)
        taken.append(file)
        count += len(file.articles)
    return _part(result, taken, tags_of)


def _part(result: ImportResult, files: list, tags_of: dict[str, list]) -> ImportResult:
    from briefpack.jobs import ImportResult

    ids = [a.id for f in files for a in f.articles]
    return ImportResult(
        files=list(files),
        tags=[t for article_id in ids for t in tags_of.get(article_id, ())],
        fingerprints={k: result.fingerprints[k] for k in ids if k in result.fingerprints},
    )


def _tags_by_article(result: ImportResult) -> dict[str, list]:
    """The import's tags grouped by article, made once per import so each slice need not scan them all."""
    tags_of: dict[str, list] = {}
    for tag in result.tags:
        tags_of.setdefault(tag.article_id, []).append(tag)
    return tags_of
