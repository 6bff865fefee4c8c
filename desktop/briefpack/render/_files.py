"""Writing an export so that a failure never leaves a half-written file where the old one was.

Every renderer writes to a private name beside the target and moves it into
place only when the whole file is written (``os.replace`` is atomic on one
file system), so the analyst's previous export survives a crash or an error.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``, on any error it is removed.

    The name is private to this process and thread (not ``mkstemp``, whose
    0600 mode would stick to the moved file). Any thread may call this.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_replacing(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends to ``path`` through ``replacing``."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
