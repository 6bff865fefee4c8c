"""The third-party components briefpack ships with, and their licences: Python packages, fonts, pandoc, Python itself.

The Python packages are the installed distributions reachable from
briefpack's own declared requirements (extras left out), read with
``importlib.metadata``; the fonts and their licences come from the Debian
copyright files beside them in ``resources/fonts/licenses``; pandoc's from the
copyright file pypandoc-binary ships beside the executable. The About dialog
lists these, and ``packaging/write_licenses.py`` copies their licence texts
into ``packaging/licenses``. A frozen bundle carries the distributions'
metadata (the spec copies it), so the same list is read there. Plain
functions without Qt: any thread may call them.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
from dataclasses import dataclass
from pathlib import Path

from briefpack.paths import FONTS_DIR

# Licence texts by name, or anything in the dist-info/licenses/ folder PEP 639 puts them in.
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)[^/]*$|\.dist-info/licenses/", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_CLASSIFIER_PREFIX = "License :: OSI Approved :: "


@dataclass(frozen=True)
class Component:
    """One shipped component: ``version`` is ``""`` when it is not recorded (fonts, pandoc).

    ``licence_files`` are readable paths to its licence texts; empty when none
    was found next to it (the licence name is then all there is).
    """

    name: str
    version: str
    licence: str
    kind: str  # "Python package", "Font", "Program", "Runtime"
    licence_files: tuple[Path, ...] = ()

    def licence_text(self) -> str:
        """The licence texts joined with a separator; ``""`` when there are none."""
        parts = [path.read_text(encoding="utf-8", errors="replace") for path in self.licence_files]
        return "\n\n" + ("-" * 72 + "\n\n").join(parts) if parts else ""


def normalise(name: str) -> str:
    """A distribution name in its canonical form (PEP 503): lower case, runs of ``-_.`` as ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def shipped_distributions(root: str = "briefpack") -> list[metadata.Distribution]:
    """The installed distributions ``root`` needs at run time, ``root`` included, sorted by name.

    Follows each distribution's requirements without extras; a requirement
    that is not installed (for another platform, by its marker) is skipped.
    """
    found: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = normalise(pending.pop())
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = dist
        for requirement in dist.requires or []:
            marker = requirement.partition(";")[2]
            if "extra" in marker:
                continue
            match = _REQUIREMENT_NAME.match(requirement)
            if match:
                pending.append(match.group(1))
    return [found[name] for name in sorted(found)]


def licence_name(dist: metadata.Distribution) -> str:
    """The distribution's licence: its SPDX expression, else a short License field, else its OSI classifier."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [c[len(_CLASSIFIER_PREFIX):] for c in meta.get_all("Classifier") or [] if c.startswith(_CLASSIFIER_PREFIX)]
    if classifiers:
        return "; ".join(classifiers)
    return field.splitlines()[0] if field else "unknown"


def licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    """The licence texts the distribution installed (in its dist-info or its package folder)."""
    paths = []
    for file in dist.files or []:
        if LICENCE_FILE.search(str(file)) and not str(file).startswith(".."):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                paths.append(path)
    return tuple(sorted(paths))


def python_components(root: str = "briefpack") -> list[Component]:
    """The shipped Python distributions other than ``root`` itself, as components."""
    return [
        Component(dist.metadata["Name"], dist.version, licence_name(dist), "Python package", licence_files(dist))
        for dist in shipped_distributions(root)
        if normalise(dist.metadata["Name"]) != normalise(root)
    ]


def font_components(fonts_dir: Path = FONTS_DIR) -> list[Component]:
    """One component per font family with a ``<Family>-debian-copyright.txt`` in ``fonts_dir/licenses``.

    The licence is the first ``License:`` of the file (the font files' own;
    later ones cover Debian's packaging scripts, which are not shipped).
    """
    components = []
    for path in sorted((fonts_dir / "licenses").glob("*-debian-copyright.txt")):
        family = path.name.removesuffix("-debian-copyright.txt")
        match = re.search(r"^License:\s*(\S+)", path.read_text(encoding="utf-8", errors="replace"), re.M)
        files = sorted(p.stem for p in fonts_dir.glob(f"{family}*.ttf"))
        name = f"{family} fonts ({', '.join(files)})" if files else f"{family} fonts"
        components.append(Component(name, "", match.group(1) if match else "unknown", "Font", (path,)))
    return components


def pandoc_component() -> Component | None:
    """The pandoc executable pypandoc-binary ships (GPL-2.0-or-later); ``None`` when pypandoc is absent."""
    try:
        dist = metadata.distribution("pypandoc-binary")
    except metadata.PackageNotFoundError:
        return None
    copyright_files = tuple(
        Path(str(dist.locate_file(f))) for f in dist.files or [] if str(f).endswith("copyright.pandoc")
    )
    return Component("pandoc (run for citations)", "", "GPL-2.0-or-later", "Program",
                     tuple(p for p in copyright_files if p.is_file()))


def shipped_components() -> list[Component]:
    """Everything briefpack ships besides its own code: Python, the Python packages, pandoc, the fonts."""
    runtime = Component("Python", platform.python_version(), "PSF-2.0", "Runtime")
    pandoc = pandoc_component()
    return [runtime, *python_components(), *([pandoc] if pandoc else []), *font_components()]
