"""The layer rules of DESIGN.md hold: only gui/ imports Qt, and layers import downwards only.

Runs import-linter on the contracts in pyproject.toml, and a plain scan for
Qt imports as a second, independent check.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop" / "briefpack"


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken" in done.stdout


def test_no_qt_import_outside_gui():
    qt_import = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.M)
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "gui" not in path.relative_to(PACKAGE).parts and qt_import.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
