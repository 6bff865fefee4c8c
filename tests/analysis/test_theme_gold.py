"""The default taxonomy against the gold themes of every paragraph of the seed articles.

Micro-averaged F1 over (paragraph, theme) pairs must reach 0.85. The gold
blocks' own text is tagged, so this measures the tagger and taxonomy, not the
parser. Per-theme precision and recall are printed (``pytest -s``) and put in
the failure message, so a regression shows which theme moved.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_paragraph

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD_FILES = sorted(DATA.glob("*.gold.json"))


def gold_paragraphs() -> list[tuple[str, str, frozenset[str]]]:
    """(where, text, gold theme ids) of every paragraph block of every gold file."""
    found = []
    for path in GOLD_FILES:
        blocks = json.loads(path.read_text(encoding="utf-8"))["blocks"]
        for index, block in enumerate(blocks):
            if block["kind"] == "paragraph":
                found.append((f"{path.name}#{index}", block["text"], frozenset(block.get("themes") or ())))
    return found


def evaluate(taxonomy, paragraphs) -> tuple[float, list[str]]:
    """Micro F1 and a report: one line per theme, then one per paragraph that differs from gold."""
    counts: Counter[tuple[str, str]] = Counter()
    mistakes = []
    for where, text, gold in paragraphs:
        tagged = dict(tag_paragraph(text, taxonomy))
        predicted = set(tagged)
        for theme in predicted & gold:
            counts[theme, "tp"] += 1
        for theme in predicted - gold:
            counts[theme, "fp"] += 1
        for theme in gold - predicted:
            counts[theme, "fn"] += 1
        if predicted != gold:
            mistakes.append(f"  {where}: tagged {sorted(predicted)} gold {sorted(gold)} evidence {tagged}")
    tp, fp, fn = (sum(counts[t, k] for t in taxonomy.ids) for k in ("tp", "fp", "fn"))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    lines = [f"micro P={tp / max(tp + fp, 1):.3f} R={tp / max(tp + fn, 1):.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})"]
    for theme in taxonomy.ids:
        t, p, n = counts[theme, "tp"], counts[theme, "fp"], counts[theme, "fn"]
        if t + p + n:
            lines.append(f"  {theme:<20} P={t / max(t + p, 1):.2f} R={t / max(t + n, 1):.2f} (tp={t} fp={p} fn={n})")
    return f1, lines + mistakes


def test_gold_files_are_present():
    assert len(GOLD_FILES) >= 2
    assert all(p[2] for p in gold_paragraphs()), "every gold paragraph has at least one theme"


def test_micro_f1_on_gold_paragraphs_is_at_least_085():
    f1, report = evaluate(load_taxonomy(), gold_paragraphs())
    print("\n" + "\n".join(report))
    assert f1 >= 0.85, "\n".join(report)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_each_gold_file_on_its_own_is_at_least_080(path):
    # A looser bar per file, so one article cannot carry the other.
    paragraphs = [p for p in gold_paragraphs() if p[0].startswith(path.name)]
    f1, report = evaluate(load_taxonomy(), paragraphs)
    assert f1 >= 0.80, "\n".join(report)
