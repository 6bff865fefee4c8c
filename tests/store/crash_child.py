"""The process test_crash_kill.py kills: opens (or creates) a project, then imports and saves in a loop.

Run as ``python crash_child.py PROJECT``. Prints ``ready N`` once the
project is open with N articles, ``saving`` before each save and
``saved N`` after it, flushing each line so the killer knows what was
saved before the kill.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from store_data import make_article, make_tags

from briefpack.store import Project

BATCH = 3


def article(n: int):
    """Article ``n``, always the same: ten paragraphs of words drawn with seed ``n``, so every save is large."""
    rng = random.Random(n)
    words = [f"word{rng.randrange(5000)}" for _ in range(600)]
    return make_article(n, [" ".join(words[i : i + 60]) + f" Pyongyang {n}." for i in range(0, 600, 60)])


def main(path: Path) -> None:
    project = Project.open(path) if path.exists() else Project.new(path)
    n = len(project.articles)
    print(f"ready {n}", flush=True)
    while True:
        batch = [article(m) for m in range(n, n + BATCH)]
        project.add_articles([(a, make_tags(a)) for a in batch])
        project.correct(batch[0].id, "publisher", f"corrected {n}")
        n += BATCH
        print("saving", flush=True)
        project.save()
        print(f"saved {n}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
