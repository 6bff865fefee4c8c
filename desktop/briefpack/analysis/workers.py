"""Per-article work spread over worker processes: ``map_articles(fn, articles, workers)``.

The finding passes and theme tagging read each article on its own, so that
half of the analysis splits into contiguous chunks of articles; results come
back in article order, so the cross-article merging that follows sees exactly
what a single process would have produced. On Linux the children are
forked, so they inherit the articles instead of receiving them pickled, and
the calling process works on the first chunk itself rather than sitting
idle, so two workers use one child; ``iter_articles`` hands the calling
process's own results over before it waits for the children, so the
caller's merging overlaps their work, and when it has nothing to merge it
takes over the children's last parts that no child has started yet. Elsewhere (no safe fork), and for
``workers`` of 1 or tiny inputs, everything runs in the calling process. Forking a
process that runs other threads is unsafe for them, which is why callers
opt in with ``workers`` rather than getting it by default.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# Below this many articles starting a child costs more than it saves.
MIN_PER_WORKER = 200
# The share of its even chunk the calling process leaves to the children (measured: unpacking their
# results costs it about this much of its own chunk's time).
MAIN_SHARE_CUT = 0.08

# What the forked children read: set just before the pool starts, cleared after.
_JOB: tuple[Callable[..., Any], Sequence[Any], tuple[Any, ...]] | None = None
_JOB_LOCK = threading.Lock()  # two threads forking at once would overwrite each other's _JOB


def _run_chunk(start: int, stop: int, pack: Callable[[Any], Any] | None = None, packed_fn: Callable[..., Any] | None = None) -> list[Any]:
    fn, items, extra = _JOB  # type: ignore[misc]
    if packed_fn is not None:
        return [packed_fn(item, *extra) for item in items[start:stop]]
    if pack is None:
        return [fn(item, *extra) for item in items[start:stop]]
    return [pack(fn(item, *extra)) for item in items[start:stop]]


def map_articles(
    fn: Callable[..., T],
    articles: Sequence[Any],
    workers: int = 1,
    *extra: Any,
    pack: Callable[[T], Any] | None = None,
    unpack: Callable[[Any, Any], T] | None = None,
    packed_fn: Callable[..., Any] | None = None,
    pieces: int = 1,
) -> list[T]:
    """``[fn(a, *extra) for a in articles]``, computed in up to ``workers`` processes; order kept.

    ``fn``, ``pack`` and ``unpack`` must be module-level functions. A result
    computed in a child is sent back as ``pack(result)`` and rebuilt with
    ``unpack(packed, article)``: pickling plain tuples is many times faster
    than pickling dataclasses, whose per-object ``__getstate__`` and
    ``__setstate__`` run in Python. ``packed_fn``, if given, computes
    ``pack(fn(a, *extra))`` directly, and the children call it instead: they
    then skip building results only to take them apart again. ``pieces`` as
    for ``iter_articles``.
    """
    return list(iter_articles(fn, articles, workers, *extra, pack=pack, unpack=unpack, packed_fn=packed_fn,
                              main_share_cut=MAIN_SHARE_CUT, pieces=pieces))


def iter_articles(
    fn: Callable[..., T],
    articles: Sequence[Any],
    workers: int = 1,
    *extra: Any,
    pack: Callable[[T], Any] | None = None,
    unpack: Callable[[Any, Any], T] | None = None,
    main_share_cut: float = MAIN_SHARE_CUT,
    pieces: int = 1,
    packed_fn: Callable[..., Any] | None = None,
) -> Generator[T, None, None]:
    """``map_articles`` as an iterator, for a caller that merges results as they come.

    The calling process yields the results of its own chunk first, while
    the children still work, so what the caller does with them overlaps
    the children's work; ``main_share_cut`` is the share of its even chunk
    the calling process leaves to the children to make room for that (and
    for rebuilding their results). Each child sends its chunk back in
    ``pieces`` parts, so the caller takes in the first parts while the
    child reads the last. Consume it to the end or ``close`` it: the
    children are waited for, and the fork lock released, only then.
    """
    workers = max(1, min(workers, len(articles) // MIN_PER_WORKER))
    # Linux only: macOS offers fork too, but its system frameworks may crash in a forked child.
    if workers == 1 or not sys.platform.startswith("linux"):
        for a in articles:
            yield fn(a, *extra)
        return
    with _JOB_LOCK:
        yield from _forked(fn, articles, workers, extra, pack, unpack, main_share_cut, max(1, pieces), packed_fn)


def _forked(
    fn: Callable[..., T], articles: Sequence[Any], workers: int, extra: tuple[Any, ...], pack, unpack, cut: float, pieces: int,
    packed_fn: Callable[..., Any] | None = None,
) -> Generator[T, None, None]:
    global _JOB
    # The calling process also rebuilds the children's results, so it takes a slightly smaller chunk.
    first = int(len(articles) * (1 - cut) / workers)
    rest = len(articles) - first
    bounds = [0] + [first + rest * k // (workers - 1) for k in range(workers)]
    _JOB = (fn, articles, extra)
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            # The children's share as ``pieces`` tasks per child, in article order; each result comes back
            # as soon as it is done (which child reads which task does not matter).
            parts = []
            for k in range(1, workers):
                a, b = bounds[k], bounds[k + 1]
                parts += [(a + (b - a) * n // pieces, a + (b - a) * (n + 1) // pieces) for n in range(pieces)]
            futures = [(start, stop, pool.submit(_run_chunk, start, stop, pack, packed_fn)) for start, stop in parts]
            yield from (fn(item, *extra) for item in articles[bounds[0] : bounds[1]])
            yield from _collect(fn, articles, extra, unpack, futures)
    finally:
        _JOB = None


def _collect(fn: Callable[..., T], articles: Sequence[Any], extra: tuple[Any, ...], unpack, futures: list) -> Generator[T, None, None]:
    """The children's parts, in order; while the next one is not ready, this process reads the last parts no child has started.

    A part is dispatched to a child only when the child is nearly free, so
    the parts not yet dispatched can be cancelled and read here instead:
    the two processes then finish together, whatever the machine's other
    load or a misjudged split, rather than this one waiting idle.
    """
    stolen: dict[int, list[T]] = {}
    back = len(futures) - 1  # the last part that may still be taken over
    for k, (start, stop, future) in enumerate(futures):
        while k < back and not future.done():
            b_start, b_stop, b_future = futures[back]
            if not b_future.cancel():
                back = k  # a child has it, so it has every part before it too: nothing more to take
                break
            stolen[back] = [fn(item, *extra) for item in articles[b_start:b_stop]]
            back -= 1
        if k in stolen:
            yield from stolen.pop(k)
            continue
        got = future.result()
        if unpack is not None:
            got = [unpack(packed, item) for packed, item in zip(got, articles[start:stop])]
        yield from got


