"""The seed articles and their gold files, importable by tests under a unique module name."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DATA = Path(__file__).resolve().parent / "data"


def load_gold(seed: Path) -> dict:
    """The gold parse of a seed (``tests/data/NAME.gold.json``)."""
    return json.loads((DATA / (seed.stem + ".gold.json")).read_text(encoding="utf-8"))
