"""Briefing templates as data: ``templates/briefs/*.toml`` read into ``Template``.

A template names its sections in order (``summary``, ``themes`` which expands
to one section per chosen theme, ``sources``) and its house style (notes
placement, font family, base size, default marking). A broken file raises
``TemplateError`` naming the file, and the line where TOML gives one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from briefpack.paths import templates_dir, user_data_dir

SECTION_KINDS = ("summary", "themes", "sources")


class TemplateError(Exception):
    """A template that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Section:
    """One template section. ``title`` ``None`` for ``themes`` (each theme's label is its title)."""

    kind: str
    title: str | None = None
    placeholder: str | None = None


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    label: str
    sections: tuple[Section, ...]
    notes: str = "footnotes"
    font_family: str = "serif"
    base_size: float = 10.5
    default_marking: str | None = None
    description: str = ""
    path: Path | None = None


def template_dirs() -> list[Path]:
    """Where templates are looked up, user folder first so a user's template shadows a shipped one."""
    return [user_data_dir() / "templates", templates_dir() / "briefs"]


def available_templates() -> dict[str, Path]:
    """Template names to files; a user's template of the same name wins."""
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = path
    return found


def load_template(name_or_path: str | Path) -> Template:
    """Load a template by name (``situation-brief``) or by path to a ``.toml`` file."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        known = available_templates()
        if str(name_or_path) not in known:
            raise TemplateError(f"no template named {name_or_path!r}; available: {', '.join(sorted(known)) or 'none'}")
        path = known[str(name_or_path)]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line N, column M)" in its message; keep it so the analyst can find the spot.
        raise TemplateError(f"{path}: not valid TOML: {exc}") from exc
    return _template_from_data(data, path)


def _template_from_data(data: dict, path: Path) -> Template:
    head = data.get("template")
    if not isinstance(head, dict):
        raise TemplateError(f"{path}: missing the [template] table")
    sections = []
    for number, raw in enumerate(data.get("sections") or [], start=1):
        kind = raw.get("kind") if isinstance(raw, dict) else None
        if kind not in SECTION_KINDS:
            line = _line_of_section(path, number)
            raise TemplateError(
                f"{path}, line {line}: section {number} has kind {kind!r}; expected one of {', '.join(SECTION_KINDS)}"
            )
        sections.append(Section(kind, raw.get("title"), raw.get("placeholder")))
    if not sections:
        raise TemplateError(f"{path}: the template has no [[sections]]")
    notes = head.get("notes", "footnotes")
    if notes not in ("footnotes", "endnotes"):
        raise TemplateError(f"{path}: notes must be \"footnotes\" or \"endnotes\", not {notes!r}")
    return Template(
        name=str(head.get("name") or path.stem),
        label=str(head.get("label") or path.stem),
        sections=tuple(sections),
        notes=notes,
        font_family=str(head.get("font_family", "serif")),
        base_size=float(head.get("base_size", 10.5)),
        default_marking=head.get("default_marking"),
        description=str(head.get("description", "")),
        path=path,
    )


def _line_of_section(path: Path, number: int) -> int:
    """The line of the ``number``-th ``[[sections]]`` header, for error messages (0 when not found)."""
    count = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"\s*\[\[\s*sections\s*\]\]", line):
            count += 1
            if count == number:
                return lineno
    return 0
