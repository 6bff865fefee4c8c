"""The default taxonomy on the labelled paragraphs (tests/analysis/labelled): micro-F1 must reach the bar on all of them.

The figures per split and per theme come from ``evaluate_themes.py``; the
message of a failure carries them, so a regression shows which theme moved.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from briefpack.analysis.taxonomy import load_taxonomy

_SPEC = importlib.util.spec_from_file_location("evaluate_themes", Path(__file__).with_name("evaluate_themes.py"))
evaluate_themes = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("evaluate_themes", evaluate_themes)  # its dataclasses look their module up there
_SPEC.loader.exec_module(evaluate_themes)


def test_there_are_enough_labelled_paragraphs_on_every_theme_and_none():
    items = [i for split in evaluate_themes.SPLITS for i in evaluate_themes.load_split(split)]
    assert len(items) >= 80
    assert len({i.id for i in items}) == len(items)
    taxonomy = load_taxonomy()
    for theme_id in taxonomy.ids:
        assert sum(theme_id in i.themes for i in items) >= 5, theme_id
    assert sum(not i.themes for i in items) >= 5
    assert all(set(i.themes) <= set(taxonomy.ids) for i in items)


def test_micro_f1_on_all_labelled_paragraphs_reaches_the_bar():
    taxonomy = load_taxonomy()
    items = [i for split in evaluate_themes.SPLITS for i in evaluate_themes.load_split(split)]
    score = evaluate_themes.evaluate(taxonomy, items)
    report = "\n".join(score.lines(taxonomy.ids))
    print(report)
    assert score.micro_f1 >= evaluate_themes.BAR, report + "\n" + "\n".join(score.mistakes)
