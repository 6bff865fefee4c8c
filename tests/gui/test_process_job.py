"""``run_in_process``: the answer of a child process, its exception, and a cancel that stops it at once."""

from __future__ import annotations

import math
import operator
import pickle
import threading
import time

import pytest

from briefpack.gui.process_job import PIECE, pack, run_in_process, unpack
from briefpack.gui.tasks import FindingsInputs
from briefpack.jobs import CancelToken
from desk_data import desk_articles


def test_the_child_answers_and_its_exceptions_come_back():
    assert run_in_process(math.factorial, (20,), CancelToken()) == 2432902008176640000
    with pytest.raises(ZeroDivisionError):
        run_in_process(operator.truediv, (1, 0), CancelToken())


def test_a_cancel_terminates_the_child_without_waiting_for_it():
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    started = time.perf_counter()
    assert run_in_process(time.sleep, (60,), token) is None
    assert time.perf_counter() - started < 20


def test_long_tuples_travel_in_pieces_and_come_back_whole():
    base = desk_articles()
    articles = tuple(a.with_changes(id=f"{a.id}-{n}") for n in range(PIECE) for a in base)
    inputs = FindingsInputs(articles, (), (("alpha.example", "A"),))
    packed = pack(inputs)
    assert packed is not inputs and not isinstance(packed.articles, tuple), "the articles are pickled in pieces"
    assert len(packed.articles.pieces) == -(-len(articles) // PIECE)
    assert inputs.articles == articles, "the caller's value is left alone"
    assert unpack(pickle.loads(pickle.dumps(packed))) == inputs
    short = FindingsInputs(base, (), ())
    assert pack(short) is short, "short tuples travel as they are"


def test_a_packed_answer_comes_back_pickled_and_unpacks_in_steps():
    from briefpack.gui.process_job import Pickled, unpack_steps

    base = desk_articles()
    articles = tuple(a.with_changes(id=f"{a.id}-{n}") for n in range(PIECE) for a in base)
    inputs = FindingsInputs(articles, (("x", 1, "diplomacy"),), ())
    answer = run_in_process(echo, (inputs,), CancelToken(), packed_answer=True)
    assert isinstance(answer, Pickled), "nothing is unpickled on the calling thread"
    steps = unpack_steps(answer)
    taken = 0
    while True:
        try:
            next(steps)
            taken += 1
        except StopIteration as stop:
            value = stop.value
            break
    assert value == inputs
    assert taken == 1 + -(-len(articles) // PIECE), "one step for the answer, then one per piece"


def echo(value):
    return value
