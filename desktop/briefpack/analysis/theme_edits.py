"""The analyst's own themes: edits over a ``Taxonomy`` and their storage as per-project overrides of the defaults.

Every edit (add, rename, merge, delete a theme; add or remove terms,
phrases, context or negative entries) is a pure function from one
``Taxonomy`` to a new one, checking entries with the loader's own rules and
raising ``ThemeEditError`` for an edit that cannot be made. A project does
not store its whole taxonomy: ``overrides`` records only how it differs from
the shipped defaults (themes deleted, added, relabelled, entries added or
removed, the order), so a later briefpack's better defaults still reach the
parts the analyst never touched. ``apply_overrides`` rebuilds the taxonomy
from defaults and overrides, reporting what no longer applies as notices.
``project_taxonomy`` and ``save_taxonomy`` read and write the overrides
under the project's ``"taxonomy"`` meta key; ``retag`` re-tags every article
after an edit. Nothing here imports the store: a project is anything with
``get_meta``, ``set_meta``, ``articles``, ``tags_for`` and ``set_tags``. Call the project
functions from the thread that owns the project; the rest from any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, Protocol

from briefpack.analysis.taxonomy import _ID_RE, LIST_FIELDS, entry_problem, load_taxonomy
from briefpack.analysis.themes import tag_article
from briefpack.model.article import Article
from briefpack.model.notice import Notice
from briefpack.model.theme import Taxonomy, Theme, ThemeTag

META_KEY = "taxonomy"
FORMAT_VERSION = 1


class ThemeEditError(ValueError):
    """An edit that cannot be made; the message says why, in words for the analyst."""


class TaggableProject(Protocol):
    """What the project functions need of a ``store.Project`` (analysis sits below the store)."""

    @property
    def articles(self) -> Sequence[Article]: ...

    def get_meta(self, key: str, default: object = None) -> object: ...

    def set_meta(self, key: str, value: object) -> None: ...

    def set_tags(self, article_id: str, tags: list[ThemeTag]) -> None: ...

    def tags_for(self, article_id: str) -> list[ThemeTag]: ...


# ------------------------------------------------------------------ edits


def add_theme(taxonomy: Taxonomy, theme_id: str, label: str, description: str = "", **entries: Iterable[str]) -> Taxonomy:
    """``taxonomy`` with a new theme at the end; ``entries`` are lists by field name (``terms=[...]``)."""
    _check_id(theme_id)
    if taxonomy.get(theme_id) is not None:
        raise ThemeEditError(f"there is already a theme {theme_id!r}")
    theme = Theme(theme_id, _label(label), description.strip())
    for field, values in entries.items():
        theme = _with_entries(theme, field, values, add=True)
    return Taxonomy(taxonomy.themes + (theme,))


def rename_theme(taxonomy: Taxonomy, theme_id: str, label: str, description: str | None = None) -> Taxonomy:
    """``taxonomy`` with the theme's label (and description, unless ``None``) changed; its id stays, so tags and selections still refer to it."""
    theme = _theme(taxonomy, theme_id)
    changed = replace(theme, label=_label(label))
    if description is not None:
        changed = replace(changed, description=description.strip())
    return _replaced(taxonomy, changed)


def delete_theme(taxonomy: Taxonomy, theme_id: str) -> Taxonomy:
    """``taxonomy`` without the theme; deleting the last theme is refused, since a brief needs one."""
    _theme(taxonomy, theme_id)
    if len(taxonomy.themes) == 1:
        raise ThemeEditError("the last theme cannot be deleted")
    return Taxonomy(tuple(t for t in taxonomy.themes if t.id != theme_id))


def merge_themes(taxonomy: Taxonomy, source_ids: Sequence[str], into_id: str) -> Taxonomy:
    """``taxonomy`` with the ``source_ids`` themes folded into ``into_id``: their entries join its lists (no repeats) and they are removed.

    A negative entry of a source theme is kept only where it does not cancel
    an entry the merged theme now lists, so merging never silences evidence.
    """
    into = _theme(taxonomy, into_id)
    sources = [_theme(taxonomy, s) for s in source_ids if s != into_id]
    if not sources:
        raise ThemeEditError("choose at least one other theme to merge")
    merged = into
    for source in sources:
        for field in LIST_FIELDS:
            values = getattr(source, field)
            if field == "negative":
                positive = {e.lower() for f in ("terms", "phrases") for e in getattr(merged, f)}
                values = tuple(v for v in values if v.lower() not in positive)
            merged = _with_entries(merged, field, values, add=True)
    gone = {s.id for s in sources}
    return Taxonomy(tuple(merged if t.id == into_id else t for t in taxonomy.themes if t.id not in gone))


def add_entries(taxonomy: Taxonomy, theme_id: str, field: str, values: Iterable[str]) -> Taxonomy:
    """``taxonomy`` with ``values`` added to one list of one theme (entries already there, in any case, are skipped)."""
    return _replaced(taxonomy, _with_entries(_theme(taxonomy, theme_id), field, values, add=True))


def remove_entries(taxonomy: Taxonomy, theme_id: str, field: str, values: Iterable[str]) -> Taxonomy:
    """``taxonomy`` with ``values`` removed from one list of one theme (compared case-insensitively; absent ones ignored)."""
    return _replaced(taxonomy, _with_entries(_theme(taxonomy, theme_id), field, values, add=False))


def move_theme(taxonomy: Taxonomy, theme_id: str, position: int) -> Taxonomy:
    """``taxonomy`` with the theme moved to ``position`` (clamped), which is where its section appears in a brief."""
    theme = _theme(taxonomy, theme_id)
    rest = [t for t in taxonomy.themes if t.id != theme_id]
    rest.insert(max(0, min(position, len(rest))), theme)
    return Taxonomy(tuple(rest))


def new_theme_id(taxonomy: Taxonomy, label: str) -> str:
    """An unused id made from ``label`` ("Arctic shipping" -> "arctic_shipping", then "arctic_shipping_2" ...)."""
    base = "_".join("".join(c if c.isalnum() and c.isascii() else " " for c in label.lower()).split()) or "theme"
    if not base[0].isalpha():
        base = "theme_" + base
    candidate, n = base, 2
    while taxonomy.get(candidate) is not None:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _check_id(theme_id: str) -> None:
    if not _ID_RE.match(theme_id):
        raise ThemeEditError(f"theme id {theme_id!r} must be lower-case letters, digits and underscores")


def _label(label: str) -> str:
    label = " ".join(label.split())
    if not label:
        raise ThemeEditError("a theme needs a label")
    return label


def _theme(taxonomy: Taxonomy, theme_id: str) -> Theme:
    theme = taxonomy.get(theme_id)
    if theme is None:
        raise ThemeEditError(f"there is no theme {theme_id!r}")
    return theme


def _replaced(taxonomy: Taxonomy, theme: Theme) -> Taxonomy:
    return Taxonomy(tuple(theme if t.id == theme.id else t for t in taxonomy.themes))


def _with_entries(theme: Theme, field: str, values: Iterable[str], *, add: bool) -> Theme:
    if field not in LIST_FIELDS:
        raise ThemeEditError(f"{field!r} is not a list of a theme; expected one of {', '.join(LIST_FIELDS)}")
    current = list(getattr(theme, field))
    known = {v.lower() for v in current}
    for raw in values:
        value = " ".join(str(raw).split())
        if add:
            problem = entry_problem(field, value)
            if problem:
                raise ThemeEditError(f"{value!r} in {field} of {theme.label!r} {problem}")
            if value.lower() not in known:
                current.append(value)
                known.add(value.lower())
        else:
            current = [v for v in current if v.lower() != value.lower()]
    return replace(theme, **{field: tuple(current)})


# ------------------------------------------------------------------ overrides


def overrides(defaults: Taxonomy, taxonomy: Taxonomy) -> dict[str, Any] | None:
    """How ``taxonomy`` differs from ``defaults``, as JSON-able data; ``None`` when it does not differ.

    Shape: ``{"version", "order", "deleted", "changed": {id: {"label",
    "description", "add": {field: [...]}, "remove": {field: [...]}}},
    "added": [whole themes]}``; keys with nothing to say are left out.
    """
    if taxonomy == defaults:
        return None
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    current = {t.id for t in taxonomy.themes}
    deleted = [t.id for t in defaults.themes if t.id not in current]
    changed: dict[str, Any] = {}
    added: list[dict[str, Any]] = []
    for theme in taxonomy.themes:
        default = defaults.get(theme.id)
        if default is None:
            added.append(theme_to_json(theme))
        elif theme != default:
            changed[theme.id] = _theme_diff(default, theme)
    if taxonomy.ids != [t for t in defaults.ids if t in current] + [t["id"] for t in added]:
        data["order"] = taxonomy.ids
    for key, value in (("deleted", deleted), ("changed", changed), ("added", added)):
        if value:
            data[key] = value
    return data


def apply_overrides(defaults: Taxonomy, data: object) -> tuple[Taxonomy, tuple[Notice, ...]]:
    """``defaults`` with stored ``overrides`` applied, and notices for what could not be (``None`` data: the defaults as they are).

    Tolerant by design: a project written by another briefpack may name a
    theme the defaults no longer have, or an entry the rules now refuse;
    that part is skipped with a notice and the rest applies.
    """
    if data is None:
        return defaults, ()
    notices: list[Notice] = []
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        return defaults, (Notice("taxonomy-overrides-unreadable", "The project's own themes could not be read; the default themes are used."),)
    if data["version"] > FORMAT_VERSION:
        notices.append(Notice("taxonomy-overrides-newer", "The project's own themes were saved by a newer briefpack; some edits may be missing."))
    deleted = set(_strings(data.get("deleted")))
    themes: list[Theme] = []
    changed = data.get("changed") if isinstance(data.get("changed"), dict) else {}
    for theme in defaults.themes:
        if theme.id in deleted:
            continue
        diff = changed.get(theme.id)
        themes.append(_apply_diff(theme, diff, notices) if isinstance(diff, dict) else theme)
    for theme_id in changed:
        if defaults.get(theme_id) is None:
            notices.append(Notice("taxonomy-theme-gone", f"Edits to theme {theme_id!r} were skipped: the default themes no longer have it.", theme_id))
    known = {t.id for t in themes}
    for raw in data.get("added") or ():
        theme = _theme_from_json(raw, notices)
        if theme is not None and theme.id not in known:
            themes.append(theme)
            known.add(theme.id)
    order = _strings(data.get("order"))
    if order:
        rank = {theme_id: n for n, theme_id in enumerate(order)}
        # Themes the stored order does not name (new in a later default taxonomy) keep their place after it.
        themes.sort(key=lambda t: rank.get(t.id, len(rank)))
    return Taxonomy(tuple(themes)), tuple(notices)


def theme_to_json(theme: Theme) -> dict[str, Any]:
    """A whole theme as JSON-able data (the shape of an ``added`` override)."""
    data: dict[str, Any] = {"id": theme.id, "label": theme.label}
    if theme.description:
        data["description"] = theme.description
    for field in LIST_FIELDS:
        if getattr(theme, field):
            data[field] = list(getattr(theme, field))
    return data


def _theme_diff(default: Theme, theme: Theme) -> dict[str, Any]:
    diff: dict[str, Any] = {}
    if theme.label != default.label:
        diff["label"] = theme.label
    if theme.description != default.description:
        diff["description"] = theme.description
    for field in LIST_FIELDS:
        old, new = getattr(default, field), getattr(theme, field)
        old_lower, new_lower = {v.lower() for v in old}, {v.lower() for v in new}
        plus = [v for v in new if v.lower() not in old_lower]
        minus = [v for v in old if v.lower() not in new_lower]
        if plus:
            diff.setdefault("add", {})[field] = plus
        if minus:
            diff.setdefault("remove", {})[field] = minus
    return diff


def _apply_diff(theme: Theme, diff: dict, notices: list[Notice]) -> Theme:
    if isinstance(diff.get("label"), str) and diff["label"].strip():
        theme = replace(theme, label=diff["label"].strip())
    if isinstance(diff.get("description"), str):
        theme = replace(theme, description=diff["description"].strip())
    for key, add in (("remove", False), ("add", True)):
        lists = diff.get(key)
        if not isinstance(lists, dict):
            continue
        for field, values in lists.items():
            for value in _strings(values):
                try:
                    theme = _with_entries(theme, field, [value], add=add)
                except ThemeEditError as exc:
                    notices.append(Notice("taxonomy-entry-skipped", f"Skipped an edit to theme {theme.id!r}: {exc}", theme.id))
    return theme


def _theme_from_json(raw: object, notices: list[Notice]) -> Theme | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not _ID_RE.match(raw["id"]):
        notices.append(Notice("taxonomy-theme-unreadable", "One of the project's own themes could not be read and was skipped."))
        return None
    label = raw.get("label") if isinstance(raw.get("label"), str) and raw["label"].strip() else raw["id"]
    description = raw.get("description") if isinstance(raw.get("description"), str) else ""
    return _apply_diff(Theme(raw["id"], label.strip(), description.strip()), {"add": {f: raw.get(f) for f in LIST_FIELDS}}, notices)


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# ------------------------------------------------------------------ the project


def project_taxonomy(project: TaggableProject, defaults: Taxonomy | None = None) -> Taxonomy:
    """The project's taxonomy: ``defaults`` (``None``: the shipped default taxonomy) plus the project's overrides."""
    return project_taxonomy_with_notices(project, defaults)[0]


def project_taxonomy_with_notices(project: TaggableProject, defaults: Taxonomy | None = None) -> tuple[Taxonomy, tuple[Notice, ...]]:
    """``project_taxonomy`` and the notices for overrides that no longer apply (see ``apply_overrides``)."""
    defaults = defaults if defaults is not None else load_taxonomy(None)
    return apply_overrides(defaults, project.get_meta(META_KEY))


def save_taxonomy(project: TaggableProject, taxonomy: Taxonomy, defaults: Taxonomy | None = None) -> None:
    """Store ``taxonomy`` in the project as overrides of ``defaults`` (``None``: the shipped defaults); no overrides removes the key."""
    defaults = defaults if defaults is not None else load_taxonomy(None)
    project.set_meta(META_KEY, overrides(defaults, taxonomy))


def retag(project: TaggableProject, taxonomy: Taxonomy) -> int:
    """Replace every article's theme tags with those ``taxonomy`` gives; returns how many articles' tags changed."""
    changed = 0
    for article in project.articles:
        tags = tag_article(article, taxonomy)
        if project.tags_for(article.id) != tags:
            project.set_tags(article.id, tags)
            changed += 1
    return changed
