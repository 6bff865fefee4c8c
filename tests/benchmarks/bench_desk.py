"""The source side of the desk at 10,000 articles: building the sources table and the coverage map, sorting and filtering.

Articles are synthetic (five paragraphs, three theme tags each, twenty
publishers, dates over two years, three languages), since only their
number matters to the table. Figures are CPU time (``time.process_time``),
medians of several runs, for: counting the paragraphs per theme and source
(``DeskContent``, shared by the table, the themes panel and the coverage
map), the table's rows (``source_rows``, counting included), loading
them into the model, the whole panel
refill a new project causes, the refill after a selection change (check
marks only), adding 100 imported articles to the shown 10,000 (``DeskContent.appended``
and the panel's append), sorting by date, narrowing to half the rows as a search does,
and the coverage map's model. Run alone with
``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_desk.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefpack.gui.content import DeskContent  # noqa: E402
from briefpack.gui.coverage import CoverageModel  # noqa: E402
from briefpack.gui.source_table import DATE, SourceTableModel, source_rows  # noqa: E402
from briefpack.gui.sources import SourceTablePanel  # noqa: E402
from briefpack.jobs import default_taxonomy  # noqa: E402
from briefpack.model.article import Article, Block, BlockKind, Provenance  # noqa: E402
from briefpack.model.selection import Selection  # noqa: E402
from briefpack.model.theme import ThemeTag  # noqa: E402

ARTICLES = 10_000
RUNS = 5


def make_library(count: int) -> tuple[list[Article], list[ThemeTag]]:
    taxonomy = default_taxonomy()
    themes = taxonomy.ids
    imported = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    articles, tags = [], []
    for n in range(count):
        article = Article(
            id=f"a{n:05d}", title=f"Article {n} on the talks", title_derived=False, authors=(f"Writer {n % 50}",),
            publisher=f"publisher{n % 20}.example", url=None,
            published=dt.date(2024, 1, 1) + dt.timedelta(days=(n * 7) % 730) if n % 9 else None,
            language=("en", "fr", "ko")[n % 3], category=None,
            blocks=tuple(Block(BlockKind.PARAGRAPH, f"Paragraph {p} of article {n}.") for p in range(5)),
            captions=(), image_credits=(), provenance=Provenance(f"a{n}.txt", f"{n:064x}", imported),
        )
        articles.append(article)
        tags += [ThemeTag(article.id, p, themes[(n + p) % len(themes)], ("term",)) for p in range(3)]
    return articles, tags


def cpu_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    taxonomy = default_taxonomy()
    articles, tags = make_library(ARTICLES)
    grades = {f"publisher{n}.example": "ABCDEF"[n % 6] for n in range(0, 20, 2)}
    rows = source_rows(articles, tags, grades)
    print(f"{ARTICLES} articles, {len(tags)} tags; CPU time (process_time), median of {RUNS} runs")
    print(f"  paragraph counts (DeskContent):         {cpu_ms(lambda: DeskContent(articles, tags).largest()):7.1f} ms")
    # Every row's chips worked out, as sorting by themes needs them (drawing needs only the visible rows').
    print(f"  table rows (source_rows), chips:        "
          f"{cpu_ms(lambda: [r.themes for r in source_rows(articles, tags, grades)]):7.1f} ms")
    model = SourceTableModel()
    print(f"  model load (set_rows):                  {cpu_ms(lambda: model.set_rows(rows, (), taxonomy)):7.1f} ms")

    panel = SourceTablePanel()
    panel.resize(420, 600)
    half = {a.id for a in articles[::2]}

    def refill_new_project() -> DeskContent:
        content = DeskContent(articles, tags)  # as after opening another project: counted again, every row rebuilt
        panel.show_sources(articles, Selection(), tags=tags, taxonomy=taxonomy, reliability=grades,
                           search=lambda **_: sorted(half), content=content)
        return content

    print(f"  panel refill, new project:              {cpu_ms(refill_new_project):7.1f} ms")
    chosen = Selection(source_ids=tuple(a.id for a in articles[:5000]))
    flip = [Selection(), chosen]
    print(f"  panel refill, selection change:         "
          f"{cpu_ms(lambda: panel.show_sources(articles, flip.reverse() or flip[0], tags=tags, taxonomy=taxonomy, reliability=grades)):7.1f} ms")

    more, more_tags = make_library(ARTICLES + 100)
    more, more_tags = more[ARTICLES:], [t for t in more_tags if t.article_id in {a.id for a in more[ARTICLES:]}]

    def add_imported() -> None:
        shown = refill_new_project()
        start = time.process_time()
        grown = shown.appended(more, more_tags)
        panel.show_sources(grown.articles, Selection(), tags=grown.tags, taxonomy=taxonomy, reliability=grades,
                           search=lambda **_: sorted(half), content=grown)
        appended.append((time.process_time() - start) * 1000)

    appended: list[float] = []
    for _ in range(RUNS):
        add_imported()
    print(f"  panel after importing 100 more:         {statistics.median(appended):7.1f} ms")
    refill_new_project()

    def sort_by_date() -> None:
        panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        panel.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)

    print(f"  sort by date (proxy, 10,000 rows):      {cpu_ms(sort_by_date):7.1f} ms")
    panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    ids = sorted(half)
    print(f"  narrow to 5,000 rows and back (proxy):  "
          f"{cpu_ms(lambda: (panel.proxy.set_allowed(ids), panel.proxy.set_allowed(None))):7.1f} ms")
    coverage = CoverageModel()
    content = DeskContent(articles, tags)
    content.largest()  # counted, as the sources table has done by then
    print(f"  coverage model load:                    {cpu_ms(lambda: coverage.set_coverage(taxonomy, articles, content, ())):7.1f} ms")
    app.processEvents()


if __name__ == "__main__":
    main()
