"""Reading, tagging and fingerprinting an import's files, in this process or spread over worker processes.

``jobs.import_files`` takes each input's outcome from ``read_here`` (small
batches: everything in the calling process) or ``read_in_workers`` (large
ones); both yield, in input order, ``(input, outcome)`` where the outcome is
an ``IngestError`` (the input is refused) or ``Read``: its articles with
their fingerprints and, from the workers, their theme tags. Deciding what
is a duplicate stays with the caller, which sees the outcomes in order.
Workers are never forked from the caller (the window calls from a worker
thread, and forking a process that runs threads is unsafe): on Linux they
fork from a fork server that has imported this module (and the readers,
tagging and store rows it needs, not the GUI) once, and that stays for the
next import; elsewhere each starts a fresh interpreter. Files travel to
them several at a time (``chunk_size``), and results come back as plain tuples
(``pack_article``), because unpickling dataclasses runs Python code per
object and would make the calling process the bottleneck; tags come back
already in the form the project file stores them, so the calling process
never encodes or decodes one. A worker that
dies (a reader crashing the interpreter, the memory killer) costs only the
file it was on: each worker marks in shared memory which file it is
reading, those files are read again alone in a fresh pool, and one that
kills its worker again is refused. When no worker can start at all, the
batch is read in the calling process, with the same results. Closing the
generator (a cancelled import) terminates the workers at once.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from briefpack.analysis.duplicates import Fingerprint, fingerprint
from briefpack.analysis.themes import tag_article, tag_values
from briefpack.collector import gc_paused
from briefpack.ingest import IngestError, Input, Pasted, read_input
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.notice import Notice
from briefpack.model.theme import Taxonomy, ThemeTag
from briefpack.store.rows import PackedTags

# Below this many inputs starting worker processes costs more than it saves (measured: ~0.7 s to start them).
MIN_FILES_FOR_WORKERS = 200
# Files per task: at most ``MAX_CHUNK``, fewer in a smaller import so that each worker gets some
# ``TASKS_PER_WORKER`` tasks and all of them finish about together, never fewer than ``MIN_CHUNK``
# (see ``chunk_size``). Large tasks cost less to hand out: on 10,000 dumps, in alternated runs, 64
# files a task instead of 16 imported faster in 4 pairs of 5 (by 4-12%), with 3% less CPU per article
# at the median, 7% less in the calling process (likely: a quarter of the results to wake its threads
# for, and fewer switches between three busy processes on two cores).
MIN_CHUNK = 16
MAX_CHUNK = 64
TASKS_PER_WORKER = 8
# Files queued per worker: enough that a worker never waits while the caller stores a batch
# (``jobs.STORE_BATCH`` articles) and then brings the search index up to date, up to half a second
# together on a busy 2-core machine (with batches of 200, 128 files a worker ran out and the cores
# idled a few per cent of an import); few enough that results read ahead stay a small part of
# memory (the calling process's peak rose by ~10 MB over 256 files).
AHEAD_FILES = 512
# Fresh pools in a row that die before delivering anything: then the workers cannot run here at all
# (a broken installation), and the rest of the batch is read in the calling process.
BARREN_POOLS = 3
# Seconds between looks at ``stop`` while waiting for a worker: a cancelled import stops about this fast.
POLL = 0.05


@dataclass(frozen=True, slots=True)
class Read:
    """What one input held: its articles in order, their fingerprints by id, and their tags by id (``None``: not tagged yet).

    Tags read here are ``ThemeTag`` lists; the workers' come in the form
    the project file stores them (``PackedTags``), which
    ``Project.add_articles`` takes as it is and ``PackedTags.tags`` decodes.
    """

    articles: list[Article]
    fingerprints: dict[str, Fingerprint]
    tags: dict[str, list[ThemeTag] | PackedTags] | None = None


def read_one(item: Input, imported_at: dt.datetime | None = None) -> list[Article]:
    """The articles of one input; any failure, even a reader's bug, becomes ``IngestError`` so the batch goes on."""
    try:
        return read_input(item, imported_at=imported_at)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise IngestError(item.name, "too complex to read (it ran out of memory or nesting depth)") from exc
    except Exception as exc:  # noqa: BLE001 - one file's reader bug must not cost the rest of the batch
        raise IngestError(item.name, f"could not be read: internal error in briefpack ({type(exc).__name__}: {exc})") from exc


def read_here(inputs: Sequence[Input], imported_at: dt.datetime | None) -> Iterator[tuple[Input, Read | IngestError]]:
    """Every input's outcome, read in the calling process one at a time as the caller asks; tags are left to the caller."""
    for item in inputs:
        try:
            articles = read_one(item, imported_at)
        except IngestError as exc:
            yield item, exc
            continue
        yield item, Read(articles, {a.id: fingerprint(a) for a in articles})


def chunk_size(inputs: int, workers: int) -> int:
    """Files per task for an import of ``inputs`` inputs over ``workers`` workers (see ``MAX_CHUNK``)."""
    return max(MIN_CHUNK, min(MAX_CHUNK, inputs // (max(workers, 1) * TASKS_PER_WORKER)))


def worker_count(inputs: int) -> int:
    """How many worker processes an import of ``inputs`` inputs should use; 0 or 1 means none (read here).

    A bundled (frozen) program uses them too: its entry point
    (``packaging/launcher.py``) calls ``multiprocessing.freeze_support()``,
    which turns the bundle's executable, started again as the fork server
    or a worker, into that process.
    """
    if inputs < MIN_FILES_FOR_WORKERS:
        return 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not offered on macOS and Windows
        cpus = os.cpu_count() or 1
    return cpus if cpus > 1 else 0


def read_in_workers(
    inputs: Sequence[Input],
    taxonomy: Taxonomy,
    imported_at: dt.datetime,
    workers: int,
    stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[Input, Read | IngestError]]:
    """Every input's outcome, tags included, read by ``workers`` processes; in input order, as they arrive.

    Workers read ahead of the caller by about ``AHEAD_FILES`` files each. The
    generator ends early, the workers stopped, when ``stop()`` turns true
    while it waits for them (checked every ``POLL`` seconds; ``None``: never
    stop early) or when the caller closes it. Workers are terminated, not
    waited for. A Python exception other than a reader's (those are
    refusals, as in ``read_here``) is raised here, as it would be in the
    calling process.
    """
    crew = _Crew(inputs, taxonomy, imported_at, workers, stop)
    try:
        for index, item in enumerate(inputs):
            outcome = crew.outcome(index)
            if outcome is None:
                return
            yield item, outcome
    finally:
        crew.close()


_NOT_STARTED, _STARTED, _DONE = 0, 1, 2
_CRASHED = ("refused", "could not be read: the reader stopped abruptly on it (the worker process reading it died)")


class _Crew:
    """The worker pool of one import: tasks queued in input order, results kept by input index until asked for.

    Each worker marks in a shared byte per input when it starts and ends
    reading it, so when a worker dies the files it was on are known: each
    is read again alone, and one that kills its worker again is refused.
    """

    def __init__(self, inputs: Sequence[Input], taxonomy: Taxonomy, imported_at: dt.datetime, workers: int, stop) -> None:
        self.inputs, self.taxonomy, self.imported_at, self.workers, self.stop = inputs, taxonomy, imported_at, workers, stop
        self.packed = [_pack_input(index, item) for index, item in enumerate(inputs)]
        self.chunk = chunk_size(len(inputs), workers)
        self.ahead = max(2, AHEAD_FILES // self.chunk)  # tasks queued per worker
        self.queue: deque[list[int]] = deque(self._chunks(list(range(len(inputs)))))
        self.in_flight: deque[tuple[list[int], Future]] = deque()
        self.ready: dict[int, tuple | Read | IngestError] = {}  # packed outcomes, or outcomes read here
        self.context = _context()
        self.states = self.context.Array("b", max(len(inputs), 1), lock=False)  # one _NOT_STARTED/_STARTED/_DONE per input
        self.barren = 0  # pools in a row that died before any file was started
        self.here = False  # the workers cannot run: read the rest in this process
        self.pool: ProcessPoolExecutor | None = self._start()

    def outcome(self, index: int) -> Read | IngestError | None:
        """Input ``index``'s outcome, waiting for it if need be; ``None`` when ``stop()`` turned true meanwhile."""
        while index not in self.ready:
            if self.here:
                self.ready[index] = _read_and_tag_here(self.inputs[index], self.imported_at, self.taxonomy)
                break
            if not self._top_up():
                continue
            unit, future = self.in_flight[0]  # queued in input order: it holds ``index``
            if not self._wait(future):
                return None
            self.in_flight.popleft()
            try:
                self.ready.update(zip(unit, future.result()))
            except BrokenProcessPool:
                self.in_flight.appendleft((unit, future))
                if not self._recover():
                    return None
        found = self.ready.pop(index)
        return _unpack_outcome(self.inputs[index], found) if isinstance(found, tuple) else found

    def close(self) -> None:
        if self.pool is not None:
            _stop_pool(self.pool)
            self.pool = None

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, mp_context=self.context, initializer=_start_worker, initargs=(self.taxonomy, self.imported_at, self.states)
        )

    def _top_up(self) -> bool:
        """Queue tasks up to ``self.ahead`` per worker; ``False`` when no worker process can be started here."""
        while self.queue and len(self.in_flight) < self.workers * self.ahead:
            unit = self.queue[0]
            try:
                future = self._submit(unit)
            except BrokenProcessPool:  # a worker died meanwhile
                if self.in_flight:
                    break  # the task in front tells, and _recover follows
                self._recover()  # nothing in flight was lost: only a fresh pool is needed
                if self.here:
                    return False
                continue
            except Exception:  # noqa: BLE001 - e.g. a bundled app that cannot start the fork server
                self.here = True  # the same results, read in this process
                self.close()
                return False
            self.in_flight.append((self.queue.popleft(), future))
        return True

    def _chunks(self, indexes: list[int]) -> list[list[int]]:
        """``indexes`` cut into tasks of ``self.chunk`` files, in order."""
        return [indexes[i : i + self.chunk] for i in range(0, len(indexes), self.chunk)]

    def _submit(self, unit: list[int]) -> Future:
        assert self.pool is not None
        return self.pool.submit(read_chunk, [self.packed[i] for i in unit])

    def _wait(self, future: Future) -> bool:
        """Wait until ``future`` is done; ``False`` if ``stop()`` turned true first."""
        while not wait([future], timeout=POLL).done:
            if self.stop is not None and self.stop():
                return False
        return True

    def _recover(self) -> bool:
        """After a worker died: keep the results that came back, read the files it was on alone, queue the rest again."""
        lost: list[int] = []
        for unit, future in self.in_flight:
            if future.done() and not future.cancelled() and future.exception() is None:
                self.ready.update(zip(unit, future.result()))
            else:
                lost.extend(unit)
        self.in_flight.clear()
        self.close()
        suspects = [i for i in lost if self.states[i] == _STARTED]
        self.barren = 0 if suspects else self.barren + 1
        if self.barren >= BARREN_POOLS:  # workers die before reading anything: they cannot run here
            self.here = True
            return True
        self.pool = self._start()
        for index in suspects:  # alone in the pool, so a death now is this file's doing
            future = self._submit([index])
            if not self._wait(future):
                return False
            try:
                [self.ready[index]] = future.result()
            except BrokenProcessPool:
                self.ready[index] = _CRASHED
                self.close()
                self.pool = self._start()
        rest = [i for i in lost if i not in self.ready]
        self.queue.extendleft(reversed(self._chunks(rest)))
        return True


def _read_and_tag_here(item: Input, imported_at: dt.datetime, taxonomy: Taxonomy) -> Read | IngestError:
    """One input's outcome as a worker gives it (tags included), read in this process."""
    [(_, outcome)] = read_here([item], imported_at)
    if isinstance(outcome, Read):
        outcome = Read(outcome.articles, outcome.fingerprints, {a.id: tag_article(a, taxonomy) for a in outcome.articles})
    return outcome


# ------------------------------------------------------------------ the pool


def _context():
    # One BLAS thread in the processes started from here (they inherit the environment, and read it when numpy
    # loads): briefpack's numpy work is integer arithmetic and comparisons, never BLAS, yet OpenBLAS starts a
    # thread per core with numpy that spins on a core for a while (~0.03 s CPU per process, measured) first.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        # Imported once in the fork server, so every worker starts with them loaded ("__main__" too:
        # each worker would import the main module again otherwise). Ignored once the server runs.
        context.set_forkserver_preload(["__main__", __name__])
        return context
    return multiprocessing.get_context("spawn")


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` without waiting for the files its workers are reading."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the executor's processes are reachable only here, and only until shutdown forgets them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


# What a worker reads with, set once when it starts.
_TAXONOMY: Taxonomy | None = None
_IMPORTED_AT: dt.datetime | None = None
_STATES = None  # the import's shared bytes, one per input: _NOT_STARTED, _STARTED, _DONE


def _start_worker(taxonomy: Taxonomy, imported_at: dt.datetime, states) -> None:
    global _TAXONOMY, _IMPORTED_AT, _STATES
    _TAXONOMY, _IMPORTED_AT, _STATES = taxonomy, imported_at, states


def read_chunk(packed_inputs: list[tuple]) -> list[tuple]:
    """Worker: read, fingerprint and tag each input; ``("refused", reason)`` or ``("read", [pack_article(...), ...])`` per input."""
    assert _TAXONOMY is not None and _STATES is not None, "the worker was started without _start_worker"
    out: list[tuple] = []
    with gc_paused():  # reading builds many small acyclic objects; the collector would rescan them all
        for packed in packed_inputs:
            index, item = _unpack_input(packed)
            _STATES[index] = _STARTED
            try:
                articles = read_one(item, _IMPORTED_AT)
            except IngestError as exc:
                out.append(("refused", exc.reason))
            else:
                out.append(("read", [pack_article(a, fingerprint(a), tag_values(a, _TAXONOMY)) for a in articles]))
            _STATES[index] = _DONE
    return out


def _pack_input(index: int, item: Input) -> tuple:
    pasted = item.pasted
    return (
        index,
        item.name,
        os.fspath(item.path) if item.path is not None else None,
        (pasted.data, pasted.label, pasted.reader) if pasted is not None else None,
        item.problem,
    )


def _unpack_input(packed: tuple) -> tuple[int, Input]:
    index, name, path, pasted, problem = packed
    return index, Input(name, Path(path) if path is not None else None, Pasted(*pasted) if pasted is not None else None, problem)


def _unpack_outcome(item: Input, outcome: tuple) -> Read | IngestError:
    kind, payload = outcome
    if kind == "refused":
        return IngestError(item.name, payload)
    articles, prints, tags = [], {}, {}
    for packed in payload:
        article, fp, article_tags = unpack_article(packed)
        articles.append(article)
        prints[article.id] = fp
        tags[article.id] = article_tags
    return Read(articles, prints, tags)


# ------------------------------------------------------------------ articles as plain tuples


def pack_article(article: Article, fp: Fingerprint, tags: list[tuple[int, str, tuple[str, ...], float]]) -> tuple:
    """``article`` with its fingerprint and tags as plain tuples, to send to another process (``unpack_article`` rebuilds them).

    ``tags`` are ``themes.tag_values``; they travel in the form the project
    file stores them (``PackedTags``), so the process that stores them never
    encodes or decodes them.
    """
    a = article
    packed = PackedTags.of(tags, a.id)
    values = _KIND_VALUES
    return (
        a.id, a.title, a.title_derived, a.authors, a.publisher, a.url, a.published, a.language, a.category,
        tuple([(values[b.kind], b.text, b.role) for b in a.blocks]), a.captions, a.image_credits,
        (a.provenance.file_name, a.provenance.sha256, a.provenance.imported_at),
        a.rights_holder, a.original_language, tuple((w.code, w.message, w.subject) for w in a.warnings),
        (fp.text_key, fp.signature, fp.bands), (packed.text, packed.themes, packed.blocks),
    )


_KINDS = {kind.value: kind for kind in BlockKind}
# An enum's ``.value`` is a descriptor call per block; a dict lookup is several times cheaper.
_KIND_VALUES = {kind: kind.value for kind in BlockKind}


def unpack_article(packed: tuple) -> tuple[Article, Fingerprint, PackedTags]:
    """The article, fingerprint and packed tags ``pack_article`` packed; the article and fingerprint equal to the originals."""
    (article_id, title, title_derived, authors, publisher, url, published, language, category, blocks, captions,
     credits, provenance, rights_holder, original_language, warnings, fp, tags) = packed
    kinds = _KINDS
    article = Article(
        article_id, title, title_derived, authors, publisher, url, published, language, category,
        tuple([Block(kinds[kind], text, role) for kind, text, role in blocks]), captions, credits,
        Provenance(*provenance), rights_holder, original_language, tuple([Notice(*w) for w in warnings]),
    )
    return article, Fingerprint(article_id, *fp), PackedTags(*tags)
