"""Theme taxonomies as data: ``templates/themes/*.toml`` read into a model ``Taxonomy``.

A taxonomy file is a list of ``[[themes]]`` tables, in the order sections
appear in a brief, each with an ``id``, a ``label`` for people, a
``description``, and its evidence: ``terms`` (single words that on their own
make a paragraph about the theme), ``phrases`` (several words, weighted above
terms), ``context`` (words or phrases that support the theme but never tag a
paragraph alone) and ``negative`` (words or phrases that look like the theme
but are not; where one matches, the theme's evidence inside it is dropped).
Every entry is checked here against the same word rules the tagger uses, so a
mistake is reported when the file is loaded, not silently ignored when
tagging. A broken file raises ``TaxonomyError`` naming the file, and the line
where it can be found.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from briefpack.analysis.wordforms import entry_keys, split_words
from briefpack.model.theme import Taxonomy, Theme
from briefpack.paths import templates_dir

LIST_FIELDS = ("terms", "phrases", "context", "negative")
THEME_FIELDS = frozenset(("id", "label", "description", *LIST_FIELDS))
_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


class TaxonomyError(Exception):
    """A taxonomy file that cannot be used; the message names the file, the line when known, and the reason."""


def default_taxonomy_path() -> Path:
    """The shipped taxonomy: ``templates/themes/default.toml``."""
    return templates_dir() / "themes" / "default.toml"


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load a taxonomy file; ``None`` loads the shipped default taxonomy.

    Raises ``TaxonomyError`` when the file cannot be read, is not valid TOML,
    or a theme lacks its id or label, repeats an id, has an unknown key, or
    lists an entry in the wrong place (a phrase under ``terms``). Safe to call
    from any thread.
    """
    path = Path(path) if path is not None else default_taxonomy_path()
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read the taxonomy ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line N, column M)" in its message; keep it so the analyst can find the spot.
        raise TaxonomyError(f"{path}: not valid TOML: {exc}") from exc
    raw_themes = data.get("themes")
    if not isinstance(raw_themes, list) or not raw_themes:
        raise TaxonomyError(f"{path}: the taxonomy has no [[themes]]")
    lines = source.splitlines()
    themes: list[Theme] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_themes, start=1):
        where = _Where(path, lines, number)
        theme = _theme_from_table(raw, where)
        if theme.id in seen:
            raise TaxonomyError(f"{where}: theme id {theme.id!r} is used twice")
        seen.add(theme.id)
        themes.append(theme)
    return Taxonomy(tuple(themes))


@dataclass(frozen=True, slots=True)
class _Where:
    """The file, and the line of the ``number``-th ``[[themes]]`` header, for error messages."""

    path: Path
    lines: list[str]
    number: int

    @property
    def header_line(self) -> int:
        count = 0
        for lineno, line in enumerate(self.lines, start=1):
            if re.match(r"\s*\[\[\s*themes\s*\]\]", line):
                count += 1
                if count == self.number:
                    return lineno
        return 0

    def line_of(self, text: str) -> int:
        """The first line at or after this theme's header quoting ``text`` (the header line when not found)."""
        start = self.header_line
        for lineno in range(max(start, 1), len(self.lines) + 1):
            line = self.lines[lineno - 1]
            if f'"{text}"' in line or f"'{text}'" in line:
                return lineno
        return start

    def __str__(self) -> str:
        line = self.header_line
        return f"{self.path}, line {line}" if line else str(self.path)


def _theme_from_table(raw: object, where: _Where) -> Theme:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: theme {where.number} is not a table")
    theme_id = raw.get("id")
    if not isinstance(theme_id, str) or not theme_id.strip():
        raise TaxonomyError(f"{where}: theme {where.number} has no id")
    if not _ID_RE.match(theme_id):
        raise TaxonomyError(f"{where}: theme id {theme_id!r} must be lower-case letters, digits and underscores")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise TaxonomyError(f"{where}: theme {theme_id!r} has no label")
    unknown = sorted(set(raw) - THEME_FIELDS)
    if unknown:
        raise TaxonomyError(
            f"{where}: theme {theme_id!r} has unknown key {', '.join(map(repr, unknown))}; "
            f"expected {', '.join(sorted(THEME_FIELDS))}"
        )
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise TaxonomyError(f"{where}: the description of theme {theme_id!r} must be text")
    lists = {name: _entries(raw, name, theme_id, where) for name in LIST_FIELDS}
    return Theme(
        id=theme_id,
        label=label.strip(),
        description=description.strip(),
        terms=lists["terms"],
        phrases=lists["phrases"],
        negative=lists["negative"],
        context=lists["context"],
    )


def _entries(raw: dict, name: str, theme_id: str, where: _Where) -> tuple[str, ...]:
    """One list field, checked entry by entry against the tagger's word rules."""
    values = raw.get(name, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TaxonomyError(f"{where}: {name} of theme {theme_id!r} must be a list of text entries")
    entries: list[str] = []
    for value in values:
        entry = " ".join(value.split())
        problem = entry_problem(name, entry)
        if problem:
            raise TaxonomyError(f"{where.path}, line {where.line_of(value)}: {value!r} in {name} of theme {theme_id!r} {problem}")
        entries.append(entry)
    return tuple(entries)


def entry_problem(field: str, entry: str) -> str | None:
    """Why ``entry`` cannot be listed under ``field`` ("terms", "phrases", ...), or ``None`` when it can.

    The same check the loader applies, shared with the theme editor so an
    analyst's entry is refused for the same reason a file's would be.
    """
    if field not in LIST_FIELDS:
        return f"{field!r} is not a list of a theme; expected one of {', '.join(LIST_FIELDS)}"
    if not entry_keys(entry):
        return "has no letters or digits to match"
    if field == "terms" and len(split_words(entry)) > 1:
        return "has several words; list it under phrases"
    if field == "phrases" and len(entry_keys(entry)) < 2:
        return "is a single word; list it under terms"
    return None
