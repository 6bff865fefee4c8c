"""Where input comes from: files, whole folders, standard input and the clipboard, as one list of inputs.

Front ends hand ``expand_inputs`` whatever the analyst gave (paths to files
and folders, text from the clipboard or standard input) and get back one
``Input`` per thing to read, in a stable order: folders are walked
recursively in name order, hidden files and folders (a leading dot, or the
hidden attribute on Windows) are skipped, symbolic links to folders are not
followed (no loops). Nothing is read here except folder listings; every
input then gets its own status from the import job. ``display_name`` makes
any path printable, whatever bytes its name holds.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from briefpack.ingest.unpack import read_limited

STDIN_LABEL = "<stdin>"
CLIPBOARD_LABEL = "<clipboard>"


@dataclass(frozen=True, slots=True)
class Pasted:
    """Content that did not come from a file: the clipboard or standard input.

    ``label`` is what status lines show (``<clipboard>``, ``<stdin>``);
    ``reader`` names the registry reader to use (``"html"`` for HTML from the
    clipboard), ``None`` to sniff the content like a file's.
    """

    data: bytes
    label: str = CLIPBOARD_LABEL
    reader: str | None = None


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a file (``path`` set, ``pasted`` ``None``) or pasted content (the other way round).

    ``name`` is what to show people: the path as given, or the paste's label.
    ``problem`` is set, with ``path``, for a folder that holds no files.
    """

    name: str
    path: Path | None = None
    pasted: Pasted | None = None
    problem: str | None = None


def display_name(path: Path | str) -> str:
    """``path`` as text that can always be printed: bytes a file system allows but UTF-8 does not become U+FFFD."""
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_hidden(path: Path) -> bool:
    """True for a dot file or folder, or one with the Windows hidden attribute."""
    if path.name.startswith("."):
        return True
    try:
        attributes = getattr(path.lstat(), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def walk_folder(folder: Path) -> Iterator[Path]:
    """The files under ``folder``, recursively in name order, without hidden entries or followed folder links.

    An entry that cannot be listed is skipped (the folder itself was reachable).
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if is_hidden(entry):
            continue
        if entry.is_symlink() and entry.is_dir():
            continue
        if entry.is_dir():
            yield from walk_folder(entry)
        else:
            yield entry


def expand_inputs(items: Iterable[Path | str | Pasted]) -> list[Input]:
    """One ``Input`` per file to read: files as given, each folder replaced by the files under it.

    A path that does not exist stays in the list (reading it reports why);
    a folder with no files gives one ``Input`` with ``problem`` set, so
    every thing the analyst named gets a status.
    """
    found: list[Input] = []
    for item in items:
        if isinstance(item, Pasted):
            found.append(Input(item.label, pasted=item))
            continue
        path = item if isinstance(item, Path) else Path(item)  # a Path is used as it is: making another parses it again
        if path.is_dir():
            files = list(walk_folder(path))
            if not files:
                found.append(Input(display_name(path), path, problem="the folder holds no files to import"))
            found.extend(Input(display_name(f), f) for f in files)
        else:
            found.append(Input(display_name(path), path))
    return found


def read_stdin(stream: BinaryIO) -> Pasted:
    """All of ``stream`` (standard input's binary buffer) as a paste labelled ``<stdin>``.

    Raises ``IngestError`` once it passes the size limit, without reading further.
    """
    return Pasted(read_limited(stream, STDIN_LABEL), STDIN_LABEL)

