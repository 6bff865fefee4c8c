"""Briefing templates as data: ``templates/briefs/*.toml`` (and the user's folder) read into ``Template``.

A template has three parts: ``[template]`` (name, label, notes placement,
default marking), ``[style]`` (font families, sizes, colours, margins: the
house style handed to the renderers through ``BriefMeta``; and optionally
``reference_docx``, a Word file beside the template whose styles are the
Word export's house style, handed to the export options, not the brief) and its
``[[sections]]`` in order, each naming a kind from the section registry
(``assembly.sections``). Every field is checked; a broken file raises
``TemplateError`` whose message names the file and the line of the offending
field, so an analyst editing their own template can find the spot.
"""

from __future__ import annotations

import re
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from briefpack.assembly.template_lines import line_of
from briefpack.paths import templates_dir, user_data_dir

NOTES = ("footnotes", "endnotes")
FONT_FAMILIES = ("serif", "sans")
SIZE_ROLES = ("title", "heading1", "heading2", "heading3", "note")
COLOUR_ROLES = ("text", "heading", "accent", "marking", "rule", "table_header")
MARGIN_SIDES = ("top", "bottom", "left", "right")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class TemplateError(Exception):
    """A template that cannot be used; the message names the file, the line where known, and the reason."""


@dataclass(frozen=True, slots=True)
class Section:
    """One template section.

    ``title`` ``None`` means the kind's default title (for ``themes``, each
    theme's label). ``key`` names the analyst-written text in
    ``BriefSettings.sections`` (empty: the kind). ``placeholder`` is shown
    until that text is written (``None``: the kind's own wording). ``level``
    is the heading level; ``variant`` picks a kind's alternative layout
    (``themes``: ``"quotes"`` or ``"digest"``; ``key_figures``: ``"table"``
    or ``"list"``), ``None`` for its default. ``limit`` caps the number of
    rows or entries, ``None`` for no cap.
    """

    kind: str
    title: str | None = None
    key: str = ""
    placeholder: str | None = None
    level: int = 1
    variant: str | None = None
    limit: int | None = None

    @property
    def text_key(self) -> str:
        """The key of the analyst's text in ``BriefSettings.sections``: ``key``, else the kind."""
        return self.key or self.kind


@dataclass(frozen=True, slots=True)
class Template:
    """A loaded template. Empty style dicts and ``heading_font`` ``None`` mean the renderer's defaults;
    ``cover`` puts the title block on a page of its own, ``toc`` adds a table of contents.
    ``reference_docx`` is the checked, absolute path of the Word house-style file; ``None`` means none."""

    name: str
    label: str
    sections: tuple[Section, ...]
    notes: str = "footnotes"
    font_family: str = "serif"
    heading_font: str | None = None
    base_size: float = 10.5
    sizes: dict[str, float] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)
    margins_mm: dict[str, float] = field(default_factory=dict)
    default_marking: str | None = None
    description: str = ""
    cover: bool = False
    toc: bool = False
    path: Path | None = None
    reference_docx: Path | None = None


def template_dirs() -> list[Path]:
    """Where templates are looked up, user folder first so a user's template shadows a shipped one."""
    return [user_data_dir() / "templates", templates_dir() / "briefs"]


def available_templates() -> dict[str, Path]:
    """Template names (file stems) to files; a user's template of the same name wins."""
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = path
    return found


def load_template(name_or_path: str | Path) -> Template:
    """Load a template by name (``situation-brief``) or by path to a ``.toml`` file; raises ``TemplateError``."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        known = available_templates()
        if str(name_or_path) not in known:
            raise TemplateError(f"no template named {name_or_path!r}; available: {', '.join(sorted(known)) or 'none'}")
        path = known[str(name_or_path)]
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read the template ({getattr(exc, 'strerror', None) or exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line N, column M)" in its message; keep it so the analyst can find the spot.
        raise TemplateError(f"{path}: not valid TOML: {exc}") from exc
    return _Reader(path, text).template(data)


def find_template(name: str) -> Template | None:
    """The template a brief was built from, by its ``BriefMeta.template`` name; ``None`` when none is there now.

    The name is usually the file stem; a template whose ``[template] name``
    differs from its file's stem is found by that name too. Raises
    ``TemplateError`` when the file found no longer loads.
    """
    known = available_templates()
    if name in known:
        return load_template(known[name])
    for path in known.values():
        try:
            template = load_template(path)
        except TemplateError:
            continue  # another, broken template is not the one asked for
        if template.name == name:
            return template
    return None


class _Reader:
    """Checks one parsed file field by field; ``fail`` builds the message with the field's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, where: tuple, message: str) -> TemplateError:
        line = line_of(self.text, where)
        at = f", line {line}" if line else ""
        return TemplateError(f"{self.path}{at}: {message}")

    def template(self, data: dict) -> Template:
        from briefpack.assembly.sections import SECTION_KINDS

        self.unknown(data, ("template", "style", "sections"), ())
        head = data.get("template")
        if not isinstance(head, dict):
            raise self.fail((), "missing the [template] table")
        self.unknown(head, ("name", "label", "description", "notes", "default_marking", "cover", "toc"), ("template",))
        style = data.get("style", {})
        if not isinstance(style, dict):
            raise self.fail(("style",), "[style] must be a table")
        self.unknown(style, ("font_family", "heading_font", "base_size", "sizes", "colours", "margins_mm",
                             "reference_docx"), ("style",))
        raw_sections = data.get("sections")
        if not isinstance(raw_sections, list) or not raw_sections:
            raise self.fail((), "the template has no [[sections]]")
        sections = tuple(self.section(n, raw, SECTION_KINDS) for n, raw in enumerate(raw_sections))
        notes = self.choice(head, "notes", NOTES, ("template",), "footnotes")
        heading_font = style.get("heading_font")
        return Template(
            name=self.string(head, "name", ("template",), self.path.stem),
            label=self.string(head, "label", ("template",), self.path.stem),
            sections=sections,
            notes=notes,
            font_family=self.choice(style, "font_family", FONT_FAMILIES, ("style",), "serif"),
            heading_font=None if heading_font is None else self.choice(style, "heading_font", FONT_FAMILIES, ("style",), ""),
            base_size=self.number(style, "base_size", ("style",), 10.5, 5, 30),
            sizes=self.table(style, "sizes", SIZE_ROLES, lambda t, k, w: self.number(t, k, w, 0, 4, 72)),
            colours=self.table(style, "colours", COLOUR_ROLES, self.colour),
            margins_mm=self.table(style, "margins_mm", MARGIN_SIDES, lambda t, k, w: self.number(t, k, w, 0, 0, 100)),
            default_marking=self.optional_string(head, "default_marking", ("template",)),
            description=self.string(head, "description", ("template",), ""),
            cover=self.flag(head, "cover", ("template",)),
            toc=self.flag(head, "toc", ("template",)),
            path=self.path,
            reference_docx=self.word_file(style, "reference_docx", ("style",)),
        )

    def section(self, index: int, raw: object, kinds) -> Section:
        where = ("sections", index)
        if not isinstance(raw, dict):
            raise self.fail(where, f"section {index + 1} must be a table")
        self.unknown(raw, ("kind", "title", "key", "placeholder", "level", "variant", "limit"), where)
        kind = raw.get("kind")
        if kind not in kinds:
            line_where = where + ("kind",) if "kind" in raw else where
            raise self.fail(line_where, f"section {index + 1} has kind {kind!r}; expected one of {', '.join(kinds)}")
        variants = kinds[kind].variants
        variant = raw.get("variant")
        if variant is not None and variant not in variants:
            allowed = ", ".join(variants) if variants else "none (this kind has one layout)"
            raise self.fail(where + ("variant",), f"section {index + 1} ({kind}) has variant {variant!r}; expected {allowed}")
        key = self.string(raw, "key", where, kind)
        if not _KEY.match(key):
            raise self.fail(where + ("key",), f"key must be lower-case letters, digits and underscores, not {key!r}")
        limit = raw.get("limit")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
            raise self.fail(where + ("limit",), f"limit must be a whole number of at least 1, not {limit!r}")
        level = raw.get("level", 1)
        if level not in (1, 2, 3) or isinstance(level, bool):
            raise self.fail(where + ("level",), f"level must be 1, 2 or 3, not {level!r}")
        return Section(
            kind=kind,
            title=self.optional_string(raw, "title", where),
            key=key,
            placeholder=self.optional_string(raw, "placeholder", where),
            level=level,
            variant=variant,
            limit=limit,
        )

    # ---------------------------------------------------------------- fields

    def unknown(self, table: dict, allowed: tuple[str, ...], where: tuple) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(where + (key,), f"unknown field {key!r}; expected one of {', '.join(allowed)}")

    def string(self, table: dict, key: str, where: tuple, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise self.fail(where + (key,), f"{key} must be text in quotes, not {value!r}")
        return value

    def flag(self, table: dict, key: str, where: tuple) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(where + (key,), f"{key} must be true or false, not {value!r}")
        return value

    def optional_string(self, table: dict, key: str, where: tuple) -> str | None:
        return None if key not in table else self.string(table, key, where, "")

    def choice(self, table: dict, key: str, allowed: tuple[str, ...], where: tuple, default: str) -> str:
        value = table.get(key, default)
        if value not in allowed:
            raise self.fail(where + (key,), f"{key} must be one of {', '.join(repr(a) for a in allowed)}, not {value!r}")
        return value

    def number(self, table: dict, key: str, where: tuple, default: float, low: float, high: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise self.fail(where + (key,), f"{key} must be a number from {low:g} to {high:g}, not {value!r}")
        return float(value)

    def colour(self, table: dict, key: str, where: tuple) -> str:
        value = table[key]
        if not isinstance(value, str) or not _HEX.match(value):
            raise self.fail(where + (key,), f"{key} must be a colour written \"#RRGGBB\", not {value!r}")
        return value.upper()

    def word_file(self, table: dict, key: str, where: tuple) -> Path | None:
        """A .docx named relative to the template's folder (or absolute), checked to exist and to be a Word file."""
        if key not in table:
            return None
        value = self.string(table, key, where, "")
        if not value.strip():
            raise self.fail(where + (key,), f"{key} must name a .docx file, not an empty text")
        path = (self.path.parent / Path(value).expanduser()).resolve()
        if path.suffix.lower() != ".docx":
            raise self.fail(where + (key,), f"{key} must name a Word .docx file, not {value!r}")
        if not path.is_file():
            raise self.fail(where + (key,), f"{key} names {value!r}, but there is no such file ({path})")
        problem = _not_a_word_file(path)
        if problem:
            raise self.fail(where + (key,), f"{key} names {value!r}, which is not a Word .docx file: {problem}")
        return path

    def table(self, style: dict, name: str, allowed: tuple[str, ...], read) -> dict:
        where = ("style", name)
        raw = style.get(name, {})
        if not isinstance(raw, dict):
            raise self.fail(where, f"[style.{name}] must be a table")
        self.unknown(raw, allowed, where)
        return {key: read(raw, key, where) for key in raw}


def _not_a_word_file(path: Path) -> str | None:
    """Why ``path`` cannot serve as a Word reference document, or ``None`` when it can.

    A .docx is a zip package with a main document part; the full parse is
    left to the DOCX renderer, this only catches a wrong or damaged file early.
    """
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (OSError, zipfile.BadZipFile) as exc:
        return f"it is not a zip package ({exc})"
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        return "the package has no Word document part (word/document.xml)"
    return None
