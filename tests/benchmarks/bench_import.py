"""Issue 3's library bars: import 10,000 page dumps at ≥ 1,000 articles/s in ≤ 500 MB, and search in ≤ 30 ms p95.

Generates 10,000 page dumps (~5 KB each, deterministic) in the layouts
analysts copy: wire copy with a dateline, state media with a section label
glued to the title, blogs with "By X | Reporter" bylines and captions,
text-browser dumps hard-wrapped at 80 columns, with furniture (share rows,
"Related content", cookie banners, tag lists, "(END)", "Advertisement"),
and a share of duplicates (the same text in another layout, syndicated
copies with light edits). Then imports them the way the app does: two
worker processes parse (``ingest.read_bytes``), tag (``tag_article``) and
fingerprint (``duplicates.fingerprint``) each file, and the main process
adds them to a project in batches (``Project.add_articles``), FTS5 index
included; saves it, reopens it and times 300 queries with filters. Run
alone with ``python tests/benchmarks/bench_import.py [COUNT]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
# Worker processes start clean and import this module by name to find ``process``.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefpack.analysis.duplicates import fingerprint  # noqa: E402
from briefpack.analysis.taxonomy import load_taxonomy  # noqa: E402
from briefpack.analysis.themes import pack_tags, tag_article, unpack_tags  # noqa: E402
from briefpack.ingest import IngestError, read_bytes  # noqa: E402
from briefpack.model.article import Block  # noqa: E402
from briefpack.store import Project  # noqa: E402

COUNT = 10_000
WORKERS = 2
BATCH = 500  # articles per add_articles transaction
QUERIES = 300
# Seconds the import may run before it stops (keeps `make bench` within minutes on a very busy machine);
# the rate is then measured over the files imported so far, and the library is filled up to COUNT
# with altered copies of imported articles for the query figure. 90 s lets a full import finish on a
# busy 2-core machine, so the memory figure is normally that of 10,000 imported files.
IMPORT_BUDGET = 90.0

OUTLETS = [
    ("Yonhap News Agency", "yna.co.kr", "SEOUL"), ("TASS", "tass.com", "MOSCOW"),
    ("VnExpress International", "e.vnexpress.net", "HANOI"), ("Korea JoongAng Daily", "koreajoongangdaily.joins.com", "SEOUL"),
    ("Reuters", "reuters.com", "LONDON"), ("Kyodo News", "english.kyodonews.net", "TOKYO"),
    ("The Diplomat", "thediplomat.com", "WASHINGTON"), ("Radio Free Asia", "rfa.org", "BANGKOK"),
]
SUBJECTS = ["The foreign ministry", "Officials in Pyongyang", "The defence ministry", "Trade negotiators", "The central bank",
            "Energy companies", "Port authorities", "Health officials", "University researchers", "Border guards",
            "The prime minister", "Lawmakers", "Aid agencies", "Shipping firms", "Analysts in Seoul", "The navy"]
VERBS = ["said on Thursday that", "announced that", "warned that", "confirmed that", "denied reports that",
         "told reporters that", "expect that", "reported that"]
NOUNS = ["exports of coal", "imports of grain", "the price of rice", "shipments of fertiliser", "oil output",
         "the number of tourists", "remittances from workers abroad", "arms deliveries", "food aid", "electricity supply",
         "the wheat harvest", "military spending", "investment in ports", "tariffs on steel", "fishing catches",
         "gas deliveries", "medical supplies", "student exchanges", "rail freight", "cross-border trade",
         "missile tests", "naval patrols", "vaccination rates", "court cases against smugglers", "charter flights"]
CHANGES = ["rose by {n} percent", "fell by {n} percent", "doubled", "stalled", "were suspended", "resumed",
           "were halted for {n} days", "reached a record", "slowed", "were cut by {n} percent", "grew sharply", "dropped"]
PLACES = ["in Pyongyang", "in the Rason economic zone", "along the Tumen river", "at the port of Nampo", "in Vladivostok",
          "in Hanoi", "in Haiphong", "in the Kursk region", "near the demilitarized zone", "in Sinuiju", "in Dandong",
          "in Khabarovsk", "in Da Nang", "in Busan", "in Incheon"]
TIMES = ["in the third quarter", "last month", "since January", "over the summer", "this week", "after the summit",
         "before the elections", "during the cold snap", "in the first half of the year", "since the sanctions took effect"]
TAILS = ["according to state media", "citing unnamed sources", "in a statement", "officials said",
         "despite international criticism", "as talks continued", "the agency reported", "amid rising tensions"]
_SYLLABLES = ["ka", "ri", "mon", "te", "sul", "an", "po", "vel", "dor", "mi", "ha", "zen", "lo", "tra", "bek", "yu"]
# Words no template shares: real articles differ in most of their wording, and duplicate detection must see that.
LEXICON = ["".join(random.Random(i).choices(_SYLLABLES, k=random.Random(-i).randint(2, 4))) for i in range(3000)]
AUTHORS = ["Kim Soo-yeon", "Lee Min-ji", "Ivan Petrov", "Nguyen Thi Lan", "Sarah Collins", "Park Jae-hyun", "Anna Volkova", "Tran Van Minh"]
FURNITURE = ["Share this article", "Facebook Twitter LinkedIn Email", "Advertisement", "Related content", "Comment (0)",
             "Most viewed", "Subscribe to our newsletter for the latest updates", "We use cookies to improve your experience. Accept",
             "Tags: North Korea, Russia, economy", "(END)", "Read more:"]


def clause(rng: random.Random) -> str:
    change = rng.choice(CHANGES).format(n=rng.randint(2, 95))
    return f"{rng.choice(NOUNS)} {change} {rng.choice(PLACES)} {rng.choice(TIMES)}"


def sentence(rng: random.Random) -> str:
    aside = " ".join(rng.choices(LEXICON, k=rng.randint(5, 12)))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {clause(rng)}, {rng.choice(TAILS)}, with {aside}."


def story(rng: random.Random) -> tuple[str, list[str]]:
    """A headline and ~5 KB of paragraphs."""
    title = rng.choice(SUBJECTS) + " " + rng.choice(VERBS).split(" that")[0] + " " + clause(rng)
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(10, 16))]
    return title[0].upper() + title[1:], paragraphs


def layout(n: int, rng: random.Random, title: str, paragraphs: list[str]) -> str:
    """One of four page layouts, with its furniture."""
    outlet, site, city = OUTLETS[n % len(OUTLETS)]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600))
    author = rng.choice(AUTHORS)
    furniture = rng.sample(FURNITURE, 4)
    kind = n % 4
    if kind == 0:  # wire copy
        body = [f"{city}, {day:%b}. {day.day} ({outlet.split()[0]}) -- {paragraphs[0]}", *paragraphs[1:]]
        lines = [f"https://{site}/view/AEN{day:%Y%m%d}00{n:04d}", title, f"{day.isoformat()} 14:22", f"By {author}", "", *body,
                 "(END)", *furniture]
    elif kind == 1:  # state media: section label glued to the title
        lines = [f"Politics{title}", f"Published : {day.isoformat()} 09:{n % 60:02d}:05", author.upper(), "",
                 furniture[0], *paragraphs[:6], f"(Source: {outlet}) | PHOTO NOT FOR SALE", *paragraphs[6:], *furniture[1:]]
    elif kind == 2:  # blog with byline and caption
        lines = [f"Home > World > Asia", title, f"{author} | Reporter", f"{day:%B} {day.day}, {day.year}", "",
                 *paragraphs[:4], f"Images source: © {outlet}", *paragraphs[4:], *furniture,
                 f"{author} covers North Korea for {outlet}."]
    else:  # text browser, hard-wrapped at 80 columns
        wrapped = ["\n".join(textwrap.wrap(p, 80)) for p in paragraphs]
        lines = [title, f"{day.day}.{day.month:02d}.{day.year}", f"By {author} and {rng.choice(AUTHORS)}", "", *wrapped,
                 f"Source: https://{site}/news/{n}", *furniture]
    return "\n\n".join(lines) + "\n"


def generate(folder: Path, count: int) -> int:
    """Write ``count`` dumps; about 3% repeat a story's text in another layout, 5% are lightly edited copies. Returns bytes."""
    rng = random.Random(20261123)
    stories: list[tuple[str, list[str]]] = []
    size = 0
    for n in range(count):
        roll = rng.random()
        if stories and roll < 0.03:
            title, paragraphs = rng.choice(stories)  # the same text, another outlet's page around it
        elif stories and roll < 0.08:
            title, original = rng.choice(stories)
            paragraphs = [p.replace(" the ", " a ", 1) if i % 3 == 0 else p for i, p in enumerate(original)]
        else:
            title, paragraphs = story(rng)
            stories.append((title, paragraphs))
        data = layout(n, rng, title, paragraphs).encode("utf-8")
        (folder / f"dump {n:05d}.txt").write_bytes(data)
        size += len(data)
    return size


_TAXONOMY = None


def process(path: Path):
    """Worker: parse, tag and fingerprint one file; returns (result or ``None`` when refused, CPU seconds per step).

    Tags travel packed as plain tuples (``pack_tags``), as ``tag_articles``' own workers send them.
    """
    global _TAXONOMY
    if _TAXONOMY is None:
        _TAXONOMY = load_taxonomy(None)
    t0 = time.process_time()
    try:
        article = read_bytes(path.read_bytes(), path.name)
    except IngestError:
        return None, (time.process_time() - t0, 0.0, 0.0), peak_rss_mb()
    t1 = time.process_time()
    tags = tag_article(article, _TAXONOMY)
    t2 = time.process_time()
    fp = fingerprint(article)
    return (article, pack_tags(tags), fp), (t1 - t0, t2 - t1, time.process_time() - t2), peak_rss_mb()


def import_all(paths: list[Path], project: Project) -> dict:
    """Import every file; returns counts and CPU seconds per step (worker steps summed over workers).

    ``main`` is all the CPU the main process spent importing: receiving and
    unpickling results as well as ``store`` (adding and indexing).
    """
    out = {"files": 0, "worker_rss": 0.0, "added": 0, "duplicates": 0, "refused": 0, "parse": 0.0, "tag": 0.0,
           "fingerprint": 0.0, "store": 0.0, "main": 0.0}
    pending: list = []

    def flush() -> None:
        started = time.process_time()
        results = project.add_articles([(a, t) for a, t, _ in pending], {fp.article_id: fp for _, _, fp in pending})
        out["store"] += time.process_time() - started
        out["added"] += sum(r.added for r in results)
        out["duplicates"] += sum(not r.added for r in results)
        pending.clear()

    # Workers start clean (not forked from this process's memory), as an import from the app would.
    context = multiprocessing.get_context("forkserver" if sys.platform.startswith("linux") else "spawn")
    deadline = time.perf_counter() + IMPORT_BUDGET
    main_started = time.process_time()
    with context.Pool(WORKERS) as pool:  # leaving the block terminates workers still busy
        # Pickled by reference: use the copy of ``process`` that workers find under the module's own name,
        # whether this file runs as __main__ or was loaded by run.py without a sys.modules entry.
        worker = importlib.import_module("bench_import").process
        for item, (parse, tag, fp), rss in pool.imap(worker, paths, chunksize=16):
            out["files"] += 1
            out["worker_rss"] = max(out["worker_rss"], rss)
            if time.perf_counter() > deadline:
                break
            out["parse"] += parse
            out["tag"] += tag
            out["fingerprint"] += fp
            if item is None:
                out["refused"] += 1
                continue
            article, packed, fp = item
            pending.append((article, unpack_tags(packed, article), fp))
            if len(pending) >= BATCH:
                flush()
    if pending:
        flush()
    started = time.process_time()
    project.search("index")  # the FTS5 index catches up on first search: count it in the import
    out["store"] += time.process_time() - started
    out["main"] = time.process_time() - main_started
    return out


def fill(project: Project, count: int) -> int:
    """Top the library up to ``count`` articles with copies of imported ones (new id, date, outlet; sentences reordered); returns how many."""
    rng = random.Random(11)
    imported = list(project.articles)
    missing = count - len(imported)
    batch = []
    for k in range(max(missing, 0)):
        base = imported[k % len(imported)]
        copy = base.with_changes(
            id=f"fill-{k:05d}", blocks=tuple(_reordered(b, rng) for b in base.blocks), publisher=OUTLETS[k % len(OUTLETS)][1],
            published=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600)),
        )
        tags = [dataclasses.replace(t, article_id=copy.id) for t in project.tags_for(base.id)]
        batch.append((copy, tags))
        if len(batch) == BATCH:
            project.add_articles(batch)
            batch = []
    if batch:
        project.add_articles(batch)
    return max(missing, 0)


def _reordered(block: Block, rng: random.Random) -> Block:
    """The block with its sentences in another order: other text for the index, the same words for the tags."""
    sentences = block.text.split(". ")
    if len(sentences) < 2:
        return block
    return dataclasses.replace(block, text=". ".join(rng.sample(sentences, len(sentences))))


def queries(project: Project, rng: random.Random) -> list[dict]:
    words = ["pipeline", "sanctions", "missile", "grain", "embassy", "vaccination", "tourists", "smuggling", "refineries", "harvest"]
    phrases = ['"natural gas"', '"charter flights"', '"joint military exercise"', '"cyber attack"', "coal iron"]
    themes = ["military", "economy_trade", "energy_resources", "sanctions", "health", "diplomacy"]
    publishers = [o[1] for o in OUTLETS]
    out = []
    for q in range(QUERIES):
        kw: dict = {"limit": rng.choice([None, 100, 50])}
        if q % 5 != 4:
            kw["text"] = rng.choice(words + phrases)
        if rng.random() < 0.5:
            kw["themes"] = rng.sample(themes, rng.randint(1, 2))
        if rng.random() < 0.4:
            kw["publisher"] = rng.choice(publishers)
        if rng.random() < 0.4:
            start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(500))
            kw["date_from"], kw["date_to"] = start, start + dt.timedelta(days=rng.randrange(10, 120))
        if rng.random() < 0.3:
            kw["language"] = "en"
        if rng.random() < 0.3:
            kw["grades"] = rng.sample(["A", "B", "C", "F"], 2)
        out.append(kw)
    return out


def peak_rss_mb() -> float:
    """Peak resident memory of the calling process, in MB (Linux reports KiB, macOS bytes)."""
    scale = 1024 if sys.platform.startswith("linux") else 1
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def main(count: int = COUNT) -> None:
    with tempfile.TemporaryDirectory() as folder:
        dumps = Path(folder) / "dumps"
        dumps.mkdir()
        started = time.perf_counter()
        size = generate(dumps, count)
        generated = time.perf_counter() - started
        paths = sorted(dumps.iterdir())
        project = Project.new(Path(folder) / "library.briefpack")
        for publisher, grade in zip([o[1] for o in OUTLETS], "ABBCBADF"):
            project.set_reliability(publisher, grade)
        started = time.perf_counter()
        steps = import_all(paths, project)
        imported = time.perf_counter() - started
        imported_files = steps["files"]
        filled = fill(project, count)
        started = time.perf_counter()
        project.save()
        saved = time.perf_counter() - started
        project.close()
        del project  # its articles must not stay in memory beside the reopened library's
        started = time.perf_counter()
        library = Project.open(Path(folder) / "library.briefpack")
        opened = time.perf_counter() - started
        groups = library.duplicate_groups()
        times, hits = [], []
        for kw in queries(library, random.Random(5)):
            t0 = time.perf_counter()
            found = library.query(**kw)
            times.append(time.perf_counter() - t0)
            hits.append(len(found))
        p95 = statistics.quantiles(times, n=20)[-1] * 1000
        own, child = peak_rss_mb(), steps["worker_rss"]
    print(f"dumps: {count} generated in {generated:.1f} s, {size / count / 1000:.1f} KB each on average, 4 layouts, "
          f"~3% same text in another layout, ~5% lightly edited copies")
    stopped = f", stopped by the {IMPORT_BUDGET:.0f} s budget" if imported_files < count else ""
    print(f"import (parse + tag + fingerprint in {WORKERS} worker processes, add + FTS5 index in the main one): "
          f"{imported_files / imported:,.0f} articles/s ({imported_files} files in {imported:.1f} s{stopped}; "
          f"{steps['added']} added, {steps['duplicates']} duplicates not added, {steps['refused']} refused); bar ≥ 1,000/s")
    if filled:
        print(f"library filled up to {count} with {filled} altered copies of imported articles (for the query figure)")
    print(f"near-duplicate groups in the library: {len(groups)}")
    per = {k: steps[k] / max(imported_files, 1) * 1000 for k in ("parse", "tag", "fingerprint", "store", "main")}
    print(f"CPU time per article (process time, so a busy machine does not inflate it): parse {per['parse']:.2f} ms, tag {per['tag']:.2f} ms, fingerprint {per['fingerprint']:.2f} ms "
          f"(in workers), store incl. FTS5 {per['store']:.2f} ms of {per['main']:.2f} ms in the main process (the rest: "
          f"receiving results); the bar allows {WORKERS * 1000 / 1000:.0f} ms of CPU per article in all on {os.cpu_count()} cores")
    print(f"save {saved:.2f} s, open {opened:.2f} s")
    print(f"query (text + theme/publisher/date/language/grade filters), {QUERIES} queries: p95 {p95:.1f} ms, "
          f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms, "
          f"median {statistics.median(hits):.0f} hits; bar ≤ 30 ms p95")
    print(f"peak RSS: main process {own:.0f} MB, largest worker {child:.0f} MB, all together ≤ {own + WORKERS * child:.0f} MB; "
          f"bar ≤ 500 MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else COUNT)
