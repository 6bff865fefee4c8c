"""What a long job reports as it goes (``Progress``) and how it is asked to stop (``CancelToken``).

``jobs`` yields these and the window's progress bars, cancel buttons and
background workers read them; they live here, apart from the job pipeline,
so a window can make a token or show a progress step without loading every
job's modules (the importers, the analysis, the renderers). Standard
library only, like the rest of the model.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` units (``total`` 0: not known yet), and what is being done now."""

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
