"""Keep Python's cyclic collector from rescanning what the window has just built, so a full collection rarely freezes it.

A full collection scans every object the collector tracks while holding the
interpreter lock, whichever thread it runs on: with the window's modules
and a thousand-article project loaded that measured 130-290 ms, the
window's longest freezes. Python starts one when the objects that survived
two younger collections since the last full one reach a quarter of the
objects it kept then; building a large structure (an import's articles,
the findings) does that by itself. ``settle()`` moves every object alive
now straight into the oldest generation without counting it (the trick
``analysis.findings.analyze`` uses: ``gc.freeze`` then ``gc.unfreeze``), so
building one triggers no full collection, while a later full collection
still frees whatever among them becomes cyclic garbage. (Objects are never
left frozen: a frozen wrapper of a Qt object that C++ deleted could be
handed back for a new object at the same address.) ``settled(steps)``
wraps steps that build a large structure on the UI thread in slices
(unpacking findings): the collector is paused while they run and what they
built is settled at the end. Process-wide; call from the UI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Generator
from typing import Any


def settle() -> None:
    """Move every object alive now into the oldest generation without counting it towards a full collection."""
    gc.freeze()
    gc.unfreeze()


def settled(steps: Generator[None, None, Any]) -> Generator[None, None, Any]:
    """``steps`` with the collector paused until they end, and what they built settled then (see ``worker.JobRunner.run_steps``)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        value = yield from steps
        settle()
        return value
    finally:
        if was_enabled:
            gc.enable()
