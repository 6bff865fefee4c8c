"""``run_in_process``: the answer of a child process, its exception, and a cancel that stops it at once."""

from __future__ import annotations

import math
import operator
import threading
import time

import pytest

from briefpack.gui.process_job import run_in_process
from briefpack.jobs import CancelToken


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
