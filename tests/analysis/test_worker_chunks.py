"""analysis.workers: results come back complete and in article order, however the work is cut up."""

from __future__ import annotations

import os

import pytest

from briefpack.analysis import workers


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.parametrize("pieces", [1, 3, 8])
def test_iter_articles_keeps_order_in_pieces(monkeypatch, pieces):
    monkeypatch.setattr(workers, "MIN_PER_WORKER", 1)
    items = list(range(40))
    got = list(workers.iter_articles(_square_and_pid, items, 2, pieces=pieces, main_share_cut=0.1))
    assert [square for square, _ in got] == [n * n for n in items]
    if workers.sys.platform.startswith("linux"):
        # the first chunk is read here, the rest in a forked child
        assert got[0][1] == os.getpid() and got[-1][1] != os.getpid()


def test_map_articles_is_iter_articles_as_a_list(monkeypatch):
    monkeypatch.setattr(workers, "MIN_PER_WORKER", 1)
    assert workers.map_articles(_square_and_pid, [3, 4, 5], 1) == [(9, os.getpid()), (16, os.getpid()), (25, os.getpid())]
