"""The one exception every reader raises: ``IngestError``.

Whatever goes wrong while turning a file into an ``Article`` (a file that
cannot be read, binary content, an empty text, a format no reader knows) is
reported as an ``IngestError`` that names the file and says why in words an
analyst can act on, so the GUI and the CLI can list failures next to the
files that succeeded without knowing anything about the readers.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file that could not be turned into an article.

    ``file_name`` is the name of the file (``None`` for pasted text, shown as
    ``<pasted text>``); ``reason`` is a short sentence for people.
    ``str(err)`` is ``"FILE: reason"``.
    """

    def __init__(self, file_name: str | None, reason: str) -> None:
        super().__init__(file_name, reason)
        self.file_name = file_name
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.file_name or '<pasted text>'}: {self.reason}"
