"""Saving and opening stay fast as projects grow (the full 10,000-article figures: tests/benchmarks/bench_store.py).

Marked slow: it builds 2,000 articles of 20 paragraphs. The bars are
generous, a few times the measured figures, so only a real regression (a
quadratic step, a lost bulk path) fails it on a busy machine; run with
``-s`` to see the times.
"""

from __future__ import annotations

import random
import time

import pytest
from store_data import make_article

from briefpack.model.theme import ThemeTag
from briefpack.store import Project

ARTICLES = 2_000
PARAGRAPHS = 20


@pytest.mark.slow
def test_save_and_open_2000_articles(tmp_path):
    rng = random.Random(3)
    vocab = [f"w{n}" for n in range(5_000)] + ["Pyongyang"] * 50
    project = Project.new(tmp_path / "big.briefpack")
    started = time.perf_counter()
    for n in range(ARTICLES):
        article = make_article(n, [" ".join(rng.choices(vocab, k=60)) for _ in range(PARAGRAPHS)])
        project.add_article(article)
        project.set_tags(article.id, [ThemeTag(article.id, i, "military", ("w1",), 0.5) for i in range(2, 12)])
    added = time.perf_counter() - started

    started = time.perf_counter()
    project.save()
    saved = time.perf_counter() - started

    started = time.perf_counter()
    again = Project.open(project.path)
    opened = time.perf_counter() - started

    started = time.perf_counter()
    hits = again.search("pyongyang")
    searched = time.perf_counter() - started

    print(f"\n{ARTICLES} articles x {PARAGRAPHS} paragraphs: add {added:.2f} s, save {saved:.2f} s, "
          f"open {opened:.2f} s, search {searched * 1000:.0f} ms ({len(hits)} hits)")
    assert len(again.articles) == ARTICLES and again.articles[-1] == project.articles[-1]
    assert hits == project.search("pyongyang")
    assert saved < 3.0
    assert opened < 5.0
    assert searched < 1.0
