"""The sample project the app opens with on first run, made from the articles in ``seeds/``.

It lives in the user's data folder as ``sample.briefpack``; when that file is
missing (first run) it is built from the seeds with a starting selection, so
an analyst sees a brief at once and can change everything from there.
"""

from __future__ import annotations

from pathlib import Path

from briefpack.jobs import default_taxonomy, import_files, run_to_end, store_import
from briefpack.model.selection import BriefSettings, Selection
from briefpack.paths import seeds_dir, user_data_dir
from briefpack.store import Project

SAMPLE_THEMES = ("diplomacy", "military", "economy_trade")


def sample_project_path() -> Path:
    return user_data_dir() / "sample.briefpack"


def build_sample_project(path: Path) -> Project:
    """Import every seed into a new project at ``path``, choose the starting themes, and save it."""
    taxonomy = default_taxonomy()
    result = run_to_end(import_files(sorted(seeds_dir().glob("*.txt")), taxonomy))
    project = Project.new(path)
    store_import(project, result)
    project.selection = Selection(theme_ids=SAMPLE_THEMES)
    project.settings = BriefSettings(title="Russia and North Korea: widening cooperation", author="briefpack sample")
    path.parent.mkdir(parents=True, exist_ok=True)
    project.save()
    return project


def open_sample_project() -> Project:
    """The sample project, built on first use. Call from any thread; it only touches files."""
    path = sample_project_path()
    if path.exists():
        try:
            return Project.open(path)
        except Exception:  # noqa: BLE001 - a damaged sample is rebuilt, never shown as an error
            path.unlink(missing_ok=True)
    return build_sample_project(path)
