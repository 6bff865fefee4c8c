"""Structured warnings: what a reader, an analysis step or a renderer wants the analyst to know.

Warnings are data, not log lines: each has a stable machine code (``no-date``,
``title-derived``, ``glyph-missing`` …) and a sentence for people. The GUI lists
them, the CLI prints them, the project file stores them with their article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Notice:
    """One warning. ``code`` is a short kebab-case id; ``message`` is for people.

    ``subject`` names what the warning is about (a file name, an article id,
    a font) and is ``None`` when the context makes that obvious.
    """

    code: str
    message: str
    subject: str | None = None

    def to_json(self) -> dict[str, str]:
        data = {"code": self.code, "message": self.message}
        if self.subject is not None:
            data["subject"] = self.subject
        return data

    @classmethod
    def from_json(cls, data: dict[str, str]) -> "Notice":
        return cls(data["code"], data["message"], data.get("subject"))
