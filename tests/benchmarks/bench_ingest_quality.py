"""Issue 3's bar: the page-dump reader's quality on the annotated corpus (tests/ingest/corpus), and its speed on long lines."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _evaluate_module():
    path = ROOT / "tests" / "ingest" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("briefpack_bench_evaluate", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _long_line_seconds(read_dump) -> float:
    # One 200,000-character paragraph line between a headline and a byline.
    sentence = "Officials said the new agreement would expand trade and transport links between the regions. "
    body = (sentence * (200_000 // len(sentence) + 1))[:200_000]
    data = f"World\nA very long article arrives in one line\nBy Anna Nowak\n\n{body}\n".encode()
    started = time.perf_counter()
    read_dump(data, "long.txt")
    return time.perf_counter() - started


def main() -> None:
    ev = _evaluate_module()
    started = time.perf_counter()
    report = ev.evaluate()
    elapsed = time.perf_counter() - started
    figures = report.figures()
    n = len(report.files)
    print(f"corpus: {n} page dumps in tests/ingest/corpus, parsed in {elapsed:.1f} s")
    print(f"body F1 (4-word shingles): {figures['body_f1']:.3f}; bar >= {ev.BARS['body_f1']}")
    print(f"title exact: {figures['title']:.3f}; bar >= {ev.BARS['title']}")
    print(f"authors exact: {figures['authors']:.3f}; bar >= {ev.BARS['authors']}")
    print(f"date exact: {figures['date']:.3f}; bar >= {ev.BARS['date']}")
    print(f"invented dates, authors, URLs: {report.invented}; bar 0")
    print(f"200,000-character line: {_long_line_seconds(ev.read_dump):.2f} s; bar < 1 s")


if __name__ == "__main__":
    main()
