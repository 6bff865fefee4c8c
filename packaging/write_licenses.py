"""Write packaging/licenses/: the licence texts of everything the bundle ships, and an index of them.

Run in the build environment after the dependencies change
(``.venv/bin/python packaging/write_licenses.py``; ``make licenses`` does it).
The components are ``briefpack.components.shipped_components()`` (Python,
the Python packages reachable from briefpack's requirements, pandoc, the
fonts), so the list matches what the About dialog shows. Each component's
licence files go to ``licenses/<name>/``; a component that installs none
(PySide6 and shiboken6 ship none in their wheels, pandoc's copyright file
points at the GPL) gets the standard text of its licence. ``THIRD-PARTY.md``
lists name, version, licence and files. The spec bundles the folder and
the Windows installer installs it.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from briefpack import __version__  # noqa: E402
from briefpack.components import Component, shipped_components  # noqa: E402

LICENSES = ROOT / "packaging" / "licenses"
COMMON = Path("/usr/share/common-licenses")  # Debian's copies of the standard licence texts
PYTHON_LICENSE = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"

# Standard texts for components that ship none, by the licences their metadata names.
STANDARD_TEXTS = {
    "LGPL-3.0": ("LGPL-3", "GPL-3"),  # the LGPL is a set of permissions on top of the GPL
    "GPL-2.0": ("GPL-2",),
}


def folder_name(component: Component) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", component.name.split(" (")[0]).strip("-")


def extra_texts(component: Component) -> list[Path]:
    if component.name == "Python":
        return [PYTHON_LICENSE] if PYTHON_LICENSE.is_file() else []
    if component.licence_files and component.kind != "Program":
        return []
    texts = []
    for spdx, names in STANDARD_TEXTS.items():
        if spdx in component.licence:
            texts += [COMMON / name for name in names if (COMMON / name).is_file()]
    return texts


def write(target: Path = LICENSES) -> list[tuple[Component, list[str]]]:
    """Replace ``target`` with the licence texts and THIRD-PARTY.md; returns what was written per component."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = []
    for component in shipped_components():
        folder = target / folder_name(component)
        names = []
        sources = list(component.licence_files) + extra_texts(component)
        for index, source in enumerate(sources):
            folder.mkdir(exist_ok=True)
            name = source.name if not (folder / source.name).exists() else f"{index}-{source.name}"
            shutil.copyfile(source, folder / name)
            names.append(f"{folder.name}/{name}")
        written.append((component, names))
    (target / "README.md").write_text(
        "# Licences of the components briefpack ships\n\n"
        "Written by `packaging/write_licenses.py`; do not edit by hand. "
        "briefpack itself is under the MIT licence (`LICENSE` at the top of the repository).\n",
        encoding="utf-8",
    )
    rows = [
        f"| {c.name} | {c.version or '-'} | {c.kind} | {c.licence} | {', '.join(names) or '-'} |"
        for c, names in written
    ]
    (target / "THIRD-PARTY.md").write_text(
        f"# Third-party components in briefpack {__version__}\n\n"
        "| Component | Version | Kind | Licence | Licence texts |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    return written


def main() -> int:
    written = write()
    missing = [c.name for c, names in written if not names]
    print(f"wrote the licences of {len(written)} components to {LICENSES}")
    if missing:
        print(f"no licence text found for: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
