"""Where briefpack finds its data folders: templates, seeds, bundled resources, the user's folder.

The repository keeps ``templates/`` and ``seeds/`` at its top level, beside
``desktop/``; a frozen bundle keeps them beside the executable's data. Each
function returns the first of those that exists, and ``BRIEFPACK_TEMPLATES``
or ``BRIEFPACK_SEEDS`` override the search (tests and packagers use them).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"


def _data_dir(name: str, env: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    candidates = [PACKAGE_DIR.parent.parent / name]  # source checkout: desktop/briefpack -> repo root
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def templates_dir() -> Path:
    """The folder of shipped templates and theme taxonomies (``templates/``)."""
    return _data_dir("templates", "BRIEFPACK_TEMPLATES")


def seeds_dir() -> Path:
    """The folder of sample articles the app opens with on first run (``seeds/``)."""
    return _data_dir("seeds", "BRIEFPACK_SEEDS")


def user_data_dir() -> Path:
    """The per-user folder for projects, user templates and the sample project.

    Follows each platform's convention: ``%APPDATA%\\briefpack`` on Windows,
    ``~/Library/Application Support/briefpack`` on macOS,
    ``$XDG_DATA_HOME/briefpack`` (default ``~/.local/share/briefpack``) elsewhere.
    """
    override = os.environ.get("BRIEFPACK_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "briefpack"
