"""Which CSL style a citations pass runs, and what kind of style it is.

Briefpack ships three official CSL styles under ``styles/`` (see the README
there) and names them ``"chicago"``, ``"apa"`` and ``"harvard"``; any other ``.csl`` file can
be given by path. ``load_style`` resolves a name or path to a ``CslStyle``:
the file to hand to pandoc, whether it is a note style (citations become
footnotes) or an in-text style, and the locale it declares. A dependent style
(one that only points at an ``independent-parent``) is resolved to its parent
when briefpack ships that parent, because pandoc would otherwise try to
download the parent and briefpack works offline.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

from briefpack.citations.errors import CitationError

STYLES_DIR = Path(__file__).resolve().parent / "styles"
_SHIPPED = {
    "chicago": "chicago-notes-bibliography-access-dates.csl",
    "apa": "apa.csl",
    "harvard": "harvard-cite-them-right.csl",
}
# Cite Them Right is a British guide (single quotation marks, "23 November 2026"), but the
# official file declares no locale; briefpack gives it the one its guide is written in.
_SHIPPED_LOCALES = {"harvard": "en-GB"}
_CSL_NS = "{http://purl.org/net/xbiblio/csl}"


@dataclass(frozen=True, slots=True)
class CslStyle:
    """A resolved style. ``path`` is the independent CSL file pandoc reads.

    ``default_locale`` is the locale the style (or the dependent style that
    named it) declares, ``None`` when it declares none: then the brief's
    language chooses the locale. ``repeat_context`` says what, besides a
    citation's own sources and locators, decides its form: ``"cited-before"``
    (whether each source was cited earlier: first or subsequent),
    ``"previous"`` (also the citation just before it: the style tests the
    ``ibid`` positions) or ``"note-numbers"`` (the style tests ``near-note``
    or prints ``first-reference-note-number``).
    """

    path: Path
    title: str
    is_note: bool
    default_locale: str | None
    repeat_context: str = "note-numbers"


def available_styles() -> dict[str, Path]:
    """The shipped styles by name: ``"chicago"`` (CMOS 18 notes-bibliography with access dates), ``"apa"`` (APA 7)
    and ``"harvard"`` (Cite Them Right, 12th edition)."""
    return {name: STYLES_DIR / file for name, file in _SHIPPED.items()}


def load_style(style: str | Path) -> CslStyle:
    """Resolve a style name or a path to a ``.csl`` file; raises ``CitationError`` when that is impossible."""
    path = _style_path(style)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise CitationError(f"Cannot read the citation style file {path}: {exc.strerror}.") from exc
    resolved = _parse_style(path, stamp)
    locale = _SHIPPED_LOCALES.get(str(style).strip().lower())
    if locale and resolved.default_locale is None:
        resolved = replace(resolved, default_locale=locale)
    return resolved


def _style_path(style: str | Path) -> Path:
    if isinstance(style, Path) or str(style).lower().endswith(".csl") or "/" in str(style) or "\\" in str(style):
        path = Path(style).expanduser()
        if not path.is_file():
            raise CitationError(f"The citation style file {path} does not exist.")
        return path
    shipped = available_styles()
    key = str(style).strip().lower()
    if key not in shipped:
        names = ", ".join(f"“{n}”" for n in shipped)
        raise CitationError(
            f"Unknown citation style “{style}”. Briefpack ships {names}; for any other style give the path to its .csl file."
        )
    return shipped[key]


# Cached on (path, mtime) so a GUI that re-exports many times parses a style
# once, yet an edited user style is read again.
@functools.lru_cache(maxsize=32)
def _parse_style(path: Path, _mtime_ns: int) -> CslStyle:
    root = _read_root(path)
    info = root.find(f"{_CSL_NS}info")
    title = (info.findtext(f"{_CSL_NS}title") if info is not None else None) or path.stem
    locale = root.get("default-locale")
    parent = _independent_parent(info)
    if parent is not None:
        shipped = _shipped_by_id().get(parent)
        if shipped is None:
            raise CitationError(
                f"The style “{title}” ({path.name}) is a dependent style: its rules live in the style {parent}, "
                "which briefpack does not ship. Give the path to that parent .csl file instead."
            )
        resolved = _parse_style(shipped, shipped.stat().st_mtime_ns)
        # The dependent style's own locale is the one thing it adds to its parent.
        return replace(resolved, title=title, default_locale=locale or resolved.default_locale)
    if root.find(f"{_CSL_NS}citation") is None:
        raise CitationError(f"The file {path} is not a usable CSL style: it has no <citation> element.")
    return CslStyle(path, title, root.get("class") == "note", locale, _repeat_context(root))


def _repeat_context(root: ET.Element) -> str:
    positions: set[str] = set()
    for node in root.iter():
        positions.update(node.get("position", "").split())
        if "first-reference-note-number" in node.get("variable", "").split():
            return "note-numbers"
    if "near-note" in positions:
        return "note-numbers"
    return "previous" if positions & {"ibid", "ibid-with-locator"} else "cited-before"


def _read_root(path: Path) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise CitationError(f"The citation style file {path} cannot be read as CSL: {exc}.") from exc
    if root.tag != f"{_CSL_NS}style":
        raise CitationError(f"The file {path} is not a CSL style (its root element is not <style> in the CSL namespace).")
    return root


def _independent_parent(info: ET.Element | None) -> str | None:
    if info is None:
        return None
    for link in info.findall(f"{_CSL_NS}link"):
        if link.get("rel") == "independent-parent":
            return _normal_id(link.get("href", ""))
    return None


@functools.cache
def _shipped_by_id() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in STYLES_DIR.glob("*.csl"):
        style_id = _read_root(path).findtext(f"{_CSL_NS}info/{_CSL_NS}id")
        if style_id:
            found[_normal_id(style_id)] = path
    return found


def _normal_id(style_id: str) -> str:
    # Style ids are URLs written with http or https interchangeably.
    return style_id.strip().removeprefix("https://").removeprefix("http://")
