"""The dump reader meets its quality bars on the hand-annotated corpus (issue 3), and the corpus is well formed."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path) -> ModuleType:
    # pytest puts tests/ on the path, not tests/ingest/: load the script by
    # file so it stays runnable as `python tests/ingest/evaluate.py`.
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


ev = _load("briefpack_tests_evaluate", HERE / "evaluate.py")

SCHEMA = {"file", "title", "category", "authors", "publisher", "published", "url", "language",
          "captions", "image_credits", "blocks"}


def test_corpus_is_large_and_well_formed():
    golds = sorted(ev.CORPUS.glob("*.gold.json"))
    assert len(golds) >= 45
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert SCHEMA <= gold.keys(), path.name
        assert (ev.CORPUS / gold["file"]).exists(), path.name
        assert gold["blocks"], path.name


def test_corpus_sources_and_generated_files_agree():
    # The committed .txt/.gold.json must be what build.py makes of src/*.ann.
    build = _load("briefpack_tests_corpus_build", ev.CORPUS / "build.py")
    for source in sorted((ev.CORPUS / "src").glob("*.ann")):
        text, gold = build.build(source)
        assert (ev.CORPUS / f"{source.stem}.txt").read_text(encoding="utf-8") == text, source.name
        stored = json.loads((ev.CORPUS / f"{source.stem}.gold.json").read_text(encoding="utf-8"))
        assert stored == gold, source.name


def test_shingle_f1_is_a_real_measure():
    gold = ev.shingles(["the quick brown fox jumps over the lazy dog"])
    assert ev.f1(gold, gold) == 1.0
    assert ev.f1(ev.shingles(["nothing in common with that sentence at all"]), gold) == 0.0
    assert 0 < ev.f1(ev.shingles(["the quick brown fox jumps"]), gold) < 1


@pytest.fixture(scope="module")
def report():
    return ev.evaluate()


@pytest.mark.parametrize("figure", sorted(ev.BARS))
def test_quality_bar(report, figure):
    assert report.figures()[figure] >= ev.BARS[figure], report.figures()


def test_nothing_invented(report):
    assert [(f.name, f.invented) for f in report.files if f.invented] == []
