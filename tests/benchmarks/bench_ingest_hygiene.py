"""Text hygiene at its limits: 200,000-character lines, a file just under the size cap, and a refused one.

Times ``read_articles`` on a page dump and on an HTML page whose body is a
single 200,000-character line (bar: well under a second each), decoding and
normalising a 29 MB cp1251 text (the largest file briefpack accepts), and
refusing a 35 MB file from its size alone (bar: effectively instant). Each
figure is the median of several runs. Run alone with
``python tests/benchmarks/bench_ingest_hygiene.py``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from briefpack.ingest import IngestError, read_articles, read_file  # noqa: E402
from briefpack.ingest.decode import decode_text  # noqa: E402
from briefpack.ingest.normalize import normalize_text  # noqa: E402

SENTENCE = "Negotiators returned to Geneva on Monday for a new round of talks on the ceasefire. "
RUSSIAN = "Россия и Северная Корея подписали протокол о расширении экономического сотрудничества. "


def _median(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    line = (SENTENCE * (200_000 // len(SENTENCE) + 1))[:200_000]
    dump = f"Talks resume in Geneva\n\n{line}\n".encode()
    html = f"<html><body><article><h1>Talks</h1><p>{line}</p></article></body></html>".encode()
    read_articles(dump, "warm.txt")  # first-call imports (dateparser, trafilatura) are not the line's cost
    read_articles(html, "warm.html")
    print(f"page dump with one 200,000-character line: {_median(lambda: read_articles(dump, 'long.txt')):.3f} s; bar < 1 s")
    print(f"HTML page with one 200,000-character paragraph: {_median(lambda: read_articles(html, 'long.html')):.3f} s; bar < 1 s")

    big = (RUSSIAN * (29 * 1024 * 1024 // len(RUSSIAN.encode('cp1251')))).encode("cp1251")
    seconds = _median(lambda: normalize_text(decode_text(big) or ""), runs=3)
    print(f"decode + normalise {len(big) / 2**20:.0f} MB of cp1251 text: {seconds:.2f} s; bar: none (largest accepted file)")

    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.txt"
        with huge.open("wb") as f:
            f.truncate(35 * 1024 * 1024)

        def refuse() -> None:
            try:
                read_file(huge)
            except IngestError:
                return
            raise AssertionError("a 35 MB file was accepted")

        print(f"refuse a 35 MB file by its size: {_median(refuse) * 1000:.2f} ms; bar < 10 ms (nothing read)")


if __name__ == "__main__":
    main()
