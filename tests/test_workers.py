"""Work shared out among forked processes: results in order, errors where they belong, no worker left behind."""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

from buletin.runtime.workers import Aside, in_forks

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")

RANGES = [(start, start + 3) for start in range(0, 30, 3)]


def test_results_come_in_the_order_of_the_ranges_whatever_the_workers() -> None:
    items = list(range(30))  # inherited by the workers, not sent to them
    results = list(in_forks(lambda start, end: [item * item for item in items[start:end]], RANGES, workers=3))
    assert [value for chunk in results for value in chunk] == [item * item for item in items]
    assert multiprocessing.active_children() == []


def test_an_error_of_the_work_is_raised_here() -> None:
    def work(start: int, end: int) -> int:
        if start == 9:
            raise ValueError("range 9")
        return start
    with pytest.raises(ValueError, match="range 9"):
        list(in_forks(work, RANGES, workers=2))
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_is_an_error_not_a_wait() -> None:
    def work(start: int, end: int) -> int:
        if start == 6:
            os._exit(3)
        return start
    with pytest.raises(RuntimeError, match="stopped without a result"):
        list(in_forks(work, RANGES, workers=2))
    assert multiprocessing.active_children() == []


def test_a_result_that_cannot_be_sent_back_says_so() -> None:
    with pytest.raises(RuntimeError, match="could not send back its result"):
        list(in_forks(lambda start, end: threading.Lock(), RANGES, workers=2))


def test_stopping_early_stops_the_workers() -> None:
    results = in_forks(lambda start, end: start, RANGES, workers=2)
    assert next(results) == 0
    results.close()
    assert multiprocessing.active_children() == []


def test_work_aside_gives_its_result_or_its_error() -> None:
    assert Aside(lambda: 6 * 7).result() == 42
    failing = Aside(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result()
