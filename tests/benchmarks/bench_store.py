"""The project file at scale: 10,000 articles of 20 paragraphs each (about 100 MB of text).

Times adding the articles and their tags to a new project with
``add_articles`` (duplicate checks and FTS5 indexing included; fingerprints
are computed beforehand, as import workers do, and timed apart), the first
save, a save after a small change, opening the file (which reads every article),
the first call for every tag (tags stay packed until asked for), and two
searches.
Generating the articles is not timed. Saves and opens are medians of
several runs on a shared machine. Run alone with
``python tests/benchmarks/bench_store.py [ARTICLES]``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from briefpack.analysis.duplicates import fingerprint  # noqa: E402
from briefpack.model.article import Article, Block, BlockKind, Provenance  # noqa: E402
from briefpack.model.selection import BriefSettings, Selection  # noqa: E402
from briefpack.model.theme import ThemeTag  # noqa: E402
from briefpack.store import Project  # noqa: E402

ARTICLES = 10_000
PARAGRAPHS = 20
RUNS = 3
BATCH = 500
THEMES = ("diplomacy", "military", "economy_trade", "energy_resources", "sanctions", "humanitarian")


def synthetic_articles(count: int, seed: int = 7) -> list[tuple[Article, list[ThemeTag]]]:
    """Articles of ~60-word paragraphs drawn from a skewed 20,000-word vocabulary, about 3 tags each 2 paragraphs."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzéłő"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 11))) for _ in range(20_000)]
    weights, total = [], 0.0
    for rank in range(len(vocab)):
        total += 1.0 / (rank + 1)
        weights.append(total)  # cumulative, Zipf-like: a few words are very common
    out = []
    for n in range(count):
        sha = hashlib.sha256(f"bench {n}".encode()).hexdigest()
        blocks = [Block(BlockKind.HEADING, f"Article {n} headline")] + [
            Block(BlockKind.PARAGRAPH, " ".join(rng.choices(vocab, cum_weights=weights, k=60)) + ".")
            for _ in range(PARAGRAPHS)
        ]
        article = Article(
            id=f"art-{sha[:16]}", title=f"Article {n}", title_derived=False, authors=("A. Writer",),
            publisher="example.org", url=f"https://example.org/{n}", published=dt.date(2024, 1, 1 + n % 28),
            language="en", category=None, blocks=tuple(blocks), captions=(), image_credits=(),
            provenance=Provenance(f"{n}.html", sha, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)),
        )
        tags = [
            ThemeTag(article.id, i, rng.choice(THEMES), tuple(rng.sample(vocab[:200], 2)), rng.random())
            for i in range(1, PARAGRAPHS + 1, 2)
        ]
        out.append((article, tags))
    return out


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(count: int = ARTICLES) -> None:
    data = synthetic_articles(count)
    text_mb = sum(len(b.text) for a, _ in data for b in a.blocks) / 1e6
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.briefpack"
        project = Project.new(path)

        def fill() -> None:
            for start in range(0, len(data), BATCH):
                project.add_articles(data[start : start + BATCH], prints)
            project.search("x")  # the FTS5 index catches up
            project.selection = Selection(theme_ids=THEMES[:3])
            project.settings = BriefSettings(title="Benchmark brief")

        started = time.perf_counter()
        prints = {article.id: fingerprint(article) for article, _ in data}
        fingerprinting = time.perf_counter() - started
        add = timed(fill)
        first_save = timed(project.save)
        resaves = []
        for run in range(RUNS):
            project.set_meta("run", run)
            resaves.append(timed(project.save))
        opens, opened = [], None
        for _ in range(RUNS):
            if opened is not None:
                opened.close()
            started = time.perf_counter()
            opened = Project.open(path)
            opens.append(time.perf_counter() - started)
        assert opened is not None and len(opened.articles) == count and opened.articles[-1] == data[-1][0]
        all_tags = timed(opened.tags)
        words = Counter(w for b in data[0][0].blocks[1:] for w in b.text.rstrip(".").split())
        common_word = words.most_common(1)[0][0]
        common = timed(lambda: opened.search(common_word))
        hits = len(opened.search(common_word))
        rare = timed(lambda: opened.search('"' + " ".join(data[-1][0].blocks[5].text.split()[10:13]) + '"'))
        size_mb = path.stat().st_size / 1e6
    print(f"project: {count} articles x {PARAGRAPHS} paragraphs, {text_mb:.0f} MB of text, {count * PARAGRAPHS // 2} tags; file {size_mb:.0f} MB")
    print(f"fingerprints for duplicate detection (done in import workers): {fingerprinting / count * 1000:.2f} ms per article")
    print(f"add_articles in batches of {BATCH} with tags, duplicate checks and FTS5 indexing: {add:.2f} s "
          f"({add / count * 1000:.2f} ms per article)")
    print(f"first save: {first_save:.2f} s")
    print(f"save after a small change: median {statistics.median(resaves):.2f} s over {RUNS} runs (max {max(resaves):.2f})")
    print(f"open (every article read): median {statistics.median(opens):.2f} s over {RUNS} runs (max {max(opens):.2f})")
    print(f"every tag, first call of project.tags(): {all_tags:.2f} s")
    print(f"search a common word ({hits} hits): {common * 1000:.0f} ms; a rare phrase: {rare * 1000:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES)
