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
items at a time (``pack``/``unpack``), and the window runs between pieces.
In a frozen bundle, where child processes need the bundle's own start-up
support, the function runs on the calling thread instead. Nothing here imports Qt.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import multiprocessing
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefpack.model.progress import CancelToken

POLL_SECONDS = 0.05
# Loaded once by the fork server, so each child starts with the core ready.
PRELOAD = ["briefpack.jobs", "briefpack.render.pdf", "briefpack.gui.tasks"]
_CONTEXT_LOCK = threading.Lock()
_context = None
# Items of a long tuple pickled in one go: a few milliseconds of holding the interpreter lock.
PIECE = 64


@dataclasses.dataclass(frozen=True)
class _Pieces:
    """A long tuple, pickled ``PIECE`` items at a time."""

    pieces: tuple[bytes, ...]


def pack(value: Any) -> Any:
    """``value``, or when it is a dataclass instance with tuple fields longer than ``PIECE``, a copy with those pickled in pieces."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    packed = None
    for f in dataclasses.fields(value):
        items = getattr(value, f.name)
        if isinstance(items, tuple) and len(items) > PIECE:
            pieces = tuple(pickle.dumps(items[n:n + PIECE], pickle.HIGHEST_PROTOCOL) for n in range(0, len(items), PIECE))
            packed = packed if packed is not None else copy.copy(value)
            object.__setattr__(packed, f.name, _Pieces(pieces))  # a private copy: frozen does not apply to it
    return packed if packed is not None else value


def unpack(value: Any) -> Any:
    """What ``pack`` was given, from what it returned (after a trip through a pipe)."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    for f in dataclasses.fields(value):
        items = getattr(value, f.name)
        if isinstance(items, _Pieces):
            object.__setattr__(value, f.name, tuple(itertools.chain.from_iterable(pickle.loads(p) for p in items.pieces)))
    return value


class ChildProcessError(RuntimeError):
    """The child process died without answering (killed, out of memory, crashed)."""


def in_child_processes() -> bool:
    """``False`` in a frozen bundle: there the work runs on the calling thread."""
    return not getattr(sys, "frozen", False)


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
    try:
        answer = (True, pack(fn(*(unpack(a) for a in args))))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
        answer = (False, exc)
    try:
        connection.send(answer)
    except Exception as exc:  # noqa: BLE001 - an exception that does not pickle is sent as text
        connection.send((False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]} ({exc})")))
    finally:
        connection.close()


def run_in_process(fn: Callable[..., Any], args: tuple, cancel: CancelToken) -> Any:
    """``fn(*args)`` computed in a child process; ``None`` when ``cancel`` was set first (the child is terminated).

    Re-raises what ``fn`` raised; raises ``ChildProcessError`` when the child
    died without answering. Call from a pool thread: it blocks until done.
    """
    if not in_child_processes():
        return None if cancel.cancelled else fn(*args)
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
            ok, value = receiving.recv()
        except EOFError as exc:
            raise ChildProcessError(f"the worker process stopped without an answer (exit code {child.exitcode})") from exc
    finally:
        receiving.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    if not ok:
        raise value
    return unpack(value)
