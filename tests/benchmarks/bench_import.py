"""Issue 3's library bars: import 10,000 page dumps at ≥ 1,000 articles/s in ≤ 500 MB, and search in ≤ 30 ms p95.

Generates 10,000 page dumps (~5 KB each, deterministic) in the layouts
analysts copy: wire copy with a dateline, state media with a section label
glued to the title, blogs with "By X | Reporter" bylines and captions,
text-browser dumps hard-wrapped at 80 columns, with furniture (share rows,
"Related content", cookie banners, tag lists, "(END)", "Advertisement"),
and a share of duplicates (the same text in another layout, syndicated
copies with light edits). Then imports the folder the way ``briefpack
import`` does, through ``jobs.import_into`` (``import_files`` +
``store_import``): worker processes (``import_pool``) read, tag and
fingerprint the files, and the main process judges duplicates and adds
them to the project batch by batch, FTS5 index included, while the workers
read on. Saves the project, reopens it and times 300 queries with filters.
The CPU of each worker step is measured apart, in this process, over a
sample of the files. Run alone with ``python tests/benchmarks/bench_import.py [COUNT]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
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

from briefpack import jobs  # noqa: E402
from briefpack.analysis.duplicates import fingerprint  # noqa: E402
from briefpack.analysis.taxonomy import load_taxonomy  # noqa: E402
from briefpack.analysis.themes import tag_article  # noqa: E402
from briefpack.ingest import IngestError, read_file  # noqa: E402
from briefpack.jobs import REFUSED, CancelToken, import_into, run_to_end  # noqa: E402
from briefpack.model.article import Block  # noqa: E402
from briefpack.store import Project  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from worker_cpu import WorkerWatch  # noqa: E402

COUNT = 10_000
BATCH = 500  # articles per add_articles transaction when filling the library up
SAMPLE = 300  # files whose worker steps are timed apart, in this process
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


def import_all(paths: list[Path], project: Project) -> dict:
    """Import every file the app's way (``jobs.import_into``); returns counts, CPU seconds and peak memory.

    ``main`` is all the CPU the main process spent importing (taking in and
    rebuilding the workers' results, judging duplicates, and ``store``:
    adding and indexing); ``workers`` is the CPU per file of the worker
    processes over the whole import (``worker_cpu.WorkerWatch``: every
    worker counted, also one that exited before the end), divided by the
    files imported (0 where there is none).
    """
    out = {"files": 0, "added": 0, "duplicates": 0, "refused": 0, "store": 0.0, "main": 0.0, "workers": 0.0,  # workers: per file
           "worker_rss": 0.0, "server_rss": 0.0, "worker_count": 0}
    cancel = CancelToken()
    real_store = jobs.store_import

    def timed_store(project: Project, result):
        started = time.process_time()
        try:
            return real_store(project, result)
        finally:
            out["store"] += time.process_time() - started

    deadline = time.perf_counter() + IMPORT_BUDGET

    def on_progress(progress) -> None:
        if progress.total and (progress.done % 250 == 0 or progress.done == progress.total - 1):
            watch.sample()  # the workers' peak memory can only be read while they run
        if time.perf_counter() > deadline:
            cancel.cancel()

    watch = WorkerWatch()
    main_started = time.process_time()
    jobs.store_import = timed_store  # import_into stores through it: its CPU is the store's
    try:
        job = import_into(project, paths, load_taxonomy(None), cancel=cancel, imported_at=dt.datetime.now(dt.timezone.utc))
        result, added, _ = run_to_end(job, on_progress)
    finally:
        jobs.store_import = real_store
    started = time.process_time()
    project.search("index")  # the FTS5 index catches up on first search: count it in the import
    out["store"] += time.process_time() - started
    out["main"] = time.process_time() - main_started
    out["main_rss"] = peak_rss_mb()
    if watch.servers:
        out["workers"] = watch.finish() / max(len(result.files), 1)
    out["worker_rss"], out["server_rss"], out["worker_count"] = watch.worker_peak_mb, watch.server_peak_mb, watch.worker_count
    out["files"] = len(result.files)
    out["added"] = len(added)
    out["refused"] = sum(f.status == REFUSED for f in result.files)
    out["duplicates"] = sum(len(f.duplicates) for f in result.files) + len(result.articles) - len(added)
    return out


def step_cpu(paths: list[Path], warm_up: list[Path]) -> dict:
    """CPU seconds per article of each worker step (read, tag, fingerprint), measured in this process over ``paths``.

    ``warm_up`` (other files) goes through the same steps first, untimed: a worker reads thousands of
    files, so its memos (token roles, word forms, names) are warm for nearly all of them, and timing
    the first few hundred files of a cold process would put the filling of those memos into every step.
    """
    taxonomy = load_taxonomy(None)
    for path in warm_up:
        try:
            for article in read_file(path):
                tag_article(article, taxonomy)
                fingerprint(article)
        except IngestError:
            continue
    steps = {"parse": 0.0, "tag": 0.0, "fingerprint": 0.0}
    read = 0
    for path in paths:
        t0 = time.process_time()
        try:
            articles = read_file(path)
        except IngestError:
            continue
        t1 = time.process_time()
        for article in articles:
            tag_article(article, taxonomy)
        t2 = time.process_time()
        for article in articles:
            fingerprint(article)
        steps["parse"] += t1 - t0
        steps["tag"] += t2 - t1
        steps["fingerprint"] += time.process_time() - t2
        read += len(articles)
    return {k: v / max(read, 1) for k, v in steps.items()}


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
        own, child, server = peak_rss_mb(), steps["worker_rss"], steps["server_rss"]
        library.close()
        stride = max(1, len(paths) // SAMPLE)
        per = step_cpu(paths[::stride], warm_up=paths[stride // 2 :: stride])
    print(f"dumps: {count} generated in {generated:.1f} s, {size / count / 1000:.1f} KB each on average, 4 layouts, "
          f"~3% same text in another layout, ~5% lightly edited copies")
    stopped = f", stopped by the {IMPORT_BUDGET:.0f} s budget" if imported_files < count else ""
    workers = steps["worker_count"]
    where = f"in {workers} worker processes" if workers else "in the main process (no workers)"
    print(f"import through jobs.import_into (parse + tag + fingerprint {where}, duplicates + add + FTS5 index in the main one): "
          f"{imported_files / imported:,.0f} articles/s ({imported_files} files in {imported:.1f} s{stopped}; "
          f"{steps['added']} added, {steps['duplicates']} duplicates not added, {steps['refused']} refused); bar ≥ 1,000/s")
    if filled:
        print(f"library filled up to {count} with {filled} altered copies of imported articles (for the query figure)")
    print(f"near-duplicate groups in the library: {len(groups)}")
    per.update({k: steps[k] / max(imported_files, 1) for k in ("store", "main")}, workers=steps["workers"])
    ms = {k: v * 1000 for k, v in per.items()}
    print(f"CPU time per article (process time, so a busy machine does not inflate it): parse {ms['parse']:.2f} ms, "
          f"tag {ms['tag']:.2f} ms, fingerprint {ms['fingerprint']:.2f} ms (each timed apart in the main process over "
          f"{SAMPLE} of the files, after as many others to warm its memos up); during the import: workers {ms['workers']:.2f} ms in all (from /proc), main process "
          f"{ms['main']:.2f} ms, of which store incl. FTS5 {ms['store']:.2f} ms (the rest: taking in the workers' results "
          f"and judging duplicates); the bar allows {os.cpu_count() or 1:.0f} ms of CPU per article in all on "
          f"{os.cpu_count()} cores")
    cores = os.cpu_count() or 1
    print(f"CPU-bound ceiling of this import on {cores} idle cores: {cores} / (workers + main process) = "
          f"{cores / (per['workers'] + per['main']):,.0f} articles/s (what the wall-clock rate above approaches "
          f"when nothing else runs)")
    print(f"save {saved:.2f} s, open {opened:.2f} s")
    print(f"query (text + theme/publisher/date/language/grade filters), {QUERIES} queries: p95 {p95:.1f} ms, "
          f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms, "
          f"median {statistics.median(hits):.0f} hits; bar ≤ 30 ms p95")
    during = steps["main_rss"] + workers * child + server
    print(f"peak RSS of the import: main process {steps['main_rss']:.0f} MB, largest worker {child:.0f} MB, fork server "
          f"{server:.0f} MB; all together ≤ {during:.0f} MB (pages the workers share with the fork server counted again "
          f"for each); bar ≤ 500 MB. Main process peak over the whole benchmark (filling up, reopening, querying): {own:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else COUNT)
