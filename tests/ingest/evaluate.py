"""Measure the page-dump reader against the hand-annotated corpus in ``tests/ingest/corpus``.

Run as a script (``python tests/ingest/evaluate.py [-v]``) it prints one line
per corpus file and the overall figures against their bars; imported, it
offers ``evaluate()`` returning a ``Report``. The figures: body F1 over bags
of 4-word shingles (lower-cased ``\\w+`` tokens of the heading and paragraph
text, footnotes excluded, on both sides), title exact match (a derived title
counts when the gold has none), authors exact (list equality), date exact,
and INVENTED values: a date, author or URL the reader gives where the gold
has none, or that does not occur in the dump's text at all.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
sys.path.insert(0, str(HERE.parents[1] / "desktop"))

from briefpack.ingest.dump import read_dump  # noqa: E402
from briefpack.model import Article  # noqa: E402

BARS = {"body_f1": 0.92, "title": 0.90, "authors": 0.90, "date": 0.90}
_TOKEN = re.compile(r"\w+")
FOOTNOTE = "footnote"


def shingles(texts: list[str], n: int = 4) -> Counter:
    """The bag of ``n``-word shingles of ``texts``, each text on its own (shingles never span two blocks)."""
    bag: Counter = Counter()
    for text in texts:
        tokens = [t.lower() for t in _TOKEN.findall(text)]
        if len(tokens) < n:
            bag[tuple(tokens)] += 1
            continue
        bag.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return bag


def f1(found: Counter, gold: Counter) -> float:
    """Bag F1; two empty bags agree perfectly."""
    if not found and not gold:
        return 1.0
    overlap = sum((found & gold).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(found.values()), overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class FileResult:
    """One corpus file's scores; ``invented`` lists the fields given without support."""

    name: str
    body_f1: float
    title: bool
    authors: bool
    date: bool
    invented: tuple[str, ...]
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    files: tuple[FileResult, ...]

    def share(self, attribute: str) -> float:
        return sum(bool(getattr(f, attribute)) for f in self.files) / len(self.files)

    @property
    def body_f1(self) -> float:
        return sum(f.body_f1 for f in self.files) / len(self.files)

    @property
    def invented(self) -> int:
        return sum(len(f.invented) for f in self.files)

    def figures(self) -> dict[str, float]:
        return {
            "body_f1": self.body_f1,
            "title": self.share("title"),
            "authors": self.share("authors"),
            "date": self.share("date"),
            "invented": self.invented,
        }

    def passes(self) -> bool:
        figures = self.figures()
        return all(figures[k] >= bar for k, bar in BARS.items()) and self.invented == 0


def _body(blocks: list[tuple[str, str, str | None]]) -> list[str]:
    return [text for kind, text, role in blocks if kind in ("paragraph", "heading") and role != FOOTNOTE]


def _in_text(value: str, text: str) -> bool:
    squeeze = lambda s: re.sub(r"\W+", "", s.lower())  # noqa: E731
    return squeeze(value) in squeeze(text)


def _name_in_text(name: str, text: str) -> bool:
    return all(_in_text(part, text) for part in name.split())


def score(path: Path) -> FileResult:
    """Parse one corpus dump and compare it with its ``.gold.json``."""
    gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    article: Article = read_dump(raw, path.name)
    found_body = _body([(b.kind.value, b.text, b.role) for b in article.blocks])
    gold_body = _body([(b["kind"], b["text"], b.get("role")) for b in gold["blocks"]])
    title_ok = article.title == gold["title"] if gold["title"] is not None else article.title_derived
    published = article.published.isoformat() if article.published else None
    invented: list[str] = []
    if published and (gold["published"] is None):
        invented.append(f"date {published}")
    invented += [f"author {a}" for a in article.authors if not gold["authors"] or not _name_in_text(a, text)]
    if article.url and (gold["url"] is None or article.url not in text):
        invented.append(f"url {article.url}")
    return FileResult(
        name=path.stem,
        body_f1=f1(shingles(found_body), shingles(gold_body)),
        title=title_ok,
        authors=list(article.authors) == gold["authors"],
        date=published == gold["published"],
        invented=tuple(invented),
        detail={
            "title": article.title,
            "gold_title": gold["title"],
            "authors": list(article.authors),
            "gold_authors": gold["authors"],
            "date": published,
            "gold_date": gold["published"],
        },
    )


def evaluate(corpus: Path = CORPUS) -> Report:
    """Score every ``*.txt`` in ``corpus`` that has a gold file beside it."""
    paths = sorted(p for p in corpus.glob("*.txt") if p.with_suffix(".gold.json").exists())
    return Report(tuple(score(p) for p in paths))


def _mark(ok: bool) -> str:
    return "ok" if ok else "XX"


def main(argv: list[str] | None = None) -> int:
    verbose = "-v" in (argv if argv is not None else sys.argv[1:])
    report = evaluate()
    for r in report.files:
        line = (
            f"{r.name:32} body {r.body_f1:.3f}  title {_mark(r.title)}  authors {_mark(r.authors)}"
            f"  date {_mark(r.date)}  invented {len(r.invented)}"
        )
        print(line)
        if verbose:
            d = r.detail
            if not r.title:
                print(f"    title {d['title']!r} != {d['gold_title']!r}")
            if not r.authors:
                print(f"    authors {d['authors']} != {d['gold_authors']}")
            if not r.date:
                print(f"    date {d['date']} != {d['gold_date']}")
            for item in r.invented:
                print(f"    INVENTED {item}")
    figures = report.figures()
    print(f"\n{len(report.files)} files")
    for key, bar in BARS.items():
        print(f"{key}: {figures[key]:.3f}; bar >= {bar}")
    print(f"invented: {report.invented}; bar 0")
    return 0 if report.passes() else 1


if __name__ == "__main__":
    sys.exit(main())
