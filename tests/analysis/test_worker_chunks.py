"""analysis.workers: results come back complete and in article order, however the work is cut up."""

from __future__ import annotations

import os
import time

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
        # the first chunk is read here, the rest in a forked child (whose first part is never taken over)
        assert got[0][1] == os.getpid() and any(pid != os.getpid() for _, pid in got)


_PARENT = os.getpid()


def _slow_in_a_child(n: int) -> tuple[int, int]:
    if os.getpid() != _PARENT:
        time.sleep(0.02)  # a child on a busy machine
    return n * n, os.getpid()


@pytest.mark.skipif(not workers.sys.platform.startswith("linux"), reason="children are forked on Linux only")
def test_parts_no_child_has_started_are_read_here_in_order(monkeypatch):
    monkeypatch.setattr(workers, "MIN_PER_WORKER", 1)
    items = list(range(80))
    got = list(workers.iter_articles(_slow_in_a_child, items, 2, pieces=8, main_share_cut=0.5))
    assert [square for square, _ in got] == [n * n for n in items]
    pids = [pid for _, pid in got]
    child_share = pids[len(items) // 4 :]  # this process's own chunk is the first quarter
    assert os.getpid() in child_share[len(child_share) // 2 :], "the slow child's last parts were taken over"
    assert any(pid != os.getpid() for pid in child_share), "the child still read its first part"


def test_map_articles_is_iter_articles_as_a_list(monkeypatch):
    monkeypatch.setattr(workers, "MIN_PER_WORKER", 1)
    assert workers.map_articles(_square_and_pid, [3, 4, 5], 1) == [(9, os.getpid()), (16, os.getpid()), (25, os.getpid())]


def _square(n: int) -> tuple[int, str]:
    return n * n, "built here"


def _square_packed(n: int) -> int:
    return n * n


def _pack_never(result):
    raise AssertionError("the children call packed_fn, not fn then pack")


def _unpack_square(packed: int, n: int) -> tuple[int, str]:
    assert packed == n * n
    return packed, "sent packed"


@pytest.mark.parametrize("pieces", [1, 4])
def test_children_compute_the_packed_form_directly(monkeypatch, pieces):
    monkeypatch.setattr(workers, "MIN_PER_WORKER", 1)
    items = list(range(60))
    got = workers.map_articles(_square, items, 2, pack=_pack_never, unpack=_unpack_square,
                               packed_fn=_square_packed, pieces=pieces)
    assert [square for square, _ in got] == [n * n for n in items]
    if workers.sys.platform.startswith("linux"):
        # the first chunk is built here; the child's first part always comes back packed (pack itself is never called)
        assert got[0][1] == "built here" and got[-1][1] in ("sent packed", "built here")
        assert "sent packed" in {how for _, how in got}
