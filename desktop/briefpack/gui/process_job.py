"""Run one function in a child process for a pool thread, so heavy core work neither holds the window's GIL nor outlives a cancel.

A pool thread keeps the window responsive only while the work it runs lets
go of the interpreter lock; composing a thousand-source brief does not (it
spends seconds inside single C calls, such as decoding pandoc's JSON), and
a PDF being written cannot be stopped halfway. ``run_in_process`` hands
``fn(*args)`` to a fresh child process (forked from a clean fork server on
Linux, where the core modules are loaded once, spawned elsewhere) and waits
for its answer on a pipe, checking the ``CancelToken`` meanwhile: a cancel
terminates the child at once. ``fn`` and its arguments travel pickled, so
``fn`` must be a module-level function. Pickling is a single C call that
holds the interpreter lock throughout, a tenth of a second for a thousand
articles, so the long tuples of the arguments and of the answer
(dataclasses' fields: articles, tags, findings) travel pickled ``PIECE``
items at a time (``pack``/``unpack``), and the window runs between pieces. A child runs at a lower priority
(``CHILD_NICENESS``), so on a busy machine the window's UI thread gets the
processor first.
Unpickling those dataclasses runs Python code for every object, which a
pool thread would do while the UI thread waits for the interpreter lock,
so the window packs a job's arguments and unpacks its answer on the UI
thread itself, one piece per step (``pack_steps``/``unpack_steps``, driven
by ``worker.JobRunner.run_steps`` in bounded slices), and asks
``run_in_process`` for the answer still packed; the pieces of the last few
long tuples packed are kept (``REMEMBERED``), so the preview, the export and
the findings of one version of the project pickle its articles once.
A bundled program runs children too: its launcher calls
``multiprocessing.freeze_support()``. Nothing here imports Qt.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import multiprocessing
import os
import pickle
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefpack.model.progress import CancelToken

POLL_SECONDS = 0.05
# Children yield the processor to the window: on a busy machine its UI thread runs first (POSIX niceness, 0-19).
CHILD_NICENESS = 10
# Loaded once by the fork server, so each child starts with the core ready.
PRELOAD = ["briefpack.jobs", "briefpack.render.pdf", "briefpack.gui.tasks"]
_CONTEXT_LOCK = threading.Lock()
_context = None
# Items of a long tuple pickled in one go: a few milliseconds of holding the interpreter lock.
PIECE = 64
# Long tuples whose pieces are kept (with the tuples), most recently packed first: a project's articles and tags,
# and the chosen sources' articles.
REMEMBERED = 4
_REMEMBERED: OrderedDict[int, tuple[tuple, _Pieces]] = OrderedDict()
_REMEMBERED_LOCK = threading.Lock()


ANSWERED, FAILED = b"A", b"F"


@dataclasses.dataclass(frozen=True)
class Pickled:
    """An answer as the child process sent it: the pickle of what ``pack`` made of it (``unpack_steps`` reads it)."""

    data: bytes | memoryview


@dataclasses.dataclass(frozen=True)
class _Pieces:
    """A long tuple, pickled ``PIECE`` items at a time."""

    pieces: tuple[bytes, ...]


def pack(value: Any) -> Any:
    """``value``, or when it is a dataclass instance with tuple fields longer than ``PIECE``, a copy with those pickled in pieces."""
    return run_steps(pack_steps(value))


def unpack(value: Any) -> Any:
    """What ``pack`` was given, from what it returned (after a trip through a pipe)."""
    return run_steps(unpack_steps(value))


def pack_steps(value: Any) -> Generator[None, None, Any]:
    """``pack(value)`` as a generator that yields after each piece it pickles and returns the packed value.

    Packing a value already packed returns it unchanged.
    """
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    packed = None
    for f in dataclasses.fields(value):
        items = getattr(value, f.name)
        if isinstance(items, tuple) and len(items) > PIECE:
            pieces = _remembered(items)
            if pieces is None:
                made = []
                for n in range(0, len(items), PIECE):
                    made.append(pickle.dumps(items[n:n + PIECE], pickle.HIGHEST_PROTOCOL))
                    yield
                pieces = _remember(items, _Pieces(tuple(made)))
            packed = packed if packed is not None else copy.copy(value)
            object.__setattr__(packed, f.name, pieces)  # a private copy: frozen does not apply to it
    return packed if packed is not None else value


def unpack_steps(value: Any) -> Generator[None, None, Any]:
    """``unpack(value)`` as a generator that yields after each piece it unpickles and returns the value whole.

    ``value`` may also be a ``Pickled`` answer: it is unpickled first, in a step of its own.
    """
    if isinstance(value, Pickled):
        value = pickle.loads(value.data)
        yield
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    for f in dataclasses.fields(value):
        items = getattr(value, f.name)
        if isinstance(items, _Pieces):
            parts = []
            for piece in items.pieces:
                parts.append(pickle.loads(piece))
                yield
            object.__setattr__(value, f.name, tuple(itertools.chain.from_iterable(parts)))
    return value


def run_steps(steps: Generator[None, None, Any]) -> Any:
    """Run a generator of steps to its end on the calling thread and return its value."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def _remembered(items: tuple) -> _Pieces | None:
    with _REMEMBERED_LOCK:
        found = _REMEMBERED.get(id(items))
        if found is None or found[0] is not items:  # the id of a tuple since freed may have been reused
            return None
        _REMEMBERED.move_to_end(id(items))
        return found[1]


def _remember(items: tuple, pieces: _Pieces) -> _Pieces:
    # The tuple is kept with its pieces, so its id cannot be reused while it is remembered.
    with _REMEMBERED_LOCK:
        _REMEMBERED[id(items)] = (items, pieces)
        while len(_REMEMBERED) > REMEMBERED:
            _REMEMBERED.popitem(last=False)
    return pieces


class ChildProcessError(RuntimeError):
    """The child process died without answering (killed, out of memory, crashed)."""


def in_child_processes() -> bool:
    """``True``: the work runs in a child process. A test that must watch the work from this process turns it off."""
    return True


def _get_context():
    global _context
    with _CONTEXT_LOCK:
        if _context is None:
            if sys.platform.startswith("linux"):
                _context = multiprocessing.get_context("forkserver")
                _context.set_forkserver_preload(PRELOAD)
            else:
                _context = multiprocessing.get_context("spawn")
        return _context


def _child_main(connection, fn: Callable[..., Any], args: tuple) -> None:
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)
    # The answer travels as bytes (``ANSWERED`` or ``FAILED``, then the pickle), so the window's side can
    # receive it without unpickling anything on its pool thread.
    try:
        answer = ANSWERED + pickle.dumps(pack(fn(*(unpack(a) for a in args))), pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
        try:
            answer = FAILED + pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
        except Exception as failure:  # noqa: BLE001 - an exception that does not pickle is sent as text
            answer = FAILED + pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc} ({failure})"))
    try:
        connection.send_bytes(answer)
    finally:
        connection.close()


def run_in_process(fn: Callable[..., Any], args: tuple, cancel: CancelToken, *, packed_answer: bool = False) -> Any:
    """``fn(*args)`` computed in a child process; ``None`` when ``cancel`` was set first (the child is terminated).

    ``args`` may be packed already (``pack_steps``). With ``packed_answer``
    the answer comes back still pickled (``Pickled``) for the caller to
    unpack (``unpack_steps``), so this thread runs no unpickling code. Re-raises what ``fn`` raised; raises
    ``ChildProcessError`` when the child died without answering. Call from a
    pool thread: it blocks until done.
    """
    if not in_child_processes():
        return None if cancel.cancelled else fn(*(unpack(a) for a in args))
    context = _get_context()
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(sending, fn, tuple(pack(a) for a in args)), daemon=True)
    child.start()
    sending.close()
    try:
        while not receiving.poll(POLL_SECONDS):
            if cancel.cancelled:
                child.terminate()
                return None
            if not child.is_alive() and not receiving.poll(0):
                raise ChildProcessError(f"the worker process stopped without an answer (exit code {child.exitcode})")
        try:
            answer = receiving.recv_bytes()
        except EOFError as exc:
            raise ChildProcessError(f"the worker process stopped without an answer (exit code {child.exitcode})") from exc
    finally:
        receiving.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    pickled = memoryview(answer)[len(ANSWERED):]
    if answer.startswith(FAILED):
        raise pickle.loads(pickled)
    return Pickled(pickled) if packed_answer else unpack(pickle.loads(pickled))
