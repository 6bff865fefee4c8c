"""Theme tagging quality on the labelled paragraphs: micro-F1 and per-theme precision and recall, per split.

The paragraphs in ``tests/analysis/labelled/`` were written and labelled
before the taxonomy was tuned against them: ``dev.jsonl`` may be looked at
while tuning, ``heldout.jsonl`` is only evaluated. Each line is one
paragraph: ``{"id", "outlet", "text", "themes": [...]}`` (an empty list means
the paragraph speaks to no theme). Run ``python tests/analysis/evaluate_themes.py
[--mistakes] [--taxonomy FILE.toml]``; the figures print per split and for
all paragraphs together, and ``evaluate`` is what the quality test calls.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_paragraph
from briefpack.model.theme import Taxonomy

LABELLED = Path(__file__).resolve().parent / "labelled"
SPLITS = ("dev", "heldout")
BAR = 0.85


@dataclass(frozen=True, slots=True)
class Labelled:
    id: str
    outlet: str
    text: str
    themes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts over (paragraph, theme) pairs; ``mistakes`` lists the paragraphs whose themes differ from the labels."""

    tp: Counter
    fp: Counter
    fn: Counter
    mistakes: tuple[str, ...]

    @property
    def micro_f1(self) -> float:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def lines(self, theme_ids: list[str]) -> list[str]:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        out = [f"micro P={tp / max(tp + fp, 1):.3f} R={tp / max(tp + fn, 1):.3f} F1={self.micro_f1:.3f} (tp={tp} fp={fp} fn={fn})"]
        for theme in theme_ids:
            t, p, n = self.tp[theme], self.fp[theme], self.fn[theme]
            if t + p + n:
                out.append(f"  {theme:<20} P={t / max(t + p, 1):.2f} R={t / max(t + n, 1):.2f} (tp={t} fp={p} fn={n})")
        return out


def load_split(name: str) -> list[Labelled]:
    """The labelled paragraphs of one split (``dev`` or ``heldout``)."""
    items = []
    with open(LABELLED / f"{name}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                raw = json.loads(line)
                items.append(Labelled(raw["id"], raw["outlet"], raw["text"], frozenset(raw["themes"])))
    return items


def evaluate(taxonomy: Taxonomy, paragraphs: list[Labelled]) -> Score:
    """Tag every paragraph with ``taxonomy`` and count agreement with its labels."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    mistakes = []
    for item in paragraphs:
        tagged = dict(tag_paragraph(item.text, taxonomy))
        predicted = set(tagged)
        tp.update(predicted & item.themes)
        fp.update(predicted - item.themes)
        fn.update(item.themes - predicted)
        if predicted != item.themes:
            mistakes.append(f"  {item.id}: tagged {sorted(predicted)} labelled {sorted(item.themes)} evidence {tagged}\n      {item.text}")
    return Score(tp, fp, fn, tuple(mistakes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mistakes", action="store_true", help="list the paragraphs tagged differently from their labels")
    parser.add_argument("--taxonomy", type=Path, help="a taxonomy file (default: the shipped one)")
    parser.add_argument("--split", choices=SPLITS, action="append", help="only these splits (default: all)")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy(args.taxonomy)
    splits = args.split or list(SPLITS)
    everything: list[Labelled] = []
    for name in splits:
        items = load_split(name)
        everything.extend(items)
        score = evaluate(taxonomy, items)
        print(f"{name} ({len(items)} paragraphs):")
        print("\n".join(score.lines(taxonomy.ids)))
        if args.mistakes:
            print("\n".join(score.mistakes))
    total = evaluate(taxonomy, everything)
    print(f"all ({len(everything)} paragraphs): micro-F1 {total.micro_f1:.3f}; bar {BAR}")
    return 0 if total.micro_f1 >= BAR else 1


if __name__ == "__main__":
    sys.exit(main())
